import { cookies } from 'next/headers';
import { parseRevisionPin, type PreviewRevisionPin } from 'clinic-domain';
import { PREVIEW_COOKIE_OPTIONS, previewIsOpen } from './preview-session';

/**
 * The revision a preview was opened for (from a signed link, see /api/preview), kept in a
 * cookie beside Next's draft-mode cookie and read only in draft mode. It names what the
 * preview is about; what the page shows is always the draft itself, read from the CMS.
 */
export const PREVIEW_PIN_COOKIE = 'clinic-preview-revision';

export const PREVIEW_PIN_COOKIE_OPTIONS = PREVIEW_COOKIE_OPTIONS;

export async function previewPin(): Promise<PreviewRevisionPin | null> {
  if (!(await previewIsOpen())) return null;
  return parseRevisionPin((await cookies()).get(PREVIEW_PIN_COOKIE)?.value);
}
