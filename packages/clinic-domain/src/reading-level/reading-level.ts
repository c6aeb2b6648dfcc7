/**
 * Reading level of patient text, a hint for editors (never a block): English by the
 * Flesch-Kincaid grade level, Spanish by Fernández-Huerta's readability (1959, Flesch's
 * reading ease recalibrated for Spanish) turned into a school grade with Fernández-Huerta's
 * own table, so that both compare with one clinic target (health-literacy guidance: grade 8).
 * English syllables are counted by `syllable` (words/syllable); Spanish by its spelling rules.
 */
import { syllable } from 'syllable';
import { plainTextOf } from './plain-text';
import { spanishSyllableCount } from './spanish-syllables';

export type ReadingFormula = 'flesch-kincaid' | 'fernandez-huerta';

/** The grade health-literacy guidance recommends for patient materials, unless the clinic sets its own. */
export const DEFAULT_READING_LEVEL_TARGET = 8;
export const MIN_READING_LEVEL_TARGET = 1;
export const MAX_READING_LEVEL_TARGET = 18;
/** Below this many words a formula says little: no score, only "too short". */
export const MIN_SCORED_WORDS = 10;
/** Below this many words (or in one sentence) a score is shown as a rough one: one long word moves it by grades. */
export const CONFIDENT_SCORE_WORDS = 30;
/** The grades a score is reported within: 0 (before first grade) to 18 (past university), as Fernández-Huerta's table ends. */
export const MIN_GRADE = 0;
export const MAX_GRADE = 18;
/** Reading ease (Fernández-Huerta) is a 0-100 scale; the formula leaves it for very short or very long words. */
export const MIN_EASE = 0;
export const MAX_EASE = 100;

export interface TextCounts {
  words: number;
  sentences: number;
  syllables: number;
}

/**
 * `low`: the text is short (under CONFIDENT_SCORE_WORDS words, or one sentence) or the formula
 * left its scale and was clamped to it; the admin shows such a score as a rough one.
 */
export type ScoreConfidence = 'normal' | 'low';

export type ReadingLevel =
  | { scored: true; formula: ReadingFormula; grade: number; ease: number | null; words: number; sentences: number; confidence: ScoreConfidence }
  | { scored: false; reason: 'unsupported-language' | 'too-short'; words: number };

const FORMULAS: Record<string, { formula: ReadingFormula; syllables: (word: string) => number }> = {
  en: { formula: 'flesch-kincaid', syllables: (word) => syllable(word) },
  es: { formula: 'fernandez-huerta', syllables: spanishSyllableCount },
};

/** The language part of a locale code ("es-MX" → "es"). */
const languageOf = (locale: string) => locale.toLowerCase().split(/[-_]/)[0] ?? '';

/** The languages a reading level is computed for; every other locale gets no score. */
export const readingLevelLanguages = (): string[] => Object.keys(FORMULAS);

const WORD = /\p{L}[\p{L}\p{M}'’-]*/gu;
const HAS_LETTER = /\p{L}/u;

/** Words, sentences and syllables of plain text (a sentence ends with . ! ? or … before a space or the end). */
export function countText(text: string, syllables: (word: string) => number): TextCounts {
  const words = text.match(WORD) ?? [];
  const sentences = text.split(/[.!?…]+(?=\s|$)/).filter((part) => HAS_LETTER.test(part)).length;
  return { words: words.length, sentences: Math.max(sentences, words.length ? 1 : 0), syllables: words.reduce((sum, word) => sum + syllables(word), 0) };
}

/** Flesch-Kincaid grade level (Kincaid et al., 1975). */
export const fleschKincaidGrade = ({ words, sentences, syllables }: TextCounts): number => 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59;

/** Fernández-Huerta readability, 0 (very hard) to 100 (very easy): 206.84 − 0.60·syllables per 100 words − 1.02·sentences per 100 words. */
export const fernandezHuertaEase = ({ words, sentences, syllables }: TextCounts): number => 206.84 - 0.6 * ((syllables * 100) / words) - 1.02 * ((sentences * 100) / words);

/**
 * Fernández-Huerta's table as school grades: 90-100 very easy (4th grade), 80-90 easy (5th),
 * 70-80 fairly easy (6th), 60-70 standard (7th-8th), 50-60 fairly difficult (secondary),
 * 30-50 difficult (university), under 30 very difficult; linear within each band.
 */
const EASE_TO_GRADE: ReadonlyArray<readonly [number, number]> = [
  [100, 4],
  [90, 5],
  [80, 6],
  [70, 7],
  [60, 9],
  [50, 12],
  [30, 16],
  [0, 18],
];

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

export function gradeFromFernandezHuerta(ease: number): number {
  const clamped = clamp(ease, MIN_EASE, MAX_EASE);
  for (let i = 1; i < EASE_TO_GRADE.length; i++) {
    const [highEase, lowGrade] = EASE_TO_GRADE[i - 1]!;
    const [lowEase, highGrade] = EASE_TO_GRADE[i]!;
    if (clamped >= lowEase) return lowGrade + ((highEase - clamped) / (highEase - lowEase)) * (highGrade - lowGrade);
  }
  return EASE_TO_GRADE.at(-1)![1];
}

const oneDecimal = (value: number) => Math.round(value * 10) / 10;

/**
 * The reading level of rich text in a locale, markup stripped first: a grade from 0 to 18 and,
 * in Spanish, the ease from 0 to 100 (the formulas leave their scales on a handful of very short
 * or very long words: 107.8 ease, grade 58.9), or why there is none.
 */
export function readingLevel(richText: string | null | undefined, locale: string): ReadingLevel {
  const language = FORMULAS[languageOf(locale)];
  const text = plainTextOf(richText);
  const counts = countText(text, language?.syllables ?? (() => 1));
  if (!language) return { scored: false, reason: 'unsupported-language', words: counts.words };
  if (counts.words < MIN_SCORED_WORDS) return { scored: false, reason: 'too-short', words: counts.words };
  const short = counts.words < CONFIDENT_SCORE_WORDS || counts.sentences < 2;
  const { words, sentences } = counts;
  if (language.formula === 'flesch-kincaid') {
    const raw = fleschKincaidGrade(counts);
    const grade = clamp(raw, MIN_GRADE, MAX_GRADE);
    return { scored: true, formula: language.formula, grade: oneDecimal(grade), ease: null, words, sentences, confidence: short || grade !== raw ? 'low' : 'normal' };
  }
  const raw = fernandezHuertaEase(counts);
  const ease = clamp(raw, MIN_EASE, MAX_EASE);
  return { scored: true, formula: language.formula, grade: oneDecimal(gradeFromFernandezHuerta(ease)), ease: oneDecimal(ease), words, sentences, confidence: short || ease !== raw ? 'low' : 'normal' };
}

/** The clinic's target grade as stored: a whole grade from 1 to 18, else the default. */
export function readingLevelTarget(stored: unknown): number {
  return typeof stored === 'number' && Number.isInteger(stored) && stored >= MIN_READING_LEVEL_TARGET && stored <= MAX_READING_LEVEL_TARGET ? stored : DEFAULT_READING_LEVEL_TARGET;
}

/** A hint, never a refusal: whether a scored text reads above the target grade. */
export const readsAboveTarget = (level: ReadingLevel, target: number): boolean => level.scored && level.grade > target;
