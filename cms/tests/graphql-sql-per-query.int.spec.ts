import { readFileSync } from 'fs';
import path from 'path';
import { demoProcedures } from '../src/demo/demo-content';
import { bootCms, type BootedCms } from './harness/strapi';

/**
 * The site's procedure page query costs a fixed number of SQL statements, however many FAQs,
 * providers or sections the procedure lists: relation and component resolvers are batched
 * (server/src/graphql/batched-relation-loads.ts), not one query per parent. Counted with
 * knex's `query` event around one public request.
 */
const PROCEDURE_OPERATIONS = readFileSync(path.resolve(__dirname, '../../web/src/lib/cms/operations/procedure.graphql'), 'utf8');
const vertebro = demoProcedures.find((p) => p.key === 'vertebroplasty')!;
const GROWN = 100;

let cms: BootedCms;
beforeAll(async () => {
  cms = await bootCms({ CLINIC_GRAPHQL_ANSWER_CACHE: 'true' });
  await cms.seedDemo();
}, 300_000);
afterAll(() => cms?.stop());

// A request with a cookie is never answered from the cache of published answers: it measures the resolvers.
const UNCACHED = { cookie: 'measure=1' };

async function procedurePageQuery(locale: 'en' | 'es', headers: Record<string, string> = UNCACHED) {
  let statements = 0;
  const count = () => {
    statements += 1;
  };
  cms.strapi.db.connection.on('query', count);
  try {
    const response = await cms.http
      .post('/graphql')
      .set({ 'content-type': 'application/json', ...headers })
      .send({ query: PROCEDURE_OPERATIONS, operationName: 'ProcedureBySlug', variables: { locale, slug: vertebro.text[locale].slug } });
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    return { statements, text: response.text, procedure: response.body.data.clinicProcedures[0] };
  } finally {
    cms.strapi.db.connection.off('query', count);
  }
}

async function growTo(count: number) {
  const docs = (name: string) => cms.strapi.documents(`plugin::clinic.${name}`);
  const procedure = await docs('procedure').findFirst({ locale: 'en', filters: { slug: vertebro.text.en.slug }, populate: { faqs: true, providers: true } });
  const faqIds: string[] = procedure.faqs.map((f: any) => f.documentId);
  const providerIds: string[] = procedure.providers.map((p: any) => p.documentId);
  for (let i = faqIds.length; i < count; i += 1) {
    const faq = await docs('faq').create({ locale: 'en', data: { question: `Benchmark question ${i}?`, answer: `Answer ${i}.` } });
    await cms.approveAndPublish('plugin::clinic.faq', faq.documentId, 'en');
    faqIds.push(faq.documentId);
  }
  for (let i = providerIds.length; i < count; i += 1) {
    const provider = await docs('provider').create({ locale: 'en', data: { fullName: `Provider ${i}`, slug: `provider-${i}`, specialty: 'Radiology' } });
    await cms.approveAndPublish('plugin::clinic.provider', provider.documentId, 'en');
    providerIds.push(provider.documentId);
  }
  await docs('procedure').update({ documentId: procedure.documentId, locale: 'en', data: { faqs: faqIds, providers: providerIds } });
  await cms.approveAndPublish('plugin::clinic.procedure', procedure.documentId, 'en');
}

describe('SQL statements per procedure page query', () => {
  it('stay the same as the FAQs and providers grow from 3 to 100', async () => {
    await procedurePageQuery('en'); // the first read fills what is cached per process (locales, schema)
    const small = await procedurePageQuery('en');
    expect(small.procedure.faqs).toHaveLength(3);

    await growTo(GROWN);
    await procedurePageQuery('en');
    const grown = await procedurePageQuery('en');
    expect(grown.procedure.faqs).toHaveLength(50); // the page asks for the first 50
    expect(grown.procedure.providers).toHaveLength(50);
    // eslint-disable-next-line no-console
    console.log(`ProcedureBySlug: ${small.statements} SQL statements with 3 FAQs, ${grown.statements} with ${GROWN}`);
    expect(grown.statements).toBe(small.statements);
    // Unbatched, Strapi's resolvers sent 34 (two per section for its steps alone).
    expect(small.statements).toBeLessThanOrEqual(16);
  }, 600_000);

  it('answer each parent with its own page of a relation, as when asked one by one', async () => {
    const list = (slug?: string) =>
      cms.graphql(`query ($slug: String) {
        clinicProcedures(locale: "es", sort: ["title:asc"], filters: { slug: { eq: $slug } }) {
          slug
          faqs(pagination: { start: 1, limit: 1 }) { question }
          providers(pagination: { limit: 1 }) { fullName }
          relatedProcedures { slug }
          sections { heading steps(pagination: { limit: 2 }) { title } }
          localizations { locale slug }
        }
      }`, slug ? { slug } : {});
    const together = await list();
    expect(together.status).toBe(200);
    const procedures = together.body.data.clinicProcedures as Array<{ slug: string }>;
    expect(procedures.length).toBeGreaterThan(1);
    for (const procedure of procedures) {
      const alone = await list(procedure.slug);
      expect(alone.body.data.clinicProcedures).toEqual([procedure]);
    }
    expect(procedures.find((p) => p.slug === vertebro.text.es.slug)).toMatchObject({ faqs: [{ question: expect.any(String) }] });
  });
});

describe('anonymous answers kept until the next write', () => {
  it('answer the same query again without SQL, and show a publish at once', async () => {
    const first = await procedurePageQuery('es', {});
    const again = await procedurePageQuery('es', {});
    expect(again.statements).toBe(0);
    expect(again.text).toBe(first.text);

    const docs = cms.strapi.documents('plugin::clinic.procedure');
    const procedure = await docs.findFirst({ locale: 'es', filters: { slug: vertebro.text.es.slug } });
    await docs.update({ documentId: procedure.documentId, locale: 'es', data: { summary: 'Resumen nuevo, aprobado.' } });
    // A draft edit is a write: the answer is read again, and still shows the published text.
    const afterDraft = await procedurePageQuery('es', {});
    expect(afterDraft.statements).toBeGreaterThan(0);
    expect(afterDraft.procedure.summary).toBe(first.procedure.summary);
    await cms.approveAndPublish('plugin::clinic.procedure', procedure.documentId, 'es');
    expect((await procedurePageQuery('es', {})).procedure.summary).toBe('Resumen nuevo, aprobado.');
  });

  it('are never kept for a request with credentials, nor for a refused one', async () => {
    await procedurePageQuery('es', {});
    const withPreview = await procedurePageQuery('es', { 'x-preview-secret': 'wrong' });
    expect(withPreview.statements).toBeGreaterThan(0);
    const refused = () => cms.graphql('{ clinicProcedures(locale: "xx") { title } }');
    expect((await refused()).status).toBe(400);
    expect((await refused()).status).toBe(400);
    const malformed = await cms.http.post('/graphql').set('content-type', 'application/json').send('{"query": ');
    expect(malformed.status).toBe(400);
    expect(malformed.text).toMatch(/not valid JSON/);
  });
});
