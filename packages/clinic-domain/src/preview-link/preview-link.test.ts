import { formatRevisionPin, isSitePath, parseRevisionPin, pinnedRevisionState, PREVIEW_LINK_LIFETIME_SECONDS, signPreviewLink, verifyPreviewLink } from './preview-link';

const secret = 'preview-secret-for-unit-tests';
const now = 1_800_000_000;
const path = '/es/procedures/vertebroplastia-y-cifoplastia';

/** The parts a link's URL carries, as the site reads them. */
function partsOf(fields: Record<string, string | number>) {
  const text = (key: string) => (key in fields ? String(fields[key]) : null);
  return { path: text('path'), expires: text('expires'), signature: text('signature'), carriesSecret: 'secret' in fields };
}

function verify(fields: Record<string, string | number>, at = now, withSecret: string | undefined = secret) {
  return verifyPreviewLink({ secret: withSecret, link: partsOf(fields), nowSeconds: at });
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
    expect(verify({ ...link }, link.expires + 1)).toEqual({ valid: false, kind: 'unauthorized', reason: 'This preview link has expired. Open the preview again from the CMS.' });
  });

  it('refuses another path, another expiry or another secret under the same signature', () => {
    expect(verify({ ...link, path: '/es/procedures/other' })).toMatchObject({ valid: false, kind: 'unauthorized' });
    expect(verify({ ...link, expires: link.expires + 60 })).toMatchObject({ valid: false, kind: 'unauthorized' });
    expect(verify({ ...link }, now, 'another-secret')).toMatchObject({ valid: false, kind: 'unauthorized' });
    expect(verify({ ...link, signature: link.signature.replace(/.$/, (c) => (c === '0' ? '1' : '0')) })).toMatchObject({ valid: false, kind: 'unauthorized' });
  });

  it('refuses a link valid for longer than links are issued, even when signed', () => {
    const longLived = signPreviewLink({ secret, path, nowSeconds: now, lifetimeSeconds: 24 * 3600 });
    expect(verify({ ...longLived })).toMatchObject({ valid: false, kind: 'unauthorized' });
  });

  it('refuses the raw secret in the URL, even next to a valid signature', () => {
    expect(verify({ secret, path })).toEqual({ valid: false, kind: 'malformed', reason: 'Preview links carry no secret. Open the preview again from the CMS.' });
    expect(verify({ ...link, secret })).toMatchObject({ valid: false, kind: 'malformed' });
  });

  it('refuses missing or malformed parts, and any link when preview is not configured', () => {
    expect(verify({ path, expires: link.expires })).toMatchObject({ valid: false, kind: 'malformed' });
    expect(verify({ ...link, expires: 'soon' })).toMatchObject({ valid: false, kind: 'malformed' });
    expect(verify({ ...link, signature: 'abc' })).toMatchObject({ valid: false, kind: 'malformed' });
    expect(verify({ ...link }, now, '')).toMatchObject({ valid: false, kind: 'unauthorized' });
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
    expect(verify({ path: unsafe, expires: link.expires, signature: link.signature })).toEqual({ valid: false, kind: 'malformed', reason: 'Invalid path.' });
  });

  it('accepts the site paths the CMS builds, including escaped non-ASCII slugs', () => {
    expect(isSitePath('/en')).toBe(true);
    expect(isSitePath('/es/faq')).toBe(true);
    expect(isSitePath(`/es/procedures/${encodeURIComponent('ablación')}`)).toBe(true);
  });
});

describe('preview links pinned to one revision', () => {
  const pin = { type: 'faq', documentId: 'k2c8vq0f3w9xj1l5m7n4p6r8', locale: 'es', hash: 'a'.repeat(64) };
  const link = signPreviewLink({ secret, path: '/es/faq', nowSeconds: now, revision: pin });
  const verifyPinned = (fields: Record<string, string | number>) =>
    verifyPreviewLink({ secret, link: { ...partsOf(fields), revision: 'revision' in fields ? String(fields.revision) : null }, nowSeconds: now });

  it('signs the revision with the path, and gives it back once verified', () => {
    expect(link.revision).toBe(`faq:${pin.documentId}:es:${pin.hash}`);
    expect(verifyPinned({ ...link })).toEqual({ valid: true, path: '/es/faq', revision: pin });
  });

  it('refuses a link re-pinned to another revision, or stripped of its pin', () => {
    const other = formatRevisionPin({ ...pin, hash: 'b'.repeat(64) });
    expect(verifyPinned({ ...link, revision: other })).toMatchObject({ valid: false, kind: 'unauthorized' });
    const { revision: _revision, ...unpinned } = link;
    expect(verifyPinned(unpinned)).toMatchObject({ valid: false, kind: 'unauthorized' });
  });

  it('refuses a malformed revision before checking the signature', () => {
    for (const revision of ['', 'faq', 'faq:x:es:short', `FAQ:${pin.documentId}:es:${pin.hash}`, `faq:${pin.documentId}:es:${pin.hash}:extra`, `faq:../x:es:${pin.hash}`]) {
      expect(verifyPinned({ ...link, revision })).toEqual({ valid: false, kind: 'malformed', reason: 'Malformed revision in the preview link. Open the preview again from the CMS.' });
    }
  });

  it('reads and writes pins', () => {
    expect(parseRevisionPin(formatRevisionPin(pin))).toEqual(pin);
    expect(parseRevisionPin({})).toBeNull();
    expect(() => signPreviewLink({ secret, path: '/es/faq', nowSeconds: now, revision: { ...pin, hash: 'nope' } })).toThrow('Not a revision to pin');
  });

  it('says whether the draft is still the pinned revision', () => {
    expect(pinnedRevisionState(pin, pin.hash)).toBe('current');
    expect(pinnedRevisionState(pin, 'c'.repeat(64))).toBe('changed');
    expect(pinnedRevisionState(pin, null)).toBe('missing');
  });
});
