import createMiddleware from 'next-intl/middleware';
import { NextRequest } from 'next/server';
import { siteRouting } from './i18n/routing';
import type { SiteLocale } from './lib/cms/types';
import { proxy } from './proxy';

// The CMS's locales as the proxy would fetch them (jest.mock is hoisted above the imports).
const cms: { locales: SiteLocale[]; up: boolean; phone: string | null } = { locales: [], up: true, phone: '+1 (262) 555-0142' };
const localeReads = jest.fn(async () => cms.locales);
jest.mock('./lib/cms/site-locales', () => ({ getSiteLocales: () => localeReads() }));
jest.mock('./lib/cms/cms-reachability', () => ({ lastClinicPhone: () => cms.phone }));
jest.mock('./lib/cms/cms-outage', () => ({ cmsKnownDown: () => !cms.up }));

const EN_ES: SiteLocale[] = [
  { code: 'en', name: 'English (en)', isDefault: true },
  { code: 'es', name: 'Spanish (es)', isDefault: false },
];

function request(path: string, { language, cookie, method, dest = 'document' }: { language?: string; cookie?: string; method?: string; dest?: string | null } = {}) {
  const headers = new Headers();
  if (dest !== null) headers.set('sec-fetch-dest', dest);
  if (language) headers.set('accept-language', language);
  if (cookie) headers.set('cookie', cookie);
  return new NextRequest(`http://site.test${path}`, { headers, method });
}
const visit = (path: string, options: Parameters<typeof request>[1] = {}) => proxy(request(path, options));
const redirectOf = (response: Response) => (response.headers.get('location') ? new URL(response.headers.get('location')!).pathname : null);

describe('the proxy', () => {
  beforeEach(() => {
    localeReads.mockClear();
    cms.locales = EN_ES;
    cms.up = true;
    cms.phone = '+1 (262) 555-0142';
  });

  it('sends "/" to the remembered language, then the browser’s, then the default', async () => {
    expect(redirectOf(await visit('/', { language: 'es-MX,es;q=0.9', cookie: 'NEXT_LOCALE=en' }))).toBe('/en');
    expect(redirectOf(await visit('/', { language: 'es-MX,es;q=0.9' }))).toBe('/es');
    expect(redirectOf(await visit('/', { language: 'de-DE' }))).toBe('/en');
    expect(redirectOf(await visit('/', { cookie: 'NEXT_LOCALE=xx' }))).toBe('/en');
    const response = await visit('/', { language: 'es' });
    expect(response.status).toBe(307);
    expect(response.headers.get('vary')).toMatch(/Accept-Language.*Cookie/);
  });

  it('uses the CMS’s default locale, and serves a locale the CMS adds without a deploy', async () => {
    cms.locales = [{ ...EN_ES[0]!, isDefault: false }, { ...EN_ES[1]!, isDefault: true }];
    expect(redirectOf(await visit('/'))).toBe('/es');
    expect(redirectOf(await visit('/fr/procedures', { language: 'fr' }))).toBe('/es/fr/procedures');
    cms.locales = [...EN_ES, { code: 'fr', name: 'French (fr)', isDefault: false }];
    expect(redirectOf(await visit('/fr/procedures'))).toBeNull();
    expect(redirectOf(await visit('/', { language: 'fr-CA' }))).toBe('/fr');
  });

  it('answers a malformed path anywhere with a 4xx that says why, and lets API routes through unrouted', async () => {
    for (const path of ['/en/procedures/%ff%fe', '/en/providers/%', '/%E0%A4%A', '/api/preview/%C0%AF', '/en/%ff.png']) {
      const response = await visit(path);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await response.text()).toMatch(/<h1>The address is not valid<\/h1>/);
    }
    expect((await visit('/en/' + 'a'.repeat(3000))).status).toBe(414);
    const api = await visit('/api/preview?path=/en');
    expect(api.headers.get('x-middleware-next')).toBe('1');
    expect(redirectOf(api)).toBeNull();
  });

  it('lets a page in a known locale through, with no Link header (pages write their own hreflang)', async () => {
    const response = await visit('/es/procedures/vertebroplastia-y-cifoplastia', { language: 'es' });
    expect(redirectOf(response)).toBeNull();
    expect(response.headers.get('x-middleware-next')).toBe('1');
    expect(response.headers.get('link')).toBeNull();
  });

  it('answers a path outside every locale under the visitor’s language, where it is a 404 in that language', async () => {
    expect(redirectOf(await visit('/xx/procedures', { language: 'es-MX' }))).toBe('/es/xx/procedures');
  });

  it('remembers the language the visitor reads in for their next visit to "/"', async () => {
    const response = await visit('/en/faq', { language: 'es', cookie: 'NEXT_LOCALE=es' });
    expect(response.headers.get('set-cookie')).toMatch(/NEXT_LOCALE=en;.*Path=\//i);
    expect(response.headers.get('set-cookie')).toMatch(/Max-Age=31536000/i);
  });

  it('serves the fallback locale alone while the CMS has never answered', async () => {
    cms.locales = [];
    expect(redirectOf(await visit('/', { language: 'es' }))).toBe('/en');
  });

  it('answers a literal percent sign (%25) in a path with a 400 page, not Next’s 500', async () => {
    for (const path of ['/en/%25', '/en/procedures/100%25-safe', '/es/%25ff', '/en/providers/a%25b']) {
      const response = await visit(path);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-security-policy')).toBeTruthy();
      expect(await response.text()).toMatch(/percent sign|signo de porcentaje/);
    }
  });

  it('answers any method but GET and HEAD on a page or file with a 405 naming them, and lets API routes take theirs', async () => {
    for (const method of ['PUT', 'PATCH', 'DELETE', 'PROPFIND', 'OPTIONS', 'POST']) {
      for (const path of ['/en', '/es/procedimientos/x', '/sitemap.xml', '/']) {
        const response = await visit(path, { method });
        expect(response.status).toBe(405);
        expect(response.headers.get('allow')).toBe('GET, HEAD');
        expect(response.headers.get('content-security-policy')).toBeTruthy();
      }
    }
    expect((await visit('/en', { method: 'HEAD' })).status).not.toBe(405);
    for (const path of ['/api/revalidate', '/api/preview?path=/en']) {
      expect((await visit(path, { method: 'POST' })).headers.get('x-middleware-next')).toBe('1');
    }
    const propfind = await visit('/api/preview', { method: 'PROPFIND' });
    expect(propfind.status).toBe(405);
    expect(propfind.headers.get('allow')).toBe('GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS');
  });

  it('marks draft previews noindex and uncacheable', async () => {
    const response = await visit('/es/faq', { cookie: '__prerender_bypass=1' });
    expect(response.headers.get('x-robots-tag')).toMatch(/noindex/);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(redirectOf(await visit('/es/faq'))).toBeNull();
    expect((await visit('/es/faq')).headers.get('x-robots-tag')).toBeNull();
  });

  it('answers a malformed path with an HTML page in the visitor’s language: the phone as a tel: link and a link home', async () => {
    const html = await (await visit('/es/procedimientos/%ff', { language: 'en' })).text();
    expect(html).toContain('<html lang="es">');
    expect(html).toContain('<h1>La dirección no es válida</h1>');
    expect(html).toContain('<a href="tel:+12625550142">+1 (262) 555-0142</a>');
    expect(html).toContain('<a href="/es">Ir a la página de inicio</a>');
    cms.phone = null;
    expect(await (await visit('/%ff', { language: 'es-MX' })).text()).toContain('llame a la clínica');
  });

  it('with the CMS down, answers a page Next cannot serve with a localized 503 and Retry-After (its own server is not there in this test)', async () => {
    cms.up = false;
    const port = process.env.PORT;
    process.env.PORT = '9'; // nothing listens there: the page cannot be had
    const response = await visit('/es/procedimientos/nuevo');
    process.env.PORT = port;
    expect(response.status).toBe(503);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    const html = await response.text();
    expect(html).toContain('<h1>Esta página no está disponible en este momento</h1>');
    expect(html).toContain('href="tel:+12625550142"');
    expect((await visit('/', { language: 'es' })).status).toBe(307);
  });

  it('lets a cached page’s request through without asking the CMS or waiting on anything, once it knows the locales', async () => {
    await visit('/');
    localeReads.mockClear();
    for (const path of ['/es/procedures/vertebroplastia-y-cifoplastia', '/en/faq', '/es']) {
      const response = await visit(path, { cookie: 'NEXT_LOCALE=es' });
      expect(response.headers.get('x-middleware-next')).toBe('1');
      expect(response.headers.get('x-middleware-request-x-next-intl-locale')).toBe(path.split('/')[1]);
    }
    expect(localeReads).not.toHaveBeenCalled();
    // Anything that needs the routing decision reads the locales (the read refreshes itself at most once a minute).
    await visit('/');
    await visit('/fr/procedures');
    expect(localeReads).toHaveBeenCalledTimes(2);
  });

  it('keeps the locale cookie on a known page exactly as next-intl does, for every visitor', async () => {
    await visit('/');
    const nextIntl = createMiddleware(siteRouting(EN_ES));
    // Expires is the same date one year on, but may fall a second apart between the two calls.
    const cookieOf = (response: Response) => response.headers.get('set-cookie')?.replace(/Expires=[^;]*; /, '') ?? null;
    for (const path of ['/en/faq', '/es/faq']) {
      for (const cookie of [undefined, 'NEXT_LOCALE=en', 'NEXT_LOCALE=es', 'NEXT_LOCALE=xx']) {
        for (const language of [undefined, 'es-MX,es;q=0.9', 'en-US', 'de']) {
          for (const dest of ['document', null, 'empty'] as const) {
            const options = { cookie, language, dest };
            expect([path, options, cookieOf(await visit(path, options))]).toEqual([path, options, cookieOf(nextIntl(request(path, options)))]);
          }
        }
      }
    }
  });

  it('sends a draft preview, and every page while the CMS is taken to be down, through the full routing', async () => {
    await visit('/');
    localeReads.mockClear();
    await visit('/es/faq', { cookie: '__prerender_bypass=1' });
    expect(localeReads).toHaveBeenCalledTimes(1);
    cms.up = false;
    const port = process.env.PORT;
    process.env.PORT = '9';
    expect((await visit('/es/faq', { cookie: 'NEXT_LOCALE=es' })).status).toBe(503);
    process.env.PORT = port;
  });
});
