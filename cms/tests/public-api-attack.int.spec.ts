import { bootCms, DEMO_PASSWORD, PREVIEW_SECRET, type BootedCms } from './harness/strapi';

/**
 * The public API as an attacker sees it: every public route in every spelling, method,
 * content type and shape of `status`, anonymous, signed in and with a full-access API token.
 * Unpublished text is seeded under unique markers, secrets are seeded next to it, and every
 * response body is searched for all of them. The only way to a draft is the preview secret.
 */
let cms: BootedCms;
const MARK = `DRAFT-MARKER-${Date.now().toString(36)}`;
// A draft phone must be a dialable number (the CMS refuses others): one no published page shows.
const DRAFT_PHONE = '+44 20 7946 0958';
const COMMENT = `SECRET-REVIEW-COMMENT-${Date.now().toString(36)}`;
const REVIEWER_EMAIL = 'physician@clinic.test';
const secrets: string[] = [];
const ids: Record<string, string> = {};
const authHeaders: Record<string, Record<string, string>> = { anonymous: {} };
let probes = 0;
let physicianId = 0;
// A private value no public column could hold by chance (ids and durations are small numbers).
const PRIVATE_ACCOUNT_ID = 73910457;
const leaks: string[] = [];
const serverErrors: string[] = [];

const TYPES = [
  { uid: 'plugin::clinic.procedure', rest: 'procedures', gql: 'clinicProcedures', one: 'clinicProcedure', field: 'title' },
  { uid: 'plugin::clinic.provider', rest: 'providers', gql: 'clinicProviders', one: 'clinicProvider', field: 'specialty' },
  { uid: 'plugin::clinic.faq', rest: 'faqs', gql: 'clinicFaqs', one: 'clinicFaq', field: 'answer' },
  { uid: 'plugin::clinic.rebrand-notice', rest: 'rebrand-notices', gql: 'clinicRebrandNotices', one: 'clinicRebrandNotice', field: 'message' },
] as const;

beforeAll(async () => {
  cms = await bootCms();
  await cms.seedDemo();
  const { admin, editor, physician } = await cms.accounts();
  physicianId = Number(physician.id);
  const okafor = await cms.strapi.documents('plugin::clinic.provider').findFirst({ locale: 'en', status: 'published', filters: { slug: { $ne: 'thomas-stauss' } } });
  await cms.strapi.db.query('plugin::clinic.provider').updateMany({ where: { documentId: okafor.documentId }, data: { reviewerAccountId: PRIVATE_ACCOUNT_ID } });
  // A draft edit of a published document of every type, in both locales, and a document
  // that was never published at all.
  for (const type of TYPES) {
    const documents = cms.strapi.documents(type.uid);
    for (const locale of ['en', 'es']) {
      const published = await documents.findFirst({ locale, status: 'published' });
      ids[`${type.rest}:${locale}`] = published.documentId;
      await documents.update({ documentId: published.documentId, locale, data: { [type.field]: `${MARK} ${type.rest} ${locale}` } });
    }
  }
  const clinic = await cms.strapi.documents('plugin::clinic.clinic').findFirst({ status: 'published' });
  await cms.strapi.documents('plugin::clinic.clinic').update({ documentId: clinic.documentId, locale: 'en', data: { phone: DRAFT_PHONE } });
  const unpublished = await cms.strapi.documents('plugin::clinic.faq').create({ locale: 'en', data: { question: `${MARK} never published`, answer: MARK } });
  ids['faqs:unpublished'] = unpublished.documentId;

  // Secrets that must never leave: a rejection comment, account emails and passwords, tokens.
  const reviews = cms.strapi.plugin('clinic').service('reviews');
  const target = { contentType: 'plugin::clinic.faq', documentId: unpublished.documentId, locale: 'en' };
  await reviews.submit(target, editor);
  await reviews.reject(target, physician, { comment: COMMENT });
  const token = await cms.strapi.service('admin::api-token').create({ name: 'attack-full', type: 'full-access', lifespan: null, description: '' });
  const user = await cms.strapi.plugin('users-permissions').service('user').add({
    username: 'patient', email: 'patient-secret@example.test', password: 'PatientSecret2026', confirmed: true, provider: 'local',
    role: (await cms.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } })).id,
  });
  const jwt = cms.strapi.plugin('users-permissions').service('jwt').issue({ id: user.id });
  authHeaders['api-token'] = { authorization: `Bearer ${token.accessKey}` };
  authHeaders['site-user'] = { authorization: `Bearer ${jwt}` };
  secrets.push(MARK, DRAFT_PHONE, COMMENT, REVIEWER_EMAIL, 'patient-secret@example.test', DEMO_PASSWORD, 'PatientSecret2026', PREVIEW_SECRET, token.accessKey, admin.email, editor.email, '$2a$', '$2b$');
});

afterAll(async () => {
  // The figures the README's Security section quotes.
  console.log(`public API attack: ${probes} probes, ${leaks.length} leaks, ${serverErrors.length} server errors`);
  await cms?.stop();
});

/** Sends one probe and records what a patient-facing attacker would have learned. */
async function probe(label: string, send: () => Promise<{ status: number; text?: string; body?: unknown }>) {
  probes += 1;
  const res = await send();
  const text = res.text ?? JSON.stringify(res.body ?? '');
  for (const secret of secrets) if (text.includes(secret)) leaks.push(`${label}: ${secret}`);
  if (res.status >= 500) serverErrors.push(`${label}: ${res.status}`);
  return res;
}

const REST_SPELLINGS = (plural: string) => [
  `/api/clinic/${plural}`,
  `/api/clinic/${plural}/`,
  `/API/clinic/${plural}`,
  `/Api/Clinic/${plural.toUpperCase()}`,
  `/api/clinic/${plural}//`,
  `//api/clinic/${plural}`,
  `/api//clinic/${plural}`,
  `/api/clinic/%${plural.charCodeAt(0).toString(16)}${plural.slice(1)}`,
  `/api/clinic/${plural}%2F`,
  `/api/clinic/./${plural}`,
];

/** Every value and shape of `status` we could think of, as a raw query string. */
const DRAFT_STATUS_QUERIES = [
  'status=draft',
  'status=DRAFT',
  'status=Draft',
  'status=',
  'status=x',
  'status=%64raft',
  'status=draft%00',
  'status[0]=draft',
  'status[]=draft',
  'status[$eq]=draft',
  'status[0]=published&status[1]=draft',
  'status=published&status=draft',
  'status=draft&status=published',
  'publicationFilter=modified',
  'publicationFilter=never-published-document',
  'hasPublishedVersion=false',
  'populate[localizations][status]=draft',
  'lookup[publishedAt][$null]=true',
];

describe('REST: no spelling, method, identity or status shape reads a draft', () => {
  it.each(TYPES.map((t) => [t.rest]))('%s', async (plural) => {
    for (const [who, headers] of Object.entries(authHeaders)) {
      for (const path of REST_SPELLINGS(plural)) {
        for (const query of DRAFT_STATUS_QUERIES) {
          for (const locale of ['', '&locale=es', '&locale=*']) {
            const res = await probe(`GET ${path}?${query}${locale} as ${who}`, () => cms.http.get(`${path}?${query}${locale}`).set(headers));
            // Refused with a 4xx, whatever the spelling: never a draft, never a 200.
            expect([`${path}?${query}`, res.status >= 400 && res.status < 500]).toEqual([`${path}?${query}`, true]);
          }
        }
        for (const method of ['post', 'put', 'patch', 'delete'] as const) {
          const res = await probe(`${method} ${path} as ${who}`, () => cms.http[method](path).set(headers).send({ data: { title: MARK } }));
          expect(res.status).toBeGreaterThanOrEqual(400);
          expect(res.status).toBeLessThan(500);
        }
      }
      // Single documents: the published one, and one that was never published.
      const documentId = plural === 'faqs' ? ids['faqs:unpublished'] : ids[`${plural}:es`];
      for (const query of ['locale=es', 'status=draft&locale=es', 'status=DRAFT&locale=en', 'status[0]=draft', 'status=', 'locale=*']) {
        await probe(`GET one ${plural}?${query} as ${who}`, () => cms.http.get(`/api/clinic/${plural}/${documentId}?${query}`).set(headers));
      }
    }
    expect(leaks).toEqual([]);
    expect(serverErrors).toEqual([]);
  });

  it('the clinic details (a single type) never show the draft phone number', async () => {
    for (const path of ['/api/clinic/clinic', '/API/CLINIC/CLINIC', '/api/clinic/clinic/']) {
      for (const query of DRAFT_STATUS_QUERIES) {
        const res = await probe(`GET ${path}?${query}`, () => cms.http.get(`${path}?${query}`));
        expect(res.status).toBeGreaterThanOrEqual(400);
      }
      const published = await probe(`GET ${path}`, () => cms.http.get(path));
      expect(published.status).toBe(200);
    }
    expect(leaks).toEqual([]);
  });

  it('still serves published content in every spelling the router accepts', async () => {
    for (const path of REST_SPELLINGS('procedures')) {
      const res = await probe(`GET ${path}?locale=es`, () => cms.http.get(`${path}?locale=es`));
      if (res.status === 200) expect(res.body.data.map((p: any) => p.title)).toContain('Vertebroplastia y cifoplastia');
      // Spellings the router does not take are refused before routing.
      else expect([400, 404]).toContain(res.status);
    }
    const exact = await cms.http.get('/api/clinic/procedures?locale=es&status=published');
    expect(exact.status).toBe(200);
  });

  it('gives the preview credential, and only it, the drafts', async () => {
    const res = await cms.http.get('/API/clinic/procedures/?status=draft&locale=es').set('x-preview-secret', PREVIEW_SECRET);
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).toContain(MARK);
    expect(res.headers['cache-control']).toMatch(/no-store/);
    // (HTTP itself trims spaces around a header value, so ' secret ' is the secret.)
    for (const wrong of [PREVIEW_SECRET.toUpperCase(), `${PREVIEW_SECRET}x`, PREVIEW_SECRET.slice(0, -1), '', 'undefined']) {
      const refused = await probe('wrong preview secret', () => cms.http.get('/api/clinic/procedures?status=draft&locale=es').set('x-preview-secret', wrong));
      expect(refused.status).toBe(403);
    }
  });
});

const GRAPHQL_ENDPOINTS = ['/graphql', '/graphql/', '/GRAPHQL', '/GraphQL/'];

/** Operations that ask for drafts in every way the schema allows. */
function draftOperations(type: (typeof TYPES)[number]): Array<{ query: string; variables?: Record<string, unknown> }> {
  const id = ids[`${type.rest}:es`];
  return [
    { query: `{ ${type.gql}(locale: "es", status: DRAFT) { ${type.field} } }` },
    { query: `query ($s: PublicationStatus) { ${type.gql}(locale: "es", status: $s) { ${type.field} } }`, variables: { s: 'DRAFT' } },
    { query: `query ($s: PublicationStatus = DRAFT) { ${type.gql}(locale: "es", status: $s) { ${type.field} } }` },
    { query: `{ a: ${type.gql}(locale: "en") { ${type.field} } b: ${type.gql}(locale: "es", status: DRAFT) { ${type.field} } }` },
    { query: `{ ${type.gql}_connection(locale: "es", status: DRAFT) { nodes { ${type.field} } } }` },
    { query: `{ ok: ${type.gql}(locale: "en") { ${type.field} } one: ${type.one}(documentId: "${id}", locale: "es", status: DRAFT) { ${type.field} } }` },
    { query: `{ ${type.one}(documentId: "${id}", locale: "es", status: DRAFT) { ${type.field} } }` },
    { query: `{ ${type.one}(documentId: "${id}", locale: "es", status: DRAFT) { localizations { ${type.field} } } }` },
    { query: `{ ${type.gql}(locale: "en") { localizations(status: DRAFT) { ${type.field} } } }` },
    { query: `{ ${type.gql}(locale: "en", publicationFilter: MODIFIED) { ${type.field} } }` },
    { query: `{ ${type.gql}(locale: "en", hasPublishedVersion: false) { ${type.field} } }` },
    { query: `fragment F on Query { ${type.gql}(locale: "es", status: DRAFT) { ${type.field} } } query { ...F }` },
    { query: `query { ... on Query { ${type.gql}(locale: "es", status: DRAFT) { ${type.field} } } }` },
  ];
}

describe('GraphQL: no endpoint spelling, method, batching, variable or nesting reads a draft', () => {
  it.each(TYPES.map((t) => [t.gql, t] as const))('%s', async (_name, type) => {
    for (const [who, headers] of Object.entries(authHeaders)) {
      for (const endpoint of GRAPHQL_ENDPOINTS) {
        for (const operation of draftOperations(type)) {
          const label = `${endpoint} ${operation.query} as ${who}`;
          const post = await probe(`POST ${label}`, () => cms.http.post(endpoint).set({ 'content-type': 'application/json', ...headers }).send(operation));
          expect([label, post.status >= 400 && post.status < 500]).toEqual([label, true]);
          await probe(`POST charset ${label}`, () => cms.http.post(endpoint).set({ 'content-type': 'application/json; charset=utf-8', ...headers }).send(JSON.stringify(operation)));
          await probe(`GET ${label}`, () =>
            cms.http.get(endpoint).query({ query: operation.query, ...(operation.variables ? { variables: JSON.stringify(operation.variables) } : {}) }).set({ 'apollo-require-preflight': 'true', ...headers }),
          );
          await probe(`batch ${label}`, () => cms.http.post(endpoint).set({ 'content-type': 'application/json', ...headers }).send([operation, operation]));
          await probe(`graphql content type ${label}`, () => cms.http.post(endpoint).set({ 'content-type': 'application/graphql', ...headers }).send(operation.query));
        }
      }
    }
    expect(leaks).toEqual([]);
    expect(serverErrors).toEqual([]);
  });

  it('the preview credential reads drafts over GraphQL', async () => {
    const res = await cms.graphql('{ clinicProcedures(locale: "es", status: DRAFT) { title } }', {}, { 'x-preview-secret': PREVIEW_SECRET });
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).toContain(MARK);
  });
});

describe('malformed queries get a 4xx with a message, never a 5xx', () => {
  it('over REST and GraphQL', async () => {
    const rest = [
      'filters[title][$between]=a',
      'filters[typicalDurationMinutes][$gt]=abc',
      'filters[$and]=x',
      'filters[0]=1',
      'filters[title][$eq][$eq]=a',
      '_q[0]=a',
      '_q[$ne]=a',
      'filters[$or][0]=1',
      'filters[title][$regex]=.*',
      'filters[publishedAt][$gt]=yesterday',
      'pagination[page]=-1',
      'pagination[pageSize]=0',
      'sort=title:sideways',
      'populate[title]=true',
      'locale=all',
      'locale[$ne]=en',
    ];
    for (const query of rest) {
      const res = await probe(`GET procedures?${query}`, () => cms.http.get(`/api/clinic/procedures?${query}`));
      expect([query, res.status]).toEqual([query, 400]);
      expect(res.body.error.message).toBeTruthy();
    }
    const graphql = [
      '{ clinicProcedures(filters: { title: { between: ["a"] } }) { title } }',
      '{ clinicProcedures(filters: { typicalDurationMinutes: { between: [1] } }) { title } }',
      '{ clinicProcedures(pagination: { page: -1, pageSize: -1 }) { title } }',
    ];
    for (const query of graphql) {
      const res = await probe(query, () => cms.graphql(query));
      expect([query, res.status]).toEqual([query, 400]);
    }
    expect(serverErrors).toEqual([]);
  });
});

describe('JavaScript built-in names are not fields or parameters', () => {
  it('a built-in name as a field, populate, filter, pagination or root key is a 400, never reaching SQL', async () => {
    const paths = [
      ...['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty'].map((name) => `/api/clinic/procedures?fields[0]=${name}`),
      '/api/clinic/faqs?fields=constructor',
      '/api/clinic/clinic?fields[0]=toString',
      '/api/clinic/providers?populate[photo][fields][0]=__proto__',
      '/api/clinic/procedures?populate[sections][fields][0]=constructor',
      '/api/clinic/procedures/x?fields[0]=__proto__',
      '/api/clinic/procedures?constructor=1',
      '/api/clinic/procedures?__proto__=1',
      '/api/clinic/procedures?hasOwnProperty=1',
      '/api/clinic/procedures?pagination[constructor]=1',
      '/api/clinic/procedures?populate[constructor]=*',
      '/api/clinic/procedures?filters[$and][0][constructor][$eq]=1',
    ];
    for (const path of paths) {
      const res = await probe(`GET ${path}`, () => cms.http.get(path));
      expect([path, res.status]).toEqual([path, 400]);
      expect(res.body.error.message).toBeTruthy();
    }
    // A built-in name as a value is just text.
    const ok = await probe('filter value constructor', () => cms.http.get('/api/clinic/procedures?filters[title][$eq]=constructor&fields[0]=title'));
    expect(ok.status).toBe(200);
    expect(serverErrors).toEqual([]);
  });
});

describe('bodies that cannot be decoded and methods no route has are the client’s mistake', () => {
  it('a body that is not the brotli its Content-Encoding says is a 400 on every POST route', async () => {
    for (const path of ['/graphql', '/api/clinic/procedures', '/admin/login']) {
      for (const encoding of ['br', ' br']) {
        const res = await probe(`POST ${path} (${encoding})`, () =>
          cms.http.post(path).set({ 'content-type': 'application/json', 'content-encoding': encoding }).send('{"query":"{ __typename }"}'),
        );
        expect([path, encoding, res.status]).toEqual([path, encoding, 400]);
      }
    }
    const unknown = await probe('POST unknown encoding', () =>
      cms.http.post('/graphql').set({ 'content-type': 'application/json', 'content-encoding': 'gzip, br' }).send('{"query":"{ __typename }"}'),
    );
    expect(unknown.status).toBe(415);
    expect(serverErrors).toEqual([]);
  });

  it('TRACE is a 405 that lists the allowed methods; CORS preflight and admin routes still answer', async () => {
    for (const path of ['/api/clinic/procedures', '/api/clinic/procedures/x', '/admin/init', '/graphql']) {
      const res = await probe(`TRACE ${path}`, () => cms.http.trace(path));
      expect([path, res.status]).toEqual([path, 405]);
      expect(res.headers.allow).toContain('GET');
    }
    const preflight = await cms.http.options('/api/clinic/procedures').set({ origin: 'http://localhost:3000', 'access-control-request-method': 'GET' });
    expect(preflight.status).toBeLessThan(400);
    expect((await cms.http.get('/admin/init')).status).toBe(200);
    expect(serverErrors).toEqual([]);
  });
});

describe('private fields change no public answer', () => {
  /** Two probes that differ only in a guess about a private value must get the same answer. */
  async function sameAnswer(label: string, send: (guess: string) => Promise<{ status: number; text: string }>, real: string, fake: string) {
    const a = await probe(`${label} (real)`, () => send(real));
    const b = await probe(`${label} (fake)`, () => send(fake));
    expect([label, a.status, a.text]).toEqual([label, b.status, b.text]);
  }
  const get = (path: string) => () => cms.http.get(path);

  it('over REST: search, filters, sort, fields and populate filters', async () => {
    const cases: Array<[string, (g: string) => string, string, string]> = [
      ['_q on providers', (g) => `/api/clinic/providers?_q=${encodeURIComponent(g)}`, REVIEWER_EMAIL, 'nobody@clinic.test'],
      ['_q prefix on providers', (g) => `/api/clinic/providers?_q=${encodeURIComponent(g)}`, 'physician@', 'zzzzzzzzz@'],
      ['_q on an account id', (g) => `/api/clinic/providers?_q=${g}`, String(PRIVATE_ACCOUNT_ID), String(PRIVATE_ACCOUNT_ID + 1)],
      ['_q on an email', (g) => `/api/clinic/providers?_q=${encodeURIComponent(g)}`, 'physician@clinic.test', 'nobody@clinic.test'],
      ['filter $eq', (g) => `/api/clinic/providers?filters[reviewerAccountId][$eq]=${g}`, String(physicianId), '987654'],
      ['filter $lt', (g) => `/api/clinic/providers?filters[reviewerAccountId][$lt]=${g}`, String(physicianId + 1), '1'],
      ['filter $null', (g) => `/api/clinic/providers?filters[reviewerAccountId][$null]=${g}`, 'true', 'false'],
      ['filter under $or', (g) => `/api/clinic/providers?filters[$or][0][reviewerAccountId][$eq]=${g}`, String(physicianId), '987654'],
      ['filter through a relation', (g) => `/api/clinic/procedures?filters[providers][reviewerAccountId][$eq]=${g}`, String(physicianId), '987654'],
      ['filter on createdBy', (g) => `/api/clinic/procedures?filters[createdBy][email][$startsWith]=${g}`, 'a', 'z'],
      ['filter on updatedBy', (g) => `/api/clinic/procedures?filters[updatedBy][firstname][$startsWith]=${g}`, 'A', 'Z'],
      ['filter on createdBy id', (g) => `/api/clinic/procedures?filters[createdBy][id][$eq]=${g}`, '1', '999'],
      ['filter on a password', (g) => `/api/clinic/procedures?filters[createdBy][password][$startsWith]=${encodeURIComponent(g)}`, '$2', 'zz'],
      ['populate filter', (g) => `/api/clinic/procedures?populate[providers][filters][reviewerAccountId][$eq]=${g}`, String(physicianId), '987654'],
      ['sort', (g) => `/api/clinic/providers?sort=reviewerAccountId:${g}`, 'asc', 'desc'],
      ['populate sort', (g) => `/api/clinic/procedures?populate[providers][sort]=reviewerAccountId:${g}`, 'asc', 'desc'],
      ['draft text through localizations', (g) => `/api/clinic/procedures?locale=en&filters[localizations][title][$contains]=${g}`, MARK, 'NO-SUCH-TEXT'],
      ['draft text through nested localizations', (g) => `/api/clinic/providers?locale=en&filters[procedures][localizations][title][$contains]=${g}`, MARK, 'NO-SUCH-TEXT'],
      ['draft state through localizations', (g) => `/api/clinic/procedures?locale=en&filters[localizations][publishedAt][$null]=${g}`, 'true', 'false'],
      ['draft text through a localizations sort', (g) => `/api/clinic/procedures?locale=en&sort=localizations.title:${g}`, 'asc', 'desc'],
      ['populate createdBy', (g) => `/api/clinic/procedures?populate[createdBy][filters][email][$startsWith]=${g}`, 'a', 'z'],
    ];
    for (const [label, path, real, fake] of cases) await sameAnswer(label, (g) => get(path(g))() as any, real, fake);
  });

  it('over GraphQL: filters and sort', async () => {
    const cases: Array<[string, (g: string) => string, string, string]> = [
      ['filter', (g) => `{ clinicProviders(filters: { reviewerAccountId: { eq: ${g} } }) { fullName } }`, String(physicianId), '987654'],
      ['sort', (g) => `{ clinicProviders(sort: ["reviewerAccountId:${g}"]) { fullName } }`, 'asc', 'desc'],
      ['nested filter', (g) => `{ clinicProcedures(filters: { providers: { reviewerAccountId: { eq: ${g} } } }) { title } }`, String(physicianId), '987654'],
      ['relation filter', (g) => `{ clinicProcedures { providers(filters: { reviewerAccountId: { eq: ${g} } }) { fullName } } }`, String(physicianId), '987654'],
      ['createdBy', (g) => `{ clinicProcedures(filters: { createdBy: { email: { startsWith: "${g}" } } }) { title } }`, 'a', 'z'],
      ['localizations', (g) => `{ clinicProcedures(locale: "en", filters: { localizations: { title: { contains: "${g}" } } }) { title } }`, MARK, 'NO-SUCH-TEXT'],
    ];
    for (const [label, query, real, fake] of cases) await sameAnswer(`graphql ${label}`, (g) => cms.graphql(query(g)) as any, real, fake);
  });

  it('a file never lists the rows that use it, drafts among them', async () => {
    for (const path of [
      '/api/clinic/providers?locale=en&populate[photo][populate]=*',
      '/api/clinic/providers?locale=en&populate[photo][populate][related]=true',
      '/api/clinic/procedures?locale=en&populate[providers][populate][photo][populate]=*',
    ]) {
      const res = await probe(path, () => cms.http.get(path));
      expect([path, res.status]).toEqual([path, 400]);
    }
    const graphql = await probe('graphql photo related', () => cms.graphql('{ clinicProviders(locale: "en") { photo { related { __typename } } } }'));
    expect(graphql.status).toBe(400);
    const photo = await probe('photo as a leaf', () => cms.http.get('/api/clinic/providers?locale=en&populate[photo]=true'));
    expect(photo.status).toBe(200);
    expect(leaks).toEqual([]);
  });

  it('the review log has no public door', async () => {
    for (const path of ['/api/clinic/review-entries', '/api/clinic/review-entry', '/API/CLINIC/REVIEW-ENTRIES']) {
      const res = await probe(path, () => cms.http.get(path));
      expect(res.status).toBe(404);
    }
    const res = await probe('graphql review log', () => cms.graphql('{ clinicReviewEntries { comment } }'));
    expect(res.status).toBe(400);
    expect(leaks).toEqual([]);
  });
});
