import { siteRouting } from './routing';

describe('the site’s routing', () => {
  it('serves the CMS’s locales, with the CMS’s default', () => {
    const routing = siteRouting([
      { code: 'en', name: 'English', isDefault: false },
      { code: 'es', name: 'Español', isDefault: true },
      { code: 'fr', name: 'Français', isDefault: false },
    ]);
    expect(routing).toMatchObject({ locales: ['en', 'es', 'fr'], defaultLocale: 'es', localePrefix: 'always', alternateLinks: false });
  });

  it('falls back to one locale while the CMS has never answered', () => {
    const routing = siteRouting([]);
    expect(routing.locales).toEqual([routing.defaultLocale]);
  });

  it('remembers the visitor’s language site-wide for a year', () => {
    expect(siteRouting([]).localeCookie).toMatchObject({ name: 'NEXT_LOCALE', path: '/', maxAge: 31_536_000 });
  });
});
