import type { PreviewRevisionPin } from 'clinic-domain';
import { CMS_URL } from './cms-url';

/**
 * The revision a draft is at now, for a preview pinned to one revision: asked of the CMS with
 * the preview credential, never cached. Null when the document has no draft in that locale;
 * undefined when the CMS could not say (the preview then says nothing rather than guess).
 */
export async function currentRevisionHash(pin: PreviewRevisionPin): Promise<string | null | undefined> {
  const url = `${CMS_URL}/api/clinic/preview-revisions/${encodeURIComponent(pin.type)}/${encodeURIComponent(pin.documentId)}?locale=${encodeURIComponent(pin.locale)}`;
  try {
    const res = await fetch(url, { headers: { 'x-preview-secret': process.env.PREVIEW_SECRET ?? '' }, cache: 'no-store' });
    if (!res.ok) return undefined;
    const body = (await res.json()) as { data?: { revisionHash?: string | null } };
    return body.data?.revisionHash ?? null;
  } catch {
    return undefined;
  }
}
