import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Next's draft-mode cookie is one value per build, the same for every visitor, and never
 * expires: on its own it must not open drafts. A preview link, once verified, also sets a
 * preview session (this token: its end, signed with the preview secret), and drafts are read
 * only while it is valid. A forwarded or stolen draft-mode cookie alone shows published pages.
 */
export const PREVIEW_SESSION_LIFETIME_SECONDS = 30 * 60;

/** Bound into every signature, so neither a preview-link signature nor anything else is valid here. */
const PURPOSE = 'clinic-preview-session:v1';

const TOKEN = /^(?<expires>\d{1,12})\.(?<signature>[0-9a-f]{64})$/;

function signature(secret: string, expires: number): string {
  return createHmac('sha256', secret).update(`${PURPOSE}\n${expires}`).digest('hex');
}

/** A session that ends `lifetimeSeconds` from now. */
export function signPreviewSession(input: { secret: string; nowSeconds: number; lifetimeSeconds?: number }): string {
  if (!input.secret) throw new Error('A preview session needs the preview secret.');
  const expires = Math.floor(input.nowSeconds) + (input.lifetimeSeconds ?? PREVIEW_SESSION_LIFETIME_SECONDS);
  return `${expires}.${signature(input.secret, expires)}`;
}

/**
 * Whether a presented token is a session this site signed, not yet ended, and not longer than
 * a session is ever issued for. Anything else (absent, malformed, forged, expired) is false.
 */
export function isPreviewSessionValid(input: { secret: string | undefined; token: unknown; nowSeconds: number; lifetimeSeconds?: number }): boolean {
  if (!input.secret || typeof input.token !== 'string') return false;
  const match = TOKEN.exec(input.token);
  if (!match?.groups) return false;
  const expires = Number(match.groups.expires);
  const expected = Buffer.from(signature(input.secret, expires), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(match.groups.signature!, 'hex'))) return false;
  const now = Math.floor(input.nowSeconds);
  return expires >= now && expires <= now + (input.lifetimeSeconds ?? PREVIEW_SESSION_LIFETIME_SECONDS);
}
