import { completeSecurityHeaders, refusalHeaders, screenRequest } from './site-edge.cjs';

/** Node's header store, case-insensitive as on a ServerResponse. */
function headerStore(initial: Record<string, string | string[]> = {}) {
  const map = new Map(Object.entries(initial).map(([k, v]) => [k.toLowerCase(), v]));
  return {
    map,
    access: { has: (k: string) => map.has(k.toLowerCase()), get: (k: string) => map.get(k.toLowerCase()), set: (k: string, v: string) => void map.set(k.toLowerCase(), v), remove: (k: string) => void map.delete(k.toLowerCase()) },
  };
}

describe('screenRequest: what Next never sees', () => {
  it('passes the methods route handlers know, on any path', () => {
    for (const method of ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']) expect(screenRequest(method, '/en?x=1')).toEqual({ pass: '/en?x=1' });
  });

  it('refuses any other method with a 405 naming what the address takes (Next throws a 500 on TRACE)', () => {
    expect(screenRequest('TRACE', '/en').refuse).toEqual({ status: 405, allow: 'GET, HEAD', message: expect.stringContaining('GET, HEAD') });
    expect(screenRequest('PROPFIND', '/_next/static/a.js').refuse).toMatchObject({ status: 405, allow: 'GET, HEAD' });
    expect(screenRequest('TRACE', '/api/revalidate').refuse).toMatchObject({ status: 405, allow: 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS' });
    expect(screenRequest('get', '/en').refuse?.status).toBe(405);
  });

  it('refuses a target that is not a path (OPTIONS *, a bare name) with a 400', () => {
    expect(screenRequest('OPTIONS', '*').refuse).toMatchObject({ status: 400, message: expect.stringMatching(/path/) });
    expect(screenRequest('GET', '*').refuse?.status).toBe(400);
    expect(screenRequest('GET', 'robots.txt').refuse?.status).toBe(400);
    expect(screenRequest('GET', '').refuse?.status).toBe(400);
  });

  it('serves an absolute target as its path, which Next would redirect to itself', () => {
    expect(screenRequest('GET', 'http://clinic.example/en/faq?x=1')).toEqual({ pass: '/en/faq?x=1' });
    expect(screenRequest('GET', 'HTTPS://clinic.example')).toEqual({ pass: '/' });
    expect(screenRequest('GET', 'ftp://clinic.example/x').refuse?.status).toBe(400);
  });
});

describe('completeSecurityHeaders: every response, whoever wrote it', () => {
  it('gives a response with none (a trailing-slash redirect) every header and the policy under which nothing runs', () => {
    const { map, access } = headerStore({ location: '/en', 'x-powered-by': 'Next.js' });
    completeSecurityHeaders(access);
    expect(Object.fromEntries(map)).toMatchObject({
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'strict-origin-when-cross-origin',
      'permissions-policy': expect.stringContaining('camera=()'),
      'cross-origin-opener-policy': 'same-origin',
      'content-security-policy': expect.stringContaining("default-src 'none'"),
      'x-frame-options': 'DENY',
    });
    expect(map.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(map.has('x-powered-by')).toBe(false);
  });

  it('keeps a page’s own policy (its script hashes) and adds no second one', () => {
    const page = "default-src 'self'; script-src 'self' 'sha256-abc'; frame-ancestors 'none'";
    const { map, access } = headerStore({ 'content-security-policy': page });
    completeSecurityHeaders(access);
    expect(map.get('content-security-policy')).toBe(page);
    expect(map.get('x-frame-options')).toBe('DENY');
  });

  it('leaves the preview flow framable by the admin alone: no X-Frame-Options next to its frame-ancestors', () => {
    const { map, access } = headerStore({ 'content-security-policy': "default-src 'self'; frame-ancestors http://127.0.0.1:1338" });
    completeSecurityHeaders(access);
    expect(map.has('x-frame-options')).toBe(false);
    expect(map.get('x-content-type-options')).toBe('nosniff');
  });

  it('adds HSTS only when the static headers carry it (production over HTTPS)', () => {
    const withHsts = [{ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' }];
    const { map, access } = headerStore();
    completeSecurityHeaders(access, withHsts);
    expect(map.get('strict-transport-security')).toBe('max-age=63072000; includeSubDomains');
    const plain = headerStore();
    completeSecurityHeaders(plain.access);
    expect(plain.map.has('strict-transport-security')).toBe(false);
  });

  it('writes the server’s own refusals complete: plain text, no-store, Allow, every security header', () => {
    expect(refusalHeaders({ status: 405, allow: 'GET, HEAD' })).toMatchObject({
      'Content-Type': 'text/plain; charset=utf-8',
      'Cache-Control': 'no-store',
      Allow: 'GET, HEAD',
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Content-Security-Policy': expect.stringContaining("frame-ancestors 'none'"),
    });
  });
});
