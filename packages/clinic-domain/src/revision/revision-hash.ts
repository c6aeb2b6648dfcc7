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

export type RevisionRole = 'text' | 'relation' | 'media' | 'component' | 'not-content' | 'unsignable';

/**
 * What an attribute is to a revision. Fails closed: a kind the hash does not know (a dynamic
 * zone, something added to Strapi later) is unsignable, and publishing refuses it instead of
 * leaving it out of what the physician signs. The inverse side of a relation belongs to the
 * other document's revision (its owner), and private fields are never shown to patients.
 */
export function revisionRole(name: string, attribute: AttributeShape): RevisionRole {
  if (NOT_REVISION_CONTENT.has(name) || attribute.private === true) return 'not-content';
  if (attribute.type === 'relation') return attribute.mappedBy ? 'not-content' : 'relation';
  // A picture is signed by what it shows (its file hash and alternative text), not by which row it is.
  if (attribute.type === 'media') return 'media';
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
 * Whether a change to what is live of a page keeps to its approved revision. Text must be
 * exactly the approved text. Links (providers, FAQs, related pages) must be approved ones;
 * they may appear as the pages they point to go live (Strapi drops a live page's link to a
 * page that is not published and adds it back, at the end, when it is), keeping the order of
 * the links already shown; they may disappear only when `allowRemovals` (a physician took the
 * linked page itself down).
 */
export function liveChangeKeepsApproval(input: {
  approved: RevisionValue;
  before: RevisionValue | null;
  after: RevisionValue;
  linkKeys: readonly string[];
  allowRemovals: boolean;
}): boolean {
  const { approved, before, after, linkKeys } = input;
  const asObject = (v: RevisionValue | null) => (v && typeof v === 'object' && !Array.isArray(v) ? v : null);
  const [a, b, n] = [asObject(approved), asObject(before), asObject(after)];
  if (!a || !n) return false;
  const withoutLinks = (v: Record<string, RevisionValue>) => Object.fromEntries(Object.entries(v).filter(([key]) => !linkKeys.includes(key)));
  if (revisionHash(withoutLinks(a)) !== revisionHash(withoutLinks(n))) return false;
  const ids = (v: RevisionValue | undefined) => ([] as RevisionValue[]).concat(v ?? []).filter((id): id is string => typeof id === 'string');
  for (const key of linkKeys) {
    const approvedIds = new Set(ids(a[key]));
    const now = ids(n[key]);
    const earlier = b ? ids(b[key]) : [];
    if (now.some((id) => !approvedIds.has(id))) return false;
    const kept = earlier.filter((id) => now.includes(id));
    if (!input.allowRemovals && kept.length !== earlier.length) return false;
    const keptInOrder = now.filter((id) => kept.includes(id));
    if (keptInOrder.join('\u0000') !== kept.join('\u0000')) return false;
  }
  return true;
}
