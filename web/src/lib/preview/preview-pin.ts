import { cookies, draftMode } from 'next/headers';
import { parseRevisionPin, type PreviewRevisionPin } from 'clinic-domain';

/**
 * The revision a preview was opened for (from a signed link, see /api/preview), kept in a
 * cookie beside Next's draft-mode cookie and read only in draft mode. It names what the
 * preview is about; what the page shows is always the draft itself, read from the CMS.
 */
export const PREVIEW_PIN_COOKIE = 'clinic-preview-revision';

/** Set like Next's own draft-mode cookie, so that it also travels into the admin's preview frame. */
export const PREVIEW_PIN_COOKIE_OPTIONS = { httpOnly: true, sameSite: 'none', secure: true, path: '/' } as const;

export async function previewPin(): Promise<PreviewRevisionPin | null> {
  if (!(await draftMode()).isEnabled) return null;
  return parseRevisionPin((await cookies()).get(PREVIEW_PIN_COOKIE)?.value);
}
