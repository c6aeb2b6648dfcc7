import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

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
  'reviewedByName',
  'reviewedByCredentials',
  'reviewedBySpecialty',
  'reviewerAccountId',
]);

/** The attribute kinds a revision covers as text a patient reads. */
const SIGNABLE_SCALARS = new Set(['string', 'text', 'richtext', 'blocks', 'email', 'uid', 'enumeration', 'integer', 'biginteger', 'float', 'decimal', 'boolean', 'date', 'time', 'datetime', 'timestamp', 'json']);

/** Components are loaded this deep; anything deeper could not be signed. */
export const MAX_REVISION_COMPONENT_DEPTH = 5;

export interface AttributeShape {
  type: string;
  component?: string;
  mappedBy?: string;
  private?: boolean;
}

export type RevisionRole = 'text' | 'relation' | 'component' | 'not-content' | 'unsignable';

/**
 * What an attribute is to a revision. Fails closed: a kind the hash does not know (a dynamic
 * zone, something added to Strapi later) is unsignable, and publishing refuses it instead of
 * leaving it out of what the physician signs. The inverse side of a relation belongs to the
 * other document's revision (its owner), and private fields are never shown to patients.
 */
export function revisionRole(name: string, attribute: AttributeShape): RevisionRole {
  if (NOT_REVISION_CONTENT.has(name) || attribute.private === true) return 'not-content';
  if (attribute.type === 'relation') return attribute.mappedBy ? 'not-content' : 'relation';
  if (attribute.type === 'media') return 'relation';
  if (attribute.type === 'component') return 'component';
  if (SIGNABLE_SCALARS.has(attribute.type)) return 'text';
  return 'unsignable';
}

/** Every attribute of a content type (with its components) that a revision could not cover, by path. */
export function unsignableAttributes(
  attributesOf: (uid: string) => Record<string, AttributeShape> | undefined,
  uid: string,
  depth = 0,
  prefix = '',
): string[] {
  const problems: string[] = [];
  for (const [name, attribute] of Object.entries(attributesOf(uid) ?? {})) {
    const path = `${prefix}${name}`;
    const role = revisionRole(name, attribute);
    if (role === 'unsignable') problems.push(`${path} (${attribute.type})`);
    if (role !== 'component') continue;
    if (depth + 1 > MAX_REVISION_COMPONENT_DEPTH || !attribute.component) problems.push(`${path} (a component nested deeper than ${MAX_REVISION_COMPONENT_DEPTH} levels)`);
    else problems.push(...unsignableAttributes(attributesOf, attribute.component, depth + 1, `${path}.`));
  }
  return problems;
}

export function unsignableRevisionMessage(problems: readonly string[]): string {
  return `This content cannot be signed by a physician, so it cannot be published: the revision hash does not cover ${problems.join(', ')}. Remove the field or extend the clinic plugin's revision hash first.`;
}

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

/**
 * The JSON Canonicalization Scheme (RFC 8785): keys sorted at every level, one spelling per
 * number and string, so neither key order nor formatting changes the hash.
 */
export function canonicalJson(value: RevisionValue): string {
  return canonicalize(value) as string;
}

export function revisionHash(content: RevisionValue): string {
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

/**
 * What the published version of an approved revision can show: the same text, with links
 * only to documents that are themselves live (Strapi drops a published page's link to a page
 * that has no published version, and restores it when that page is published).
 */
export function liveViewOfRevision(approved: RevisionValue, relationKeys: readonly string[], isLive: (key: string, documentId: string) => boolean): RevisionValue {
  if (!approved || typeof approved !== 'object' || Array.isArray(approved)) return approved;
  const view: Record<string, RevisionValue> = { ...approved };
  for (const key of relationKeys) {
    const value = view[key];
    if (Array.isArray(value)) view[key] = value.filter((id) => typeof id === 'string' && isLive(key, id));
    else if (typeof value === 'string' && !isLive(key, value)) view[key] = null;
  }
  return view;
}
