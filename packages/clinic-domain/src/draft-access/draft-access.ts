import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Who may read unpublished text through the public API. Drafts hold medical text no
 * physician has approved yet, so only the site's preview (holding the preview secret)
 * may read them; every other caller, signed in or not, sees published content only.
 */

export type DraftReadDecision =
  | { allowed: true }
  | { allowed: false; status: 403; message: string };

export const DRAFT_READ_REFUSED =
  'Drafts are not public. Ask for published content, or use the site preview credential (X-Preview-Secret).';

/** Compares secrets in constant time, whatever their lengths. */
export function secretsMatch(presented: string | undefined | null, expected: string | undefined | null): boolean {
  if (!presented || !expected) return false;
  const a = createHash('sha256').update(presented).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export function decideDraftRead(input: { wantsDraft: boolean; hasPreviewCredential: boolean }): DraftReadDecision {
  if (!input.wantsDraft || input.hasPreviewCredential) return { allowed: true };
  return { allowed: false, status: 403, message: DRAFT_READ_REFUSED };
}

/** REST callers ask for drafts with `?status=draft`; anything else means published. */
export function restQueryWantsDraft(query: Record<string, unknown>): boolean {
  const status = query.status;
  const values = Array.isArray(status) ? status : [status];
  return values.some((v) => typeof v === 'string' && v.toLowerCase() === 'draft');
}
