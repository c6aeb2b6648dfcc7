import { expect, test, type APIRequestContext } from '@playwright/test';
import { adminToken, editDraft, findDocument, reviewAndPublish } from './support/cms-admin';

/**
 * Several instances of the site share Next's cache through Redis (scripts/topology.mjs). The
 * CMS's webhook reaches one instance; a physician-approved change must show on every one
 * within seconds, and each instance must serve the others' cached pages without asking the CMS.
 */
const SITES = (process.env.SITE_URLS ?? '').split(',').filter(Boolean);
const PROCEDURE = 'plugin::clinic.procedure';
const PATH = '/en/procedures/vertebroplasty-and-kyphoplasty';

const get = (request: APIRequestContext, site: string, path = PATH) => request.get(`${site}${path}`, { maxRedirects: 0 });

test.beforeAll(() => {
  if (SITES.length < 2) throw new Error('SITE_URLS must name at least two site instances (run `pnpm topology --test`).');
});

test('a page one instance rendered is a cache hit on the others, with the same policy', async ({ request }) => {
  const first = await get(request, SITES[0]!, '/es/faq');
  expect(first.status()).toBe(200);
  for (const site of SITES.slice(1)) {
    const res = await get(request, site, '/es/faq');
    expect(res.headers()['x-nextjs-cache'], `${site} serves the shared entry`).toBe('HIT');
    expect(await res.text()).toBe(await first.text());
    expect(res.headers()['content-security-policy']).toBe(first.headers()['content-security-policy']);
  }
});

test('an approved and published change shows on every instance within seconds', async ({ request }) => {
  // Until each instance's server answers the page from its page memory (marked: `topology --test` sets SITE_PAGE_MEMORY_TRACE=1), which the change must reach too.
  for (const site of SITES) {
    await expect.poll(async () => (await get(request, site)).headers()['x-clinic-page-memory'], { message: `${site}${PATH} is answered from the page memory` }).toBe('hit');
  }
  const token = await adminToken('editor@clinic.test');
  const procedure = await findDocument(token, PROCEDURE, 'en', { slug: 'vertebroplasty-and-kyphoplasty' });
  const sentence = `Shared cache check ${Date.now()}.`;
  await editDraft(token, PROCEDURE, procedure.documentId, 'en', (doc) => ({ ...doc, summary: `${doc.summary} ${sentence}` }));
  await reviewAndPublish(PROCEDURE, procedure.documentId, 'en');
  const published = Date.now();

  for (const site of SITES) {
    await expect
      .poll(async () => (await (await get(request, site)).text()).includes(sentence), { timeout: Math.max(100, published + 3_000 - Date.now()), intervals: [100], message: `${site}${PATH} shows the change within 3 s` })
      .toBe(true);
    test.info().annotations.push({ type: 'fresh', description: `${site} after ${Date.now() - published} ms` });
  }
  // And the fresh page is cached again, shared: the last instance's render serves the first.
  for (const site of SITES) {
    await expect.poll(async () => (await get(request, site)).headers()['x-nextjs-cache']).toBe('HIT');
  }
});
