import { expect, test, type Browser } from '@playwright/test';
import { telHref } from '../src/lib/tel-href';
import { CMS_URL } from './support/cms-admin';

/**
 * A page outside every locale (a path with a dot, which skips the locale routing, or an /api path
 * no route handler has) is a 404 in the visitor's language: the NEXT_LOCALE cookie, then the
 * browser's Accept-Language, then the default. Read in Chromium with JavaScript off, so what
 * counts is the server's HTML: its lang attribute, the message, the phone and the way home.
 * Paths without a dot are sent to the visitor's language by the routing first, and end the same.
 */
const TEXT = {
  en: { title: 'Page not found', home: 'Go to the home page' },
  es: { title: 'Página no encontrada', home: 'Ir a la página de inicio' },
} as const;
const OUTSIDE = ['/favicon.ico/x', '/nope.html', '/wp-login.php', '/xx-invalid/thing.json', '/api/nope', '/EN/procedures.json'];
const ROUTED_FIRST = ['/nope', '/xx-invalid/thing'];

async function clinicTel(): Promise<string> {
  const res = await fetch(`${CMS_URL}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ clinicClinic(locale: "en") { phone } }' }) });
  const phone = ((await res.json()) as { data: { clinicClinic: { phone: string } } }).data.clinicClinic.phone;
  return telHref(phone) ?? 'no tel: link';
}

/** A browser without JavaScript, speaking `browserLocale`, with the site's language cookie when given. */
async function visitor(browser: Browser, browserLocale: string, cookieLocale?: 'en' | 'es') {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: browserLocale });
  if (cookieLocale) await context.addCookies([{ name: 'NEXT_LOCALE', value: cookieLocale, url: test.info().project.use.baseURL ?? process.env.SITE_URL ?? 'http://127.0.0.1:3100' }]);
  return context;
}

const CASES = [
  { who: 'a Spanish browser', browserLocale: 'es-ES', language: 'es' },
  { who: 'an English browser', browserLocale: 'en-US', language: 'en' },
  { who: 'a French browser (no such locale: the default)', browserLocale: 'fr-FR', language: 'en' },
  { who: 'an English browser with the Spanish cookie', browserLocale: 'en-US', cookieLocale: 'es', language: 'es' },
  { who: 'a Spanish browser with the English cookie', browserLocale: 'es-ES', cookieLocale: 'en', language: 'en' },
] as const;

for (const { who, browserLocale, language, ...rest } of CASES) {
  test(`a 404 outside every locale speaks the visitor's language: ${who}, JavaScript off`, async ({ browser }) => {
    const tel = await clinicTel();
    const context = await visitor(browser, browserLocale, 'cookieLocale' in rest ? rest.cookieLocale : undefined);
    const page = await context.newPage();
    for (const path of [...OUTSIDE, ...ROUTED_FIRST]) {
      const response = await page.goto(path);
      expect({ path, status: response?.status() }).toEqual({ path, status: 404 });
      await expect(page.locator('html'), path).toHaveAttribute('lang', language);
      await expect(page.getByRole('heading', { level: 1 }), path).toHaveText(TEXT[language].title);
      await expect(page.getByRole('main').locator(`a[href="${tel}"]`), path).toHaveCount(1);
      await expect(page.getByRole('main').getByRole('link', { name: TEXT[language].home }), path).toHaveAttribute('href', `/${language}`);
      if (OUTSIDE.includes(path)) {
        // Answered per visitor: never kept by a cache for the next one.
        expect(response?.headers()['cache-control'], path).toBe('no-store');
        expect(response?.headers()['vary'], path).toMatch(/Accept-Language, Cookie/);
        expect(response?.headers()['content-language'], path).toBe(language);
      }
    }
    await context.close();
  });
}

test('files and route handlers at the root are still served, not taken for pages outside a locale', async ({ request }) => {
  for (const path of ['/favicon.ico', '/icon.svg', '/apple-icon.png', '/robots.txt']) {
    const res = await request.get(path);
    expect({ path, status: res.status() }).toEqual({ path, status: 200 });
  }
  // The preview route refuses a request without its secret with its own answer, not a 404 page.
  const preview = await request.get('/api/preview', { maxRedirects: 0 });
  expect(preview.status()).not.toBe(404);
});
