import { expect, type Browser, type Page } from '@playwright/test';
import { CMS_URL, DEMO_PASSWORD } from './cms-admin';

/** Drives the real Strapi admin UI, as editors and physicians use it. */
export const ADMIN_URL = `${CMS_URL}/admin`;

export async function signIn(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  await page.goto(`${ADMIN_URL}/auth/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Login' }).click();
  await expect(page).not.toHaveURL(/\/auth\/login/);
  return page;
}

export async function openEditView(page: Page, uid: string, documentId: string, locale: string) {
  await page.goto(`${ADMIN_URL}/content-manager/collection-types/${uid}/${documentId}?plugins[i18n][locale]=${locale}`);
  await expect(page.getByTestId('clinic-review-panel')).toBeVisible();
}

/** Appends text at the end of a section's Markdown body (CodeMirror) in the edit view. */
export async function appendToSectionBody(page: Page, sectionHeading: string, text: string) {
  await page.getByRole('button', { name: sectionHeading }).first().click();
  const editor = page.locator('.CodeMirror').first();
  await editor.scrollIntoViewIfNeeded();
  await editor.locator('.CodeMirror-line').last().click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
}

export async function save(page: Page) {
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Saved document')).toBeVisible();
}

export const reviewStatus = (page: Page) => page.getByTestId('clinic-review-status');
