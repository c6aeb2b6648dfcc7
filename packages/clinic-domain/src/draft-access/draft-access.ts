import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Who may read what. Drafts hold medical text no physician has approved yet, so a public
 * caller reads published content only, unless it holds the site preview's credential.
 * Everything is decided from what the framework knows about the caller (no HTTP request at
 * all, an admin route with an admin session, or anything else), never from a path string.
 */

export type ReadCaller =
  /** The server's own code: bootstrap, scripts, scheduled jobs. No request is being served. */
  | { kind: 'internal' }
  /** An admin route, signed in with an admin session (the Content Manager and our review API). */
  | { kind: 'admin' }
  /**
   * A request not yet matched to a route: Strapi's own middlewares run here (i18n checks
   * whether a single type exists before the route authenticates). What they read never
   * reaches a response, since every response comes from a route, whose reads are decided
   * again for the authenticated caller. Such a caller may read, never write.
   */
  | { kind: 'unrouted' }
  /** Every other request: REST, GraphQL, signed-in site users, API tokens, unknown routes. */
  | { kind: 'public'; preview: boolean };

export interface RequestFacts {
  /** Whether the router has matched the request to a route yet. */
  routeMatched: boolean;
  /** The matched route's type as the router recorded it ('admin', 'content-api', or nothing). */
  routeType: unknown;
  /** The authentication strategy that accepted the request, if any. */
  authStrategy: unknown;
  authenticated: unknown;
  /** Whether the request presented the preview credential (compared in constant time). */
  previewCredential: boolean;
}

export function classifyCaller(request: RequestFacts | null): ReadCaller {
  if (!request) return { kind: 'internal' };
  if (!request.routeMatched) return { kind: 'unrouted' };
  if (request.routeType === 'admin' && request.authenticated === true && request.authStrategy === 'admin') return { kind: 'admin' };
  return { kind: 'public', preview: request.previewCredential };
}

export type ReadDecision =
  | { allowed: true }
  /** `draft`: the caller asked for unpublished content it may not read; `invalid`: a parameter it may not send. */
  | { allowed: false; reason: 'draft' | 'invalid'; message: string };

export const DRAFT_READ_REFUSED =
  'Drafts are not public. Ask for published content (leave status out, or send exactly "published"), or use the site preview credential (X-Preview-Secret).';

/** The read parameters a public caller may send; anything else is refused, not ignored. */
export const PUBLIC_READ_PARAMS: ReadonlySet<string> = new Set([
  'documentId',
  'filters',
  'sort',
  'fields',
  'populate',
  'status',
  'locale',
  'page',
  'pageSize',
  'start',
  'limit',
  '_q',
  'pagination',
  'count',
  'ordering',
  'withCount',
]);

/** Parameters that select by publication history: they describe drafts, so only preview may use them. */
const DRAFT_DESCRIBING_PARAMS = ['publicationFilter', 'hasPublishedVersion'];

const isAbsent = (value: unknown) => value === undefined || value === null;

/**
 * One document read (find, findOne, count) by a caller. `status` is the value the framework
 * passes to the document layer, where anything but exactly 'published' reads drafts.
 */
export function decideRead(input: { caller: ReadCaller; draftAndPublish: boolean; params: Record<string, unknown> }): ReadDecision {
  const { caller, params } = input;
  if (caller.kind !== 'public') return { allowed: true };

  for (const key of Object.keys(params)) {
    if (PUBLIC_READ_PARAMS.has(key)) continue;
    if (DRAFT_DESCRIBING_PARAMS.includes(key)) {
      if (isAbsent(params[key]) || caller.preview) continue;
      return { allowed: false, reason: 'draft', message: `"${key}" selects by unpublished drafts. ${DRAFT_READ_REFUSED}` };
    }
    return { allowed: false, reason: 'invalid', message: `Unknown parameter "${key}". Allowed: ${[...PUBLIC_READ_PARAMS].join(', ')}.` };
  }
  if (!input.draftAndPublish) return { allowed: true };

  const status = params.status;
  if (caller.preview) {
    if (isAbsent(status) || status === 'published' || status === 'draft') return { allowed: true };
    return { allowed: false, reason: 'invalid', message: 'status must be "published" or "draft".' };
  }
  if (status === 'published') return { allowed: true };
  if (typeof status === 'string' || isAbsent(status)) return { allowed: false, reason: 'draft', message: DRAFT_READ_REFUSED };
  return { allowed: false, reason: 'invalid', message: `status must be exactly "published" (or left out). ${DRAFT_READ_REFUSED}` };
}

/** Compares secrets in constant time, whatever their lengths. */
export function secretsMatch(presented: string | undefined | null, expected: string | undefined | null): boolean {
  if (!presented || !expected) return false;
  const a = createHash('sha256').update(presented).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}
