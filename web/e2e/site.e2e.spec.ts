import { randomUUID } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { signPreviewLink, signPreviewSession, signWebhook } from 'clinic-domain';
import { adminToken, createDraft, editDraft, findDocument, reviewAndPublish } from './support/cms-admin';

/** A patient's journeys through the site, in English and Spanish, against the demo clinic. */

const EN_PAGE = '/en/procedures/vertebroplasty-and-kyphoplasty';
const ES_PAGE = '/es/procedures/vertebroplastia-y-cifoplastia';
const SITE_URL = process.env.SITE_URL ?? 'http://127.0.0.1:3100';

async function jsonLd(page: Page) {
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
  return blocks.map((b) => JSON.parse(b));
}

test('reads the procedure in English: sections, numbered steps, FAQs, providers, phone and the review byline', async ({ page }) => {
  const response = await page.goto(EN_PAGE);
  expect(response?.status()).toBe(200);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vertebroplasty and Kyphoplasty');
  await expect(page.getByText('Balloon vertebroplasty · Vertebral augmentation')).toBeVisible();
  await expect(page.getByTestId('byline')).toHaveText('Medically reviewed by Thomas Stauss, MD · April 25, 2026');
  const headings = await page.getByRole('heading', { level: 2 }).allTextContents();
  expect(headings.slice(0, 8)).toEqual([
    'What these procedures do',
    'Who may benefit',
    'Getting ready',
    'How vertebroplasty is done',
    'How kyphoplasty is done',
    'Right after the procedure',
    'Risks',
    'Recovery',
  ]);
  await expect(page.locator('ol.steps').nth(0).locator('li')).toHaveCount(4);
  await expect(page.locator('ol.steps').nth(1).locator('li')).toHaveCount(5);
  await expect(page.locator('a[href^="tel:+12625550142"]').first()).toBeVisible();
  await expect(page.locator('details.faq')).toHaveCount(3);
});

test('switches to Spanish and back through the language switcher, with localized slugs', async ({ page }) => {
  await page.goto(EN_PAGE);
  await page.getByRole('navigation', { name: 'Languages' }).getByRole('link', { name: 'Español' }).click();
  await expect(page).toHaveURL(new RegExp(`${ES_PAGE}$`));
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vertebroplastia y cifoplastia');
  await expect(page.getByTestId('byline')).toHaveText('Revisado médicamente por Thomas Stauss, MD · 25 de abril de 2026');
  await page.getByRole('navigation', { name: 'Idiomas' }).getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL(new RegExp(`${EN_PAGE}$`));
});

test('opens an FAQ with the keyboard, and it works without JavaScript too', async ({ page, browser }) => {
  await page.goto(EN_PAGE);
  const faq = page.locator('details.faq').first();
  await faq.locator('summary').focus();
  await page.keyboard.press('Enter');
  await expect(faq).toHaveAttribute('open', '');
  await expect(faq.getByText(/minimally invasive/)).toBeVisible();

  const noJs = await browser.newContext({ javaScriptEnabled: false });
  const plain = await noJs.newPage();
  await plain.goto(EN_PAGE);
  await plain.locator('details.faq summary').first().click();
  await expect(plain.locator('details.faq').first().getByText(/minimally invasive/)).toBeVisible();
  await noJs.close();
});

test('dismisses the rebrand banner, which stays dismissed and never covers the content', async ({ page }) => {
  await page.goto('/en');
  const banner = page.getByRole('complementary', { name: 'Clinic news' });
  await expect(banner).toContainText('Harbor Pain Associates has a new name');
  // In the page flow, above the header: it pushes content down rather than covering it.
  expect(await banner.evaluate((el) => getComputedStyle(el).position)).toBe('static');
  // The button works once the page has hydrated; retry the click until the banner goes.
  await expect(async () => {
    await banner.getByRole('button', { name: 'Dismiss this notice' }).click({ timeout: 1000 });
    await expect(banner).toBeHidden({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await page.goto(EN_PAGE);
  await expect(page.getByRole('complementary', { name: 'Clinic news' })).toBeHidden();
});

test('follows a provider link to the bio', async ({ page }) => {
  await page.goto(EN_PAGE);
  await page.getByRole('region', { name: 'Physicians who perform it' }).getByRole('link', { name: 'Thomas Stauss, MD' }).click();
  await expect(page).toHaveURL(/\/en\/providers\/thomas-stauss$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thomas Stauss, MD');
  await expect(page.getByText('Pain Management').first()).toBeVisible();
  const ld = await jsonLd(page);
  expect(ld[0]).toMatchObject({ '@type': 'MedicalWebPage', about: { '@type': 'IndividualPhysician', name: 'Thomas Stauss, MD' } });
});

test('answers unknown pages with a real 404 in the visitor’s language', async ({ page, browser }) => {
  const missing = await page.goto('/en/procedures/no-such-procedure');
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  const spanish = await page.goto('/es/esta-pagina-no-existe');
  expect(spanish?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Página no encontrada' })).toBeVisible();
  const visitor = await browser.newContext({ locale: 'es-MX' });
  const visitorPage = await visitor.newPage();
  const unknownLocale = await visitorPage.goto('/xx/procedures');
  expect(unknownLocale?.status()).toBe(404);
  await expect(visitorPage.getByRole('heading', { name: 'Página no encontrada' })).toBeVisible();
  await visitor.close();
});

test('sends "/" to the visitor’s language: cookie, then Accept-Language, then the default', async ({ browser }) => {
  const spanish = await browser.newContext({ locale: 'es-ES' });
  const page = await spanish.newPage();
  await page.goto('/');
  await expect(page).toHaveURL(/\/es$/);
  await page.goto('/en');
  // The choice is remembered in a cookie (set by the proxy): wait for it, not for a time.
  await expect.poll(async () => (await spanish.cookies()).find((c) => c.name === 'NEXT_LOCALE')?.value).toBe('en');
  await page.goto('/');
  await expect(page).toHaveURL(/\/en$/);
  await spanish.close();
  const other = await browser.newContext({ locale: 'de-DE' });
  const p2 = await other.newPage();
  await p2.goto('/');
  await expect(p2).toHaveURL(/\/en$/);
  await other.close();
});

test('hreflang links are reciprocal and absolute with x-default, the canonical is set and html lang matches', async ({ page }) => {
  const alternatesOf = async (path: string) => {
    await page.goto(path);
    const links = await page.locator('head link[rel="alternate"][hreflang]').evaluateAll((els) => els.map((e) => [e.getAttribute('hreflang'), e.getAttribute('href')]));
    return Object.fromEntries(links);
  };
  const expected = { en: `${SITE_URL}${EN_PAGE}`, es: `${SITE_URL}${ES_PAGE}`, 'x-default': `${SITE_URL}${EN_PAGE}` };
  expect(await alternatesOf(EN_PAGE)).toEqual(expected);
  await expect(page.locator('head link[rel="canonical"]')).toHaveAttribute('href', `${SITE_URL}${EN_PAGE}`);
  expect(await alternatesOf(ES_PAGE)).toEqual(expected);
  await expect(page.locator('head link[rel="canonical"]')).toHaveAttribute('href', `${SITE_URL}${ES_PAGE}`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
});

test('publishes JSON-LD: MedicalWebPage reviewed by the approving physician, with the procedure and the clinic', async ({ page }) => {
  await page.goto(ES_PAGE);
  const [webPage, organization] = await jsonLd(page);
  expect(webPage).toMatchObject({
    '@type': 'MedicalWebPage',
    inLanguage: 'es',
    lastReviewed: '2026-04-25',
    reviewedBy: { '@type': 'IndividualPhysician', name: 'Thomas Stauss, MD' },
    medicalAudience: { '@type': 'Patient' },
    mainEntity: { '@type': 'MedicalProcedure', procedureType: 'https://schema.org/PercutaneousProcedure', bodyLocation: 'Spine' },
  });
  expect(webPage.mainEntity.howPerformed).toContain('1. Se le duerme');
  expect(organization).toMatchObject({ '@type': 'MedicalOrganization', name: 'Lakeshore Spine & Pain', alternateName: 'Harbor Pain Associates' });
  await page.goto('/es/faq');
  const [faqPage] = await jsonLd(page);
  expect(faqPage['@type']).toBe('FAQPage');
  expect(faqPage.mainEntity.length).toBeGreaterThanOrEqual(3);
});

test('lists every page in the sitemap with its hreflang alternates, and serves robots.txt', async ({ request }) => {
  const sitemap = await (await request.get('/sitemap.xml')).text();
  expect(sitemap).toContain(`<loc>${SITE_URL}${ES_PAGE}</loc>`);
  expect(sitemap).toContain(`hreflang="en" href="${SITE_URL}${EN_PAGE}"`);
  expect(sitemap).toContain(`<loc>${SITE_URL}/es/providers/thomas-stauss</loc>`);
  const robots = await (await request.get('/robots.txt')).text();
  expect(robots).toContain(`Sitemap: ${SITE_URL}/sitemap.xml`);
});

const TEMPLATES = [
  ['home', (l: string) => `/${l}`],
  ['procedures', (l: string) => `/${l}/procedures`],
  ['procedure', (l: string) => (l === 'en' ? EN_PAGE : ES_PAGE)],
  ['provider', (l: string) => `/${l}/providers/thomas-stauss`],
  ['faq', (l: string) => `/${l}/faq`],
  ['language assistance', (l: string) => `/${l}/language-assistance`],
  ['404', (l: string) => `/${l}/missing-page`],
] as const;

for (const locale of ['en', 'es']) {
  for (const [name, path] of TEMPLATES) {
    test(`axe finds no WCAG 2.2 AA violation on the ${name} page (${locale})`, async ({ page }) => {
      await page.goto(path(locale));
      await page.locator('main').waitFor();
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
    });
  }
}

test('keyboard: the skip link is the first stop and moves focus to the content; focus is visible', async ({ page }) => {
  await page.goto(EN_PAGE);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  expect(await skip.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});

test('touch targets are at least 24×24 px', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(EN_PAGE);
  const small = await page.locator('main a, header a, button, summary').evaluateAll((els) =>
    els
      .filter((e) => (e as HTMLElement).offsetParent !== null)
      .map((e) => ({ text: e.textContent?.trim().slice(0, 40), box: e.getBoundingClientRect() }))
      // Inline links inside a sentence are exempt (WCAG 2.5.8); standalone controls are not.
      .filter(({ box }) => box.height < 24 && box.width < 24),
  );
  expect(small).toEqual([]);
});

test('shows the default-language page with a notice (and noindex) when a translation is not published', async ({ page }) => {
  const editor = await adminToken('editor@clinic.test');
  const created = await createDraft(editor, 'plugin::clinic.procedure', 'en', { title: 'Facet Joint Injection', slug: 'facet-joint-injection', summary: 'An injection into a small spine joint.' });
  await reviewAndPublish('plugin::clinic.procedure', created.documentId, 'en');
  const response = await page.goto('/es/procedures/facet-joint-injection');
  expect(response?.status()).toBe(200);
  await expect(page.getByTestId('fallback-notice')).toHaveText('Esta página todavía no está disponible en español. Está leyendo la versión en inglés.');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Facet Joint Injection');
  await expect(page.locator('head meta[name="robots"]')).toHaveAttribute('content', /noindex/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
});

test('the CMS webhook refreshes the page after a publication, in every locale; a forged or stale call is refused, a replayed one refreshes nothing', async ({ page, request }) => {
  await page.goto('/en/faq');
  const editor = await adminToken('editor@clinic.test');
  const faq = await findDocument(editor, 'plugin::clinic.faq', 'en', { question: 'How long does recovery take?' });
  const sentence = `Updated ${Date.now()}.`;
  await editDraft(editor, 'plugin::clinic.faq', faq.documentId, 'en', (doc) => ({ ...doc, answer: `${doc.answer} ${sentence}` }));
  await reviewAndPublish('plugin::clinic.faq', faq.documentId, 'en');
  await expect(async () => {
    await page.goto('/en/faq');
    await expect(page.getByText(sentence)).toBeAttached({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });

  const body = JSON.stringify({ event: 'publish', contentType: 'plugin::clinic.faq', documentId: faq.documentId, locale: 'en', deliveryId: randomUUID() });
  const now = Math.floor(Date.now() / 1000);
  const forged = await request.post('/api/revalidate', { data: body, headers: { 'content-type': 'application/json', 'x-clinic-timestamp': String(now), 'x-clinic-signature': signWebhook('wrong-secret', now, body) } });
  expect(forged.status()).toBe(401);
  const stale = await request.post('/api/revalidate', { data: body, headers: { 'content-type': 'application/json', 'x-clinic-timestamp': String(now - 3600), 'x-clinic-signature': signWebhook(process.env.CLINIC_WEBHOOK_SECRET!, now - 3600, body) } });
  expect(stale.status()).toBe(401);
  const genuine = { 'content-type': 'application/json', 'x-clinic-timestamp': String(now), 'x-clinic-signature': signWebhook(process.env.CLINIC_WEBHOOK_SECRET!, now, body) };
  expect((await request.post('/api/revalidate', { data: body, headers: genuine })).status()).toBe(200);
  // The same delivery again (a replay, or the CMS re-sending it): recognized, nothing refreshed.
  const replayed = await request.post('/api/revalidate', { data: body, headers: genuine });
  expect(replayed.status()).toBe(200);
  expect(await replayed.json()).toEqual({ revalidated: [], alreadyReceived: true });
  const withoutId = JSON.stringify({ event: 'publish', contentType: 'plugin::clinic.faq', documentId: faq.documentId });
  const unnamed = await request.post('/api/revalidate', { data: withoutId, headers: { ...genuine, 'x-clinic-signature': signWebhook(process.env.CLINIC_WEBHOOK_SECRET!, now, withoutId) } });
  expect(unnamed.status()).toBe(400);
});

test('draft preview: a signed preview link shows unpublished text, never cached nor indexed; anonymous visitors see the published page', async ({ browser }) => {
  const editor = await adminToken('editor@clinic.test');
  const procedure = await findDocument(editor, 'plugin::clinic.procedure', 'es', { slug: 'ablacion-por-radiofrecuencia' });
  const draftSentence = `Borrador ${Date.now()}.`;
  await editDraft(editor, 'plugin::clinic.procedure', procedure.documentId, 'es', (doc) => ({ ...doc, summary: `${doc.summary} ${draftSentence}` }));
  const path = '/es/procedures/ablacion-por-radiofrecuencia';

  const previewer = await browser.newContext();
  const preview = await previewer.newPage();
  const secret = process.env.PREVIEW_SECRET!;
  const link = (l: { path: string; expires: number; signature: string }) => `/api/preview?${new URLSearchParams({ path: l.path, expires: String(l.expires), signature: l.signature })}`;
  const now = Date.now() / 1000;
  const signed = signPreviewLink({ secret, path, nowSeconds: now });
  // The secret itself is no credential in a URL; a link signed otherwise, for another page, or expired opens nothing.
  expect((await preview.goto(`/api/preview?secret=${secret}&path=${encodeURIComponent(path)}`))?.status()).toBe(400);
  expect((await preview.goto(link(signPreviewLink({ secret: 'wrong-secret-guessed-here', path, nowSeconds: now }))))?.status()).toBe(401);
  expect((await preview.goto(link({ ...signed, path: '/es/procedures/vertebroplastia-y-cifoplastia' })))?.status()).toBe(401);
  expect((await preview.goto(link(signPreviewLink({ secret, path, nowSeconds: now - 3600 }))))?.status()).toBe(401);
  await preview.goto(link(signed));
  await expect(preview).toHaveURL(new RegExp(`${path}$`));
  await expect(preview.getByText(draftSentence)).toBeVisible();
  const response = await preview.reload();
  expect(response?.headers()['cache-control']).toMatch(/no-store/);
  expect(response?.headers()['x-robots-tag']).toMatch(/noindex/);
  // Next's draft-mode cookie is one value per build and never expires: carried alone (forwarded,
  // copied, or kept past the session) it opens no draft, here or on any other page.
  const cookies = await previewer.cookies();
  const draftModeCookie = cookies.find((c) => c.name === '__prerender_bypass')!;
  const session = cookies.find((c) => c.name === 'clinic-preview-session')!;
  expect(draftModeCookie).toBeDefined();
  expect(session.expires).toBeGreaterThan(now);
  expect(session.expires).toBeLessThanOrEqual(now + 31 * 60);
  const ended = signPreviewSession({ secret, nowSeconds: now - 31 * 60, page: path });
  for (const extra of [[], [{ ...session, value: 'forged' }], [{ ...session, value: ended }]]) {
    const thief = await browser.newContext();
    await thief.addCookies([draftModeCookie, ...extra]);
    const page = await thief.newPage();
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ablación por radiofrecuencia');
    await expect(page.getByText(draftSentence)).toHaveCount(0);
    await thief.close();
  }
  await previewer.close();

  // A session opens drafts on the page its link was signed for only: one opened for the FAQ page
  // shows this page as patients see it, even when the visitor names the FAQ page in the header
  // through which the proxy tells a page which page it is.
  const elsewhere = await browser.newContext();
  const roaming = await elsewhere.newPage();
  await roaming.goto(link(signPreviewLink({ secret, path: '/es/faq', nowSeconds: now })));
  await expect(roaming).toHaveURL(/\/es\/faq$/);
  const spoofs: Array<Record<string, string>> = [{}, { 'x-clinic-preview-page': '/es/faq' }, { 'x-clinic-preview-page': path }];
  for (const spoof of spoofs) {
    await elsewhere.setExtraHTTPHeaders(spoof);
    await roaming.goto(path);
    await expect(roaming.getByRole('heading', { level: 1 })).toHaveText('Ablación por radiofrecuencia');
    await expect(roaming.getByText(draftSentence)).toHaveCount(0);
  }
  // Nor where the proxy does not route (a path with a dot renders the 404 inside the site's
  // layout, the sitemap): the page there is named by the proxy too, so a spoofed name opens nothing.
  await elsewhere.setExtraHTTPHeaders({ 'x-clinic-preview-page': '/es/faq' });
  await roaming.goto('/es/faq/x.y');
  await expect(roaming.locator('body')).not.toContainText(/Vista previa|Preview:/);
  const sitemap = await (await roaming.request.get('/sitemap.xml', { headers: { 'x-clinic-preview-page': '/es/faq' } })).text();
  expect(sitemap).toContain('<urlset');
  await elsewhere.close();

  const anonymous = await browser.newContext();
  const visitor = await anonymous.newPage();
  await visitor.goto(path);
  await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Ablación por radiofrecuencia');
  await expect(visitor.getByText(draftSentence)).toHaveCount(0);
  await anonymous.close();
});

test('draft preview of the FAQ page shows the FAQs’ drafts; visitors see the published FAQs', async ({ browser }) => {
  const editor = await adminToken('editor@clinic.test');
  const published = 'How long does recovery take?';
  const faq = await findDocument(editor, 'plugin::clinic.faq', 'en', { question: published });
  const draft = `How long is recovery? (draft ${Date.now()})`;
  await editDraft(editor, 'plugin::clinic.faq', faq.documentId, 'en', (doc) => ({ ...doc, question: draft }));
  try {
    const path = '/en/faq';
    const signed = signPreviewLink({ secret: process.env.PREVIEW_SECRET!, path, nowSeconds: Date.now() / 1000 });
    const previewer = await browser.newContext();
    const preview = await previewer.newPage();
    await preview.goto(`/api/preview?${new URLSearchParams({ path: signed.path, expires: String(signed.expires), signature: signed.signature })}`);
    await expect(preview).toHaveURL(new RegExp(`${path}$`));
    await expect(preview.locator('summary', { hasText: draft })).toBeVisible();
    await expect(preview.locator('summary', { hasText: published })).toHaveCount(0);
    await previewer.close();

    const anonymous = await browser.newContext();
    const visitor = await anonymous.newPage();
    await visitor.goto(path);
    await expect(visitor.locator('summary', { hasText: published }).first()).toBeVisible();
    await expect(visitor.getByText(draft)).toHaveCount(0);
    await anonymous.close();
  } finally {
    // Back to the published text (the edited draft reads as "modified", a status the save does not take).
    await editDraft(editor, 'plugin::clinic.faq', faq.documentId, 'en', ({ status: _status, ...doc }) => ({ ...doc, question: published }));
  }
});
