import { admitDelivery, DEFAULT_RETRY_POLICY, isDeliveryId, retryDelayMs } from './webhook-delivery';
import { signWebhook } from './webhook-signature';

describe('retry schedule', () => {
  it('doubles from the initial delay and stops at the cap', () => {
    const policy = { initialDelayMs: 1000, maxDelayMs: 10_000 };
    expect([1, 2, 3, 4, 5, 6, 50].map((n) => retryDelayMs(n, policy))).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000, 10_000]);
  });

  it('never overflows, whatever the number of failures', () => {
    expect(retryDelayMs(10_000, DEFAULT_RETRY_POLICY)).toBe(DEFAULT_RETRY_POLICY.maxDelayMs);
    expect(retryDelayMs(Number.MAX_SAFE_INTEGER, DEFAULT_RETRY_POLICY)).toBe(DEFAULT_RETRY_POLICY.maxDelayMs);
  });

  it('reads a cap below the initial delay as no growth, and never waits less than a millisecond', () => {
    expect(retryDelayMs(5, { initialDelayMs: 5000, maxDelayMs: 100 })).toBe(5000);
    expect(retryDelayMs(1, { initialDelayMs: 0, maxDelayMs: 0 })).toBe(1);
    expect(retryDelayMs(0, DEFAULT_RETRY_POLICY)).toBe(DEFAULT_RETRY_POLICY.initialDelayMs);
  });
});

describe('delivery ids', () => {
  it('are lowercase UUIDs', () => {
    expect(isDeliveryId('3b241101-e2bb-4255-8caf-4136c566a962')).toBe(true);
    for (const bad of ['', '3B241101-E2BB-4255-8CAF-4136C566A962', '3b241101e2bb42558caf4136c566a962', '3b241101-e2bb-4255-8caf-4136c566a962 ', 42, null, undefined, ['3b241101-e2bb-4255-8caf-4136c566a962']]) {
      expect(isDeliveryId(bad)).toBe(false);
    }
  });
});

describe('admitting a delivery', () => {
  const secret = 'shared-secret';
  const now = 1_800_000_000;
  const deliveryId = '3b241101-e2bb-4255-8caf-4136c566a962';
  const body = (fields: Record<string, unknown> = {}) => JSON.stringify({ deliveryId, event: 'publish', contentType: 'plugin::clinic.procedure', documentId: 'd1', locale: 'es', ...fields });
  const call = (rawBody: string, at = now, signedWith = secret) => ({ secret, rawBody, signature: signWebhook(signedWith, at, rawBody), timestamp: String(at), nowSeconds: now });

  it('admits a signed call and says how long to remember its delivery id: as long as the call itself passes the window', () => {
    expect(admitDelivery(call(body()))).toEqual({
      admit: true,
      event: { deliveryId, event: 'publish', contentType: 'plugin::clinic.procedure', documentId: 'd1', locale: 'es' },
      rememberForSeconds: 301,
    });
    // Signed 200 s ago: replayable for 100 more seconds.
    expect(admitDelivery(call(body(), now - 200))).toMatchObject({ admit: true, rememberForSeconds: 101 });
    // Signed by a clock 100 s ahead: replayable for 400 seconds.
    expect(admitDelivery(call(body(), now + 100))).toMatchObject({ admit: true, rememberForSeconds: 401 });
    expect(admitDelivery({ ...call(body()), replayWindowSeconds: 60 })).toMatchObject({ admit: true, rememberForSeconds: 61 });
  });

  it('refuses a forged, unsigned or stale call with a 401, before reading the body', () => {
    expect(admitDelivery(call(body(), now, 'other-secret'))).toEqual({ admit: false, status: 401, reason: 'Signature does not match.' });
    expect(admitDelivery({ ...call(body()), signature: null })).toEqual({ admit: false, status: 401, reason: 'Missing signature or timestamp.' });
    expect(admitDelivery(call(body(), now - 301))).toEqual({ admit: false, status: 401, reason: 'Timestamp outside the replay window.' });
    expect(admitDelivery({ ...call('not json'), secret: undefined })).toMatchObject({ admit: false, status: 401 });
  });

  it('refuses a signed call without a delivery id, a document or a JSON object with a 400 saying what is missing', () => {
    expect(admitDelivery(call('not json'))).toEqual({ admit: false, status: 400, reason: 'The body is not JSON.' });
    expect(admitDelivery(call('[1]'))).toEqual({ admit: false, status: 400, reason: 'The body must be a JSON object.' });
    expect(admitDelivery(call('null'))).toEqual({ admit: false, status: 400, reason: 'The body must be a JSON object.' });
    expect(admitDelivery(call(body({ deliveryId: undefined })))).toEqual({ admit: false, status: 400, reason: 'deliveryId (a lowercase UUID) is required.' });
    expect(admitDelivery(call(body({ deliveryId: 'again' })))).toMatchObject({ admit: false, status: 400 });
    expect(admitDelivery(call(body({ documentId: 7 })))).toEqual({ admit: false, status: 400, reason: 'contentType and documentId are required.' });
    expect(admitDelivery(call(body({ locale: ['es'] })))).toEqual({ admit: false, status: 400, reason: 'locale must be a string.' });
  });
});
