import { connect } from 'node:net';
import { expect, test } from '@playwright/test';

/**
 * Requests no browser or fetch can send (TRACE, CONNECT, `OPTIONS *`, bytes sent as they are),
 * written on a raw socket, and the responses Next writes before the proxy runs (trailing-slash
 * redirects, missing files under /_next). Each gets a 4xx or an ordinary answer, never a 5xx
 * or a hang, and every response carries the security headers (web/server.mjs).
 */
const SITE = new URL(process.env.SITE_URL ?? 'http://127.0.0.1:3100');
const RAW_TIMEOUT_MS = 15_000;

interface RawAnswer {
  status: number;
  headers: Record<string, string[]>;
  body: string;
}

/** One request exactly as given (request line, headers), on its own connection; the answer as read until the server closes. */
function raw(requestLine: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(Number(SITE.port), SITE.hostname);
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`${requestLine}: no answer within ${RAW_TIMEOUT_MS} ms`));
    }, RAW_TIMEOUT_MS);
    socket.on('connect', () => {
      const lines = [requestLine, `Host: ${SITE.host}`, 'Connection: close', ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
      socket.write(`${lines.join('\r\n')}\r\n\r\n`);
    });
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    socket.on('close', () => {
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString('latin1');
      const [head = '', ...rest] = text.split('\r\n\r\n');
      const [statusLine = '', ...headerLines] = head.split('\r\n');
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? 0);
      const parsed: Record<string, string[]> = {};
      for (const line of headerLines) {
        const at = line.indexOf(':');
        const name = line.slice(0, at).trim().toLowerCase();
        (parsed[name] ??= []).push(line.slice(at + 1).trim());
      }
      resolve({ status, headers: parsed, body: rest.join('\r\n\r\n') });
    });
  });
}

/** The headers every response of the site carries (README › Security headers). */
function expectSecurityHeaders(answer: RawAnswer, what: string) {
  const one = (name: string) => answer.headers[name]?.join(', ');
  expect(one('x-content-type-options'), what).toBe('nosniff');
  expect(one('referrer-policy'), what).toBe('strict-origin-when-cross-origin');
  expect(one('permissions-policy'), what).toContain('camera=()');
  expect(one('cross-origin-opener-policy'), what).toBe('same-origin');
  expect(one('x-frame-options'), what).toBe('DENY');
  expect(answer.headers['content-security-policy']?.length, what).toBeGreaterThan(0);
  for (const policy of answer.headers['content-security-policy'] ?? []) {
    expect(policy, what).toContain("frame-ancestors 'none'");
    expect(policy, what).not.toMatch(/unsafe-inline|unsafe-eval/);
  }
  expect(answer.headers['x-powered-by'], what).toBeUndefined();
}

test('bad input: TRACE, TRACK, CONNECT and unknown methods are a 405 with Allow and the security headers, never Next’s 500', async () => {
  const cases: Array<[string, string]> = [
    ['TRACE / HTTP/1.1', 'GET, HEAD'],
    ['TRACE /en HTTP/1.1', 'GET, HEAD'],
    ['TRACE /en/procedures/vertebroplasty-and-kyphoplasty HTTP/1.1', 'GET, HEAD'],
    ['TRACE /_next/static/chunks/x.js HTTP/1.1', 'GET, HEAD'],
    ['TRACE /api/revalidate HTTP/1.1', 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS'],
    ['TRACK /en HTTP/1.1', 'GET, HEAD'],
    ['PROPFIND /en HTTP/1.1', 'GET, HEAD'],
    ['FOO /en HTTP/1.1', 'GET, HEAD'],
    [`CONNECT ${SITE.host} HTTP/1.1`, 'GET, HEAD'],
  ];
  for (const [line, allow] of cases) {
    const answer = await raw(line);
    expect(answer.status, line).toBe(405);
    expect(answer.headers['allow']?.[0], line).toBe(allow);
    expect(answer.body, line).toMatch(/Method not allowed/);
    expectSecurityHeaders(answer, line);
  }
});

test('bad input: a target that is not a path (OPTIONS *, GET *, a bare name) is a 400 with the security headers', async () => {
  for (const line of ['OPTIONS * HTTP/1.1', 'GET * HTTP/1.1', 'HEAD * HTTP/1.1', 'GET robots.txt HTTP/1.1']) {
    const answer = await raw(line);
    expect(answer.status, line).toBe(400);
    expectSecurityHeaders(answer, line);
  }
});

test('bad input: a proxy-style absolute target is served as its path, not redirected to itself', async () => {
  const answer = await raw(`GET ${SITE.origin}/robots.txt HTTP/1.1`);
  expect(answer.status).toBe(200);
  expect(answer.body).toContain('Sitemap:');
  expectSecurityHeaders(answer, 'absolute target');
});

test('bad input: malformed paths under /_next are a 4xx (or a redirect) with the security headers, never a 5xx', async () => {
  for (const path of ['/_next/data/%e2%82', '/_next/data/%e2%82.json', '/_next/static/%ff', '/_next/static/chunks/%E0%A4%A.js', '/_next/image?url=%ff&w=1&q=1', '/_next/%', '/_next/static/chunks/does-not-exist.js']) {
    const answer = await raw(`GET ${path} HTTP/1.1`);
    expect(answer.status, path).toBeGreaterThanOrEqual(300);
    expect(answer.status, path).toBeLessThan(500);
    expectSecurityHeaders(answer, path);
  }
});

test('security headers: Next’s trailing-slash redirects and its 404s under /_next carry every header', async () => {
  for (const path of ['/en/', '/es/faq/', '/en/procedures/vertebroplasty-and-kyphoplasty/', '/robots.txt/', '/api/revalidate/']) {
    const answer = await raw(`GET ${path} HTTP/1.1`);
    expect(answer.status, path).toBe(308);
    expect(answer.headers['location']?.[0], path).toBe(path.replace(/\/$/, ''));
    expectSecurityHeaders(answer, path);
  }
  const missing = await raw('GET /_next/static/chunks/never-built.js HTTP/1.1');
  expect(missing.status).toBe(404);
  expectSecurityHeaders(missing, 'a missing file under /_next');
});

test('bad input: a request Node cannot read (headers past its limit, a broken request line) is a 4xx with the security headers', async () => {
  const huge = await raw('GET /en HTTP/1.1', { 'X-Filler': 'a'.repeat(20_000) });
  expect(huge.status).toBe(431);
  expectSecurityHeaders(huge, 'headers too large');
  const broken = await raw('GET /en HTTP/9.9');
  expect(broken.status).toBeGreaterThanOrEqual(400);
  expect(broken.status).toBeLessThan(500);
  expectSecurityHeaders(broken, 'broken request line');
});

test('bad input: a request asking to switch protocols (Upgrade: websocket) is answered at once as the plain request it also is, never left hanging', async () => {
  // An outside attack found these hanging with their sockets open until the site ran out of file descriptors.
  const paths = ['/', '/en', '/en/zzz', '/zzz', '/%ff', '/%', '/_next/static/%ff', '/sitemap.xml', '/api/revalidate', `/${'a'.repeat(2100)}`];
  for (const path of paths) {
    for (const upgrade of ['websocket', 'h2c', 'foo']) {
      const started = Date.now();
      const answer = await raw(`GET ${path} HTTP/1.1`, { Connection: 'Upgrade', Upgrade: upgrade });
      const what = `GET ${path.slice(0, 40)} Upgrade: ${upgrade}`;
      expect(answer.status, what).toBeGreaterThanOrEqual(200);
      // An ordinary answer: the page, a redirect, a 4xx, or the 503 of a CMS another journey has just paused.
      expect(answer.status < 500 || answer.status === 503, `${what}: ${answer.status}`).toBe(true);
      expect(answer.status, what).not.toBe(101);
      expect(Date.now() - started, what).toBeLessThan(5_000);
      expectSecurityHeaders(answer, what);
    }
  }
});

test('the site still answers after the raw requests', async () => {
  const answer = await raw('GET /en HTTP/1.1');
  expect(answer.status).toBe(200);
  expectSecurityHeaders(answer, '/en');
});
