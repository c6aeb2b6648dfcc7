import { isPreviewSessionValid, PREVIEW_SESSION_LIFETIME_SECONDS, signPreviewSession } from './preview-session';
import { signPreviewLink } from '../preview-link/preview-link';

const secret = 'a-preview-secret-of-enough-length-0123456789';
const now = 1_800_000_000;

describe('preview session', () => {
  it('is valid from its start to its end, with the secret that signed it', () => {
    const token = signPreviewSession({ secret, nowSeconds: now });
    expect(isPreviewSessionValid({ secret, token, nowSeconds: now })).toBe(true);
    expect(isPreviewSessionValid({ secret, token, nowSeconds: now + PREVIEW_SESSION_LIFETIME_SECONDS })).toBe(true);
  });

  it('has ended after its lifetime', () => {
    const token = signPreviewSession({ secret, nowSeconds: now });
    expect(isPreviewSessionValid({ secret, token, nowSeconds: now + PREVIEW_SESSION_LIFETIME_SECONDS + 1 })).toBe(false);
  });

  it('refuses another secret, a changed end, and an end further away than a session is issued for', () => {
    const token = signPreviewSession({ secret, nowSeconds: now });
    expect(isPreviewSessionValid({ secret: `${secret}x`, token, nowSeconds: now })).toBe(false);
    const [expires, signature] = token.split('.');
    expect(isPreviewSessionValid({ secret, token: `${Number(expires) + 1}.${signature}`, nowSeconds: now })).toBe(false);
    const long = signPreviewSession({ secret, nowSeconds: now, lifetimeSeconds: 10 * PREVIEW_SESSION_LIFETIME_SECONDS });
    expect(isPreviewSessionValid({ secret, token: long, nowSeconds: now })).toBe(false);
  });

  it.each([undefined, null, '', 'garbage', '1.2', `${now}.${'g'.repeat(64)}`, `${now}.${'a'.repeat(63)}`, 42, {}])('refuses %p', (token) => {
    expect(isPreviewSessionValid({ secret, token, nowSeconds: now })).toBe(false);
  });

  it('refuses everything when preview is not configured', () => {
    const token = signPreviewSession({ secret, nowSeconds: now });
    expect(isPreviewSessionValid({ secret: undefined, token, nowSeconds: now })).toBe(false);
    expect(isPreviewSessionValid({ secret: '', token, nowSeconds: now })).toBe(false);
  });

  it("is not a preview link's signature", () => {
    const link = signPreviewLink({ secret, path: '/en', nowSeconds: now });
    expect(isPreviewSessionValid({ secret, token: `${link.expires}.${link.signature}`, nowSeconds: now })).toBe(false);
  });
});
