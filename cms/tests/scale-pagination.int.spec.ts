import { readFileSync } from 'fs';
import path from 'path';
import { generateScaleContent, SCALE_MARK } from '../src/scale';
import { bootCms, type BootedCms } from './harness/strapi';

/**
 * More procedures than one CMS page holds (the CMS caps a page at 100): the site's sitemap
 * operations, read page by page as the site reads them, list every published procedure in
 * every locale, and the procedures list pages through them. The generated content goes
 * through the real review gate (the scale generator, `pnpm scale`, at a small size).
 */
const operations = (file: string) => readFileSync(path.resolve(__dirname, `../../web/src/lib/cms/operations/${file}`), 'utf8');
const SITEMAP = operations('sitemap.graphql');
const PROCEDURE_LIST = operations('procedure-list.graphql');
const FAQ = operations('faq.graphql');
const GENERATED = 130;

let cms: BootedCms;
let publishedInEnglish: number;
beforeAll(async () => {
  cms = await bootCms();
  await cms.seedDemo();
  const { editor, physician } = await cms.accounts();
  await generateScaleContent(cms.strapi, { size: { procedures: GENERATED, providers: 2, faqs: GENERATED }, accounts: { editor, physician } });
  publishedInEnglish = await cms.strapi.documents('plugin::clinic.procedure').count({ locale: 'en', status: 'published' });
}, 600_000);
afterAll(() => cms?.stop());

async function run(document: string, operationName: string, variables: Record<string, unknown>) {
  const response = await cms.http.post('/graphql').set({ 'content-type': 'application/json' }).send({ query: document, operationName, variables });
  expect(response.status).toBe(200);
  expect(response.body.errors).toBeUndefined();
  return response.body.data;
}

async function sitemapSlugs(locale: string): Promise<string[]> {
  const slugs: string[] = [];
  for (let page = 1, pageCount = 1; page <= pageCount; page += 1) {
    const connection = (await run(SITEMAP, 'SitemapProcedures', { locale, page })).clinicProcedures_connection;
    pageCount = connection.pageInfo.pageCount;
    slugs.push(...connection.nodes.map((n: { slug: string }) => n.slug));
  }
  return slugs;
}

describe('more procedures than one CMS page', () => {
  it('the CMS caps one page at 100, whatever limit is asked (why the site reads page by page)', async () => {
    const { body } = await cms.graphql('query { clinicProcedures(locale: "en", pagination: { limit: 1000 }) { documentId } }');
    expect(publishedInEnglish).toBeGreaterThan(100);
    expect(body.data.clinicProcedures).toHaveLength(100);
  });

  it.each(['en', 'es', 'fr'])('the sitemap operations list every published procedure in %s, each once', async (locale) => {
    const slugs = await sitemapSlugs(locale);
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(slugs.filter((s) => s.startsWith(SCALE_MARK))).toHaveLength(GENERATED);
    expect(slugs).toHaveLength(await cms.strapi.documents('plugin::clinic.procedure').count({ locale, status: 'published' }));
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
    const response = await cms.http.post('/graphql').set({ 'content-type': 'application/json' }).send({ query: SITEMAP, operationName: 'SitemapProcedures', variables: { locale: 'en', page: 0 } });
    expect(response.status).toBe(400);
  });
});
