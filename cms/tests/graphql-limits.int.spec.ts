import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Kind, print, visit, type DocumentNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import { operationDocuments } from 'clinic-domain';
import { demoFaqs, demoProcedures, demoProviders } from '../src/demo/demo-content';
import { bootCms, type BootedCms } from './harness/strapi';

/**
 * GraphQL operation limits (GraphQL Armor's rules plus graphql-js's token limit), batching
 * off, and in production: no introspection, no landing page, and (CLINIC_GRAPHQL_ALLOWLIST)
 * only the site's own operations. Every refusal is a 400 with a message; every operation the
 * site sends passes.
 */
const webDir = path.resolve(__dirname, '../../web');
const ALLOWLIST = path.join(webDir, 'src/lib/cms/generated/operation-allowlist.json');
const vertebro = demoProcedures.find((p) => p.key === 'vertebroplasty')!;
const stauss = demoProviders.find((p) => p.key === 'stauss')!;

/** The site's operations, read from its .graphql files, each with the fragments it uses. */
const siteOperations = operationDocuments(
  readdirSync(path.join(webDir, 'src'), { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.graphql'))
    .map((file) => readFileSync(path.join(webDir, 'src', file), 'utf8')),
);

/** As Apollo Client sends a document: `__typename` added to every selection set below the root. */
function asApolloClientSends(document: DocumentNode): string {
  const typename = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } } as const;
  return print(
    visit(document, {
      SelectionSet: (node: SelectionSetNode, _key, parent) =>
        parent && 'kind' in parent && parent.kind === Kind.OPERATION_DEFINITION ? undefined : { ...node, selections: [...node.selections, typename] },
    }),
  );
}

/** Realistic variables: Spanish, and a seeded slug for the pages that take one. */
function variablesFor(name: string, document: DocumentNode): Record<string, unknown> {
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const wanted = new Set(operation.variableDefinitions?.map((v) => v.variable.name.value));
  const slug = name === 'ProviderBySlug' ? stauss.text.es.slug : vertebro.text.es.slug;
  return Object.fromEntries(Object.entries({ locale: 'es', slug, page: 1, pageSize: 20, type: 'PROCEDURE' }).filter(([key]) => wanted.has(key)));
}

/** What a page of the site gets: data, no errors, and the Spanish text that was seeded. */
async function expectSiteOperationsServed(cms: BootedCms) {
  expect(siteOperations.length).toBeGreaterThanOrEqual(8);
  for (const { name, document } of siteOperations) {
    const res = await cms.http
      .post('/graphql')
      .set('content-type', 'application/json')
      .send({ operationName: name, query: asApolloClientSends(document), variables: variablesFor(name, document) });
    expect({ name, status: res.status, errors: res.body.errors }).toEqual({ name, status: 200, errors: undefined });
    if (name === 'ProcedureBySlug') {
      const [procedure] = res.body.data.clinicProcedures;
      expect(procedure.title).toBe(vertebro.text.es.title);
      expect(procedure.faqs.map((f: any) => f.question)).toContain(demoFaqs[0]!.text.es.question);
    }
    if (name === 'ProviderBySlug') expect(res.body.data.clinicProviders[0].specialty).toBe(stauss.text.es.specialty);
  }
}

const messages = (res: { body: any }): string[] => (res.body.errors ?? []).map((e: any) => e.message);

describe('limits (defaults, outside production)', () => {
  let cms: BootedCms;
  beforeAll(async () => {
    cms = await bootCms();
    await cms.seedDemo();
  });
  afterAll(() => cms?.stop());

  it("serves every one of the site's operations, as Apollo Client sends them", async () => {
    await expectSiteOperationsServed(cms);
  });

  it('refuses too many aliases with a 400 that names the limit', async () => {
    const aliases = Array.from({ length: 11 }, (_, i) => `a${i}: clinicLocales { code }`).join(' ');
    const res = await cms.graphql(`{ ${aliases} }`);
    expect(res.status).toBe(400);
    expect(messages(res)).toEqual(['Aliases limit of 10 exceeded, found 11.']);
  });

  it('refuses an operation nested too deep, fragments or not', async () => {
    const deep = 'relatedProcedures { '.repeat(10) + 'title' + ' }'.repeat(10);
    const res = await cms.graphql(`{ clinicProcedures { ...Deep } } fragment Deep on ClinicProcedure { ${deep} }`);
    expect(res.status).toBe(400);
    expect(messages(res)).toContain('Query depth limit of 10 exceeded, found 12.');
    // Strapi's own depth rule is still there beside ours (its defaults were added to, not replaced).
    expect(messages(res).some((m) => /exceeds maximum operation depth of 10/.test(m))).toBe(true);
  });

  it('refuses an operation that costs too much', async () => {
    // Within the depth, alias and token limits; only its breadth is too much.
    const wide = Array.from({ length: 60 }, () => 'sections { steps { title detail } }').join(' ');
    const res = await cms.graphql(`{ clinicProcedures { relatedProcedures { relatedProcedures { ${wide} } } } }`);
    expect(res.status).toBe(400);
    expect(messages(res)).toEqual([expect.stringMatching(/^Query Cost limit of 1500 exceeded, found \d+/)]);
  });

  it('refuses a document of too many tokens before parsing it whole', async () => {
    const res = await cms.graphql(`{ clinicLocales { ${Array.from({ length: 1000 }, () => 'code').join(' ')} } }`);
    expect(res.status).toBe(400);
    // (graphql-js spells it "more that".)
    expect(messages(res)).toEqual([expect.stringMatching(/^Syntax Error: Document contains more th\w+ 1000 tokens\. Parsing aborted\.$/)]);
  });

  it('refuses too many directives', async () => {
    const res = await cms.graphql(`{ clinicLocales { ${'code @include(if: true) '.repeat(11)} } }`);
    expect(res.status).toBe(400);
    expect(messages(res)).toEqual(['Directives limit of 10 exceeded, found 11.']);
  });

  it('refuses a batch (a JSON array of operations) with a 400', async () => {
    const one = { query: '{ clinicLocales { code } }' };
    const res = await cms.http.post('/graphql').set('content-type', 'application/json').send([one, one]);
    expect(res.status).toBe(400);
    expect(messages(res)).toEqual(['Operation batching disabled.']);
  });

  it('runs GET queries through the same limits', async () => {
    const get = (query: string) =>
      cms.http.get('/graphql').query({ query }).set({ accept: 'application/json', 'apollo-require-preflight': 'true' });
    const ok = await get('{ clinicLocales { code } }');
    expect(ok.status).toBe(200);
    expect(ok.body.data.clinicLocales.map((l: any) => l.code).sort()).toEqual(['en', 'es']);
    const aliases = await get(`{ ${Array.from({ length: 11 }, (_, i) => `a${i}: clinicLocales { code }`).join(' ')} }`);
    expect(aliases.status).toBe(400);
    expect(messages(aliases)).toEqual(['Aliases limit of 10 exceeded, found 11.']);
    // GET is for reading only: no way around the read-only schema either.
    const mutation = await get('mutation { __typename }');
    expect(mutation.status).toBeGreaterThanOrEqual(400);
    expect(mutation.status).toBeLessThan(500);
  });

  it('keeps the sandbox and field suggestions outside production', async () => {
    const page = await cms.http.get('/graphql').set('accept', 'text/html');
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/<html/i);
    const typo = await cms.graphql('{ clinicProcedures { titl } }');
    expect(typo.status).toBe(400);
    expect(messages(typo).join(' ')).toMatch(/Did you mean/);
  });
});

describe('production with the operation allowlist', () => {
  let cms: BootedCms;
  const overridden = ['NODE_ENV', 'CLINIC_GRAPHQL_ALLOWLIST', 'APP_KEYS', 'ADMIN_JWT_SECRET', 'API_TOKEN_SALT', 'TRANSFER_TOKEN_SALT', 'ENCRYPTION_KEY', 'JWT_SECRET', 'CLINIC_WEBHOOK_SECRET'];
  const saved = Object.fromEntries(overridden.map((name) => [name, process.env[name]]));
  const secret = () => randomBytes(24).toString('base64');

  beforeAll(async () => {
    try {
      cms = await bootCms({
        NODE_ENV: 'production',
        CLINIC_GRAPHQL_ALLOWLIST: ALLOWLIST,
        // Production refuses the demo's published secrets.
        APP_KEYS: `${secret()},${secret()}`,
        ADMIN_JWT_SECRET: secret(),
        API_TOKEN_SALT: secret(),
        TRANSFER_TOKEN_SALT: secret(),
        ENCRYPTION_KEY: secret(),
        JWT_SECRET: secret(),
        CLINIC_WEBHOOK_SECRET: secret(),
      });
    } finally {
      // The configuration is read at boot; later test files must not inherit production or the list.
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
    await cms.seedDemo();
  });
  afterAll(() => cms?.stop());

  it("serves every one of the site's operations, as Apollo Client sends them, and as written (the proxy's)", async () => {
    await expectSiteOperationsServed(cms);
    const siteLocales = siteOperations.find((o) => o.name === 'SiteLocales')!;
    const res = await cms.graphql(print(siteLocales.document));
    expect(res.status).toBe(200);
    expect(res.body.data.clinicLocales.length).toBeGreaterThan(0);
  });

  it('refuses any other operation with a 400 that says why', async () => {
    const refused = [
      '{ clinicLocales { code isDefault } }', // the proxy's old inline query
      print(siteOperations.find((o) => o.name === 'SiteLocales')!.document).replace('name', 'name code'),
      '{ clinicProcedures { title } }',
    ];
    for (const query of refused) {
      const res = await cms.graphql(query);
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
      expect(messages(res)).toEqual(["This operation is not one of the site's own operations, the only ones this CMS accepts."]);
      expect(res.body.data).toBeUndefined();
    }
  });

  it('answers no introspection, shows no landing page and suggests no field names', async () => {
    const introspection = await cms.graphql('{ __schema { types { name } } }');
    expect(introspection.status).toBe(400);
    expect(messages(introspection).join(' ')).toMatch(/introspection is not allowed/);

    const page = await cms.http.get('/graphql').set('accept', 'text/html');
    expect(page.text).not.toMatch(/<html/i);
    expect(page.status).toBe(400);

    const typo = await cms.graphql('{ clinicProcedures { titl } }');
    expect(typo.status).toBe(400);
    expect(messages(typo).join(' ')).not.toMatch(/Did you mean/);
  });
});
