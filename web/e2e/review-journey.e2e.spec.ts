import { expect, test, type Page } from '@playwright/test';
import { adminToken, editDraft, findDocument, reviewAndPublish, submit, CMS_URL } from './support/cms-admin';
import { ADMIN_URL, appendToSectionBody, openEditView, reviewStatus, save, signIn } from './support/admin-ui';

/**
 * The whole job, in the real admin and the real site: an editor changes the Spanish page,
 * a physician reviews and publishes it, patients read it. Steps run in order and share the
 * CMS; each waits for conditions, never for fixed times.
 */
test.describe.configure({ mode: 'serial' });

const PROCEDURE = 'plugin::clinic.procedure';
const FAQ = 'plugin::clinic.faq';
const ES_PAGE = '/es/procedures/vertebroplastia-y-cifoplastia';
const EN_PAGE = '/en/procedures/vertebroplasty-and-kyphoplasty';
const NEW_SENTENCE = `Nueva frase de prueba ${Date.now()}.`;
const today = new Date();
const todayEs = new Intl.DateTimeFormat('es', { dateStyle: 'long', timeZone: 'UTC' }).format(today);

let procedureId: string;

async function pageText(page: Page, path: string) {
  await page.goto(path);
  return page.locator('main').innerText();
}

test.beforeAll(async () => {
  const token = await adminToken('admin@clinic.test');
  procedureId = (await findDocument(token, PROCEDURE, 'es', { slug: 'vertebroplastia-y-cifoplastia' })).documentId;
});

test('@pg 1. the editor changes a Spanish sentence, saves and submits it; publishing is refused for missing approval', async ({ browser }) => {
  const editor = await signIn(browser, 'editor@clinic.test');
  await editor.goto(`${ADMIN_URL}/content-manager/collection-types/${PROCEDURE}?plugins[i18n][locale]=es`);
  await editor.getByRole('gridcell', { name: 'Vertebroplastia y cifoplastia' }).first().click();
  await expect(editor.getByTestId('clinic-review-panel')).toBeVisible();
  await appendToSectionBody(editor, 'Qué hacen estos procedimientos', ` ${NEW_SENTENCE}`);
  await save(editor);
  await expect(reviewStatus(editor)).toHaveText('Changed since approval');

  await editor.getByRole('button', { name: 'Submit for medical review' }).click();
  await expect(reviewStatus(editor)).toHaveText('Awaiting review');

  await editor.getByRole('button', { name: 'Publish' }).click();
  await expect(editor.getByText(/Medical approval is missing/).first()).toBeVisible();
  await editor.context().close();
});

test('@pg 2. the physician finds it in the review queue, reads the diff, approves and publishes', async ({ browser }) => {
  const physician = await signIn(browser, 'physician@clinic.test');
  await physician.goto(`${ADMIN_URL}/plugins/clinic`);
  const queue = physician.getByTestId('clinic-review-queue');
  const row = queue.getByRole('row').filter({ hasText: 'Vertebroplastia y cifoplastia' }).filter({ hasText: 'es' });
  await row.getByRole('link').click();
  await expect(reviewStatus(physician)).toHaveText('Awaiting review');
  await expect(physician.getByTestId('clinic-review-diff')).toContainText(NEW_SENTENCE);
  await physician.getByRole('button', { name: 'Approve this revision' }).click();
  await expect(reviewStatus(physician)).toHaveText('Approved');
  // Exact: the review panel's "Unpublish, with this reason" also has "publish" in its name.
  await physician.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(physician.getByText(/Published document/).first()).toBeVisible();
  await physician.context().close();
});

test('@pg 3. the Spanish page shows the new sentence and review date within seconds; the English page is unchanged', async ({ page }) => {
  await expect(async () => {
    const text = await pageText(page, ES_PAGE);
    expect(text).toContain(NEW_SENTENCE);
    expect(text).toContain(`Revisado médicamente por Thomas Stauss, MD · ${todayEs}`);
  }).toPass({ timeout: 20_000 });
  const english = await pageText(page, EN_PAGE);
  expect(english).not.toContain(NEW_SENTENCE);
  expect(english).toContain('Medically reviewed by Thomas Stauss, MD · April 25, 2026');
});

test('4. an approved English edit flags the Spanish translation in the admin; the reviews-due page lists what is due', async ({ browser }) => {
  const token = await adminToken('editor@clinic.test');
  await editDraft(token, PROCEDURE, procedureId, 'en', (doc) => ({ ...doc, summary: `${doc.summary} One more English sentence.` }));
  await reviewAndPublish(PROCEDURE, procedureId, 'en');

  const physician = await signIn(browser, 'physician@clinic.test');
  await openEditView(physician, PROCEDURE, procedureId, 'es');
  await expect(physician.getByTestId('clinic-review-drift')).toContainText('Translation may be out of date');
  await physician.goto(`${ADMIN_URL}/plugins/clinic`);
  const due = physician.getByTestId('clinic-reviews-due');
  await expect(due.getByRole('row').filter({ hasText: 'Inyección epidural de esteroides' })).toContainText('Overdue');
  await physician.context().close();
});

test('5. a rejected revision: the physician rejects with a comment, the editor sees it, nothing reaches the site', async ({ browser, page }) => {
  const editorToken = await adminToken('editor@clinic.test');
  const faq = await findDocument(editorToken, FAQ, 'es', { question: '¿Cuánto tiempo dura la recuperación?' });
  const rejected = `Texto rechazado ${Date.now()}.`;
  await editDraft(editorToken, FAQ, faq.documentId, 'es', (doc) => ({ ...doc, answer: `${doc.answer} ${rejected}` }));
  await submit(editorToken, FAQ, faq.documentId, 'es');

  const physician = await signIn(browser, 'physician@clinic.test');
  await openEditView(physician, FAQ, faq.documentId, 'es');
  await physician.getByLabel('Comment').fill('Falta citar la fuente de los plazos.');
  await physician.getByRole('button', { name: 'Reject' }).click();
  await expect(reviewStatus(physician)).toHaveText('Rejected');
  await physician.context().close();

  const editor = await signIn(browser, 'editor@clinic.test');
  await openEditView(editor, FAQ, faq.documentId, 'es');
  await expect(editor.getByTestId('clinic-review-rejection-comment')).toHaveText('“Falta citar la fuente de los plazos.”');
  await editor.context().close();

  expect(await pageText(page, '/es/faq')).not.toContain(rejected);
});

test('6. the physician opens a draft in preview from the admin; an anonymous visitor at the same URL does not see it', async ({ browser }) => {
  const token = await adminToken('editor@clinic.test');
  const draft = `Borrador visible solo en vista previa ${Date.now()}.`;
  await editDraft(token, PROCEDURE, procedureId, 'es', (doc) => ({ ...doc, summary: `${doc.summary} ${draft}` }));

  const physician = await signIn(browser, 'physician@clinic.test');
  await openEditView(physician, PROCEDURE, procedureId, 'es');
  await physician.getByRole('link', { name: 'Open preview' }).click();
  const frame = physician.frameLocator('iframe').first();
  await expect(frame.getByText(draft)).toBeVisible();
  await physician.context().close();

  const anonymous = await browser.newContext();
  const visitor = await anonymous.newPage();
  await visitor.goto(ES_PAGE);
  await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Vertebroplastia y cifoplastia');
  await expect(visitor.getByText(draft)).toHaveCount(0);
  await anonymous.close();
});

test('the review queue works in Spanish and with the keyboard', async ({ browser }) => {
  const token = await adminToken('physician@clinic.test');
  await fetch(`${CMS_URL}/admin/users/me`, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ preferedLanguage: 'es' }) });
  const editorToken = await adminToken('editor@clinic.test');
  const faq = await findDocument(editorToken, FAQ, 'es', { question: '¿La cifoplastia tiene otro nombre?' });
  await editDraft(editorToken, FAQ, faq.documentId, 'es', (doc) => ({ ...doc, answer: `${doc.answer} Sí.` }));
  await submit(editorToken, FAQ, faq.documentId, 'es');

  const physician = await signIn(browser, 'physician@clinic.test');
  await physician.goto(`${ADMIN_URL}/plugins/clinic`);
  await expect(physician.getByRole('heading', { name: 'Cola de revisión' })).toBeVisible();
  const link = physician.getByTestId('clinic-review-queue').getByRole('link', { name: '¿La cifoplastia tiene otro nombre?' });
  await link.focus();
  await physician.keyboard.press('Enter');
  await expect(physician.getByTestId('clinic-review-status')).toHaveText('Pendiente de revisión');
  await physician.getByRole('button', { name: 'Aprobar esta revisión' }).focus();
  await physician.keyboard.press('Enter');
  await expect(physician.getByTestId('clinic-review-status')).toHaveText('Aprobado');
  await physician.context().close();
  await fetch(`${CMS_URL}/admin/users/me`, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ preferedLanguage: 'en' }) });
});

test('reviews come due: the dates in both languages, the clinic’s overdue notice, and a physician re-confirms from the Medical review page', async ({ browser, page }) => {
  const OVERDUE_ES = '/es/procedures/inyeccion-epidural-de-esteroides';
  const format = (locale: string, isoDate: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));
  const jsonLd = async () => (await page.locator('script[type="application/ld+json"]').allTextContents()).map((text) => JSON.parse(text));

  // Last reviewed and next review due, from the approval, in every locale; lastReviewed in the JSON-LD.
  await page.goto('/en/providers/thomas-stauss');
  await expect(page.getByTestId('review-dates')).toHaveText('Last reviewed: March 2, 2026 · Next review due: March 2, 2027');
  await page.goto('/es/providers/thomas-stauss');
  await expect(page.getByTestId('review-dates')).toHaveText('Última revisión: 2 de marzo de 2026 · Próxima revisión: 2 de marzo de 2027');
  await page.goto(OVERDUE_ES);
  await expect(page.getByTestId('review-dates')).toHaveText('Última revisión: 3 de noviembre de 2025 · Próxima revisión: 3 de noviembre de 2026');
  expect(await jsonLd()).toEqual(expect.arrayContaining([expect.objectContaining({ '@type': 'MedicalWebPage', lastReviewed: '2025-11-03' })]));
  // Overdue, and live; the clinic has not asked to tell patients yet.
  await expect(page.getByTestId('review-overdue-notice')).toHaveCount(0);

  // A super admin turns the notice on (the field is the same in every language; each goes live with its publish).
  const single = `${CMS_URL}/content-manager/single-types/plugin::clinic.clinic`;
  const headers = { authorization: `Bearer ${await adminToken('admin@clinic.test')}`, 'content-type': 'application/json' };
  const setNotice = async (on: boolean) => {
    // `status` is what the admin shows (draft, modified, published), not something a save sends.
    const { status: _status, ...clinic } = (await (await fetch(`${single}?locale=en`, { headers })).json()).data;
    const put = await fetch(`${single}?locale=en`, { method: 'PUT', headers, body: JSON.stringify({ ...clinic, showOverdueReviewNotice: on }) });
    expect(put.status).toBe(200);
    for (const locale of ['en', 'es']) expect((await fetch(`${single}/actions/publish?locale=${locale}`, { method: 'POST', headers, body: '{}' })).status).toBe(200);
  };
  await setNotice(true);
  await expect(async () => {
    await page.goto(OVERDUE_ES);
    await expect(page.getByTestId('review-overdue-notice')).toHaveText(/La revisión médica programada de esta página \(prevista para el 3 de noviembre de 2026\) aún no se ha hecho/, { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await page.goto('/en/providers/thomas-stauss');
  await expect(page.getByTestId('review-overdue-notice')).toHaveCount(0);

  // The physician re-confirms the unchanged Spanish text from the list, in one action.
  const physician = await signIn(browser, 'physician@clinic.test');
  await physician.goto(`${ADMIN_URL}/plugins/clinic`);
  const row = physician.getByTestId('clinic-reviews-due').getByRole('row').filter({ hasText: 'Inyección epidural de esteroides' });
  await expect(row).toContainText('Overdue');
  await row.getByRole('button', { name: 'Re-confirm' }).click();
  await expect(physician.getByText('Re-confirmed. The review dates moved.').first()).toBeVisible();
  await expect(physician.getByTestId('clinic-reviews-due').getByRole('row').filter({ hasText: 'Inyección epidural de esteroides' })).toHaveCount(0);
  await physician.context().close();

  const today = new Date().toISOString().slice(0, 10);
  await expect(async () => {
    await page.goto(OVERDUE_ES);
    await expect(page.getByTestId('review-dates')).toContainText(`Última revisión: ${format('es', today)}`, { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expect(page.getByTestId('review-overdue-notice')).toHaveCount(0);
  expect(await jsonLd()).toEqual(expect.arrayContaining([expect.objectContaining({ '@type': 'MedicalWebPage', lastReviewed: today })]));
  await setNotice(false);
});
