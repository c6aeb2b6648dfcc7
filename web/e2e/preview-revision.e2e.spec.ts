import { expect, test, type Page } from '@playwright/test';
import { adminToken, editDraft, findDocument, CMS_URL } from './support/cms-admin';
import { ADMIN_URL, openEditView, signIn } from './support/admin-ui';

/**
 * Preview shows exactly the draft: for each medical type, the review panel's "Preview this
 * revision" opens the site on the revision the physician is asked to approve, and the preview
 * says so, or says that the draft has changed since. The rebrand notice and the clinic's
 * language assistance taglines preview their drafts through "Open preview".
 */
const MEDICAL = [
  { name: 'procedure', uid: 'plugin::clinic.procedure', locale: 'es', find: { slug: 'ablacion-por-radiofrecuencia' }, field: 'summary', path: '/es/procedures/ablacion-por-radiofrecuencia' },
  { name: 'provider', uid: 'plugin::clinic.provider', locale: 'en', find: { slug: 'thomas-stauss' }, field: 'biography', path: '/en/providers/thomas-stauss' },
  { name: 'FAQ', uid: 'plugin::clinic.faq', locale: 'en', find: { question: 'How long does recovery take?' }, field: 'question', path: '/en/faq' },
] as const;

/** Writes the draft of a document's field and gives back a function that restores it. */
async function editField(uid: string, documentId: string, locale: string, field: string, change: (text: string) => string) {
  const token = await adminToken('editor@clinic.test');
  let original = '';
  await editDraft(token, uid, documentId, locale, ({ status: _status, ...doc }) => {
    original = doc[field];
    return { ...doc, [field]: change(doc[field]) };
  });
  return () => editDraft(token, uid, documentId, locale, ({ status: _status, ...doc }) => ({ ...doc, [field]: original }));
}

const revisionState = (page: Page) => page.getByTestId('preview-revision');

/** Letters only: a tagline refuses a run of digits (a typed phone number). */
const uniqueWord = () => Date.now().toString(36).replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!);

/**
 * Clicks the Content Manager's "Open preview" and opens the link it frames in a page of its own
 * (the site refuses to be framed: frame-ancestors 'none'), so what is checked is the CMS's link.
 */
async function openPreviewFromAdmin(admin: Page): Promise<Page> {
  await admin.getByRole('link', { name: 'Open preview' }).click();
  const src = await admin.locator('iframe').first().getAttribute('src');
  expect(src).toMatch(/\/api\/preview\?.*revision=/);
  const preview = await admin.context().newPage();
  await preview.goto(src!);
  return preview;
}

for (const type of MEDICAL) {
  test(`the review panel previews exactly the ${type.name} revision under review, and says when the draft changes`, async ({ browser }) => {
    const token = await adminToken('editor@clinic.test');
    const doc = await findDocument(token, type.uid, type.locale, type.find);
    const marker = `Preview ${type.name} ${Date.now()}`;
    const restore = await editField(type.uid, doc.documentId, type.locale, type.field, (text) => `${text} ${marker}`);
    try {
      const physician = await signIn(browser, 'physician@clinic.test');
      await openEditView(physician, type.uid, doc.documentId, type.locale);
      const link = physician.getByRole('link', { name: 'Preview this revision' });
      await expect(link).toHaveAttribute('href', /\/api\/preview\?.*revision=/);
      const [preview] = await Promise.all([physician.waitForEvent('popup'), link.click()]);
      await expect(preview).toHaveURL(new RegExp(`${type.path}$`));
      await expect(preview.getByText(marker).first()).toBeVisible();
      await expect(revisionState(preview)).toHaveAttribute('data-state', 'current');
      await expect(revisionState(preview)).toContainText(type.locale === 'en' ? 'exactly the revision under review' : 'exactamente la versión enviada a revisión');

      // The editor changes the draft while the physician looks at it: the preview says so.
      const changed = `${marker} changed`;
      await editField(type.uid, doc.documentId, type.locale, type.field, (text) => text.replace(marker, changed));
      await preview.reload();
      await expect(preview.getByText(changed).first()).toBeVisible();
      await expect(revisionState(preview)).toHaveAttribute('data-state', 'changed');
      await physician.context().close();

      const visitor = await browser.newPage();
      await visitor.goto(type.path);
      await expect(visitor.getByText(marker)).toHaveCount(0);
      await visitor.close();
    } finally {
      await restore();
    }
  });
}

test('the review panel offers the link in Spanish', async ({ browser }) => {
  const token = await adminToken('physician@clinic.test');
  await fetch(`${CMS_URL}/admin/users/me`, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ preferedLanguage: 'es' }) });
  try {
    const faq = await findDocument(await adminToken('editor@clinic.test'), 'plugin::clinic.faq', 'es', { question: '¿Cuánto tiempo dura la recuperación?' });
    const physician = await signIn(browser, 'physician@clinic.test');
    await openEditView(physician, 'plugin::clinic.faq', faq.documentId, 'es');
    await expect(physician.getByRole('link', { name: 'Vista previa de esta revisión' })).toHaveAttribute('href', /revision=faq/);
    await physician.context().close();
  } finally {
    await fetch(`${CMS_URL}/admin/users/me`, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ preferedLanguage: 'en' }) });
  }
});

test('"Open preview" of the rebrand notice shows its draft message, even before its window opens', async ({ browser }) => {
  const token = await adminToken('editor@clinic.test');
  const notice = await findDocument(token, 'plugin::clinic.rebrand-notice', 'en', { previousName: 'Harbor Pain Associates' });
  const marker = `Notice draft ${uniqueWord()}`;
  // A window in the future: the published site would not show it yet.
  let original: Record<string, unknown> = {};
  await editDraft(token, 'plugin::clinic.rebrand-notice', notice.documentId, 'en', ({ status: _status, ...doc }) => {
    original = { message: doc.message, startsAt: doc.startsAt, endsAt: doc.endsAt };
    return { ...doc, message: marker, startsAt: '2099-01-01T00:00:00.000Z', endsAt: '2099-12-31T00:00:00.000Z' };
  });
  try {
    const editor = await signIn(browser, 'editor@clinic.test');
    await editor.goto(`${ADMIN_URL}/content-manager/collection-types/plugin::clinic.rebrand-notice/${notice.documentId}?plugins[i18n][locale]=en`);
    const preview = await openPreviewFromAdmin(editor);
    await expect(preview).toHaveURL(/\/en$/);
    await expect(preview.getByText(marker)).toBeVisible();
    await expect(revisionState(preview)).toHaveAttribute('data-state', 'current');
    await editor.context().close();
  } finally {
    await editDraft(token, 'plugin::clinic.rebrand-notice', notice.documentId, 'en', ({ status: _status, ...doc }) => ({ ...doc, ...original }));
  }
});

test('"Open preview" of the clinic details shows the draft taglines on the language assistance page', async ({ browser }) => {
  const token = await adminToken('editor@clinic.test');
  const call = (method: string, body?: unknown) =>
    fetch(`${CMS_URL}/content-manager/single-types/plugin::clinic.clinic?locale=en`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) }).then(async (r) => {
      if (!r.ok) throw new Error(`${method} clinic: ${r.status} ${await r.text()}`);
      return ((await r.json()) as any).data;
    });
  const { status: _status, ...current } = await call('GET');
  const marker = `Ayuda de prueba ${uniqueWord()}. Llame al {phone}.`;
  await call('PUT', { ...current, languageAssistance: current.languageAssistance.map((t: any) => (t.language === 'es' ? { ...t, text: marker } : t)) });
  try {
    const editor = await signIn(browser, 'editor@clinic.test');
    await editor.goto(`${ADMIN_URL}/content-manager/single-types/plugin::clinic.clinic?plugins[i18n][locale]=en`);
    const preview = await openPreviewFromAdmin(editor);
    await expect(preview).toHaveURL(/\/en\/language-assistance$/);
    await expect(preview.getByTestId('taglines').locator('li[lang="es"] p')).toHaveText(marker.replace('{phone}', '+1 262-555-0142'));
    await editor.context().close();

    const visitor = await browser.newPage();
    await visitor.goto('/en/language-assistance');
    await expect(visitor.getByTestId('taglines').locator('li[lang="es"] p')).toHaveText(/^Si habla español/);
    await visitor.close();
  } finally {
    const { status: _s, ...now } = await call('GET');
    await call('PUT', { ...now, languageAssistance: current.languageAssistance });
  }
});
