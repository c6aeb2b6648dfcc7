/**
 * The separately scored texts of a page, as a patient reads them: each section of a procedure
 * (its body and its steps), an FAQ's answer, a provider's biography.
 */
import { readingLevel, readsAboveTarget, type ReadingLevel } from './reading-level';

export type ReadablePage = 'procedure' | 'faq' | 'provider';

export interface TextSection {
  /** Where the text is, e.g. "sections.2" or "answer". */
  key: string;
  /** What an editor calls it: the section's heading, the question, or null (the biography). */
  label: string | null;
  /** The section's kind (procedures only), e.g. "risks". */
  kind: string | null;
  text: string;
}

type Entry = Record<string, any>;

const stepsText = (steps: unknown): string =>
  (Array.isArray(steps) ? steps : [])
    .map((step: Entry) => [step?.title, step?.detail].filter((part) => typeof part === 'string' && part.trim()).join('. '))
    .filter(Boolean)
    .join('\n\n');

export function textSections(page: ReadablePage, entry: Entry): TextSection[] {
  switch (page) {
    case 'procedure':
      return (Array.isArray(entry.sections) ? entry.sections : []).map((section: Entry, i: number) => ({
        key: `sections.${i}`,
        label: typeof section?.heading === 'string' ? section.heading : null,
        kind: typeof section?.kind === 'string' ? section.kind : null,
        text: [typeof section?.body === 'string' ? section.body : '', stepsText(section?.steps)].filter(Boolean).join('\n\n'),
      }));
    case 'faq':
      return [{ key: 'answer', label: typeof entry.question === 'string' ? entry.question : null, kind: null, text: typeof entry.answer === 'string' ? entry.answer : '' }];
    case 'provider':
      return [{ key: 'biography', label: null, kind: null, text: typeof entry.biography === 'string' ? entry.biography : '' }];
  }
}

export interface ScoredSection extends Omit<TextSection, 'text'> {
  level: ReadingLevel;
  aboveTarget: boolean;
}

export interface PageReadingLevels {
  target: number;
  sections: ScoredSection[];
  /** How many scored sections read above the target. */
  aboveTarget: number;
}

/** Every text section of a page scored against the clinic's target grade. */
export function pageReadingLevels(page: ReadablePage, entry: Entry, locale: string, target: number): PageReadingLevels {
  const sections = textSections(page, entry).map(({ text, ...section }) => {
    const level = readingLevel(text, locale);
    return { ...section, level, aboveTarget: readsAboveTarget(level, target) };
  });
  return { target, sections, aboveTarget: sections.filter((s) => s.aboveTarget).length };
}
