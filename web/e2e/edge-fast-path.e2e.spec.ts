import { spawn, type ChildProcess } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';

/**
 * web/server.mjs lets a published page skip the proxy when the proxy would let it through
 * untouched (src/lib/edge/published-page-screen.cjs). Two instances of the same build, one with
 * that fast path and one without (SITE_EDGE_FAST_PATH=off), must answer every request alike:
 * status, headers (but Date) and body. Both reach the CMS through a relay this test can cut, for
 * the outage case. Raw HTTP (node:http), not fetch, which would add an Accept-Language of its own.
 * The fast instance also answers pages Next has served from its cache from its page memory
 * (src/lib/edge/cached-page-memory.cjs), and marks those answers (SITE_PAGE_MEMORY_TRACE=1).
 */
const PORTS = { fast: 15810, proxied: 15811, relay: 15812 };
const SITE_URL = process.env.SITE_URL ?? 'http://127.0.0.1:3100';
const CMS = new URL(process.env.CMS_URL ?? 'http://127.0.0.1:1338');
const PAGES = ['/en', '/es/procedures/vertebroplastia-y-cifoplastia', '/en/procedures/vertebroplasty-and-kyphoplasty', '/es/faq'];
const MARKER = 'x-clinic-edge-checked';
const FROM_MEMORY = 'x-clinic-page-memory';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function ask(port: number, method: string, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers, timeout: 30_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('latin1') }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`${method} ${path}: no answer in time`)));
    req.on('error', reject);
    req.end();
  });
}

/**
 * What must be equal: all but the date and connection headers, the cookie's Expires (one year on,
 * may fall a second apart), a preview's fresh nonce. A page each instance renders itself (a 404)
 * streams its inline scripts in chunks that vary from render to render: its body, length and the
 * scripts' hashes in its policy are left out.
 */
function comparable(answer: Answer, { renderedEachTime = false } = {}) {
  const nonce = (text: string) => text.replace(/nonce-[A-Za-z0-9+/=]+/g, 'nonce-*').replace(/nonce="[^"]*"/g, 'nonce="*"');
  const headers: Record<string, unknown> = {};
  // Next streams a compressed page; the page memory knows its length. The bytes are compared decompressed.
  const compressed = answer.headers['content-encoding'] !== undefined;
  for (const [name, value] of Object.entries(answer.headers)) {
    if (name === 'date' || name === 'connection' || name === 'keep-alive' || name === FROM_MEMORY) continue;
    if ((renderedEachTime || compressed) && name === 'content-length') continue;
    if (compressed && name === 'transfer-encoding') continue;
    headers[name] = name === 'set-cookie' ? (value as string[]).map((cookie) => cookie.replace(/Expires=[^;]*; /, '')) : typeof value === 'string' ? nonce(value) : value;
    if (renderedEachTime && name === 'content-security-policy') headers[name] = String(value).replace(/'sha256-[^']*' ?/g, '');
  }
  return { status: answer.status, headers, body: renderedEachTime ? null : nonce(decompressed(answer)) };
}

function decompressed(answer: Answer): string {
  const bytes = Buffer.from(answer.body, 'latin1');
  const encoding = answer.headers['content-encoding'];
  if (!bytes.length || encoding === undefined) return answer.body;
  return (encoding === 'br' ? brotliDecompressSync(bytes) : gunzipSync(bytes)).toString('latin1');
}

/** The same request to both instances, one after the other; their answers. */
async function both(method: string, path: string, headers: Record<string, string> = {}) {
  const fast = await ask(PORTS.fast, method, path, headers);
  const proxied = await ask(PORTS.proxied, method, path, headers);
  return { fast, proxied };
}

async function expectAlike(method: string, path: string, headers: Record<string, string> = {}, options: { renderedEachTime?: boolean } = {}): Promise<Answer> {
  const { fast, proxied } = await both(method, path, headers);
  expect({ request: [method, path, headers], ...comparable(fast, options) }).toEqual({ request: [method, path, headers], ...comparable(proxied, options) });
  return fast;
}

/** A relay to the CMS that can be cut (every connection dropped at once), as a CMS that went away. */
function cmsRelay(): { server: Server; cut: (down: boolean) => void } {
  let down = false;
  const open = new Set<Socket>();
  const server = createServer((client) => {
    if (down) return client.destroy();
    const upstream = createConnection({ host: CMS.hostname, port: Number(CMS.port) });
    open.add(client);
    client.on('close', () => open.delete(client));
    client.pipe(upstream).pipe(client);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  server.listen(PORTS.relay, '127.0.0.1');
  return {
    server,
    cut: (value) => {
      down = value;
      if (down) for (const socket of open) socket.destroy();
    },
  };
}

function startSite(port: number, extraEnv: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['server.mjs', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: process.cwd(),
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', CMS_URL: `http://127.0.0.1:${PORTS.relay}`, SITE_URL, ...extraEnv },
    stdio: 'ignore',
  });
}

let relay: ReturnType<typeof cmsRelay>;
const sites: ChildProcess[] = [];

test.beforeAll(async () => {
  relay = cmsRelay();
  sites.push(startSite(PORTS.fast, { SITE_PAGE_MEMORY_TRACE: '1' }), startSite(PORTS.proxied, { SITE_EDGE_FAST_PATH: 'off' }));
  for (const port of [PORTS.fast, PORTS.proxied]) {
    await expect.poll(async () => (await ask(port, 'GET', '/en', { cookie: 'NEXT_LOCALE=en' }).catch(() => null))?.status ?? 'down', { timeout: 60_000 }).toBe(200);
  }
  // Every page rendered once (on the first instance, into the build's shared cache), so both serve the same entry.
  for (const path of PAGES) expect((await ask(PORTS.fast, 'GET', path)).status).toBe(200);
});

test.afterAll(async () => {
  for (const site of sites) site.kill('SIGTERM');
  relay?.server.close();
});

test('a published page answers alike with and without the fast path: every locale, language, locale cookie, fetch kind and HEAD', async () => {
  test.setTimeout(180_000);
  const cookies = [undefined, 'NEXT_LOCALE=en', 'NEXT_LOCALE=es', 'NEXT_LOCALE=xx', 'NEXT_LOCALE=', 'theme=dark; NEXT_LOCALE=es', 'NEXT_LOCALE=es; NEXT_LOCALE=en'];
  for (const path of PAGES) {
    for (const cookie of cookies) {
      for (const language of [undefined, 'es-MX,es;q=0.9']) {
        for (const dest of [undefined, 'document', 'empty']) {
          const headers: Record<string, string> = {};
          if (cookie !== undefined) headers.cookie = cookie;
          if (language) headers['accept-language'] = language;
          if (dest) headers['sec-fetch-dest'] = dest;
          await expectAlike('GET', path, headers);
        }
      }
    }
    await expectAlike('HEAD', path);
    await expectAlike('HEAD', path, { cookie: 'NEXT_LOCALE=en', 'sec-fetch-dest': 'document' });
    // A client navigation (React Server Components payload) and a compressed page.
    await expectAlike('GET', `${path}?_rsc=abc`, { rsc: '1', cookie: 'NEXT_LOCALE=es' });
    await expectAlike('GET', path, { 'accept-encoding': 'gzip, br' });
  }
  // The locale cookie the proxy sets, set the same way on the fast path.
  const first = await expectAlike('GET', '/es/faq', { 'sec-fetch-dest': 'document' });
  expect(first.headers['set-cookie']).toEqual([expect.stringMatching(/^NEXT_LOCALE=es; Path=\/; Expires=.*; Max-Age=31536000; SameSite=lax$/)]);
});

test('a page Next served from its cache is answered again from the page memory, alike; nothing else is', async () => {
  const plain = { cookie: 'NEXT_LOCALE=es', 'sec-fetch-dest': 'document', 'accept-language': 'es-MX,es;q=0.9' };
  for (const path of PAGES) {
    for (const encoding of [undefined, 'gzip, deflate, br, zstd', 'br']) {
      const headers: Record<string, string> = encoding ? { ...plain, 'accept-encoding': encoding } : plain;
      // Next answers (from its cache) once, and the answer is noted; from then on the memory answers.
      await ask(PORTS.fast, 'GET', path, headers);
      await ask(PORTS.fast, 'GET', path, headers);
      const again = await expectAlike('GET', path, headers);
      expect([path, encoding, again.status, again.headers[FROM_MEMORY]]).toEqual([path, encoding, 200, 'hit']);
    }
    // Requests Next answers otherwise, or that the memory cannot be sure of, always reach Next.
    for (const [method, target, headers] of [
      ['HEAD', path, plain],
      ['GET', `${path}?_rsc=abc`, { ...plain, rsc: '1' }],
      ['GET', path, { ...plain, rsc: '1' }],
      ['GET', path, { ...plain, 'next-router-prefetch': '1' }],
      ['GET', path, { ...plain, 'next-router-state-tree': '%5B%22%22%5D' }],
      ['GET', `${path}?utm_source=mail`, plain],
      ['GET', path, { ...plain, 'x-prerender-revalidate': 'forged' }],
      ['GET', path, { ...plain, cookie: '__prerender_bypass=forged; NEXT_LOCALE=es' }],
      ['GET', path, { ...plain, 'x-some-header': '1' }],
    ] as const) {
      for (let i = 0; i < 3; i += 1) {
        const answer = await ask(PORTS.fast, method, target, headers);
        expect([method, target, headers, answer.headers[FROM_MEMORY]]).toEqual([method, target, headers, undefined]);
      }
      await expectAlike(method, target, headers);
    }
  }
});

test('what the proxy handles answers alike: unknown locales, "/", a draft-mode cookie, a bad method, a bad path', async () => {
  for (const [method, path, headers] of [
    ['GET', '/', {}],
    ['GET', '/', { 'accept-language': 'es' }],
    ['GET', '/fr/faq', {}],
    ['GET', '/fr/faq', { cookie: 'NEXT_LOCALE=es' }],
    ['GET', '/es/', {}],
    ['GET', '/es/%ff', {}],
    ['POST', '/es/faq', {}],
    ['DELETE', '/en', { cookie: 'NEXT_LOCALE=en' }],
  ] as const) {
    await expectAlike(method, path, headers);
  }
  // An unknown slug in a known locale (marked, like any page; one with an encoded accent is not): the same 404, rendered by each instance.
  for (const [path, cookie] of [['/es/procedures/no-such-procedure', undefined], ['/es/procedures/no-such-procedure', 'NEXT_LOCALE=en'], ['/es/procedures/cirug%C3%ADa', 'NEXT_LOCALE=es']] as const) {
    const missing = await expectAlike('GET', path, cookie ? { cookie } : {}, { renderedEachTime: true });
    expect(missing.status).toBe(404);
    expect(missing.body).toContain('data-testid="not-found"');
  }
  // A draft-mode cookie is never marked: the proxy's preview handling (noindex, no-store), on both.
  const draft = await expectAlike('GET', '/es/faq', { cookie: '__prerender_bypass=forged; NEXT_LOCALE=es' });
  expect(draft.headers['x-robots-tag']).toMatch(/noindex/);
  expect(draft.headers['cache-control']).toBe('private, no-store');
});

test('a marker sent by the visitor is removed: the proxy still runs (its 405, its preview handling, its routing)', async () => {
  const forged = { [MARKER]: '1' };
  const post = await expectAlike('POST', '/es/procedures/vertebroplastia-y-cifoplastia', forged);
  expect(post.status).toBe(405);
  expect(post.headers.allow).toBe('GET, HEAD');
  expect(post.body).toBe('Method not allowed: this address answers GET, HEAD only.\n');
  const draft = await expectAlike('GET', '/es/faq', { ...forged, cookie: '__prerender_bypass=forged' });
  expect(draft.headers['x-robots-tag']).toMatch(/noindex/);
  expect(draft.headers['cache-control']).toBe('private, no-store');
  const root = await expectAlike('GET', '/', { ...forged, 'accept-language': 'es' });
  expect([root.status, root.headers.location]).toEqual([307, '/es']);
  const unknown = await expectAlike('GET', '/fr/faq', { ...forged, cookie: 'NEXT_LOCALE=es' });
  expect(unknown.status).toBe(307);
  await expectAlike('GET', '/es/faq', { ...forged, [MARKER.toUpperCase()]: 'yes' });
});

test('with the CMS down, nothing is marked: the proxy serves cached pages over its loopback on both', async () => {
  test.setTimeout(120_000);
  const visitor = { cookie: 'NEXT_LOCALE=es' };
  const path = '/es/procedures/vertebroplastia-y-cifoplastia';
  // Up: Next serves the cached page itself, with its length.
  expect(Number((await expectAlike('GET', path, visitor)).headers['content-length'])).toBeGreaterThan(0);
  relay.cut(true);
  try {
    // A page not cached fails to read the CMS on each instance: both take it to be down, and answer the 503.
    const missing = await both('GET', `/es/procedures/not-cached-${Date.now()}`, { cookie: 'NEXT_LOCALE=es' });
    expect([missing.fast.status, missing.proxied.status]).toEqual([503, 503]);
    // The proxy's loopback relays the page as it streams, without its length: that shows the proxy ran.
    for (const page of PAGES) {
      const answer = await expectAlike('GET', page, visitor);
      expect([page, answer.status, answer.headers['content-length'], answer.headers['transfer-encoding']]).toEqual([page, 200, undefined, 'chunked']);
    }
  } finally {
    relay.cut(false);
  }
  // Back: once the health check answers, Next serves the page itself again.
  await expect.poll(async () => (await ask(PORTS.fast, 'GET', path, visitor)).headers['content-length'] ?? 'streamed', { timeout: 20_000 }).not.toBe('streamed');
});
