import { isSitePath, PREVIEW_LINK_LIFETIME_SECONDS, signPreviewLink, verifyPreviewLink } from './preview-link';

const secret = 'preview-secret-for-unit-tests';
const now = 1_800_000_000;
const path = '/es/procedures/vertebroplastia-y-cifoplastia';

function queryOf(fields: Record<string, string | number>): URLSearchParams {
  return new URLSearchParams(Object.entries(fields).map(([k, v]): [string, string] => [k, String(v)]));
}

function verify(fields: Record<string, string | number>, at = now, withSecret: string | undefined = secret) {
  return verifyPreviewLink({ secret: withSecret, query: queryOf(fields), nowSeconds: at });
}

describe('signed preview links', () => {
  const link = signPreviewLink({ secret, path, nowSeconds: now });

  it('signs a site path for ten minutes, without the secret in it', () => {
    expect(link.path).toBe(path);
    expect(link.expires).toBe(now + PREVIEW_LINK_LIFETIME_SECONDS);
    expect(PREVIEW_LINK_LIFETIME_SECONDS).toBe(600);
    expect(link.signature).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(link)).not.toContain(secret);
  });

  it('opens the signed path until it expires', () => {
    expect(verify({ ...link })).toEqual({ valid: true, path });
    expect(verify({ ...link }, link.expires)).toEqual({ valid: true, path });
    expect(verify({ ...link }, link.expires + 1)).toEqual({ valid: false, status: 401, reason: 'This preview link has expired. Open the preview again from the CMS.' });
  });

  it('refuses another path, another expiry or another secret under the same signature', () => {
    expect(verify({ ...link, path: '/es/procedures/other' })).toMatchObject({ valid: false, status: 401 });
    expect(verify({ ...link, expires: link.expires + 60 })).toMatchObject({ valid: false, status: 401 });
    expect(verify({ ...link }, now, 'another-secret')).toMatchObject({ valid: false, status: 401 });
    expect(verify({ ...link, signature: link.signature.replace(/.$/, (c) => (c === '0' ? '1' : '0')) })).toMatchObject({ valid: false, status: 401 });
  });

  it('refuses a link valid for longer than links are issued, even when signed', () => {
    const longLived = signPreviewLink({ secret, path, nowSeconds: now, lifetimeSeconds: 24 * 3600 });
    expect(verify({ ...longLived })).toMatchObject({ valid: false, status: 401 });
  });

  it('refuses the raw secret in the URL, even next to a valid signature', () => {
    expect(verify({ secret, path })).toEqual({ valid: false, status: 400, reason: 'Preview links carry no secret. Open the preview again from the CMS.' });
    expect(verify({ ...link, secret })).toMatchObject({ valid: false, status: 400 });
  });

  it('refuses missing or malformed parts, and any link when preview is not configured', () => {
    expect(verify({ path, expires: link.expires })).toMatchObject({ valid: false, status: 400 });
    expect(verify({ ...link, expires: 'soon' })).toMatchObject({ valid: false, status: 400 });
    expect(verify({ ...link, signature: 'abc' })).toMatchObject({ valid: false, status: 400 });
    expect(verify({ ...link }, now, '')).toMatchObject({ valid: false, status: 401 });
  });

  it.each([
    ['https://evil.example/es', 'a scheme'],
    ['//evil.example/es', 'another host'],
    ['/es//evil.example', 'an empty segment'],
    ['es/procedures', 'no leading slash'],
    ['/es/../admin', 'a parent segment'],
    ['/es/%2F%2Fevil.example', 'an escaped slash'],
    ['/es/%5Cevil.example', 'an escaped backslash'],
    ['/es\\evil.example', 'a backslash'],
    ['/es?next=https://evil.example', 'a query'],
    ['/es#x', 'a fragment'],
    ['/es/%zz', 'a broken escape'],
  ])('refuses %s (%s), signed or not', (unsafe) => {
    expect(isSitePath(unsafe)).toBe(false);
    expect(() => signPreviewLink({ secret, path: unsafe, nowSeconds: now })).toThrow();
    expect(verify({ path: unsafe, expires: link.expires, signature: link.signature })).toEqual({ valid: false, status: 400, reason: 'Invalid path.' });
  });

  it('accepts the site paths the CMS builds, including escaped non-ASCII slugs', () => {
    expect(isSitePath('/en')).toBe(true);
    expect(isSitePath('/es/faq')).toBe(true);
    expect(isSitePath(`/es/procedures/${encodeURIComponent('ablación')}`)).toBe(true);
  });
});
