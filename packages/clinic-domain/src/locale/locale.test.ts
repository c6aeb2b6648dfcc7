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
