import { MAX_TAGLINES, taglineParts, validateTaglines } from './language-assistance';

const spanish = { language: 'es', languageName: 'Español', text: 'Ayuda gratuita con el idioma. Llame al {phone}.' };
const persian = { language: 'fa', languageName: 'فارسی', text: 'کمک زبانی رایگان. با {phone} تماس بگیرید.' };

const problemsOf = (input: unknown) => {
  const decision = validateTaglines(input);
  return decision.valid ? [] : decision.problems;
};

describe('validating taglines', () => {
  it('accepts well-formed taglines and gives each its canonical tag and direction', () => {
    expect(validateTaglines([spanish, { ...persian, language: 'FA' }, { language: 'zh-hant', languageName: ' 繁體中文 ', text: ' 免費語言協助，請致電 {phone}。 ' }])).toEqual({
      valid: true,
      taglines: [
        { language: 'es', direction: 'ltr', languageName: 'Español', text: spanish.text },
        { language: 'fa', direction: 'rtl', languageName: 'فارسی', text: persian.text },
        { language: 'zh-Hant', direction: 'ltr', languageName: '繁體中文', text: '免費語言協助，請致電 {phone}。' },
      ],
    });
  });

  it('accepts no taglines at all (a clinic that has not written them yet)', () => {
    expect(validateTaglines([])).toEqual({ valid: true, taglines: [] });
    expect(validateTaglines(undefined)).toEqual({ valid: true, taglines: [] });
  });

  it('refuses a missing or ill-formed language tag, naming the tagline', () => {
    expect(problemsOf([{ ...spanish, language: '' }])).toEqual(['Tagline 1: a language tag is required, e.g. "es" or "zh-Hant".']);
    expect(problemsOf([spanish, { ...persian, language: 'Persian' }])).toEqual([
      'Tagline 2 (Persian): "Persian" is not a BCP 47 language tag of one language (e.g. "es", "zh-Hant", "fa").',
    ]);
  });

  it('refuses empty text and an empty language name', () => {
    expect(problemsOf([{ ...spanish, text: '   ' }])).toEqual(['Tagline 1 (es): the tagline\'s text is required.']);
    expect(problemsOf([{ ...spanish, languageName: '' }])).toEqual(['Tagline 1 (es): the language\'s name (as its speakers write it) is required.']);
    expect(problemsOf([{ language: 'es' }])).toHaveLength(2);
  });

  it('asks for {phone} exactly once, and for no number typed into the text', () => {
    expect(problemsOf([{ ...spanish, text: 'Ayuda gratuita.' }])).toEqual(["Tagline 1 (es): write {phone} exactly once where the clinic's phone number goes (found 0)."]);
    expect(problemsOf([{ ...spanish, text: 'Llame al {phone} o al {phone}.' }])).toEqual(["Tagline 1 (es): write {phone} exactly once where the clinic's phone number goes (found 2)."]);
    expect(problemsOf([{ ...spanish, text: 'Llame al {telefono} ({phone}).' }])).toEqual(['Tagline 1 (es): unknown placeholder {telefono}; only {phone} is filled in.']);
    expect(problemsOf([{ ...spanish, text: 'Llame al (555) 010-2030 {phone}.' }])).toEqual([
      "Tagline 1 (es): the text contains a phone number; write {phone} instead, and the clinic's number is filled in.",
    ]);
    // Persian digits are digits too.
    expect(problemsOf([{ ...persian, text: 'با ۵۵۵۰۱۰۲۰۳۰ یا {phone} تماس بگیرید.' }])).toHaveLength(1);
    // A short number (a year, an extension) is not a phone number.
    expect(problemsOf([{ ...spanish, text: 'Desde 2026, llame al {phone}.' }])).toEqual([]);
  });

  it('refuses the same language twice, whatever its casing', () => {
    expect(problemsOf([spanish, { ...spanish, language: 'ES' }])).toEqual(['Tagline 2 (ES): the same language as tagline 1; keep one tagline per language.']);
    expect(problemsOf([spanish, { ...spanish, language: 'es-MX' }])).toEqual([]);
  });

  it('refuses what is not a list of taglines, and too many', () => {
    expect(problemsOf('es')).toEqual(['Taglines must be a list.']);
    expect(problemsOf([null])).toEqual(['Tagline 1: not a tagline.']);
    const many = Array.from({ length: MAX_TAGLINES + 1 }, (_, i) => ({ ...spanish, language: `es-${String(100 + i)}` }));
    expect(problemsOf(many)).toEqual([`At most ${MAX_TAGLINES} taglines; found ${MAX_TAGLINES + 1}.`]);
  });

  it('refuses text longer than a tagline', () => {
    expect(problemsOf([{ ...spanish, text: `${'a'.repeat(600)} {phone}` }])).toEqual(['Tagline 1 (es): the text is longer than 600 characters.']);
  });
});

describe('the phone number in a tagline', () => {
  it('goes where the tagline writes {phone}', () => {
    expect(taglineParts('Llame al {phone}.', '+1 555 0100')).toEqual([
      { kind: 'text', text: 'Llame al ' },
      { kind: 'phone', phone: '+1 555 0100' },
      { kind: 'text', text: '.' },
    ]);
    expect(taglineParts('{phone} までお電話ください。', '555')).toEqual([
      { kind: 'phone', phone: '555' },
      { kind: 'text', text: ' までお電話ください。' },
    ]);
  });

  it('goes at the end of a tagline saved without the placeholder', () => {
    expect(taglineParts('Free help.', '555')).toEqual([
      { kind: 'text', text: 'Free help. ' },
      { kind: 'phone', phone: '555' },
    ]);
  });
});
