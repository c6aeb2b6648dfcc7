import { DEFAULT_REPLAY_WINDOW_SECONDS, verifyWebhook } from './webhook-signature';

/**
 * The rules of delivering one announcement from the CMS to the site: when the CMS tries
 * again after a failure, and what the site makes of a signed call (refuse it, or act on it
 * once per delivery id however often it arrives).
 */

/** How long the CMS waits between attempts at one delivery: doubling from `initialDelayMs`, never above `maxDelayMs`. */
export interface RetryPolicy {
  initialDelayMs: number;
  maxDelayMs: number;
}

// A site back from an outage is told at the next attempt: at most 5 s, plus the worker's sweep
// interval. A site down for hours costs one call per sweep per address, not one per change: while
// an address fails, each sweep tries it once (see the worker).
export const DEFAULT_RETRY_POLICY: RetryPolicy = { initialDelayMs: 1000, maxDelayMs: 5_000 };

/** The wait before the next attempt, after `failedAttempts` (1 or more) failed ones. */
export function retryDelayMs(failedAttempts: number, policy: RetryPolicy = DEFAULT_RETRY_POLICY): number {
  const initial = Math.max(1, policy.initialDelayMs);
  const max = Math.max(initial, policy.maxDelayMs);
  const doublings = Math.max(0, Math.floor(failedAttempts) - 1);
  // 2^31 and beyond would overflow into Infinity or lose precision; the cap is reached long before.
  if (doublings >= 31) return max;
  return Math.min(max, initial * 2 ** doublings);
}

const DELIVERY_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A delivery id is a lowercase UUID: one per announcement and site address, the same on every retry. */
export function isDeliveryId(value: unknown): value is string {
  return typeof value === 'string' && DELIVERY_ID.test(value);
}

/** What a delivery tells the site: which document changed, under which delivery id. */
export interface DeliveredEvent {
  deliveryId: string;
  event: string;
  contentType: string;
  documentId: string;
  locale?: string;
}

export type DeliveryAdmission =
  | { admit: true; event: DeliveredEvent; rememberForSeconds: number }
  | { admit: false; status: 400 | 401; reason: string };

/**
 * Whether the site acts on a call: signed with the shared secret, inside the replay window,
 * a JSON body naming its delivery id, content type and document. An admitted delivery id is
 * to be remembered for as long as this exact call could still pass the window check, so that
 * a replayed (or re-sent) call is recognized; a retry signs a new timestamp and carries the
 * same id, so it is recognized too while remembered, and acted on again (harmlessly) after.
 */
export function admitDelivery(input: {
  secret: string | undefined;
  rawBody: string;
  signature: string | null | undefined;
  timestamp: string | null | undefined;
  nowSeconds: number;
  replayWindowSeconds?: number;
}): DeliveryAdmission {
  const window = input.replayWindowSeconds ?? DEFAULT_REPLAY_WINDOW_SECONDS;
  const verdict = verifyWebhook({ ...input, replayWindowSeconds: window });
  if (!verdict.valid) return { admit: false, status: 401, reason: verdict.reason };

  let body: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(input.rawBody);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return { admit: false, status: 400, reason: 'The body must be a JSON object.' };
    body = parsed as Record<string, unknown>;
  } catch {
    return { admit: false, status: 400, reason: 'The body is not JSON.' };
  }
  if (!isDeliveryId(body.deliveryId)) return { admit: false, status: 400, reason: 'deliveryId (a lowercase UUID) is required.' };
  if (typeof body.contentType !== 'string' || typeof body.documentId !== 'string') return { admit: false, status: 400, reason: 'contentType and documentId are required.' };
  if (body.locale !== undefined && typeof body.locale !== 'string') return { admit: false, status: 400, reason: 'locale must be a string.' };

  // The signature check let the timestamp through, so it is a whole number within the window.
  const timestamp = Number(input.timestamp);
  const rememberForSeconds = Math.max(1, timestamp + window - Math.floor(input.nowSeconds) + 1);
  const event: DeliveredEvent = {
    deliveryId: body.deliveryId,
    event: typeof body.event === 'string' ? body.event : 'change',
    contentType: body.contentType,
    documentId: body.documentId,
    ...(typeof body.locale === 'string' ? { locale: body.locale } : {}),
  };
  return { admit: true, event, rememberForSeconds };
}
