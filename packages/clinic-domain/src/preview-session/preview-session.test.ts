import { isPreviewSessionValid, PREVIEW_SESSION_LIFETIME_SECONDS, signPreviewSession } from './preview-session';
import { signPreviewLink } from '../preview-link/preview-link';

const secret = 'a-preview-secret-of-enough-length-0123456789';
const now = 1_800_000_000;
const page = '/es/procedures/vertebroplastia-y-cifoplastia';

describe('preview session', () => {
  it('is valid on its page from its start to its end, with the secret that signed it', () => {
    const token = signPreviewSession({ secret, nowSeconds: now, page });
    expect(isPreviewSessionValid({ secret, token, page, nowSeconds: now })).toBe(true);
    expect(isPreviewSessionValid({ secret, token, page, nowSeconds: now + PREVIEW_SESSION_LIFETIME_SECONDS })).toBe(true);
  });

  it('opens no other page: another path, locale, case, a trailing slash, or no page known', () => {
    const token = signPreviewSession({ secret, nowSeconds: now, page });
    for (const other of ['/es/faq', '/en/procedures/vertebroplasty-and-kyphoplasty', '/ES/procedures/vertebroplastia-y-cifoplastia', `${page}/`, '/es', '', null, undefined]) {
      expect(isPreviewSessionValid({ secret, token, page: other, nowSeconds: now })).toBe(false);
    }
  });

  it("opens a list's later pages too (an FAQ may be listed past the first page), and nothing else under it", () => {
    const token = signPreviewSession({ secret, nowSeconds: now, page: '/en/faq' });
    for (const later of ['/en/faq/page/2', '/en/faq/page/17']) expect(isPreviewSessionValid({ secret, token, page: later, nowSeconds: now })).toBe(true);
    for (const other of ['/en/faq/page/', '/en/faq/page/2/x', '/en/faq/page/two', '/en/faqs', '/en/faq/x', '/en/faq-page/2']) {
      expect(isPreviewSessionValid({ secret, token, page: other, nowSeconds: now })).toBe(false);
    }
  });

  it('refuses a token whose page was swapped for another', () => {
    const token = signPreviewSession({ secret, nowSeconds: now, page });
    const [expires, , sig] = token.split('.');
    const swapped = `${expires}.${Buffer.from('/es/faq').toString('base64url')}.${sig}`;
    expect(isPreviewSessionValid({ secret, token: swapped, page: '/es/faq', nowSeconds: now })).toBe(false);
  });

  it('has ended after its lifetime', () => {
    const token = signPreviewSession({ secret, nowSeconds: now, page });
    expect(isPreviewSessionValid({ secret, token, page, nowSeconds: now + PREVIEW_SESSION_LIFETIME_SECONDS + 1 })).toBe(false);
  });

  it('refuses another secret, a changed end, and an end further away than a session is issued for', () => {
    const token = signPreviewSession({ secret, nowSeconds: now, page });
    expect(isPreviewSessionValid({ secret: `${secret}x`, token, page, nowSeconds: now })).toBe(false);
    const [expires, encoded, sig] = token.split('.');
    expect(isPreviewSessionValid({ secret, token: `${Number(expires) + 1}.${encoded}.${sig}`, page, nowSeconds: now })).toBe(false);
    const long = signPreviewSession({ secret, nowSeconds: now, page, lifetimeSeconds: 10 * PREVIEW_SESSION_LIFETIME_SECONDS });
    expect(isPreviewSessionValid({ secret, token: long, page, nowSeconds: now })).toBe(false);
  });

  it.each([undefined, null, '', 'garbage', '1.2', `${now}.${'g'.repeat(64)}`, `${now}.L2Vz.${'a'.repeat(63)}`, `${now}.${'a'.repeat(64)}`, 42, {}])('refuses %p', (token) => {
    expect(isPreviewSessionValid({ secret, token, page, nowSeconds: now })).toBe(false);
  });

  it('refuses everything when preview is not configured', () => {
    const token = signPreviewSession({ secret, nowSeconds: now, page });
    expect(isPreviewSessionValid({ secret: undefined, token, page, nowSeconds: now })).toBe(false);
    expect(isPreviewSessionValid({ secret: '', token, page, nowSeconds: now })).toBe(false);
  });

  it("is not a preview link's signature", () => {
    const link = signPreviewLink({ secret, path: page, nowSeconds: now });
    expect(isPreviewSessionValid({ secret, token: `${link.expires}.${Buffer.from(page).toString('base64url')}.${link.signature}`, page, nowSeconds: now })).toBe(false);
  });
});
