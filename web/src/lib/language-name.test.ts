import { languageNameIn, nativeLanguageName } from './language-name';

describe('language names', () => {
  it('names each language in itself for the switcher', () => {
    expect(nativeLanguageName('es')).toBe('Español');
    expect(nativeLanguageName('en')).toBe('English');
  });
  it('names a language in the reader’s language for notices', () => {
    expect(languageNameIn('en', 'es')).toBe('inglés');
    expect(languageNameIn('es', 'en')).toBe('Spanish');
  });
});
