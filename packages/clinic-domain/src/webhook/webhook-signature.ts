import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The CMS signs each webhook with HMAC-SHA256 over "<timestamp>.<raw body>" using a secret
 * shared with the site. The timestamp is signed too, so an old call cannot be replayed
 * with a new date. (Which headers carry the two is the sender's and receiver's business.)
 */
export const DEFAULT_REPLAY_WINDOW_SECONDS = 300;

export function signWebhook(secret: string, timestampSeconds: number, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestampSeconds}.${rawBody}`).digest('hex')}`;
}

export type WebhookVerdict = { valid: true } | { valid: false; reason: string };

export function verifyWebhook(input: {
  secret: string | undefined;
  rawBody: string;
  signature: string | null | undefined;
  timestamp: string | null | undefined;
  nowSeconds: number;
  replayWindowSeconds?: number;
}): WebhookVerdict {
  if (!input.secret) return { valid: false, reason: 'No webhook secret is configured.' };
  if (!input.signature || !input.timestamp) return { valid: false, reason: 'Missing signature or timestamp.' };
  if (!/^\d+$/.test(input.timestamp)) return { valid: false, reason: 'Malformed timestamp.' };
  const timestamp = Number(input.timestamp);
  const window = input.replayWindowSeconds ?? DEFAULT_REPLAY_WINDOW_SECONDS;
  if (Math.abs(input.nowSeconds - timestamp) > window) return { valid: false, reason: 'Timestamp outside the replay window.' };
  const expected = Buffer.from(signWebhook(input.secret, timestamp, input.rawBody));
  const presented = Buffer.from(input.signature);
  if (expected.length !== presented.length || !timingSafeEqual(expected, presented)) return { valid: false, reason: 'Signature does not match.' };
  return { valid: true };
}
