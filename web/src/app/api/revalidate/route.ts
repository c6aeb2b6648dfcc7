import { revalidateTag } from 'next/cache';
import { verifyWebhook } from 'clinic-domain';
import { tagsForEvent } from '@/lib/cms/cache-tags';

// Where the CMS puts the signature and its timestamp (strapi-plugin-clinic's webhook-service.ts).
const SIGNATURE_HEADER = 'x-clinic-signature';
const TIMESTAMP_HEADER = 'x-clinic-timestamp';

// Signatures already used, so a captured call cannot be replayed inside the time window.
const seen = new Map<string, number>();
const forgetOld = (now: number) => {
  for (const [signature, at] of seen) if (now - at > 600) seen.delete(signature);
};

/** The CMS's webhook: approvals and publications refresh the affected pages, in every locale. */
export async function POST(request: Request) {
  const rawBody = await request.text();
  const signature = request.headers.get(SIGNATURE_HEADER);
  const now = Math.floor(Date.now() / 1000);
  const verdict = verifyWebhook({ secret: process.env.CLINIC_WEBHOOK_SECRET, rawBody, signature, timestamp: request.headers.get(TIMESTAMP_HEADER), nowSeconds: now });
  forgetOld(now);
  if (!verdict.valid) return Response.json({ error: verdict.reason }, { status: 401 });
  if (seen.has(signature!)) return Response.json({ error: 'This call was already received.' }, { status: 401 });
  seen.set(signature!, now);

  let event: { contentType?: unknown; documentId?: unknown };
  try {
    event = JSON.parse(rawBody);
  } catch {
    return Response.json({ error: 'The body is not JSON.' }, { status: 400 });
  }
  if (typeof event.contentType !== 'string' || typeof event.documentId !== 'string') {
    return Response.json({ error: 'contentType and documentId are required.' }, { status: 400 });
  }
  const tags = tagsForEvent({ contentType: event.contentType, documentId: event.documentId });
  // Expire now: the next visitor gets the new text, not one more stale copy.
  for (const tag of tags) revalidateTag(tag, { expire: 0 });
  return Response.json({ revalidated: tags });
}
