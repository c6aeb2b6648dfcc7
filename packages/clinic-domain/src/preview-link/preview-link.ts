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

export interface SignedPreviewLink {
  path: string;
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
  /** Whether the link also carries a raw secret, which no link we issue ever does. */
  carriesSecret?: boolean;
}

/**
 * `malformed`: the link is not one we could have issued (a missing or broken part, a path
 * off the site, a secret in it); `unauthorized`: well formed, but not signed for this
 * path and time, or preview is off. The site maps these to its HTTP statuses.
 */
export type PreviewLinkVerdict = { valid: true; path: string } | { valid: false; kind: 'malformed' | 'unauthorized'; reason: string };

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

function signature(secret: string, path: string, expires: number): string {
  return createHmac('sha256', secret).update(`${PURPOSE}\n${expires}\n${path}`).digest('hex');
}

export function signPreviewLink(input: { secret: string; path: string; nowSeconds: number; lifetimeSeconds?: number }): SignedPreviewLink {
  if (!input.secret) throw new Error('A preview link needs the preview secret.');
  if (!isSitePath(input.path)) throw new Error(`Not a path on the site: ${input.path}`);
  const expires = Math.floor(input.nowSeconds) + (input.lifetimeSeconds ?? PREVIEW_LINK_LIFETIME_SECONDS);
  return { path: input.path, expires, signature: signature(input.secret, input.path, expires) };
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
  const { path, expires, signature: presented, carriesSecret } = input.link;
  if (!input.secret) return { valid: false, kind: 'unauthorized', reason: 'Preview is not configured on this site.' };
  if (carriesSecret) return { valid: false, kind: 'malformed', reason: `Preview links carry no secret. ${REOPEN}` };
  if (!path || !expires || !presented) return { valid: false, kind: 'malformed', reason: `A preview link needs path, expires and signature. ${REOPEN}` };
  if (!isSitePath(path)) return { valid: false, kind: 'malformed', reason: 'Invalid path.' };
  if (!/^\d{1,12}$/.test(expires) || !/^[0-9a-f]{64}$/.test(presented)) return { valid: false, kind: 'malformed', reason: `Malformed preview link. ${REOPEN}` };

  const expected = Buffer.from(signature(input.secret, path, Number(expires)), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(presented, 'hex'))) return { valid: false, kind: 'unauthorized', reason: `Invalid preview link. ${REOPEN}` };

  const now = Math.floor(input.nowSeconds);
  if (Number(expires) < now) return { valid: false, kind: 'unauthorized', reason: `This preview link has expired. ${REOPEN}` };
  if (Number(expires) > now + (input.lifetimeSeconds ?? PREVIEW_LINK_LIFETIME_SECONDS) + CLOCK_SKEW_SECONDS) {
    return { valid: false, kind: 'unauthorized', reason: `This preview link is valid for longer than preview links are issued. ${REOPEN}` };
  }
  return { valid: true, path };
}
