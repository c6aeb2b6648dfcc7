import { isLanguageTag, parseLanguageTag, textDirectionOf } from './language-tag';

describe('language tags', () => {
  it.each([
    ['es', 'es'],
    ['ZH-hant-tw', 'zh-Hant-TW'],
    ['es-419', 'es-419'],
    ['sr-Latn-RS', 'sr-Latn-RS'],
    ['ht', 'ht'],
    ['fil', 'fil'],
    ['de-CH-1901', 'de-CH-1901'],
    ['ar-arz', 'ar-arz'],
    ['en-US-u-ca-gregory', 'en-US-u-ca-gregory'],
    ['en-x-clinic', 'en-x-clinic'],
  ])('reads %s as %s', (input, tag) => {
    expect(parseLanguageTag(input)?.tag).toBe(tag);
  });

  it('names the language, script and region', () => {
    expect(parseLanguageTag('zh-Hant-TW')).toEqual({ tag: 'zh-Hant-TW', language: 'zh', script: 'Hant', region: 'TW' });
    expect(parseLanguageTag('fa')).toEqual({ tag: 'fa', language: 'fa', script: null, region: null });
  });

  it.each(['', ' es', 'es ', 'e', 'español', 'es_ES', 'es--ES', 'es-', 'x-private', 'und', 'mul', 'zxx', 'qaa', 'en-a-bbb-a-ccc', 'i-klingon', '12', 'es-ES-ES', 'en-u', `${'a'.repeat(70)}`, 'es;DROP'])(
    'refuses %p',
    (input) => {
      expect(parseLanguageTag(input)).toBeNull();
      expect(isLanguageTag(input)).toBe(false);
    },
  );

  it('refuses what is not a string', () => {
    for (const value of [null, undefined, 3, {}, ['es']]) expect(isLanguageTag(value)).toBe(false);
  });
});

describe('text direction', () => {
  it.each(['ar', 'fa', 'ur', 'he', 'yi', 'ps', 'ckb', 'sd', 'ug', 'dv', 'prs', 'ar-EG', 'ar-arz', 'fa-AF', 'he-IL', 'AR'])('%s is right to left', (tag) => {
    expect(textDirectionOf(tag)).toBe('rtl');
  });

  it.each(['es', 'zh', 'zh-Hant', 'vi', 'tl', 'fil', 'ko', 'ru', 'fr', 'ht', 'pt-BR', 'de', 'ja', 'hi', 'pl', 'en', 'ku', 'az', 'pa'])('%s is left to right', (tag) => {
    expect(textDirectionOf(tag)).toBe('ltr');
  });

  it('follows the script when the tag names one', () => {
    expect(textDirectionOf('ur-Latn')).toBe('ltr');
    expect(textDirectionOf('az-Arab')).toBe('rtl');
    expect(textDirectionOf('pa-Arab')).toBe('rtl');
    expect(textDirectionOf('yi-Hebr')).toBe('rtl');
    expect(textDirectionOf('ff-Adlm')).toBe('rtl');
    expect(textDirectionOf('ms-Arab')).toBe('rtl');
    expect(textDirectionOf('ar-Latn')).toBe('ltr');
  });

  it('follows the region where a language is usually written right to left there', () => {
    expect(textDirectionOf('az-IR')).toBe('rtl');
    expect(textDirectionOf('pa-PK')).toBe('rtl');
    expect(textDirectionOf('pa-IN')).toBe('ltr');
    expect(textDirectionOf('az-AZ')).toBe('ltr');
  });

  it('reads an ill-formed tag left to right', () => {
    expect(textDirectionOf('not a tag')).toBe('ltr');
  });
});
