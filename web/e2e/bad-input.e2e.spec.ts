import { expect, test } from '@playwright/test';

/**
 * Bad input anywhere, on both servers, gets a 4xx (or an ordinary answer), never a 5xx or a
 * hang: a fixed-seed fuzz of more than 10,000 generated requests, reproducible run after run.
 * The site gets odd paths in every segment, query strings, headers and cookies; the CMS's
 * public API gets malformed GraphQL, unknown and reserved fields/sort/populate/filters names,
 * wrong types, out-of-range pages, huge bodies, wrong content types and methods. Reads only:
 * no content changes. The figures (requests per server, statuses) are printed for the README.
 */
const SEED = 20261124;
const SITE_REQUESTS = 5_600;
const CMS_REQUESTS = 4_600;
const PER_REQUEST_TIMEOUT_MS = 15_000;
const CONCURRENCY_PER_SERVER = 6;
const SITE_URL = (process.env.SITE_URL ?? 'http://127.0.0.1:3100').replace(/\/$/, '');
const CMS_URL = (process.env.CMS_URL ?? 'http://127.0.0.1:1338').replace(/\/$/, '');

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

interface GeneratedRequest {
  method: string;
  /** Path and query, sent as they are (fetch percent-encodes only what a URL cannot carry). */
  path: string;
  headers: Record<string, string>;
  body?: string;
}

type Pick = <T>(list: readonly T[]) => T;

const ODD_TEXT = [
  '%ff%fe', '%', '%E0%A4%A', '%C0%AF', '%ED%A0%80', '%F4%90%80%80', '%zz', '%%', '%2', '%00', 'a%00b', '%0A', '%0D%0A', '%7F', '%C2%85',
  '%E2%80%8F%E2%80%AE', '\u200f\u202etxet', '\u200b\u200d\ufeff', '😀', '%F0%9F%98%80', '\u0645\u0631\u062d\u0628\u0627', 'ñandú', 'e\u0301', '%2F', '%5C', '..', '%2e%2e', '.',
  'a'.repeat(300), '%41'.repeat(200), 'x'.repeat(10_000), '%ff'.repeat(3000), '\ufeff', '\ud83d', '%EF%BF%BF', '%3Cscript%3E', "'\"<>", '{{7*7}}', '${7*7}',
  '__proto__', 'constructor', 'null', 'undefined', '-1', '1e309', 'NaN', '%25', '100%25-safe', '%25ff', 'a%25b',
];

// ---- the site ----

const LOCALES = ['en', 'es', 'xx', 'EN', 'en-US', 'zz-ZZ', '', '..', '%65n', 'ar', 'e%6E', 'es%00', 'zh-Hant-TW', 'x'.repeat(64)];
const SECTIONS = ['', 'procedures', 'providers', 'faq', 'nope', 'procedures/vertebroplasty-and-kyphoplasty', 'procedures/vertebroplastia-y-cifoplastia', 'providers/thomas-stauss', 'api/preview', 'api/revalidate', 'api/preview/disable', '_next/data', 'sitemap.xml'];
const SITE_QUERIES = [
  '', '?', '?a=%ff', '?%', '?q=%E0%A4%A', '?x=' + 'y'.repeat(5000), '?a=1&a=2&a[]=3', '?__proto__=1', '?constructor[prototype][x]=1', '?_rsc=%ff', '?_rsc=1', '?locale=xx',
  '?path=%2Fen&expires=abc&signature=%ff', '?secret=&path=/en', '?path=' + encodeURIComponent('/\u0000'), '?%00=%00', '?😀=😀', '?path=//evil.test', '?path=/en&expires=99999999999999999999&signature=' + 'a'.repeat(64),
];
const SITE_HEADER_SETS: Array<Record<string, string>> = [
  {}, { 'accept-language': 'xx' }, { 'accept-language': '*;q=abc, ,,;;' }, { 'accept-language': 'en;q=2,es;q=-1' }, { 'accept-language': 'es-MX,es;q=0.9' },
  { 'accept-language': 'a'.repeat(4000) }, { 'accept-language': '%ff' }, { accept: 'text/x-nothing' }, { 'content-type': 'application/json' },
  { rsc: '1' }, { rsc: '1', 'next-router-state-tree': '%ff{not json' }, { 'next-router-prefetch': '1' }, { 'next-action': 'abc' }, { 'next-action': 'x'.repeat(200), 'content-type': 'multipart/form-data; boundary=x' },
  { 'x-forwarded-host': 'evil.test' }, { 'x-forwarded-proto': 'gopher' }, { 'x-middleware-subrequest': 'middleware:middleware:middleware:middleware:middleware' },
  { 'x-clinic-signature': 'zz', 'x-clinic-timestamp': 'yesterday' }, { range: 'bytes=oops' }, { range: 'bytes=0-1,2-3,' + '4-5,'.repeat(500) }, { 'if-none-match': '"%ff"' }, { 'if-modified-since': 'not a date' },
  { 'x-huge': 'h'.repeat(12_000) }, { 'x-many': Array.from({ length: 300 }, (_, i) => `v${i}`).join(', ') },
];
const COOKIES = [
  '', 'NEXT_LOCALE=xx', 'NEXT_LOCALE=%ff', 'NEXT_LOCALE=', 'NEXT_LOCALE=' + 'e'.repeat(3000), 'NEXT_LOCALE=es; NEXT_LOCALE=en', '__prerender_bypass=garbage',
  '__prerender_bypass=1; __next_preview_data=%ff', '=;;=', 'NEXT_LOCALE=%E0%A4%A', 'NEXT_LOCALE=__proto__', 'a=' + 'b'.repeat(6000),
];
const SITE_FIXED_ROUTES = ['/sitemap.xml', '/robots.txt', '/api/preview', '/api/preview/disable', '/api/revalidate', '/favicon.ico', '/icon.svg', '/', '/en/%ff.png', '/_next/static/%ff', '/_next/image?url=%ff&w=1'];
const SITE_BODIES = ['', '{', 'null', '[]', '{"contentType":{"$ne":1}}', '\u0000', 'x'.repeat(20_000), '{"documentId":"%ff"}', '{"event":"entry.publish","contentType":"plugin::clinic.procedure","documentId":"x","locale":"en"}'];
const SITE_METHODS = ['GET', 'GET', 'GET', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'DELETE', 'PATCH', 'PROPFIND'];

function siteRequest(pick: Pick, random: () => number): GeneratedRequest {
  let path: string;
  if (random() < 0.15) path = pick(SITE_FIXED_ROUTES);
  else {
    const segments = [pick(LOCALES), pick(SECTIONS)];
    for (let n = Math.floor(random() * 3); n > 0; n--) segments.push(pick(ODD_TEXT));
    path = '/' + segments.filter(Boolean).join('/');
  }
  const method = pick(SITE_METHODS);
  const cookie = pick(COOKIES);
  const headers = { ...pick(SITE_HEADER_SETS), ...(cookie ? { cookie } : {}) };
  return { method, path: path + (path.includes('?') ? '' : pick(SITE_QUERIES)), headers, ...(['POST', 'PUT', 'PATCH'].includes(method) ? { body: pick(SITE_BODIES) } : {}) };
}

// ---- the CMS's public API ----

const COLLECTIONS = ['procedures', 'providers', 'faqs', 'rebrand-notices'];
const REST_PATHS = [
  ...COLLECTIONS.map((c) => `/api/clinic/${c}`), '/api/clinic/clinic', '/api/clinic/procedures/%ff', '/api/clinic/procedures/1', '/api/clinic/providers/does-not-exist',
  '/api/clinic/preview-revisions/procedure/x', '/api/clinic/preview-revisions/%00/%ff', '/api/clinic/review-entries', '/api/clinic/nope', '/API/CLINIC/PROCEDURES', '/api/clinic/procedures/',
  '/api/i18n/locales', '/api/upload/files', '/api/users', '/api/users/me', '/api/auth/local', '/api/auth/local/register', '/api', '/api/%ff', '/api/clinic/' + 'a'.repeat(3000),
];
const FIELD_NAMES = [
  'title', 'slug', 'summary', 'question', 'fullName', 'phone', 'id', 'documentId', 'locale', 'publishedAt', 'createdAt', 'updatedAt', 'sections', 'providers', 'faqs', 'photo',
  'password', 'email', 'reviewerAccountId', 'createdBy', 'updatedBy', 'localizations', 'reviewLog', 'revisionHash', '__proto__', 'constructor', 'prototype', '$where', 'title.nested',
  'title[$eq]', '*', '', 'x'.repeat(300), '%ff', '%00', 'sections.body', 'related', 'folder', 'hasPublishedVersion', 'publicationFilter', 'status',
];
const OPERATORS = ['$eq', '$ne', '$in', '$notIn', '$contains', '$containsi', '$startsWith', '$lt', '$lte', '$between', '$null', '$notNull', '$or', '$and', '$not', '$foo', '$regex', 'eq', '$eqi', '$'];
const VALUES = ['1', 'abc', '%ff', 'true', 'false', '[]', '{}', '-1', '1e309', 'null', '', 'x'.repeat(1000), '%00', '2026-13-45', '__proto__', '\u202e'];
const PAGES = ['-1', '0', '1', '2', 'abc', '1e9', '99999999999999999999', '1.5', 'NaN', '', '[]', '%ff'];
const REST_QUERY_PARTS: Array<(pick: Pick) => string> = [
  (pick) => `fields[0]=${pick(FIELD_NAMES)}`,
  (pick) => `fields=${pick(FIELD_NAMES)}`,
  (pick) => `fields[${pick(['a', '-1', '99999', '__proto__'])}]=${pick(FIELD_NAMES)}`,
  (pick) => `sort=${pick(FIELD_NAMES)}${pick([':asc', ':desc', ':sideways', '', ':'])}`,
  (pick) => `sort[0][${pick(FIELD_NAMES)}]=${pick(['asc', 'desc', 'up', '1'])}`,
  (pick) => `sort[0]=${pick(FIELD_NAMES)}&sort[1]=${pick(FIELD_NAMES)}`,
  (pick) => `populate=${pick(['*', '**', 'sections', 'providers', 'photo', 'faqs.procedures', 'createdBy', 'localizations', 'x', '%ff', 'providers.photo.related'])}`,
  (pick) => `populate[${pick(FIELD_NAMES)}][populate]=${pick(['*', 'true', '1', 'x'])}`,
  (pick) => `populate[${pick(FIELD_NAMES)}][fields][0]=${pick(FIELD_NAMES)}`,
  (pick) => `populate[${pick(FIELD_NAMES)}][filters][${pick(FIELD_NAMES)}][${pick(OPERATORS)}]=${pick(VALUES)}`,
  (pick) => `populate[${pick(FIELD_NAMES)}][sort]=${pick(FIELD_NAMES)}`,
  (pick) => `filters[${pick(FIELD_NAMES)}][${pick(OPERATORS)}]=${pick(VALUES)}`,
  (pick) => `filters[${pick(FIELD_NAMES)}][${pick(OPERATORS)}][0]=${pick(VALUES)}&filters[${pick(FIELD_NAMES)}][${pick(OPERATORS)}][1]=${pick(VALUES)}`,
  (pick) => `filters[$or][0][${pick(FIELD_NAMES)}][${pick(OPERATORS)}]=${pick(VALUES)}`,
  (pick) => `filters[${pick(FIELD_NAMES)}][${pick(FIELD_NAMES)}][${pick(FIELD_NAMES)}][${pick(OPERATORS)}]=${pick(VALUES)}`,
  (pick) => `filters=${pick(VALUES)}`,
  (pick) => `filters${'[a]'.repeat(40)}=1`,
  (pick) => `pagination[page]=${pick(PAGES)}&pagination[pageSize]=${pick(PAGES)}`,
  (pick) => `pagination[start]=${pick(PAGES)}&pagination[limit]=${pick(PAGES)}`,
  (pick) => `pagination[withCount]=${pick(['maybe', 'true', '%ff', '[]'])}`,
  (pick) => `pagination=${pick(PAGES)}`,
  (pick) => `locale=${pick(['en', 'es', 'xx', '*', 'all', '', '%ff', 'EN', 'en-US', '__proto__', 'es&locale=en'])}`,
  (pick) => `status=${pick(['draft', 'published', 'DRAFT', '', 'x'])}`,
  (pick) => `_q=${pick(VALUES)}`,
  (pick) => pick(['publicationState=preview', 'hasPublishedVersion=false', 'publicationFilter=never-published', 'count=true', 'a'.repeat(8000) + '=1', '%=%', '&&&', 'x[=1', 'x]=1']),
];
const REST_METHODS = ['GET', 'GET', 'GET', 'GET', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'DELETE', 'PATCH'];

const GRAPHQL_ROOTS = ['clinicProcedures', 'clinicProviders', 'clinicFaqs', 'clinicRebrandNotices'];
const GQL_LOCALES = ['"en"', '"es"', '"xx"', '""', '"*"', '"all"', '1', 'null', 'true', '["en"]', '"' + 'e'.repeat(500) + '"', '"\\u0000"'];
const GQL_FILTERS = [
  '{ title: { eq: "x" } }', '{ slug: { eq: "vertebroplasty-and-kyphoplasty" } }', '{ nope: { eq: 1 } }', '{ title: { eq: 1 } }', '{ title: { foo: "x" } }', '{ or: [{ slug: { eq: "a" } }] }',
  '{ createdBy: { id: { eq: 1 } } }', '{ localizations: { title: { contains: "a" } } }', '{ title: { in: [1, 2] } }', '{ publishedAt: { lt: "not a date" } }', '"string"', '123', '[]', '{ and: [] }',
  '{ title: { containsi: "' + '%'.repeat(200) + '" } }', '{ documentId: { eq: null } }',
];
const GQL_SORTS = ['"title:asc"', '"password:asc"', '["nope"]', '123', '"title:sideways"', '["createdBy.email:asc"]', '""', '["title:asc", "slug:desc"]'];
const GQL_PAGINATION = ['{ page: -1, pageSize: 1000 }', '{ limit: 1000000000 }', '{ start: -1 }', '{ page: "x" }', '{ page: 1, pageSize: 101 }', '{ page: 99999999999 }', '{ page: 1.5 }', '{ pageSize: 0 }', '{}'];
const GQL_SELECTIONS = ['title slug', 'nope', 'title { x }', '__typename', 'reviewLog', 'createdBy { email }', 'documentId locale', 'localizations { title }', 'password', '...on Nope { x }', 'title @skip(if: "yes")', 'title @nope'];
const GQL_STATUSES = ['', ', status: DRAFT', ', status: PUBLISHED', ', status: "draft"', ', status: null'];

function graphqlOperation(pick: Pick, random: () => number): string {
  const r = random();
  if (r < 0.55) {
    const args = [`locale: ${pick(GQL_LOCALES)}`];
    if (random() < 0.5) args.push(`filters: ${pick(GQL_FILTERS)}`);
    if (random() < 0.3) args.push(`sort: ${pick(GQL_SORTS)}`);
    if (random() < 0.3) args.push(`pagination: ${pick(GQL_PAGINATION)}`);
    return `{ ${pick(GRAPHQL_ROOTS)}(${args.join(', ')}${pick(GQL_STATUSES)}) { ${pick(GQL_SELECTIONS)} } }`;
  }
  return pick([
    '{', 'query {', '}{', '{ clinicProcedures(locale: "en") { title ', 'query Q($l: I18NLocaleCode!) { clinicProcedures(locale: $l) { title } }', '{ clinicClinic(locale: "xx") { phone } }',
    '{ clinicClinic { phone name nope } }', '{ clinicLocales { code } }', '{ clinicLocales { code nope } }', '{ clinicProcedure(documentId: "x") { title } }', '{ clinicProcedure(documentId: 1) { title } }',
    'mutation { createClinicProcedure(data: { title: "x" }) { title } }', 'mutation { deleteClinicProcedure(documentId: "x") { documentId } }', 'subscription { x }', '{ __schema { types { name } } }',
    '{ __type(name: "ClinicProcedure") { fields { name } } }', 'fragment A on ClinicProcedure { ...A } { clinicProcedures(locale: "en") { ...A } }', 'query A { a: __typename } query B { b: __typename }',
    '{ ' + Array.from({ length: 60 }, (_, i) => `a${i}: __typename`).join(' ') + ' }', '{ clinicProcedures(locale: "en") ' + '{ providers '.repeat(30) + '{ title }' + ' }'.repeat(31), '{ ' + 'x '.repeat(5000) + '}',
    '{ __typename @a @b @c @d @e @f @g @h @i @j @k @l }', '\u0000', '{ clinicProcedures(locale: "en", pagination: { pageSize: 100 }) { ' + 'title '.repeat(400) + '} }', '',
    '{ clinicProcedures_connection(locale: "en") { nodes { title } } }', '{ clinicProcedures(locale: "en", hasPublishedVersion: false) { title } }', 'query { clinicProcedures(locale: "en") { title } } # ' + '😀'.repeat(100),
  ]);
}

const GQL_VARIABLES = ['', ',"variables":"x"', ',"variables":[]', ',"variables":{"l":{"$ne":1}}', ',"variables":{"l":"xx"}', ',"variables":{"__proto__":{"x":1}}', ',"variables":null', ',"operationName":"Nope"', ',"operationName":1', ',"extensions":{"persistedQuery":{"version":1,"sha256Hash":"abc"}}'];
const CONTENT_TYPES = ['application/json', 'application/json', 'application/json', 'text/plain', 'application/graphql', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', '', 'application/json; charset=utf-16', 'application/json; charset=x', 'text/html', 'application/xml'];
const CMS_HEADER_SETS: Array<Record<string, string>> = [
  {}, {}, { authorization: 'Bearer garbage' }, { authorization: 'Bearer ' + 'a'.repeat(5000) }, { authorization: 'Basic %ff' }, { 'x-preview-secret': 'wrong' }, { 'x-preview-secret': '' },
  { cookie: 'koa.sess=%ff; jwtToken=x' }, { 'accept-language': '*;q=abc' }, { accept: 'application/x-nothing' }, { 'x-forwarded-for': '%ff, ::1, 999.999.999.999' }, { 'x-huge': 'h'.repeat(12_000) },
  { 'content-encoding': 'gzip' }, { 'content-encoding': 'br, x' }, { 'apollo-require-preflight': 'true' }, { 'x-apollo-operation-name': '%ff' },
];
const HUGE_BODIES = ['{"query":"' + 'a'.repeat(200_000) + '"}', '{"query":"{ clinicLocales { code } }","variables":{"x":"' + 'b'.repeat(2_000_000) + '"}}', '[' + '{"query":"{ __typename }"},'.repeat(2000) + '{}]'];

function cmsRequest(pick: Pick, random: () => number): GeneratedRequest {
  const headers: Record<string, string> = { ...pick(CMS_HEADER_SETS) };
  if (random() < 0.45) {
    const parts = Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(REST_QUERY_PARTS)(pick));
    const method = pick(REST_METHODS);
    const body = ['POST', 'PUT', 'PATCH'].includes(method) ? pick(['{"data":{"title":"x"}}', '{', '[]', 'x'.repeat(50_000), '']) : undefined;
    if (body !== undefined) headers['content-type'] = pick(CONTENT_TYPES);
    return { method, path: `${pick(REST_PATHS)}?${parts.join('&')}`, headers, body };
  }
  const operation = graphqlOperation(pick, random);
  const kind = random();
  if (kind < 0.15) {
    const method = pick(['GET', 'GET', 'HEAD', 'DELETE', 'PUT', 'PATCH', 'OPTIONS']);
    return { method, path: `${pick(['/graphql', '/graphql/', '/GRAPHQL'])}?query=${encodeURIComponent(operation)}${pick(['', '&variables=%ff', '&variables={', '&operationName=x', '&query=2'])}`, headers };
  }
  let body: string;
  if (kind < 0.2) body = pick(HUGE_BODIES);
  else if (kind < 0.3) body = pick(['', '{', 'null', '[]', '"x"', '1', '{"query":1}', '{"query":null}', '{"query":{"a":1}}', '[{"query":"{ __typename }"}]', '\u0000', operation]);
  else body = `{"query":${JSON.stringify(operation)}${pick(GQL_VARIABLES)}}`;
  headers['content-type'] = pick(CONTENT_TYPES);
  return { method: 'POST', path: pick(['/graphql', '/graphql', '/graphql', '/graphql/', '/GraphQL', '/graphql?x=%ff']), headers, body };
}

function generate(count: number, seed: number, make: (pick: Pick, random: () => number) => GeneratedRequest): GeneratedRequest[] {
  const random = seededRandom(seed);
  const pick: Pick = (list) => list[Math.floor(random() * list.length)]!;
  return Array.from({ length: count }, () => make(pick, random));
}

interface Outcome {
  sent: number;
  byStatus: Map<number, number>;
  serverErrors: string[];
  hangs: string[];
  refusedByClient: string[];
}

const describeRequest = (r: GeneratedRequest) => `${r.method} ${r.path.slice(0, 160)} ${JSON.stringify(r.headers).slice(0, 120)} ${(r.body ?? '').slice(0, 120)}`;

async function fuzz(origin: string, requests: GeneratedRequest[]): Promise<Outcome> {
  const outcome: Outcome = { sent: requests.length, byStatus: new Map(), serverErrors: [], hangs: [], refusedByClient: [] };
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY_PER_SERVER }, async () => {
      while (next < requests.length) {
        const r = requests[next++]!;
        try {
          const response = await fetch(origin + r.path, { method: r.method, headers: r.headers, body: r.body, redirect: 'manual', signal: AbortSignal.timeout(PER_REQUEST_TIMEOUT_MS) });
          await response.arrayBuffer().catch(() => undefined);
          outcome.byStatus.set(response.status, (outcome.byStatus.get(response.status) ?? 0) + 1);
          if (response.status >= 500) outcome.serverErrors.push(`${response.status} ${describeRequest(r)}`);
        } catch (error) {
          const message = `${(error as Error).name}: ${(error as Error).message} ${String((error as { cause?: unknown }).cause ?? '')}`;
          if (/timeout|abort/i.test(message)) outcome.hangs.push(describeRequest(r));
          // A request fetch itself will not put on the wire (an invalid header value) tests nothing on the server.
          else if (/TypeError: (Failed to parse|Invalid|Headers|Request)|invalid/i.test(message) && !/other side closed|ECONNRESET|socket/i.test(message)) outcome.refusedByClient.push(`${describeRequest(r)}: ${message.slice(0, 120)}`);
          // The server closing the connection (e.g. Node refusing headers over its limit) is a refusal, not a crash: counted apart.
          else outcome.byStatus.set(0, (outcome.byStatus.get(0) ?? 0) + 1);
        }
      }
    }),
  );
  return outcome;
}

const histogram = (byStatus: Map<number, number>) =>
  [...byStatus]
    .sort(([a], [b]) => a - b)
    .map(([status, n]) => `${status === 0 ? 'closed' : status}: ${n}`)
    .join(', ');

test('a fixed-seed fuzz of over 10,000 bad requests to the site and the CMS gets no 5xx and no hang', async ({ request }) => {
  test.setTimeout(10 * 60_000);
  const site = generate(SITE_REQUESTS, SEED, siteRequest);
  const cms = generate(CMS_REQUESTS, SEED + 1, cmsRequest);
  const started = Date.now();
  const [siteOutcome, cmsOutcome] = await Promise.all([fuzz(SITE_URL, site), fuzz(CMS_URL, cms)]);
  const seconds = ((Date.now() - started) / 1000).toFixed(0);

  for (const [name, o] of [['site', siteOutcome], ['CMS', cmsOutcome]] as const) {
    console.log(`fuzz ${name}: ${o.sent} requests (seed ${SEED}); ${histogram(o.byStatus)}; 5xx: ${o.serverErrors.length}; hangs: ${o.hangs.length}; not sent by the client: ${o.refusedByClient.length}`);
    for (const line of [...o.serverErrors, ...o.hangs, ...o.refusedByClient].slice(0, 30)) console.log('  ' + line);
  }
  console.log(`fuzz total: ${SITE_REQUESTS + CMS_REQUESTS} requests in ${seconds}s; 5xx: ${siteOutcome.serverErrors.length + cmsOutcome.serverErrors.length}`);

  expect([...siteOutcome.serverErrors, ...cmsOutcome.serverErrors], 'requests answered with a 5xx').toEqual([]);
  expect([...siteOutcome.hangs, ...cmsOutcome.hangs], 'requests with no answer in time').toEqual([]);
  expect(siteOutcome.refusedByClient.length + cmsOutcome.refusedByClient.length, 'requests the client could not send').toBeLessThan((SITE_REQUESTS + CMS_REQUESTS) / 20);

  // Both servers still answer afterwards.
  const home = await request.get(`${SITE_URL}/en`, { timeout: PER_REQUEST_TIMEOUT_MS });
  expect(home.status()).toBe(200);
  expect(await home.text()).toContain('<html');
  const locales = await request.post(`${CMS_URL}/graphql`, { data: { query: '{ clinicLocales { code } }' }, timeout: PER_REQUEST_TIMEOUT_MS });
  expect(locales.status()).toBe(200);
  expect((await locales.json()).data.clinicLocales.length).toBeGreaterThan(0);
});

test('a malformed percent-encoding in a page path is a 400 that says why', async ({ request }) => {
  for (const path of ['/en/procedures/%ff%fe', '/en/providers/%', '/%E0%A4%A', '/en/procedures/a%00b']) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(400);
    expect(await response.text(), path).toMatch(/The address is not valid/);
  }
});

test('bad input: a literal percent sign (%25) in a page path is a 400 with the security headers, not Next’s bare 500', async ({ request }) => {
  for (const path of ['/en/%25', '/en/procedures/100%25-safe', '/es/%25ff', '/en/providers/a%25b']) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(400);
    expect(response.headers()['x-content-type-options'], path).toBe('nosniff');
    expect(response.headers()['content-security-policy'], path).toBeTruthy();
  }
});

test('bad input: a page answers GET and HEAD only: any other method is a 405 with Allow and the security headers', async ({ request }) => {
  for (const method of ['PUT', 'PATCH', 'DELETE', 'PROPFIND', 'OPTIONS', 'POST']) {
    for (const path of ['/en', '/es/faq', '/en/procedures/vertebroplasty-and-kyphoplasty']) {
      const response = await request.fetch(path, { method, maxRedirects: 0 });
      expect(response.status(), `${method} ${path}`).toBe(405);
      expect(response.headers()['allow'], `${method} ${path}`).toBe('GET, HEAD');
      expect(response.headers()['x-content-type-options'], `${method} ${path}`).toBe('nosniff');
    }
  }
  expect((await request.head('/en', { maxRedirects: 0 })).status()).toBe(200);
});
