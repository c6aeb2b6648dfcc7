import { expect, test } from '@playwright/test';
import { adminToken, editDraft, findDocument } from './support/cms-admin';
import { openEditView, save, signIn } from './support/admin-ui';

/**
 * Two people editing the same draft in the real admin: the second save is refused with a
 * message saying someone else saved first, the first person's text stays, and after
 * reloading the second person can save.
 */
test('the second of two editors saving the same draft is told it changed, and saves after reloading', async ({ browser }) => {
  const uid = 'plugin::clinic.faq';
  const token = await adminToken('editor@clinic.test');
  const faq = await findDocument(token, uid, 'en', { question: 'How long does recovery take?' });
  const original = faq.question as string;
  const field = (page: import('@playwright/test').Page) => page.getByRole('textbox', { name: /^Question/ });
  try {
    const editor = await signIn(browser, 'editor@clinic.test');
    const admin = await signIn(browser, 'admin@clinic.test');
    await openEditView(editor, uid, faq.documentId, 'en');
    await openEditView(admin, uid, faq.documentId, 'en');

    await field(editor).fill(`${original} (editor)`);
    await save(editor);

    await field(admin).fill(`${original} (admin)`);
    await admin.getByRole('button', { name: 'Save' }).click();
    await expect(admin.getByText(/Someone else saved this draft after you opened it/)).toBeVisible();
    const stored = await findDocument(token, uid, 'en', { question: `${original} (editor)` });
    expect(stored.documentId).toBe(faq.documentId);

    await admin.reload();
    await expect(field(admin)).toHaveValue(`${original} (editor)`);
    await field(admin).fill(`${original} (admin, after reloading)`);
    await save(admin);
    await editor.context().close();
    await admin.context().close();
  } finally {
    await editDraft(token, uid, faq.documentId, 'en', ({ status: _status, ...doc }) => ({ ...doc, question: original }));
  }
});
