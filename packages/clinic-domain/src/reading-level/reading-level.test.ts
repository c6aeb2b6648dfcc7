import { syllable } from 'syllable';
import {
  countText,
  DEFAULT_READING_LEVEL_TARGET,
  fernandezHuertaEase,
  fleschKincaidGrade,
  gradeFromFernandezHuerta,
  MAX_GRADE,
  MIN_GRADE,
  readingLevel,
  readingLevelTarget,
  readsAboveTarget,
} from './reading-level';
import { plainTextOf } from './plain-text';
import { spanishSyllableCount } from './spanish-syllables';

const EASY_EN =
  'You will lie on your front. The doctor numbs your back. A thin needle goes into the bone. ' +
  'Then the doctor puts in a kind of cement. It sets in a few minutes. Most people go home the same day.';
const HARD_EN =
  'Percutaneous vertebral augmentation stabilizes osteoporotic compression fractures through fluoroscopically guided ' +
  'transpedicular instrumentation, whereupon polymethylmethacrylate is injected, consequently diminishing nociceptive ' +
  'stimulation attributable to microfracture mobility.';
const EASY_ES =
  'Usted se acuesta boca abajo. El médico duerme la zona. Una aguja fina entra en el hueso. ' +
  'Luego pone un cemento. Se seca en pocos minutos. Casi todos vuelven a casa el mismo día.';
const HARD_ES =
  'La augmentación vertebral percutánea estabiliza las fracturas osteoporóticas por compresión mediante instrumentación ' +
  'transpedicular guiada fluoroscópicamente, inyectándose polimetilmetacrilato, disminuyendo consecuentemente la ' +
  'estimulación nociceptiva atribuible a la movilidad microfracturaria.';

describe('the formulas', () => {
  it('Flesch-Kincaid grade: 0.39 × words per sentence + 11.8 × syllables per word − 15.59', () => {
    expect(fleschKincaidGrade({ words: 100, sentences: 5, syllables: 150 })).toBeCloseTo(9.91, 5);
  });

  it('Fernández-Huerta: 206.84 − 0.60 × syllables per 100 words − 1.02 × sentences per 100 words', () => {
    expect(fernandezHuertaEase({ words: 100, sentences: 5, syllables: 200 })).toBeCloseTo(81.74, 5);
  });

  it("reads Fernández-Huerta's table as grades: 100 is 4th grade, 65 is 8th, 0 is past university", () => {
    expect(gradeFromFernandezHuerta(100)).toBe(4);
    expect(gradeFromFernandezHuerta(90)).toBe(5);
    expect(gradeFromFernandezHuerta(65)).toBe(8);
    expect(gradeFromFernandezHuerta(55)).toBeCloseTo(10.5, 5);
    expect(gradeFromFernandezHuerta(0)).toBe(18);
    expect(gradeFromFernandezHuerta(130)).toBe(4);
    expect(gradeFromFernandezHuerta(-20)).toBe(18);
  });
});

describe('countText', () => {
  it('counts words, sentences and syllables', () => {
    expect(countText('The cat sat. A doctor called!', syllable)).toEqual({ words: 6, sentences: 2, syllables: 7 });
    expect(countText('¿Le duele? Sí, un poco.', spanishSyllableCount)).toEqual({ words: 5, sentences: 2, syllables: 7 });
  });

  it('does not end a sentence inside a number', () => {
    expect(countText('Take 2.5 mg twice a day.', syllable).sentences).toBe(1);
  });
});

describe('readingLevel', () => {
  it('scores plain English patient text below grade 4 and dense clinical prose far above it', () => {
    const easy = readingLevel(EASY_EN, 'en');
    const hard = readingLevel(HARD_EN, 'en');
    expect(easy).toMatchObject({ scored: true, formula: 'flesch-kincaid', words: 40, sentences: 6 });
    expect(easy.scored && easy.grade).toBeLessThan(4);
    expect(hard.scored && hard.grade).toBeGreaterThan(16);
  });

  it('scores Spanish with Fernández-Huerta: plain text easy, clinical prose very difficult', () => {
    const easy = readingLevel(EASY_ES, 'es');
    const hard = readingLevel(HARD_ES, 'es');
    expect(easy).toMatchObject({ scored: true, formula: 'fernandez-huerta', words: 34, sentences: 6 });
    // 75.9: "fairly easy" on Fernández-Huerta's table, about 6th grade.
    expect(easy.scored && easy.ease).toBeCloseTo(75.9, 1);
    expect(easy.scored && easy.grade).toBeLessThan(7);
    expect(hard.scored && hard.ease).toBeLessThan(30);
    expect(hard.scored && hard.grade).toBeGreaterThan(16);
  });

  it('reads a regional locale by its language', () => {
    expect(readingLevel(EASY_ES, 'es-MX')).toEqual(readingLevel(EASY_ES, 'es'));
    expect(readingLevel(EASY_EN, 'en-GB')).toEqual(readingLevel(EASY_EN, 'en'));
  });

  it('scores markdown as the words a patient reads', () => {
    const markdown =
      '## What happens\n\nYou will lie on your **front**. The doctor numbs your back.\n\n' +
      '- A thin needle goes into the [bone](https://example.org/bone)\n- Then the doctor puts in a kind of cement\n\n' +
      '<p>It sets in a few minutes. Most people go home the same day.</p>\n\n![x-ray of the spine](/uploads/x.png)';
    const plain =
      'What happens. You will lie on your front. The doctor numbs your back. A thin needle goes into the bone. ' +
      'Then the doctor puts in a kind of cement. It sets in a few minutes. Most people go home the same day.';
    expect(plainTextOf(markdown)).toBe(plain);
    expect(readingLevel(markdown, 'en')).toEqual(readingLevel(plain, 'en'));
  });

  it('gives no score to a language without a formula, or to a text too short to judge', () => {
    expect(readingLevel(EASY_EN, 'fr')).toEqual({ scored: false, reason: 'unsupported-language', words: 40 });
    expect(readingLevel('Call us.', 'en')).toEqual({ scored: false, reason: 'too-short', words: 2 });
    expect(readingLevel(null, 'es')).toEqual({ scored: false, reason: 'too-short', words: 0 });
  });
});

describe('scores stay on their scales', () => {
  // Twelve long words in one sentence: Flesch-Kincaid says grade 40-something, which means nothing.
  const LONG_WORDS_EN =
    'Polymethylmethacrylate vertebroplasty electroencephalography immunohistochemistry otorhinolaryngology ' +
    'hypercholesterolemia thrombocytopenia gastroenterological neurophysiological cholangiopancreatography ' +
    'radiofrequency electromyography.';
  // Short monosyllables in short sentences: the raw Fernández-Huerta ease passes 100.
  const SHORT_WORDS_ES = 'Ven ya a la sala, que te ve el doc y te vas hoy. No te va a dar mal. Sal ya.';

  it('reports an English grade of 0 to 18 at most, however long the words', () => {
    expect(fleschKincaidGrade({ words: 12, sentences: 1, syllables: 72 })).toBeGreaterThan(50);
    const level = readingLevel(LONG_WORDS_EN, 'en');
    expect(level).toMatchObject({ scored: true, grade: MAX_GRADE, confidence: 'low', words: 12 });
    expect(readingLevel('Go. Sit. Rest. Eat. Drink. Sleep. Walk. Talk. Read. Call us.', 'en')).toMatchObject({ scored: true, grade: 0, confidence: 'low' });
  });

  it('reports the Spanish ease within 0-100, and the grade it gives within the table', () => {
    expect(fernandezHuertaEase(countText(SHORT_WORDS_ES, spanishSyllableCount))).toBeGreaterThan(100);
    const level = readingLevel(SHORT_WORDS_ES, 'es');
    expect(level).toMatchObject({ scored: true, ease: 100, grade: 4, confidence: 'low' });
    const hard = readingLevel(HARD_ES, 'es');
    expect(hard.scored && hard.ease).toBeGreaterThanOrEqual(0);
  });

  it('marks a short text (under 30 words, or one sentence) as a rough score, a longer one as normal', () => {
    const twelveWords = 'You will go home the same day after a short rest here.';
    expect(readingLevel(twelveWords, 'en')).toMatchObject({ scored: true, confidence: 'low', words: 12 });
    expect(readingLevel(EASY_EN, 'en')).toMatchObject({ confidence: 'normal' });
    expect(readingLevel(EASY_ES, 'es')).toMatchObject({ confidence: 'normal' });
    const oneLongSentence = `${EASY_EN.replace(/\./g, ',')} and then you rest.`;
    expect(readingLevel(oneLongSentence, 'en')).toMatchObject({ confidence: 'low', sentences: 1 });
  });

  it('keeps every score of these texts within its scale', () => {
    for (const [text, locale] of [[LONG_WORDS_EN, 'en'], [SHORT_WORDS_ES, 'es'], [HARD_EN, 'en'], [HARD_ES, 'es'], [EASY_EN, 'en'], [EASY_ES, 'es']] as const) {
      const level = readingLevel(text, locale);
      if (!level.scored) throw new Error(`${locale} text not scored`);
      expect(level.grade).toBeGreaterThanOrEqual(MIN_GRADE);
      expect(level.grade).toBeLessThanOrEqual(MAX_GRADE);
      if (level.ease !== null) expect(level.ease).toBeGreaterThanOrEqual(0);
      if (level.ease !== null) expect(level.ease).toBeLessThanOrEqual(100);
    }
  });
});

describe('the clinic target', () => {
  it('is grade 8 unless the clinic stores a whole grade from 1 to 18', () => {
    expect(DEFAULT_READING_LEVEL_TARGET).toBe(8);
    expect(readingLevelTarget(6)).toBe(6);
    for (const bad of [null, undefined, 0, 19, 7.5, '6']) expect(readingLevelTarget(bad)).toBe(8);
  });

  it('is a hint: text above the target is flagged, unscored text never is', () => {
    expect(readsAboveTarget(readingLevel(HARD_EN, 'en'), 8)).toBe(true);
    expect(readsAboveTarget(readingLevel(EASY_EN, 'en'), 8)).toBe(false);
    expect(readsAboveTarget(readingLevel('Call us.', 'en'), 0)).toBe(false);
  });
});
