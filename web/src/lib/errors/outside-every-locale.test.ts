import { readdirSync } from 'fs';
import path from 'path';
import { API_ROUTES, isOutsideEveryLocale, SITE_ROOT_FILES } from './outside-every-locale';

const LOCALES = ['en', 'es'];

describe('a page outside every locale', () => {
  it('is any path whose first segment is no locale, file or API', () => {
    for (const pathname of ['/favicon.ico/x', '/nope.html', '/wp-login.php', '/.env', '/xx-invalid/thing.json', '/EN/x.y', '/robots.txt/more', '/sitemap.xml.bak', '/apiary/x.y', '/nope', '/api', '/api/nope', '/api/preview/x', '/api/revalidate.json']) {
      expect({ pathname, outside: isOutsideEveryLocale(pathname, LOCALES) }).toEqual({ pathname, outside: true });
    }
  });

  it('is not a page under a locale, the root files, Next’s own paths, API routes or the root', () => {
    for (const pathname of ['/', '/en', '/es/x.y', '/en/procedures/a.b', '/favicon.ico', '/icon.svg', '/apple-icon.png', '/robots.txt', '/sitemap.xml', '/_next/image', '/_next/data/x/y.json', '/api/preview', '/api/preview/disable', '/api/revalidate']) {
      expect({ pathname, outside: isOutsideEveryLocale(pathname, LOCALES) }).toEqual({ pathname, outside: false });
    }
  });

  it('knows every file src/app serves at the root (a new icon or route must be added here)', () => {
    const served = readdirSync(path.join(__dirname, '../../app'))
      .filter((name) => /^(favicon\.ico|icon\.\w+|apple-icon\.\w+|robots\.ts|sitemap\.ts|manifest\.\w+|opengraph-image\.\w+|twitter-image\.\w+)$/.test(name))
      .map((name) => `/${name.replace(/^robots\.ts$/, 'robots.txt').replace(/^sitemap\.ts$/, 'sitemap.xml')}`);
    expect(new Set(served)).toEqual(SITE_ROOT_FILES);
  });

  it('knows every route handler under src/app/api (a new one must be added here)', () => {
    const handlers: string[] = [];
    const walk = (dir: string, route: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory()) walk(path.join(dir, entry.name), `${route}/${entry.name}`);
        else if (/^route\.(ts|js)$/.test(entry.name)) handlers.push(route);
      }
    };
    walk(path.join(__dirname, '../../app/api'), '/api');
    expect(new Set(handlers)).toEqual(API_ROUTES);
  });
});
