/**
 * Reading levels of a revision's text sections, as the review API returns them (see
 * clinic-domain's reading-level): a hint for editors and physicians, never a refusal.
 */
export type ReadingLevelView =
  /** Grade 0-18, ease 0-100; `low` confidence: a short text (or one the formula could not keep on its scale), shown as a rough score. */
  | { scored: true; formula: 'flesch-kincaid' | 'fernandez-huerta'; grade: number; ease: number | null; words: number; sentences: number; confidence: 'normal' | 'low' }
  | { scored: false; reason: 'unsupported-language' | 'too-short'; words: number };

export interface ReadingSectionView {
  /** e.g. "sections.2", "answer", "biography". */
  key: string;
  label: string | null;
  kind: string | null;
  level: ReadingLevelView;
  aboveTarget: boolean;
}

export interface PageReadingLevelsView {
  /** The clinic's target school grade (default 8). */
  target: number;
  sections: ReadingSectionView[];
  /** How many sections read above the target. */
  aboveTarget: number;
}

/** GET /clinic/reading-levels/:type/:documentId?locale= : the draft's sections scored. */
export declare namespace GetReadingLevels {
  interface Response {
    data: PageReadingLevelsView;
  }
}
