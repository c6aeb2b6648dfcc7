import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Next's draft-mode cookie is one value per build, the same for every visitor, and never
 * expires: on its own it must not open drafts. A preview link, once verified, also sets a
 * preview session (this token: the one page it was signed for and its end, signed with the
 * preview secret), and drafts are read only on that page while it is valid. A forwarded or
 * stolen draft-mode cookie alone shows published pages, and a session opened for one page
 * shows every other page as patients see it.
 */
export const PREVIEW_SESSION_LIFETIME_SECONDS = 30 * 60;

/** Bound into every signature, so neither a preview-link signature nor anything else is valid here. */
const PURPOSE = 'clinic-preview-session:v2';

const TOKEN = /^(?<expires>\d{1,12})\.(?<page>[A-Za-z0-9_-]{1,2800})\.(?<signature>[0-9a-f]{64})$/;

function signature(secret: string, expires: number, page: string): string {
  return createHmac('sha256', secret).update(`${PURPOSE}\n${expires}\n${page}`).digest('hex');
}

/** A list's later pages (`/en/faq/page/2`): a previewed FAQ may be listed past the first. */
function isLaterPageOf(candidate: string, page: string): boolean {
  return candidate.startsWith(`${page}/page/`) && /^\d{1,6}$/.test(candidate.slice(page.length + '/page/'.length));
}

/** A session for one page (its path, as the link named it) that ends `lifetimeSeconds` from now. */
export function signPreviewSession(input: { secret: string; nowSeconds: number; page: string; lifetimeSeconds?: number }): string {
  if (!input.secret) throw new Error('A preview session needs the preview secret.');
  if (!input.page) throw new Error('A preview session is for one page.');
  const expires = Math.floor(input.nowSeconds) + (input.lifetimeSeconds ?? PREVIEW_SESSION_LIFETIME_SECONDS);
  return `${expires}.${Buffer.from(input.page, 'utf8').toString('base64url')}.${signature(input.secret, expires, input.page)}`;
}

/**
 * Whether a presented token is a session this site signed for the page being read, not yet
 * ended, and not longer than a session is ever issued for. Anything else (absent, malformed,
 * forged, expired, another page, no page known) is false.
 */
export function isPreviewSessionValid(input: { secret: string | undefined; token: unknown; page: string | null | undefined; nowSeconds: number; lifetimeSeconds?: number }): boolean {
  if (!input.secret || typeof input.token !== 'string' || !input.page) return false;
  const match = TOKEN.exec(input.token);
  if (!match?.groups) return false;
  const expires = Number(match.groups.expires);
  const page = Buffer.from(match.groups.page!, 'base64url').toString('utf8');
  const expected = Buffer.from(signature(input.secret, expires, page), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(match.groups.signature!, 'hex'))) return false;
  if (page !== input.page && !isLaterPageOf(input.page, page)) return false;
  const now = Math.floor(input.nowSeconds);
  return expires >= now && expires <= now + (input.lifetimeSeconds ?? PREVIEW_SESSION_LIFETIME_SECONDS);
}
