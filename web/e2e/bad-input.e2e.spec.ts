import { expect, test, type APIRequestContext } from '@playwright/test';

/**
 * Bad input on every route gets a 4xx (or an ordinary answer), never a 5xx or a hang:
 * fixed-seed generated requests from path segments × malformed encodings × locales × query
 * strings × headers × cookies × methods. Reads only; no content changes.
 */
const REQUESTS = 3000;
const SEED = 20261124;
const PER_REQUEST_TIMEOUT_MS = 15_000;
const CONCURRENCY = 6;

// mulberry32: small, fast and the same sequence for the same seed on every run.
function seededRandom(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LOCALES = ['en', 'es', 'xx', 'EN', 'en-US', 'zz-ZZ', '', '..', '%65n', 'ar', 'e%6E'];
const SECTIONS = ['', 'procedures', 'providers', 'faq', 'nope', 'procedures/vertebroplasty-and-kyphoplasty', 'api/preview', 'api/revalidate'];
const ODD_SEGMENTS = [
  '%ff%fe', '%', '%E0%A4%A', '%C0%AF', '%ED%A0%80', '%F4%90%80%80', '%zz', '%%', '%2', '%00', 'a%00b', '%0A', '%0D%0A', '%7F', '%C2%85',
  '%E2%80%8F%E2%80%AE', '\u200f\u202etxet', '😀', '%F0%9F%98%80', '\u0645\u0631\u062d\u0628\u0627', 'ñandú', '%2F', '%5C', '..', '%2e%2e', '.',
  'a'.repeat(300), '%41'.repeat(200), 'x'.repeat(10_000), '%ff'.repeat(3000), '\ufeff', '\ud83d', '%EF%BF%BF', '%3Cscript%3E', "'\"<>",
];
const QUERIES = [
  '', '?', '?a=%ff', '?%', '?q=%E0%A4%A', '?x=' + 'y'.repeat(5000), '?a=1&a=2&a[]=3', '?__proto__=1', '?_rsc=%ff', '?locale=xx',
  '?path=%2Fen&expires=abc&signature=%ff', '?secret=&path=/en', '?path=' + encodeURIComponent('/\u0000'), '?%00=%00', '?😀=😀',
];
const HEADER_SETS: Array<Record<string, string>> = [
  {}, { 'accept-language': 'xx' }, { 'accept-language': '*;q=abc, ,,;;' }, { 'accept-language': 'en;q=2,es;q=-1' },
  { 'accept-language': 'a'.repeat(4000) }, { 'accept-language': '%ff' }, { accept: 'text/x-nothing' }, { 'content-type': 'application/json' },
  { rsc: '1' }, { 'next-router-state-tree': '%ff{not json' }, { 'next-action': 'abc' }, { 'x-forwarded-host': 'evil.test' },
  { 'x-clinic-signature': 'zz', 'x-clinic-timestamp': 'yesterday' }, { range: 'bytes=oops' }, { 'if-none-match': '"%ff"' },
];
const COOKIES = ['', 'NEXT_LOCALE=xx', 'NEXT_LOCALE=%ff', 'NEXT_LOCALE=', 'NEXT_LOCALE=' + 'e'.repeat(3000), 'NEXT_LOCALE=es; NEXT_LOCALE=en', '__prerender_bypass=garbage', '=;;=', 'NEXT_LOCALE=%E0%A4%A'];
const FIXED_ROUTES = ['/sitemap.xml', '/robots.txt', '/api/preview', '/api/preview/disable', '/api/revalidate', '/favicon.ico', '/', '/en/%ff.png'];
const BODIES = ['', '{', 'null', '[]', '{"contentType":{"$ne":1}}', '\u0000', 'x'.repeat(20_000), '{"documentId":"%ff"}'];
const METHODS = ['GET', 'GET', 'GET', 'HEAD', 'OPTIONS', 'POST'] as const;

interface GeneratedRequest {
  method: (typeof METHODS)[number];
  path: string;
  headers: Record<string, string>;
  body?: string;
}

function generate(count: number, random: () => number): GeneratedRequest[] {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  return Array.from({ length: count }, () => {
    let path: string;
    if (random() < 0.2) path = pick(FIXED_ROUTES);
    else {
      const segments = [pick(LOCALES), pick(SECTIONS)];
      for (let n = Math.floor(random() * 3); n > 0; n--) segments.push(pick(ODD_SEGMENTS));
      path = '/' + segments.filter(Boolean).join('/');
    }
    const method = pick(METHODS);
    const cookie = pick(COOKIES);
    const headers = { ...pick(HEADER_SETS), ...(cookie ? { cookie } : {}) };
    return { method, path: path + pick(QUERIES), headers, ...(method === 'POST' ? { body: pick(BODIES) } : {}) };
  });
}

async function send(request: APIRequestContext, r: GeneratedRequest) {
  return request.fetch(r.path, { method: r.method, headers: r.headers, data: r.body, maxRedirects: 0, timeout: PER_REQUEST_TIMEOUT_MS, failOnStatusCode: false });
}

test('bad input anywhere on the site gets a 4xx, never a 5xx or a hang', async ({ request }) => {
  test.setTimeout(15 * 60_000);
  const requests = generate(REQUESTS, seededRandom(SEED));
  const byStatus = new Map<number, number>();
  const serverErrors: string[] = [];
  const hangs: string[] = [];
  const refusedByClient: string[] = [];
  let next = 0;
  const describe = (r: GeneratedRequest) => `${r.method} ${r.path.slice(0, 160)} ${JSON.stringify(r.headers).slice(0, 160)}`;

  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < requests.length) {
        const r = requests[next++]!;
        try {
          const response = await send(request, r);
          byStatus.set(response.status(), (byStatus.get(response.status()) ?? 0) + 1);
          if (response.status() >= 500) serverErrors.push(`${response.status()} ${describe(r)}`);
        } catch (error) {
          const message = String(error);
          // A request the HTTP client itself will not put on the wire (e.g. an invalid header) tests nothing on the site.
          if (/timeout/i.test(message)) hangs.push(describe(r));
          else refusedByClient.push(`${describe(r)}: ${message.split('\n')[0]}`);
        }
      }
    }),
  );

  const counts = [...byStatus].sort(([a], [b]) => a - b).map(([status, n]) => `${status}: ${n}`);
  console.log(`bad input: ${REQUESTS} requests (seed ${SEED}); ${counts.join(', ')}; hangs: ${hangs.length}; not sent by the client: ${refusedByClient.length}`);
  for (const line of [...serverErrors, ...hangs, ...refusedByClient].slice(0, 40)) console.log('  ' + line);
  expect(serverErrors, 'requests answered with a 5xx').toEqual([]);
  expect(hangs, 'requests with no answer in time').toEqual([]);
  expect(refusedByClient.length, 'requests the client could not send').toBeLessThan(REQUESTS / 20);

  // The site still serves its pages afterwards.
  const home = await request.get('/en', { timeout: PER_REQUEST_TIMEOUT_MS });
  expect(home.status()).toBe(200);
  expect(await home.text()).toContain('<html');
});

test('a malformed percent-encoding in a page path is a 400 that says why', async ({ request }) => {
  for (const path of ['/en/procedures/%ff%fe', '/en/providers/%', '/%E0%A4%A', '/en/procedures/a%00b']) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(400);
    expect(await response.text(), path).toMatch(/The address is not valid/);
  }
});
