import { cookies, draftMode, headers } from 'next/headers';
import { isPreviewSessionValid, PREVIEW_SESSION_LIFETIME_SECONDS, signPreviewSession } from 'clinic-domain';

/**
 * Next's draft-mode cookie is the same for everyone and never expires, so it alone opens
 * nothing: drafts are read only while the signed preview session that /api/preview sets with it
 * is valid, and only on the page the link was signed for (see clinic-domain's preview-session).
 * Cookies are read only in draft mode, so patients' pages stay static.
 */
export const PREVIEW_SESSION_COOKIE = 'clinic-preview-session';

/**
 * The path of the page being rendered, as the proxy passes it to the page on every request that
 * carries the draft-mode cookie (a visitor's own header of that name is replaced there).
 */
export const PREVIEW_PAGE_HEADER = 'x-clinic-preview-page';

/** Set like Next's own draft-mode cookie, so that the preview cookies also travel into the admin's preview frame. */
export const PREVIEW_COOKIE_OPTIONS = { httpOnly: true, sameSite: 'none', secure: true, path: '/' } as const;

export async function previewIsOpen(): Promise<boolean> {
  if (!(await draftMode()).isEnabled) return false;
  const token = (await cookies()).get(PREVIEW_SESSION_COOKIE)?.value;
  const page = (await headers()).get(PREVIEW_PAGE_HEADER);
  return isPreviewSessionValid({ secret: process.env.PREVIEW_SECRET, token, page, nowSeconds: Date.now() / 1000 });
}

/** Starts a preview session for one page: called by /api/preview once its signed link is verified. */
export async function openPreviewSession(secret: string, page: string) {
  (await draftMode()).enable();
  (await cookies()).set(PREVIEW_SESSION_COOKIE, signPreviewSession({ secret, nowSeconds: Date.now() / 1000, page }), { ...PREVIEW_COOKIE_OPTIONS, maxAge: PREVIEW_SESSION_LIFETIME_SECONDS });
}

export async function closePreviewSession() {
  (await draftMode()).disable();
  (await cookies()).delete(PREVIEW_SESSION_COOKIE);
}
