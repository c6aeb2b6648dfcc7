import { parseLanguageTag, textDirectionOf, type TextDirection } from './language-tag';

/**
 * The language assistance notice (US: Section 1557 of the Affordable Care Act, 45 CFR 92.11):
 * taglines, each in its own language, telling patients that language help is free and which
 * number to call. The number is the clinic's, inserted where a tagline writes {phone}, so
 * that it is typed once (in the clinic details) and never goes stale in one language.
 */
export const PHONE_PLACEHOLDER = '{phone}';
export const MAX_TAGLINES = 40;
export const MAX_TAGLINE_LENGTH = 600;
export const MAX_LANGUAGE_NAME_LENGTH = 80;
/** What 45 CFR 92.11 asks of a covered clinic: taglines in at least the 15 languages most spoken in its state. */
export const RECOMMENDED_TAGLINE_COUNT = 15;

/** A tagline as an editor wrote it. */
export interface TaglineInput {
  /** BCP 47 language tag: "es", "zh-Hant", "fa". */
  language?: unknown;
  /** The language's own name for itself: "Español", "中文", "فارسی". */
  languageName?: unknown;
  /** The tagline, with {phone} where the clinic's number goes. */
  text?: unknown;
}

export interface Tagline {
  language: string;
  direction: TextDirection;
  languageName: string;
  text: string;
}

export type TaglinesDecision = { valid: true; taglines: Tagline[] } | { valid: false; problems: string[] };

/** Seven digits or more is a phone number someone typed in (any script's digits, any separators). */
const TYPED_PHONE = /(?:\p{Nd}[\s\-.()\u00a0]*){7,}/u;
const PLACEHOLDER = /\{[^{}]*\}/g;

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** Problems of one tagline, each naming it (its position and language) and what to do. */
function taglineProblems(input: TaglineInput, position: number): string[] {
  const language = text(input.language);
  const name = `Tagline ${position}${language ? ` (${language})` : ''}`;
  const problems: string[] = [];
  if (!language) problems.push(`${name}: a language tag is required, e.g. "es" or "zh-Hant".`);
  else if (!parseLanguageTag(language)) problems.push(`${name}: "${language}" is not a BCP 47 language tag of one language (e.g. "es", "zh-Hant", "fa").`);

  const languageName = text(input.languageName);
  if (!languageName) problems.push(`${name}: the language's name (as its speakers write it) is required.`);
  else if (languageName.length > MAX_LANGUAGE_NAME_LENGTH) problems.push(`${name}: the language's name is longer than ${MAX_LANGUAGE_NAME_LENGTH} characters.`);

  const body = text(input.text);
  if (!body) {
    problems.push(`${name}: the tagline's text is required.`);
    return problems;
  }
  if (body.length > MAX_TAGLINE_LENGTH) problems.push(`${name}: the text is longer than ${MAX_TAGLINE_LENGTH} characters.`);
  const placeholders = body.match(PLACEHOLDER) ?? [];
  const phones = placeholders.filter((p) => p === PHONE_PLACEHOLDER).length;
  const unknown = placeholders.filter((p) => p !== PHONE_PLACEHOLDER);
  if (phones !== 1) problems.push(`${name}: write ${PHONE_PLACEHOLDER} exactly once where the clinic's phone number goes (found ${phones}).`);
  if (unknown.length) problems.push(`${name}: unknown placeholder ${unknown.join(', ')}; only ${PHONE_PLACEHOLDER} is filled in.`);
  if (TYPED_PHONE.test(body.replaceAll(PHONE_PLACEHOLDER, ''))) problems.push(`${name}: the text contains a phone number; write ${PHONE_PLACEHOLDER} instead, and the clinic's number is filled in.`);
  return problems;
}

/**
 * Checks the taglines as a whole: each well formed, no language twice, not too many. On
 * success, the taglines with their tags in conventional casing and their text direction.
 */
export function validateTaglines(inputs: unknown): TaglinesDecision {
  if (inputs === null || inputs === undefined) return { valid: true, taglines: [] };
  if (!Array.isArray(inputs)) return { valid: false, problems: ['Taglines must be a list.'] };
  const problems: string[] = [];
  if (inputs.length > MAX_TAGLINES) problems.push(`At most ${MAX_TAGLINES} taglines; found ${inputs.length}.`);
  const seen = new Map<string, number>();
  inputs.forEach((input: TaglineInput | null, index) => {
    const position = index + 1;
    if (!input || typeof input !== 'object') {
      problems.push(`Tagline ${position}: not a tagline.`);
      return;
    }
    problems.push(...taglineProblems(input, position));
    const tag = parseLanguageTag(text(input.language))?.tag.toLowerCase();
    if (!tag) return;
    const first = seen.get(tag);
    if (first) problems.push(`Tagline ${position} (${text(input.language)}): the same language as tagline ${first}; keep one tagline per language.`);
    else seen.set(tag, position);
  });
  if (problems.length) return { valid: false, problems };
  return {
    valid: true,
    taglines: (inputs as TaglineInput[]).map((input) => {
      const language = parseLanguageTag(text(input.language))!.tag;
      return { language, direction: textDirectionOf(language), languageName: text(input.languageName), text: text(input.text) };
    }),
  };
}

export type TaglinePart = { kind: 'text'; text: string } | { kind: 'phone'; phone: string };

/**
 * A tagline's text in parts, with the clinic's phone number where it writes {phone}. The site
 * renders the number as its own left-to-right run, so it reads correctly inside Arabic or Hebrew.
 * A tagline saved without the placeholder (before this rule) gets the number at its end.
 */
export function taglineParts(tagline: string, phone: string): TaglinePart[] {
  const pieces = tagline.split(PHONE_PLACEHOLDER);
  if (pieces.length === 1) return tagline.trim() ? [{ kind: 'text', text: `${tagline.trim()} ` }, { kind: 'phone', phone }] : [{ kind: 'phone', phone }];
  const parts: TaglinePart[] = [];
  pieces.forEach((piece, index) => {
    if (index > 0) parts.push({ kind: 'phone', phone });
    if (piece) parts.push({ kind: 'text', text: piece });
  });
  return parts;
}
