import { expect, test, type APIRequestContext } from '@playwright/test';
import { adminToken, cmsAdmin, editDraft, findDocument, reviewAndPublish } from './support/cms-admin';

/**
 * A change published in the CMS reaches pages the site already has in its cache, within
 * seconds and in every locale: the clinic's phone (on every page), the rebrand notice, an
 * unpublished procedure and a deleted provider (their pages answer 404).
 */
const CLINIC = 'plugin::clinic.clinic';
const NOTICE = 'plugin::clinic.rebrand-notice';
const PROCEDURE = 'plugin::clinic.procedure';
const PROVIDER = 'plugin::clinic.provider';

/**
 * Requests the page until it is cached, so what follows proves a refresh, not a first render:
 * until the site's server answers it from its page memory (src/lib/edge/cached-page-memory.cjs;
 * the test runner starts the site with SITE_PAGE_MEMORY_TRACE=1, which marks those answers),
 * which the change must reach too.
 */
async function cached(request: APIRequestContext, path: string) {
  await expect.poll(async () => (await request.get(path)).headers()['x-clinic-page-memory'], { message: `${path} is answered from the page memory` }).toBe('hit');
}

/**
 * Polls the page (every 100 ms) until `check` holds, failing when that takes longer than
 * `withinMs` after `since` (when the CMS answered the change).
 */
async function refreshed(request: APIRequestContext, path: string, since: number, withinMs: number, check: (res: { status: number; html: string }) => boolean) {
  await expect
    .poll(
      async () => {
        const res = await request.get(path, { maxRedirects: 0 });
        return check({ status: res.status(), html: await res.text() });
      },
      { timeout: Math.max(100, since + withinMs - Date.now()), intervals: [100], message: `${path} changed within ${withinMs} ms` },
    )
    .toBe(true);
  test.info().annotations.push({ type: 'refreshed', description: `${path} after ${Date.now() - since} ms` });
}

test('the clinic’s new phone number shows on cached pages in every locale within seconds', async ({ page, request }) => {
  const paths = ['/en/procedures/vertebroplasty-and-kyphoplasty', '/es/faq', '/en/providers/thomas-stauss'];
  for (const path of paths) await cached(request, path);
  const editor = 'editor@clinic.test';
  const single = `/content-manager/single-types/${CLINIC}`;
  const clinic = (await cmsAdmin(editor, 'GET', `${single}?locale=en`)).data;
  const newPhone = '+1 262-555-0177';

  // The phone is one for every language: Strapi copies it into each locale's draft, and each
  // locale goes live with its own publish, as the editor does in the Content Manager.
  await cmsAdmin(editor, 'PUT', `${single}?locale=en`, { ...clinic, phone: newPhone });
  for (const locale of ['en', 'es']) await cmsAdmin(editor, 'POST', `${single}/actions/publish?locale=${locale}`, {});
  const changed = Date.now();
  for (const path of paths) await refreshed(request, path, changed, 2000, ({ html }) => html.includes(newPhone));
  await page.goto('/es/procedures/vertebroplastia-y-cifoplastia');
  await expect(page.locator('header a.phone-link')).toHaveAttribute('href', 'tel:+12625550177');

  // Back to the demo number for the journeys after this one.
  await cmsAdmin(editor, 'PUT', `${single}?locale=en`, { ...clinic, phone: clinic.phone });
  for (const locale of ['en', 'es']) await cmsAdmin(editor, 'POST', `${single}/actions/publish?locale=${locale}`, {});
  await refreshed(request, paths[0]!, Date.now(), 2000, ({ html }) => html.includes(clinic.phone) && !html.includes(newPhone));
});

test('a changed rebrand notice shows on cached pages within seconds', async ({ page, request }) => {
  const editor = 'editor@clinic.test';
  const notice = await findDocument(await adminToken(editor), NOTICE, 'en', { previousName: 'Harbor Pain Associates' });
  const path = `/content-manager/collection-types/${NOTICE}/${notice.documentId}`;
  const current = (await cmsAdmin(editor, 'GET', `${path}?locale=en`)).data;
  const sentence = `Our new entrance is on Lake Street (${Date.now()}).`;
  await cached(request, '/en');
  await cached(request, '/en/procedures');

  await cmsAdmin(editor, 'PUT', `${path}?locale=en`, { ...current, message: `${current.message} ${sentence}` });
  await cmsAdmin(editor, 'POST', `${path}/actions/publish?locale=en`, {});
  const changed = Date.now();
  await refreshed(request, '/en', changed, 2000, ({ html }) => html.includes(sentence));
  await refreshed(request, '/en/procedures', changed, 2000, ({ html }) => html.includes(sentence));
  await page.goto('/en/procedures');
  await expect(page.getByRole('complementary', { name: 'Clinic news' })).toContainText(sentence);

  await cmsAdmin(editor, 'PUT', `${path}?locale=en`, current);
  await cmsAdmin(editor, 'POST', `${path}/actions/publish?locale=en`, {});
});

test('an unpublished procedure’s cached pages answer 404 within a second, in every locale', async ({ page, request }) => {
  const paths = ['/en/procedures/epidural-steroid-injection', '/es/procedures/inyeccion-epidural-de-esteroides'];
  for (const path of paths) await cached(request, path);
  await cached(request, '/en/procedures');
  const admin = 'admin@clinic.test';
  const procedure = await findDocument(await adminToken(admin), PROCEDURE, 'en', { slug: 'epidural-steroid-injection' });

  // The Content Manager unpublishes one locale per call, as its button does.
  for (const locale of ['en', 'es']) await cmsAdmin(admin, 'POST', `/content-manager/collection-types/${PROCEDURE}/${procedure.documentId}/actions/unpublish?locale=${locale}`, {});
  const changed = Date.now();
  for (const path of paths) await refreshed(request, path, changed, 1000, ({ status }) => status === 404);
  await refreshed(request, '/en/procedures', changed, 1000, ({ html }) => !html.includes('Epidural Steroid Injection'));
  const response = await page.goto(paths[0]!);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});

test('a deleted provider’s cached pages answer 404 within a second, and procedure pages stop naming them', async ({ page, request }) => {
  const paths = ['/en/providers/daniel-okafor', '/es/providers/daniel-okafor'];
  const procedurePage = '/en/procedures/radiofrequency-ablation';
  for (const path of [...paths, procedurePage]) await cached(request, path);
  await page.goto(procedurePage);
  await expect(page.getByRole('region', { name: 'Physicians who perform it' }).getByRole('link', { name: /Daniel Okafor/ })).toBeVisible();
  const admin = 'admin@clinic.test';
  const provider = await findDocument(await adminToken(admin), PROVIDER, 'en', { slug: 'daniel-okafor' });

  await cmsAdmin(admin, 'DELETE', `/content-manager/collection-types/${PROVIDER}/${provider.documentId}?locale=*`);
  const changed = Date.now();
  for (const path of paths) await refreshed(request, path, changed, 1000, ({ status }) => status === 404);
  await refreshed(request, procedurePage, changed, 1000, ({ html }) => !html.includes('Daniel Okafor'));
  expect((await page.goto(paths[1]!))?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Página no encontrada' })).toBeVisible();
});

test('a change published while visitors are loading the pages reaches every page, and stays', async ({ request }) => {
  test.setTimeout(120_000);
  // An outside attacker saw a list page keep the old title for minutes: a render begun before the
  // publication was stored after its revalidation, and looked newer than it.
  const pages = ['/es', '/es/procedures', '/es/faq', '/es/procedures/vertebroplastia-y-cifoplastia'];
  for (const path of pages) await cached(request, path);
  const token = await adminToken('editor@clinic.test');
  const procedure = await findDocument(token, PROCEDURE, 'es', { slug: 'vertebroplastia-y-cifoplastia' });
  const original = procedure.title as string;
  let visiting = true;
  const visitors = Array.from({ length: 6 }, async (_, i) => {
    while (visiting) await request.get(pages[i % pages.length]!).catch(() => undefined);
  });
  try {
    for (let round = 1; round <= 3; round += 1) {
      const title = `${original} (${Date.now()}-${round})`;
      await editDraft(token, PROCEDURE, procedure.documentId, 'es', (doc) => ({ ...doc, title }));
      await reviewAndPublish(PROCEDURE, procedure.documentId, 'es');
      const published = Date.now();
      for (const path of pages) await refreshed(request, path, published, 5000, ({ html }) => html.includes(title));
      // And none goes back to the old title while the visitors keep loading it.
      await new Promise((r) => setTimeout(r, 1500));
      for (const path of pages) expect([path, (await (await request.get(path)).text()).includes(title)]).toEqual([path, true]);
    }
  } finally {
    visiting = false;
    await Promise.all(visitors);
    await editDraft(token, PROCEDURE, procedure.documentId, 'es', (doc) => ({ ...doc, title: original }));
    await reviewAndPublish(PROCEDURE, procedure.documentId, 'es');
  }
});
