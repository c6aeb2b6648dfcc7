import { expect, test } from '@playwright/test';

/** The language assistance notice: at the foot of every page, and in full on its own page. */
const PHONE = '+1 262-555-0142';
const TEMPLATES = ['', '/procedures', '/procedures/vertebroplasty-and-kyphoplasty', '/providers/thomas-stauss', '/faq', '/language-assistance'];
const RIGHT_TO_LEFT = ['ar', 'fa'];

for (const locale of ['en', 'es']) {
  test(`every page (${locale}) ends with the language assistance notice: the phone, and 15 languages each marked with lang and dir`, async ({ page }) => {
    for (const template of TEMPLATES) {
      const path = `/${locale}${locale === 'es' && template.startsWith('/procedures/') ? '/procedures/vertebroplastia-y-cifoplastia' : template}`;
      await page.goto(path);
      const notice = page.getByTestId('language-assistance-notice');
      await expect(notice, path).toContainText(PHONE);
      const languages = notice.locator('li');
      await expect(languages, path).toHaveCount(15);
      for (const item of await languages.all()) {
        const lang = await item.getAttribute('lang');
        expect(lang, path).toBeTruthy();
        expect(await item.getAttribute('dir'), `${path} ${lang}`).toBe(RIGHT_TO_LEFT.includes(lang!) ? 'rtl' : 'ltr');
      }
      await expect(notice.locator('li[lang="fa"] a')).toHaveText('فارسی');
      await expect(notice.getByRole('link', { name: locale === 'en' ? 'Read this notice in 15 languages' : 'Lea este aviso en 15 idiomas' })).toHaveAttribute('href', `/${locale}/language-assistance`);
    }
  });
}

test('the full notice lists every tagline in its language and direction, with the clinic phone number as a left-to-right run', async ({ page }) => {
  const response = await page.goto('/en/language-assistance');
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Language assistance');
  await expect(page.locator('main .lead')).toContainText(`free of charge. Call ${PHONE}.`);
  const taglines = page.getByTestId('taglines').locator('li');
  await expect(taglines).toHaveCount(15);
  for (const tagline of await taglines.all()) {
    const lang = await tagline.getAttribute('lang');
    expect(await tagline.getAttribute('dir'), lang!).toBe(RIGHT_TO_LEFT.includes(lang!) ? 'rtl' : 'ltr');
    // The number comes from the clinic details, in place of {phone}, linked and isolated left to right.
    const phone = tagline.locator('bdi[dir="ltr"] a');
    await expect(phone, lang!).toHaveText(PHONE);
    await expect(phone, lang!).toHaveAttribute('href', 'tel:+12625550142');
    await expect(tagline, lang!).not.toContainText('{phone}');
  }
  const list = page.getByTestId('taglines');
  await expect(list.locator('li[lang="es"] p')).toHaveText(`Si habla español, tiene a su disposición servicios gratuitos de ayuda con el idioma. Llame al ${PHONE}.`);
  await expect(list.locator('li[lang="ar"]')).toHaveAttribute('dir', 'rtl');
  await expect(list.locator('li[lang="zh-Hant"] h2')).toHaveText('繁體中文');

  await page.goto('/es/language-assistance');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Asistencia lingüística');
  await expect(page.getByTestId('taglines').locator('li')).toHaveCount(15);
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
});
