import { chooseContentLocale, unknownLocaleMessage } from './locale';

describe('locale rules', () => {
  it('accepts configured locales and names the available ones otherwise', () => {
    expect(unknownLocaleMessage('es', ['en', 'es'])).toBeNull();
    expect(unknownLocaleMessage('xx', ['en', 'es'])).toBe('Unknown locale "xx". Available locales: en, es.');
  });

  it('falls back to the default locale only when the requested one is unpublished', () => {
    expect(chooseContentLocale('es', ['en', 'es'], 'en')).toEqual({ locale: 'es', isFallback: false });
    expect(chooseContentLocale('fr', ['en', 'es'], 'en')).toEqual({ locale: 'en', isFallback: true });
    expect(chooseContentLocale('es', ['fr'], 'en')).toBeNull();
  });
});

import { negotiateLocale } from './locale';

describe('negotiateLocale', () => {
  const available = ['en', 'es'];
  it('prefers the visitor’s earlier choice', () => {
    expect(negotiateLocale({ cookieLocale: 'es', acceptLanguage: 'en-US', available, defaultLocale: 'en' })).toBe('es');
  });
  it('ignores a cookie for a locale that no longer exists', () => {
    expect(negotiateLocale({ cookieLocale: 'fr', acceptLanguage: 'es-MX,es;q=0.9', available, defaultLocale: 'en' })).toBe('es');
  });
  it('matches Accept-Language by quality, then by language', () => {
    expect(negotiateLocale({ acceptLanguage: 'fr;q=0.9, es-419;q=0.8, en;q=0.5', available, defaultLocale: 'en' })).toBe('es');
    expect(negotiateLocale({ acceptLanguage: 'en-GB', available, defaultLocale: 'es' })).toBe('en');
  });
  it('falls back to the default', () => {
    expect(negotiateLocale({ acceptLanguage: 'de-DE,fr;q=0.5', available, defaultLocale: 'en' })).toBe('en');
    expect(negotiateLocale({ available, defaultLocale: 'en' })).toBe('en');
  });
});
