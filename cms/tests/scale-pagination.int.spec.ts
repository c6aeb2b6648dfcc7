import { readFileSync } from 'fs';
import path from 'path';
import { generateScaleContent, SCALE_MARK } from '../src/scale';
import { bootCms, PREVIEW_SECRET, type BootedCms } from './harness/strapi';

/**
 * More procedures than one CMS page holds (the CMS caps a page at 100): the site's sitemap
 * operation, read by cursor as the site reads it, lists every published procedure in every
 * locale and no draft, and the procedures list pages through them. The generated content goes
 * through the real review gate (the scale generator, `pnpm scale`, at a small size).
 */
const operations = (file: string) => readFileSync(path.resolve(__dirname, `../../web/src/lib/cms/operations/${file}`), 'utf8');
const SITEMAP = operations('sitemap.graphql');
const PROCEDURE_LIST = operations('procedure-list.graphql');
const FAQ = operations('faq.graphql');
const GENERATED = 130;
const SECRET_SLUG = 'draft-only-secret-procedure';
const RENAMED_DRAFT_SLUG = 'renamed-in-draft-only';

let cms: BootedCms;
let publishedInEnglish: number;
let renamed: { documentId: string; slug: string };
beforeAll(async () => {
  cms = await bootCms();
  await cms.seedDemo();
  const { editor, physician } = await cms.accounts();
  await generateScaleContent(cms.strapi, { size: { procedures: GENERATED, providers: 2, faqs: GENERATED }, accounts: { editor, physician } });
  publishedInEnglish = await cms.strapi.documents('plugin::clinic.procedure').count({ locale: 'en', status: 'published' });
  // Drafts a sitemap must never show: a page never published, and an unpublished new slug of a published page.
  const procedures = cms.strapi.documents('plugin::clinic.procedure');
  await procedures.create({ locale: 'en', data: { title: 'Unannounced procedure', slug: SECRET_SLUG, summary: 'Not approved yet.' } } as any);
  const published = await procedures.findFirst({ locale: 'en', status: 'published', filters: { slug: { $startsWith: SCALE_MARK } } } as any);
  renamed = { documentId: published!.documentId, slug: published!.slug };
  await procedures.update({ documentId: renamed.documentId, locale: 'en', data: { slug: RENAMED_DRAFT_SLUG } } as any);
}, 600_000);
afterAll(() => cms?.stop());

async function run(document: string, operationName: string, variables: Record<string, unknown>) {
  const response = await cms.http.post('/graphql').set({ 'content-type': 'application/json' }).send({ query: document, operationName, variables });
  expect(response.status).toBe(200);
  expect(response.body.errors).toBeUndefined();
  return response.body.data;
}

/** Every procedure slug of a locale, read by cursor as the site reads it, `limit` at a time. */
async function sitemapSlugs(locale: string, limit?: number): Promise<string[]> {
  const slugs: string[] = [];
  let after: string | null = null;
  do {
    const page: { entries: Array<{ slug: string }>; nextCursor: string | null } = (await run(SITEMAP_PAGE(limit), 'SitemapEntries', { type: 'PROCEDURE', locale, after })).clinicSitemapEntries;
    slugs.push(...page.entries.map((entry) => entry.slug));
    after = page.nextCursor;
  } while (after);
  return slugs;
}

/** The site's operation with a smaller page than its 5,000, to follow the cursor over several pages. */
const SITEMAP_PAGE = (limit?: number) => (limit ? SITEMAP.replace("limit: 5000", `limit: ${limit}`) : SITEMAP);

describe('more procedures than one CMS page', () => {
  it('the CMS caps one page at 100, whatever limit is asked (why the sitemap has a query of its own)', async () => {
    const { body } = await cms.graphql('query { clinicProcedures(locale: "en", pagination: { limit: 1000 }) { documentId } }');
    expect(publishedInEnglish).toBeGreaterThan(100);
    expect(body.data.clinicProcedures).toHaveLength(100);
  });

  it.each(['en', 'es', 'fr'])('the sitemap operation lists every published procedure in %s, each once', async (locale) => {
    const slugs = await sitemapSlugs(locale);
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(slugs.filter((s) => s.startsWith(SCALE_MARK))).toHaveLength(GENERATED);
    expect(slugs).toHaveLength(await cms.strapi.documents('plugin::clinic.procedure').count({ locale, status: 'published' }));
  });

  it('follows the cursor over pages smaller than the list, each procedure once', async () => {
    const byPages = await sitemapSlugs('en', 7);
    expect(byPages).toEqual(await sitemapSlugs('en'));
  });

  it('never lists a draft: not a page never published, nor a published page’s new slug, even with the preview secret', async () => {
    for (const headers of [{}, { 'x-preview-secret': PREVIEW_SECRET }]) {
      const response = await cms.http.post('/graphql').set({ 'content-type': 'application/json', ...headers }).send({ query: SITEMAP, operationName: 'SitemapEntries', variables: { type: 'PROCEDURE', locale: 'en' } });
      expect(response.status).toBe(200);
      const slugs = response.body.data.clinicSitemapEntries.entries.map((entry: { slug: string }) => entry.slug);
      expect(slugs).not.toContain(SECRET_SLUG);
      expect(slugs).not.toContain(RENAMED_DRAFT_SLUG);
      expect(slugs).toContain(renamed.slug);
    }
  });

  it('reads one type and locale in one SQL statement', async () => {
    const statements: string[] = [];
    const count = (query: { sql: string }) => statements.push(query.sql);
    const knex = cms.strapi.db.connection;
    knex.on('query', count);
    try {
      await run(SITEMAP, 'SitemapEntries', { type: 'PROCEDURE', locale: 'en' });
    } finally {
      knex.off('query', count);
    }
    expect(statements.filter((sql) => /clinic_procedures/.test(sql))).toHaveLength(1);
  });

  it('the procedures list pages through all of them, each once, and a page past the last is empty', async () => {
    const pageSize = 50;
    const titles: string[] = [];
    const first = (await run(PROCEDURE_LIST, 'ProcedureListPage', { locale: 'en', page: 1, pageSize })).clinicProcedures_connection;
    expect(first.pageInfo).toEqual({ page: 1, pageCount: Math.ceil(publishedInEnglish / pageSize), total: publishedInEnglish });
    for (let page = 1; page <= first.pageInfo.pageCount; page += 1) {
      titles.push(...(await run(PROCEDURE_LIST, 'ProcedureListPage', { locale: 'en', page, pageSize })).clinicProcedures_connection.nodes.map((n: { title: string }) => n.title));
    }
    expect(titles).toHaveLength(publishedInEnglish);
    expect(new Set(titles).size).toBe(titles.length);
    const past = (await run(PROCEDURE_LIST, 'ProcedureListPage', { locale: 'en', page: first.pageInfo.pageCount + 1, pageSize })).clinicProcedures_connection;
    expect(past.nodes).toEqual([]);
  });

  it('the FAQ page reads a page of procedures with their FAQs, not every procedure at once', async () => {
    const connection = (await run(FAQ, 'FaqPage', { locale: 'en', page: 1, pageSize: 20 })).clinicProcedures_connection;
    expect(connection.nodes).toHaveLength(20);
    expect(connection.pageInfo.pageCount).toBe(Math.ceil(publishedInEnglish / 20));
  });

  it('a page number that cannot exist is a 400, not a 500', async () => {
    const response = await cms.http.post('/graphql').set({ 'content-type': 'application/json' }).send({ query: PROCEDURE_LIST, operationName: 'ProcedureListPage', variables: { locale: 'en', page: 0, pageSize: 50 } });
    expect(response.status).toBe(400);
  });

  it.each([0, -1, 5001])('a sitemap page of %s entries is a 400 that names the bounds', async (limit) => {
    const response = await cms.graphql(`{ clinicSitemapEntries(type: PROCEDURE, locale: "en", limit: ${limit}) { nextCursor } }`);
    expect(response.status).toBe(400);
    expect(response.body.errors[0].message).toMatch(/limit must be between 1 and 5000/);
  });

  it('a cursor that is not one is a 400', async () => {
    const response = await cms.graphql(`{ clinicSitemapEntries(type: PROVIDER, locale: "en", after: "${'x'.repeat(65)}") { nextCursor } }`);
    expect(response.status).toBe(400);
  });

  it('a locale the CMS does not have is a 400 naming the ones it has, as on every public read', async () => {
    for (const locale of ['xx', 'EN-gb', 'de']) {
      const response = await cms.graphql(`{ clinicSitemapEntries(type: PROCEDURE, locale: "${locale}") { nextCursor } }`);
      expect({ locale, status: response.status }).toEqual({ locale, status: 400 });
      // Not a locale code at all: the scalar refuses it; a code the CMS does not have: the resolver, naming those it has.
      expect(response.body.errors[0].message).toMatch(locale === 'de' ? /Unknown locale "de".*\ben\b.*\bes\b/ : /locale/i);
    }
  });
});
