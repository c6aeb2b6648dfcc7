import { cookies } from 'next/headers';
import { formatRevisionPin, verifyPreviewLink } from 'clinic-domain';
import { PREVIEW_PIN_COOKIE, PREVIEW_PIN_COOKIE_OPTIONS } from '@/lib/preview/preview-pin';
import { openPreviewSession } from '@/lib/preview/preview-session';
import { CMS_ADMIN_URL } from '@/lib/cms/cms-url';
import { nonPagePolicy, previewFrameAncestors } from '@/lib/security/content-security-policy.cjs';

/** One of the site's own pages: a locale, then path segments. */
const SITE_PAGE = /^\/[a-z]{2,3}(-[A-Za-z0-9]+)?(\/[\w\-%.]*)*$/;

/**
 * Opens draft preview for editors and physicians, from the CMS's "Open preview". The link is
 * signed for one page and a few minutes; the preview secret itself is never accepted in a
 * URL, and the path must be one of the site's own, so the link is no open redirect.
 */
export async function GET(request: Request) {
  const query = new URL(request.url).searchParams;
  const link = { path: query.get('path'), expires: query.get('expires'), signature: query.get('signature'), carriesSecret: query.has('secret'), revision: query.get('revision') };
  const verdict = verifyPreviewLink({ secret: process.env.PREVIEW_SECRET, link, nowSeconds: Date.now() / 1000 });
  if (!verdict.valid) return Response.json({ error: verdict.reason }, { status: verdict.kind === 'malformed' ? 400 : 401, headers: previewEntryHeaders() });
  if (!SITE_PAGE.test(verdict.path)) return Response.json({ error: 'Invalid path.' }, { status: 400, headers: previewEntryHeaders() });
  // Draft mode with a signed session of its own, for this page only: the draft-mode cookie alone opens nothing.
  await openPreviewSession(process.env.PREVIEW_SECRET!, verdict.path);
  // The revision the link was opened for, or none: a pin from an earlier link never carries over.
  const jar = await cookies();
  if (verdict.revision) jar.set(PREVIEW_PIN_COOKIE, formatRevisionPin(verdict.revision), PREVIEW_PIN_COOKIE_OPTIONS);
  else jar.delete(PREVIEW_PIN_COOKIE);
  // Next adds the draft-mode and pin cookies to the returned response.
  return new Response(null, { status: 307, headers: { ...previewEntryHeaders(), location: verdict.path } });
}

/**
 * This route is opened in the CMS admin's preview panel (an iframe), so only the admin's origin
 * may frame its answers; next.config leaves this route out of its framing and policy headers.
 */
function previewEntryHeaders() {
  return { 'cache-control': 'no-store', 'content-security-policy': nonPagePolicy({ frameAncestors: previewFrameAncestors(CMS_ADMIN_URL) }) };
}
