import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * "Open preview" links carry a signature, never the preview secret. The secret reads every
 * draft through the API; a link an editor copies from the admin opens one page's draft, and
 * only for a few minutes.
 */
export const PREVIEW_LINK_LIFETIME_SECONDS = 10 * 60;

/** Clocks of the CMS (signs) and the site (verifies) may disagree a little. */
const CLOCK_SKEW_SECONDS = 60;

/** Bound into every signature, so a preview-link signature is never valid as anything else. */
const PURPOSE = 'clinic-preview-link:v1';

/**
 * The revision a link was opened for: one document in one locale, at the revision hash a
 * physician is asked to approve. The site compares it with the draft it shows, and says so
 * when the draft has changed since.
 */
export interface PreviewRevisionPin {
  /** The content type's short name: "procedure", "faq", "rebrand-notice". */
  type: string;
  documentId: string;
  locale: string;
  /** SHA-256 revision hash, hex. */
  hash: string;
}

const PIN = /^(?<type>[a-z][a-z-]{0,39}):(?<documentId>[a-z0-9]{1,64}):(?<locale>[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,3}):(?<hash>[0-9a-f]{64})$/;

export const formatRevisionPin = (pin: PreviewRevisionPin): string => `${pin.type}:${pin.documentId}:${pin.locale}:${pin.hash}`;

export function parseRevisionPin(text: unknown): PreviewRevisionPin | null {
  if (typeof text !== 'string') return null;
  const groups = PIN.exec(text)?.groups;
  return groups ? { type: groups.type!, documentId: groups.documentId!, locale: groups.locale!, hash: groups.hash! } : null;
}

/** `current`: the draft is the pinned revision; `changed`: edited since; `missing`: the document or locale is gone. */
export type PinnedRevisionState = 'current' | 'changed' | 'missing';

export function pinnedRevisionState(pin: PreviewRevisionPin, currentHash: string | null): PinnedRevisionState {
  if (!currentHash) return 'missing';
  return currentHash === pin.hash ? 'current' : 'changed';
}

export interface SignedPreviewLink {
  path: string;
  /** The pinned revision (formatRevisionPin), when the link is for one revision. */
  revision?: string;
  /** Unix seconds after which the link is refused. */
  expires: number;
  /** Hex HMAC-SHA256 of purpose, expiry and path with the preview secret. */
  signature: string;
}

/** What a preview link presented, as the site read it from its URL. */
export interface PreviewLinkParts {
  path?: string | null;
  expires?: string | null;
  signature?: string | null;
  revision?: string | null;
  /** Whether the link also carries a raw secret, which no link we issue ever does. */
  carriesSecret?: boolean;
}

/**
 * `malformed`: the link is not one we could have issued (a missing or broken part, a path
 * off the site, a secret in it); `unauthorized`: well formed, but not signed for this
 * path and time, or preview is off. The site maps these to its HTTP statuses.
 */
export type PreviewLinkVerdict = { valid: true; path: string; revision?: PreviewRevisionPin } | { valid: false; kind: 'malformed' | 'unauthorized'; reason: string };

/**
 * A path on the site itself: starts with one '/', then only unreserved URL characters and
 * percent escapes, no empty, '.' or '..' segment, and no escaped slash or backslash. So no
 * scheme, no host ('//evil.example') and no query or fragment can ride along.
 */
export function isSitePath(path: unknown): path is string {
  if (typeof path !== 'string' || path.length > 2048) return false;
  if (!/^\/[A-Za-z0-9\-._~%/]*$/.test(path)) return false;
  if (path.includes('//') || /%(2f|5c)/i.test(path) || /%(?![0-9a-f]{2})/i.test(path)) return false;
  return !path.split('/').some((segment) => segment === '.' || segment === '..');
}

/** The revision, when there is one, is signed too: a link cannot be re-pinned to another revision. */
function signature(secret: string, path: string, expires: number, revision?: string): string {
  return createHmac('sha256', secret).update(`${PURPOSE}\n${expires}\n${path}${revision ? `\n${revision}` : ''}`).digest('hex');
}

export function signPreviewLink(input: { secret: string; path: string; nowSeconds: number; lifetimeSeconds?: number; revision?: PreviewRevisionPin }): SignedPreviewLink {
  if (!input.secret) throw new Error('A preview link needs the preview secret.');
  if (!isSitePath(input.path)) throw new Error(`Not a path on the site: ${input.path}`);
  const revision = input.revision ? formatRevisionPin(input.revision) : undefined;
  if (revision && !parseRevisionPin(revision)) throw new Error(`Not a revision to pin: ${revision}`);
  const expires = Math.floor(input.nowSeconds) + (input.lifetimeSeconds ?? PREVIEW_LINK_LIFETIME_SECONDS);
  return { path: input.path, expires, signature: signature(input.secret, input.path, expires, revision), ...(revision ? { revision } : {}) };
}

const REOPEN = 'Open the preview again from the CMS.';

/**
 * Checks a preview link: a path on the site, signed with the preview secret, not expired,
 * and not valid for longer than a link is ever issued for. A link carrying a raw secret is
 * refused outright, so the secret is never accepted in a URL.
 */
export function verifyPreviewLink(input: {
  secret: string | undefined;
  link: PreviewLinkParts;
  nowSeconds: number;
  lifetimeSeconds?: number;
}): PreviewLinkVerdict {
  const { path, expires, signature: presented, carriesSecret, revision } = input.link;
  if (!input.secret) return { valid: false, kind: 'unauthorized', reason: 'Preview is not configured on this site.' };
  if (carriesSecret) return { valid: false, kind: 'malformed', reason: `Preview links carry no secret. ${REOPEN}` };
  if (!path || !expires || !presented) return { valid: false, kind: 'malformed', reason: `A preview link needs path, expires and signature. ${REOPEN}` };
  if (!isSitePath(path)) return { valid: false, kind: 'malformed', reason: 'Invalid path.' };
  if (!/^\d{1,12}$/.test(expires) || !/^[0-9a-f]{64}$/.test(presented)) return { valid: false, kind: 'malformed', reason: `Malformed preview link. ${REOPEN}` };
  const pin = revision === null || revision === undefined ? null : parseRevisionPin(revision);
  if (revision !== null && revision !== undefined && !pin) return { valid: false, kind: 'malformed', reason: `Malformed revision in the preview link. ${REOPEN}` };

  const expected = Buffer.from(signature(input.secret, path, Number(expires), revision ?? undefined), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(presented, 'hex'))) return { valid: false, kind: 'unauthorized', reason: `Invalid preview link. ${REOPEN}` };

  const now = Math.floor(input.nowSeconds);
  if (Number(expires) < now) return { valid: false, kind: 'unauthorized', reason: `This preview link has expired. ${REOPEN}` };
  if (Number(expires) > now + (input.lifetimeSeconds ?? PREVIEW_LINK_LIFETIME_SECONDS) + CLOCK_SKEW_SECONDS) {
    return { valid: false, kind: 'unauthorized', reason: `This preview link is valid for longer than preview links are issued. ${REOPEN}` };
  }
  return pin ? { valid: true, path, revision: pin } : { valid: true, path };
}
