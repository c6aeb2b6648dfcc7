import { createHash } from 'node:crypto';

/**
 * A revision is what a patient reads of one document in one locale. Its hash is what a
 * physician signs: the same content always gives the same hash, and any change a patient
 * could read gives another. Bookkeeping (ids, timestamps, publication state, the review
 * fields themselves) is not content and does not count.
 */

export const NOT_REVISION_CONTENT = new Set([
  'id',
  'documentId',
  'createdAt',
  'updatedAt',
  'publishedAt',
  'createdBy',
  'updatedBy',
  'locale',
  'localizations',
  '__component',
  'reviewedBy',
  'lastReviewedOn',
  'nextReviewDue',
  'reviewIntervalMonths',
  'translationOutOfDate',
  'reviewerAccountEmail',
]);

export type RevisionValue = string | number | boolean | null | RevisionValue[] | { [key: string]: RevisionValue };

/**
 * Reduces an entry (with its components and relations populated) to its revision content:
 * bookkeeping keys dropped, relations reduced to the documentIds they point to (in order:
 * the order of FAQs is part of what patients read), line endings normalised.
 */
export function revisionContent(entry: unknown, relationKeys: ReadonlySet<string> = new Set()): RevisionValue {
  if (entry === null || entry === undefined) return null;
  if (Array.isArray(entry)) return entry.map((item) => revisionContent(item, relationKeys));
  if (entry instanceof Date) return entry.toISOString();
  if (typeof entry === 'string') return entry.replace(/\r\n?/g, '\n');
  if (typeof entry === 'number' || typeof entry === 'boolean') return entry;
  if (typeof entry === 'object') {
    const out: Record<string, RevisionValue> = {};
    for (const key of Object.keys(entry as object).sort()) {
      if (NOT_REVISION_CONTENT.has(key)) continue;
      const value = (entry as Record<string, unknown>)[key];
      if (relationKeys.has(key)) out[key] = relationIds(value);
      else out[key] = revisionContent(value, relationKeys);
    }
    return out;
  }
  return null;
}

function relationIds(value: unknown): RevisionValue {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map((v) => (v as { documentId?: string })?.documentId ?? null);
  return (value as { documentId?: string }).documentId ?? null;
}

/** Canonical JSON: object keys sorted at every level, so key order never changes the hash. */
export function canonicalJson(value: RevisionValue): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  return `{${Object.keys(value)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k]!)}`)
    .join(',')}}`;
}

export function revisionHash(content: RevisionValue): string {
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}
