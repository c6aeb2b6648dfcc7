import { bootCms, type BootedCms } from './harness/strapi';

/**
 * Documents whose fragments expand exponentially (each spreading the next twice) are refused
 * with a 400 in milliseconds, before any validation rule walks the expansion (Strapi's depth rule
 * took 26 s for 27 fragments, blocking every other request); and a request that picks no
 * operation this API runs (a subscription, an unknown or missing operationName, no operation at
 * all) is a 400 that says so, not a 200 carrying INTERNAL_SERVER_ERROR.
 */
let cms: BootedCms;

beforeAll(async () => {
  cms = await bootCms();
  await cms.seedDemo();
});
afterAll(() => cms?.stop());

/** n fragments, each selecting `question` and spreading the next `times` times (`spread` writes one spread). */
function fanOut(n: number, times = 2, spread = (next: string) => `...${next}`): string {
  let query = '{ clinicFaqs { ...F0 } }';
  for (let i = 0; i < n - 1; i++) query += ` fragment F${i} on ClinicFaq { question ${Array.from({ length: times }, () => spread(`F${i + 1}`)).join(' ')} }`;
  return `${query} fragment F${n - 1} on ClinicFaq { question }`;
}

const SHAPES: Array<{ label: string; query: string }> = [
  ...[20, 27, 30, 40].map((n) => ({ label: `${n} fragments, each spreading the next twice`, query: fanOut(n) })),
  { label: 'spread through inline fragments', query: fanOut(40, 2, (next) => `... on ClinicFaq { ...${next} }`) },
  { label: 'spread under aliased fields', query: fanOut(20, 1, (next) => `a: procedures { faqs { ...${next} } } b: procedures { faqs { ...${next} } }`) },
  { label: 'spreads under directives', query: fanOut(30, 2, (next) => `...${next} @include(if: true)`) },
];

async function timedGraphql(body: Record<string, unknown>) {
  const start = Date.now();
  const res = await cms.http.post('/graphql').set('content-type', 'application/json').send(body);
  return { res, ms: Date.now() - start };
}

describe('fragment fan-out', () => {
  it.each(SHAPES)('refuses $label with a 400 within 500 ms', async ({ query }) => {
    const { res, ms } = await timedGraphql({ query });
    expect({ status: res.status, code: res.body.errors?.[0]?.extensions?.code, data: res.body.data }).toEqual({ status: 400, code: 'GRAPHQL_VALIDATION_FAILED', data: undefined });
    expect(res.body.errors[0].message).toMatch(/^Operation selects (\d+|more than 10\^15) fields once its fragments are expanded; the limit is 1500\. Spread each fragment fewer times\.$/);
    expect(ms).toBeLessThan(500);
  });

  it('refuses the same by GET', async () => {
    const start = Date.now();
    const res = await cms.http.get('/graphql').query({ query: fanOut(30) }).set('apollo-require-preflight', 'true');
    expect({ status: res.status, message: res.body.errors?.[0]?.message }).toEqual({ status: 400, message: expect.stringMatching(/the limit is 1500/) });
    expect(Date.now() - start).toBeLessThan(500);
  });

  it('keeps answering other requests while fan-outs arrive', async () => {
    const start = Date.now();
    const [attacks, graphql, rest] = await Promise.all([
      Promise.all(Array.from({ length: 5 }, () => timedGraphql({ query: fanOut(40) }))),
      timedGraphql({ query: '{ clinicLocales { code } }' }),
      cms.http.get('/api/clinic/procedures').query({ locale: 'es' }),
    ]);
    expect(attacks.map(({ res }) => res.status)).toEqual([400, 400, 400, 400, 400]);
    expect(graphql.res.status).toBe(200);
    expect(graphql.res.body.data.clinicLocales.map((l: { code: string }) => l.code)).toContain('es');
    expect(rest.status).toBe(200);
    expect(Date.now() - start).toBeLessThan(2000);
  });

  it('lets a fragment spread a few times through, with its data', async () => {
    const { res } = await timedGraphql({ query: fanOut(4) + ' ', variables: {} });
    expect({ status: res.status, errors: res.body.errors }).toEqual({ status: 200, errors: undefined });
    expect(res.body.data.clinicFaqs.length).toBeGreaterThan(0);
  });
});

describe('operations this API does not run', () => {
  const CASES: Array<{ label: string; body: Record<string, unknown>; message: RegExp }> = [
    { label: 'a subscription', body: { query: 'subscription { x }' }, message: /^This API has no subscription operations: send a query\.$/ },
    { label: 'a subscription of a real field', body: { query: 'subscription { clinicFaqs { question } }' }, message: /no subscription operations/ },
    { label: 'a named subscription beside a query', body: { query: 'subscription S { x } query Q { clinicLocales { code } }', operationName: 'S' }, message: /no subscription operations/ },
    { label: 'an unknown operationName', body: { query: 'query A { clinicLocales { code } }', operationName: 'B' }, message: /^operationName "B" names no operation in the document \(it has "A"\)\.$/ },
    { label: 'two operations without operationName', body: { query: 'query A { clinicLocales { code } } query B { clinicLocales { name } }' }, message: /^The document has 2 operations \("A", "B"\): name the one to run in operationName\.$/ },
  ];

  it.each(CASES)('refuses $label with a 400 that says why', async ({ body, message }) => {
    const { res } = await timedGraphql(body);
    expect({ status: res.status, code: res.body.errors?.[0]?.extensions?.code, data: res.body.data }).toEqual({ status: 400, code: 'BAD_USER_INPUT', data: undefined });
    expect(res.body.errors[0].message).toMatch(message);
  });

  it.each([
    { label: 'an empty query', body: { query: '' }, message: /non-empty `query`/ },
    { label: 'a blank query', body: { query: '   ' }, message: /Syntax Error: Unexpected <EOF>/ },
    { label: 'a query of only a comment', body: { query: '# nothing' }, message: /Syntax Error: Unexpected <EOF>/ },
    { label: 'no query at all', body: {}, message: /^POST body missing, invalid Content-Type, or JSON object has no keys\.$/ },
    { label: 'only a fragment', body: { query: 'fragment F on ClinicFaq { question }' }, message: /Fragment "F" is never used/ },
    { label: 'a mutation of no field', body: { query: 'mutation { x }' }, message: /Cannot query field "x" on type "Mutation"/ },
  ])('answers $label with a 400', async ({ body, message }) => {
    const { res } = await timedGraphql(body);
    expect({ status: res.status, data: res.body.data }).toEqual({ status: 400, data: undefined });
    expect(res.body.errors?.[0]?.message).toMatch(message);
  });

  it('refuses an anonymous mutation with a 403 before it runs', async () => {
    const { res } = await timedGraphql({ query: 'mutation { deleteUploadFile(id: 1) { documentId } }' });
    expect({ status: res.status, code: res.body.errors?.[0]?.extensions?.code, message: res.body.errors?.[0]?.message }).toEqual({ status: 403, code: 'FORBIDDEN', message: 'Forbidden access' });
  });
});
