import { bootCms, type BootedCms } from './harness/strapi';

/**
 * Argument shapes GraphQL's own validation lets through and Strapi refuses, changes or crashes
 * on only inside its resolvers (page and offset pagination mixed, a null pagination, pages that
 * cannot exist, sorts on what is not a field) are answered like every other bad input: a 400
 * whose message says what is wrong, and no data. Shapes GraphQL itself refuses stay its 400s.
 */
let cms: BootedCms;

beforeAll(async () => {
  cms = await bootCms();
  await cms.seedDemo();
});
afterAll(() => cms?.stop());

const LIST = (pagination: string) => `{ clinicProcedures(locale: "en", pagination: ${pagination}) { slug } }`;
const CONNECTION = (pagination: string) => `{ clinicProcedures_connection(locale: "en", pagination: ${pagination}) { nodes { slug } pageInfo { page pageSize total } } }`;
const RELATION = (pagination: string) => `{ clinicProcedures(locale: "en") { slug faqs(pagination: ${pagination}) { question } } }`;

/** Each shape, where it is sent, and what the message must say. */
const REFUSED_BY_US: Array<{ label: string; query: string; variables?: Record<string, unknown>; message: RegExp }> = [
  ...['{ page: 1, start: 0 }', '{ page: 1, limit: 5 }', '{ pageSize: 5, start: 0 }', '{ pageSize: 5, limit: 5 }', '{ page: 2, pageSize: 5, start: 5, limit: 5 }'].flatMap((mixed) => [
    { label: `list ${mixed}`, query: LIST(mixed), message: /^pagination: use page and pageSize, or start and limit, not both \(got / },
    { label: `connection ${mixed}`, query: CONNECTION(mixed), message: /not both/ },
    { label: `relation ${mixed}`, query: RELATION(mixed), message: /not both/ },
  ]),
  { label: 'mixed in a variable', query: 'query ($p: PaginationArg) { clinicProcedures(pagination: $p) { slug } }', variables: { p: { page: 1, limit: 5 } }, message: /not both \(got page, limit\)/ },
  { label: 'mixed through a field variable', query: 'query ($s: Int) { clinicProcedures(pagination: { pageSize: 2, start: $s }) { slug } }', variables: { s: 0 }, message: /not both \(got pageSize, start\)/ },
  { label: 'null pagination', query: LIST('null'), message: /^pagination must be an object/ },
  { label: 'null pagination in a variable', query: 'query ($p: PaginationArg) { clinicProcedures(pagination: $p) { slug } }', variables: { p: null }, message: /^pagination must be an object/ },
  { label: 'null pagination on a connection', query: CONNECTION('null'), message: /^pagination must be an object/ },
  { label: 'page 0', query: LIST('{ page: 0 }'), message: /^pagination\.page must be a whole number of at least 1\.$/ },
  { label: 'page -1', query: CONNECTION('{ page: -1 }'), message: /^pagination\.page must be/ },
  { label: 'pageSize 0', query: LIST('{ pageSize: 0 }'), message: /^pagination\.pageSize must be a whole number of at least 1\.$/ },
  { label: 'pageSize -5', query: RELATION('{ pageSize: -5 }'), message: /^pagination\.pageSize must be/ },
  { label: 'start -1', query: LIST('{ start: -1 }'), message: /^pagination\.start must be a whole number of at least 0\.$/ },
  { label: 'limit 0', query: LIST('{ limit: 0 }'), message: /^pagination\.limit must be a whole number of at least 1\.$/ },
  { label: 'limit -1 (Strapi: every row)', query: CONNECTION('{ limit: -1 }'), message: /^pagination\.limit must be/ },
  { label: 'limit -1 in a variable', query: 'query ($p: PaginationArg) { clinicProcedures(pagination: $p) { slug } }', variables: { p: { limit: -1 } }, message: /^pagination\.limit must be/ },
];

/** Shapes GraphQL's validation already refuses, before any resolver: its own 400 and message. */
const REFUSED_BY_GRAPHQL: Array<{ label: string; query: string; variables?: Record<string, unknown>; message: RegExp }> = [
  { label: 'page 1.5', query: LIST('{ page: 1.5 }'), message: /Int cannot represent non-integer value: 1\.5/ },
  { label: 'page "2"', query: LIST('{ page: "2" }'), message: /Int cannot represent non-integer value: "2"/ },
  { label: 'pageSize true', query: LIST('{ pageSize: true }'), message: /Int cannot represent/ },
  { label: 'pageSize past 32 bits', query: LIST('{ pageSize: 2147483648 }'), message: /Int cannot represent non 32-bit signed integer value/ },
  { label: 'start past 32 bits', query: LIST('{ start: 99999999999999999999 }'), message: /Int cannot represent non 32-bit/ },
  { label: 'page as a list', query: LIST('{ page: [1] }'), message: /Int cannot represent/ },
  { label: 'unknown key', query: LIST('{ offset: 10 }'), message: /"offset" is not defined by type "PaginationArg"/ },
  { label: 'pagination as a number', query: LIST('5'), message: /Expected value of type "PaginationArg"/ },
  { label: 'non-integer page in a variable', query: 'query ($p: PaginationArg) { clinicProcedures(pagination: $p) { slug } }', variables: { p: { page: 2.5 } }, message: /Int cannot represent non-integer value: 2\.5/ },
  { label: 'string pagination in a variable', query: 'query ($p: PaginationArg) { clinicProcedures(pagination: $p) { slug } }', variables: { p: 'all' }, message: /Expected type "PaginationArg" to be an object/ },
];

describe('GraphQL pagination and sort arguments', () => {
  it('refuses, with a 400 naming the problem, every shape Strapi would refuse or change only inside its resolver', async () => {
    const answers: Array<{ label: string; status: number; code?: string; message?: string; data?: unknown }> = [];
    for (const { label, query, variables } of REFUSED_BY_US) {
      const res = await cms.graphql(query, variables);
      answers.push({ label, status: res.status, code: res.body.errors?.[0]?.extensions?.code, message: res.body.errors?.[0]?.message, data: res.body.data });
    }
    for (const [i, answer] of answers.entries()) {
      const { label, message } = REFUSED_BY_US[i]!;
      expect({ label, status: answer.status, code: answer.code, data: answer.data }).toEqual({ label, status: 400, code: 'BAD_USER_INPUT', data: undefined });
      expect({ label, message: answer.message }).toEqual({ label, message: expect.stringMatching(message) });
    }
  });

  it('leaves the shapes GraphQL validation refuses to it: still a 400 with its message', async () => {
    for (const { label, query, variables, message } of REFUSED_BY_GRAPHQL) {
      const res = await cms.graphql(query, variables);
      expect({ label, status: res.status, data: res.body.data }).toEqual({ label, status: 400, data: undefined });
      expect({ label, message: res.body.errors?.[0]?.message }).toEqual({ label, message: expect.stringMatching(message) });
    }
  });

  it('answers a GET query the same way', async () => {
    const res = await cms.http.get('/graphql').query({ query: LIST('{ page: 1, start: 0 }') }).set('apollo-require-preflight', 'true');
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toMatch(/not both/);
  });

  it('refuses a sort on what is not a field, or in a direction that does not exist', async () => {
    for (const sort of ['"notAField:asc"', '"title:sideways"', '"password"', '"createdBy:asc"']) {
      const res = await cms.graphql(`{ clinicProcedures(locale: "en", sort: ${sort}) { slug } }`);
      expect({ sort, status: res.status }).toEqual({ sort, status: 400 });
      expect(res.body.errors[0].message).toBeTruthy();
    }
  });

  it('serves every well-formed page, large ones at the configured maximum', async () => {
    const total = (await cms.graphql(CONNECTION('{ page: 1 }'))).body.data.clinicProcedures_connection.pageInfo.total;
    expect(total).toBeGreaterThan(1);
    const cases: Array<[string, (data: any) => void]> = [
      ['{ page: 1, pageSize: 1 }', (d) => expect(d.pageInfo).toEqual({ page: 1, pageSize: 1, total })],
      ['{ page: 2, pageSize: 1 }', (d) => expect(d.pageInfo).toMatchObject({ page: 2, pageSize: 1 })],
      ['{ start: 1, limit: 1 }', (d) => expect(d.nodes).toHaveLength(1)],
      ['{ pageSize: 1000 }', (d) => expect(d.pageInfo.pageSize).toBe(100)],
      ['{ limit: 2147483647 }', (d) => expect(d.pageInfo.pageSize).toBe(100)],
      ['{ page: 2147483647, pageSize: 100 }', (d) => expect(d.nodes).toEqual([])],
      ['{ start: 2147483647 }', (d) => expect(d.nodes).toEqual([])],
      ['{ page: 1, start: null }', (d) => expect(d.nodes.length).toBeGreaterThan(0)],
      ['{}', (d) => expect(d.nodes.length).toBeGreaterThan(0)],
    ];
    for (const [pagination, check] of cases) {
      const res = await cms.graphql(CONNECTION(pagination));
      expect({ pagination, status: res.status, errors: res.body.errors }).toEqual({ pagination, status: 200, errors: undefined });
      check(res.body.data.clinicProcedures_connection);
    }
  });
});
