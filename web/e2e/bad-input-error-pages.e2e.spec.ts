import { expect, test } from '@playwright/test';
import { telHref } from '../src/lib/tel-href';

/**
 * Error pages are whole in the server HTML: read with plain fetch (no JavaScript), every 404
 * and every refused address says what happened in the visitor's language, with the clinic's
 * phone as a tel: link and a link home. Reads only.
 */
const SITE_URL = (process.env.SITE_URL ?? 'http://127.0.0.1:3100').replace(/\/$/, '');
const CMS_URL = (process.env.CMS_URL ?? 'http://127.0.0.1:1338').replace(/\/$/, '');

const TEXT = {
  en: { notFound: 'Page not found', badPath: 'The address is not valid', home: 'Go to the home page' },
  es: { notFound: 'Página no encontrada', badPath: 'La dirección no es válida', home: 'Ir a la página de inicio' },
};

async function clinicTel(): Promise<string> {
  const res = await fetch(`${CMS_URL}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ clinicClinic(locale: "en") { phone } }' }) });
  const phone = ((await res.json()) as { data: { clinicClinic: { phone: string } } }).data.clinicClinic.phone;
  return telHref(phone) ?? 'no tel: link';
}

/** The server's HTML, as a browser without JavaScript (or a crawler) gets it, after redirects. */
async function serverHtml(path: string, headers: Record<string, string> = {}) {
  const res = await fetch(SITE_URL + path, { headers, redirect: 'follow' });
  return { status: res.status, html: await res.text(), finalPath: new URL(res.url).pathname, retryAfter: res.headers.get('retry-after') };
}

function expectWholeErrorPage(html: string, { title, home, locale, tel }: { title: string; home: string; locale: 'en' | 'es'; tel: string }) {
  expect(html).toContain(`<html lang="${locale}"`);
  expect(html).toMatch(new RegExp(`<h1>${title}</h1>`));
  expect(html).toContain(`href="${tel}"`);
  expect(html).toMatch(new RegExp(`<a href="/${locale}">${home}</a>`));
  // Never a stack trace or an error digest instead of the page.
  expect(html).not.toMatch(/\n\s+at [\w.<>]+ \(|Internal Server Error|Application error/);
}

test('every kind of 404 has its localized body, the phone and a link home in the server HTML', async () => {
  const tel = await clinicTel();
  const cases = [
    { path: '/en/procedures/no-such-procedure', locale: 'en' },
    { path: '/es/procedures/no-existe', locale: 'es' },
    { path: '/en/providers/nobody', locale: 'en' },
    { path: '/es/providers/nadie', locale: 'es' },
    { path: '/es/esta-pagina-no-existe', locale: 'es' },
    { path: '/en/procedures/a/b/c', locale: 'en' },
    // Outside every locale: under the visitor's language.
    { path: '/no-such-page', locale: 'es', headers: { 'accept-language': 'es-MX,es;q=0.9' } },
    { path: '/xx/procedures', locale: 'en', headers: { 'accept-language': 'en' } },
    { path: '/zz-ZZ', locale: 'es', headers: { cookie: 'NEXT_LOCALE=es' } },
  ] as const;
  for (const { path, locale, ...rest } of cases) {
    const { status, html } = await serverHtml(path, 'headers' in rest ? rest.headers : {});
    expect(status, path).toBe(404);
    expectWholeErrorPage(html, { title: TEXT[locale].notFound, home: TEXT[locale].home, locale, tel });
    expect(html, path).toMatch(/<meta name="robots" content="noindex/);
  }
});

test('a malformed or over-long address is a 400/414 page in the visitor’s language, with the phone and a link home', async () => {
  const tel = await clinicTel();
  // The proxy reads the phone in the background once it has served a page.
  await fetch(`${SITE_URL}/en`);
  await expect.poll(async () => (await serverHtml('/en/procedures/%ff')).html.includes(`href="${tel}"`), { timeout: 15_000 }).toBe(true);
  const cases = [
    { path: '/en/procedures/%ff%fe', status: 400, locale: 'en' },
    { path: '/es/procedures/%E0%A4%A', status: 400, locale: 'es' },
    { path: '/es/a%00b', status: 400, locale: 'es' },
    { path: '/%C0%AF', status: 400, locale: 'es', headers: { 'accept-language': 'es' } },
    { path: '/en/' + 'a'.repeat(3000), status: 414, locale: 'en' },
  ] as const;
  for (const { path, status, locale, ...rest } of cases) {
    const page = await serverHtml(path, 'headers' in rest ? rest.headers : {});
    expect(page.status, path.slice(0, 40)).toBe(status);
    expectWholeErrorPage(page.html, { title: TEXT[locale].badPath, home: TEXT[locale].home, locale, tel });
  }
});

test('with JavaScript off, the browser shows the whole 404', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: 'es-ES' });
  const page = await context.newPage();
  const response = await page.goto('/es/procedures/no-existe');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Página no encontrada');
  await expect(page.getByRole('main').locator('a[href^="tel:"]')).toHaveCount(1);
  await expect(page.getByRole('main').getByRole('link', { name: 'Ir a la página de inicio' })).toHaveAttribute('href', '/es');
  await context.close();
});
