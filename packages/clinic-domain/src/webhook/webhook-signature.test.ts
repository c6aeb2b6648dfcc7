import { signWebhook, verifyWebhook } from './webhook-signature';

const secret = 'shared-secret';
const body = JSON.stringify({ event: 'publish', documentId: 'd1', locale: 'es' });
const now = 1_800_000_000;

describe('webhook signature', () => {
  it('accepts a fresh call signed with the shared secret', () => {
    expect(verifyWebhook({ secret, rawBody: body, signature: signWebhook(secret, now, body), timestamp: String(now), nowSeconds: now + 5 })).toEqual({ valid: true });
  });

  it('refuses a forged signature, a changed body or another secret', () => {
    expect(verifyWebhook({ secret, rawBody: body, signature: 'sha256=deadbeef', timestamp: String(now), nowSeconds: now }).valid).toBe(false);
    expect(verifyWebhook({ secret, rawBody: body + ' ', signature: signWebhook(secret, now, body), timestamp: String(now), nowSeconds: now }).valid).toBe(false);
    expect(verifyWebhook({ secret, rawBody: body, signature: signWebhook('other', now, body), timestamp: String(now), nowSeconds: now }).valid).toBe(false);
  });

  it('refuses a replay outside the window, and a timestamp swapped onto an old signature', () => {
    expect(verifyWebhook({ secret, rawBody: body, signature: signWebhook(secret, now, body), timestamp: String(now), nowSeconds: now + 301 })).toEqual({ valid: false, reason: 'Timestamp outside the replay window.' });
    expect(verifyWebhook({ secret, rawBody: body, signature: signWebhook(secret, now - 3600, body), timestamp: String(now), nowSeconds: now }).valid).toBe(false);
  });

  it('refuses missing parts and an unconfigured secret', () => {
    expect(verifyWebhook({ secret: '', rawBody: body, signature: 'x', timestamp: String(now), nowSeconds: now }).valid).toBe(false);
    expect(verifyWebhook({ secret, rawBody: body, signature: null, timestamp: String(now), nowSeconds: now }).valid).toBe(false);
    expect(verifyWebhook({ secret, rawBody: body, signature: 'x', timestamp: 'soon', nowSeconds: now }).valid).toBe(false);
  });
});
