import { revalidateTag } from 'next/cache';
import { admitDelivery } from 'clinic-domain';
import { tagsForEvent } from '@/lib/cms/cache-tags';
import { deliveryMemory } from '@/lib/webhooks/delivery-memory';

// Where the CMS puts the signature and its timestamp (strapi-plugin-clinic's webhook-service.ts).
const SIGNATURE_HEADER = 'x-clinic-signature';
const TIMESTAMP_HEADER = 'x-clinic-timestamp';

/**
 * The CMS's announcements: approvals and publications refresh the affected pages, in every
 * locale. Each delivery id is acted on once (across instances when REDIS_URL is set); a
 * repeat gets a 200 that refreshes nothing, so the CMS stops re-sending it.
 */
export async function POST(request: Request) {
  const rawBody = await request.text();
  const admission = admitDelivery({
    secret: process.env.CLINIC_WEBHOOK_SECRET,
    rawBody,
    signature: request.headers.get(SIGNATURE_HEADER),
    timestamp: request.headers.get(TIMESTAMP_HEADER),
    nowSeconds: Math.floor(Date.now() / 1000),
  });
  if (!admission.admit) return Response.json({ error: admission.reason }, { status: admission.status });
  const { event, rememberForSeconds } = admission;

  const memory = deliveryMemory();
  let first: boolean;
  try {
    first = await memory.rememberFirst(event.deliveryId, rememberForSeconds);
  } catch (error) {
    // Without the shared memory a repeat could not be told apart: the CMS tries again later.
    console.error(`[revalidate] delivery memory unavailable: ${(error as Error).message}`);
    return Response.json({ error: 'The site cannot record deliveries right now; try again later.' }, { status: 503 });
  }
  if (!first) return Response.json({ revalidated: [], alreadyReceived: true });

  const tags = tagsForEvent({ contentType: event.contentType, documentId: event.documentId });
  try {
    // Expire now: the next visitor gets the new text, not one more stale copy.
    for (const tag of tags) revalidateTag(tag, { expire: 0 });
  } catch (error) {
    await memory.forget(event.deliveryId).catch(() => undefined);
    console.error(`[revalidate] could not refresh ${tags.join(', ')}: ${(error as Error).message}`);
    return Response.json({ error: 'The pages could not be refreshed; try again later.' }, { status: 503 });
  }
  return Response.json({ revalidated: tags });
}
