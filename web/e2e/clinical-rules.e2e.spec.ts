import { expect, test, type Page } from '@playwright/test';
import { adminToken, createDraft, submit, CMS_URL } from './support/cms-admin';
import { ADMIN_URL, openEditView, signIn } from './support/admin-ui';

/**
 * Issue #12 in the real admin and site: the reading level of each text in the Medical review
 * panel and in the review queue (English and Spanish admin), the clinic's overdue notice as one
 * setting for every language, and the preview of an FAQ that belongs to no procedure.
 */
test.describe.configure({ mode: 'serial' });

const FAQ = 'plugin::clinic.faq';
const stamp = Date.now().toString(36);
const DENSE_EN =
  'Percutaneous vertebral augmentation stabilizes osteoporotic compression fractures through fluoroscopically guided transpedicular instrumentation. ' +
  'Polymethylmethacrylate injection consequently diminishes nociceptive stimulation attributable to microfracture mobility. ' +
  'Postprocedural complications, including cement extravasation and adjacent vertebral fractures, necessitate meticulous radiographic surveillance.';
const PLAIN_ES =
  'Casi todos vuelven a casa el mismo día. Puede sentir dolor unos días. Llámenos si el dolor empeora o tiene fiebre. ' +
  'Descanse en casa y camine un poco cada día. No levante cosas pesadas durante una semana.';
const QUESTION_EN = `Reading level journey: what is done? ${stamp}`;
const QUESTION_ES = `¿Nivel de lectura del recorrido? ${stamp}`;
let faqId: string;

const json = { 'content-type': 'application/json' };
async function setAdminLanguage(email: string, language: 'en' | 'es') {
  const res = await fetch(`${CMS_URL}/admin/users/me`, { method: 'PUT', headers: { authorization: `Bearer ${await adminToken(email)}`, ...json }, body: JSON.stringify({ preferedLanguage: language }) });
  expect(res.status).toBe(200);
}

/** The queue row of one document in one locale (the row holds the title and the locale code). */
const queueRow = (page: Page, title: string) => page.getByTestId('clinic-review-queue').getByRole('row').filter({ hasText: title });

test.beforeAll(async () => {
  const editor = await adminToken('editor@clinic.test');
  faqId = (await createDraft(editor, FAQ, 'en', { question: QUESTION_EN, answer: DENSE_EN })).documentId;
  const spanish = await fetch(`${CMS_URL}/content-manager/collection-types/${FAQ}/${faqId}?locale=es`, { method: 'PUT', headers: { authorization: `Bearer ${editor}`, ...json }, body: JSON.stringify({ question: QUESTION_ES, answer: PLAIN_ES }) });
  expect(spanish.status).toBe(200);
  await submit(editor, FAQ, faqId, 'en');
  await submit(editor, FAQ, faqId, 'es');
});

test('the review queue shows each revision\'s reading level against the clinic target, and the panel each text\'s grade (English admin)', async ({ browser }) => {
  const physician = await signIn(browser, 'physician@clinic.test');
  await physician.goto(`${ADMIN_URL}/plugins/clinic`);
  await expect(queueRow(physician, QUESTION_EN).getByTestId('clinic-queue-reading-level')).toHaveText('1 of 1 above grade 8');
  await expect(queueRow(physician, QUESTION_ES).getByTestId('clinic-queue-reading-level')).toHaveText('Within grade 8');
  // The cell's tooltip lists each section's score.
  await expect(queueRow(physician, QUESTION_EN).getByTestId('clinic-queue-reading-level')).toHaveAttribute('title', /Grade 18/);

  await queueRow(physician, QUESTION_EN).getByRole('link').first().click();
  const panel = physician.getByTestId('clinic-reading-level');
  await expect(panel).toContainText('Reading level (target: grade 8)');
  const answer = panel.getByRole('listitem');
  await expect(answer).toHaveCount(1);
  await expect(answer).toHaveAttribute('data-above-target', 'true');
  await expect(answer).toContainText(QUESTION_EN);
  await expect(answer).toContainText('Grade 18');
  await expect(answer).toContainText('above the target');
  await expect(panel).toContainText('It never blocks approval.');
  // A hint, never a block: the text above the target can be approved.
  await expect(physician.getByRole('button', { name: 'Approve this revision' })).toBeEnabled();

  await openEditView(physician, FAQ, faqId, 'es');
  const spanish = physician.getByTestId('clinic-reading-level').getByRole('listitem');
  await expect(spanish).toHaveAttribute('data-above-target', 'false');
  await expect(spanish).toContainText(/Grade \d+(\.\d)? \(Fernández-Huerta \d+(\.\d)?\)/);
  await expect(spanish).not.toContainText('above the target');
  await physician.context().close();
});

test('the same reading levels in the Spanish admin', async ({ browser }) => {
  await setAdminLanguage('physician@clinic.test', 'es');
  try {
    const physician = await signIn(browser, 'physician@clinic.test');
    await physician.goto(`${ADMIN_URL}/plugins/clinic`);
    await expect(physician.getByTestId('clinic-review-queue').locator('thead')).toContainText('Nivel de lectura');
    await expect(queueRow(physician, QUESTION_EN).getByTestId('clinic-queue-reading-level')).toHaveText('1 de 1 por encima del grado 8');
    await expect(queueRow(physician, QUESTION_ES).getByTestId('clinic-queue-reading-level')).toHaveText('Dentro del grado 8');

    await openEditView(physician, FAQ, faqId, 'en');
    const panel = physician.getByTestId('clinic-reading-level');
    await expect(panel).toContainText('Nivel de lectura (objetivo: grado 8)');
    await expect(panel.getByRole('listitem')).toContainText('Grado 18');
    await expect(panel.getByRole('listitem')).toContainText('por encima del objetivo');
    await expect(panel).toContainText('Nunca impide aprobar.');

    await openEditView(physician, FAQ, faqId, 'es');
    await expect(physician.getByTestId('clinic-reading-level').getByRole('listitem')).toContainText(/Grado \d+(,\d)? \(Fernández-Huerta \d+(,\d)?\)/);
    await physician.context().close();
  } finally {
    await setAdminLanguage('physician@clinic.test', 'en');
  }
});

test('the overdue notice turned on in English reaches Spanish patients, and off in English leaves them', async ({ page }) => {
  const OVERDUE_ES = '/es/procedures/inyeccion-epidural-de-esteroides';
  const single = `${CMS_URL}/content-manager/single-types/plugin::clinic.clinic`;
  const headers = { authorization: `Bearer ${await adminToken('admin@clinic.test')}`, ...json };
  // Saved and published in English only: the setting is the clinic's, not one language's.
  const setInEnglish = async (on: boolean) => {
    const { status: _shown, ...clinic } = (await (await fetch(`${single}?locale=en`, { headers })).json()).data;
    expect((await fetch(`${single}?locale=en`, { method: 'PUT', headers, body: JSON.stringify({ ...clinic, showOverdueReviewNotice: on }) })).status).toBe(200);
    expect((await fetch(`${single}/actions/publish?locale=en`, { method: 'POST', headers, body: '{}' })).status).toBe(200);
  };
  await page.goto(OVERDUE_ES);
  await expect(page.getByTestId('review-dates')).toContainText('Próxima revisión: 3 de noviembre de 2026');
  await expect(page.getByTestId('review-overdue-notice')).toHaveCount(0);
  try {
    await setInEnglish(true);
    await expect(async () => {
      await page.goto(OVERDUE_ES);
      await expect(page.getByTestId('review-overdue-notice')).toHaveText(/La revisión médica programada de esta página/, { timeout: 1000 });
    }).toPass({ timeout: 20_000 });
  } finally {
    await setInEnglish(false);
  }
  await expect(async () => {
    await page.goto(OVERDUE_ES);
    await expect(page.getByTestId('review-overdue-notice')).toHaveCount(0, { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
});

test('previewing an FAQ that belongs to no procedure shows it, under General questions', async ({ browser }) => {
  const question = `Where do I park? ${stamp}`;
  const orphan = await createDraft(await adminToken('editor@clinic.test'), FAQ, 'en', { question, answer: 'In the garage on Main Street, level 2.' });
  const physician = await signIn(browser, 'physician@clinic.test');
  await openEditView(physician, FAQ, orphan.documentId, 'en');
  const link = physician.getByRole('link', { name: 'Preview this revision' });
  await expect(link).toHaveAttribute('href', /\/api\/preview\?.*revision=faq/);
  const [preview] = await Promise.all([physician.waitForEvent('popup'), link.click()]);
  await expect(preview).toHaveURL(/\/en\/faq$/);
  const general = preview.locator('section[aria-labelledby="faq-general"]');
  await expect(general.getByRole('heading', { name: 'General questions' })).toBeVisible();
  await expect(general.getByText(question)).toBeVisible();
  await expect(preview.getByTestId('preview-revision')).toHaveAttribute('data-state', 'current');
  await physician.context().close();

  // Patients do not see the draft.
  const visitor = await browser.newPage();
  await visitor.goto('/en/faq');
  await expect(visitor.getByText(question)).toHaveCount(0);
  await visitor.close();
});
