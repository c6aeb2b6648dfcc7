import { expect, test } from '@playwright/test';

/**
 * Runs after every other journey (see playwright.config.ts): stops the CMS and checks that
 * patients are still served every page the site has cached.
 */
const PAGES = ['/en', '/es', '/en/procedures/vertebroplasty-and-kyphoplasty', '/es/procedures/vertebroplastia-y-cifoplastia', '/es/faq', '/en/providers/thomas-stauss'];

test('with the CMS down, every cached page is still served', async ({ page, request }) => {
  const before: Record<string, string> = {};
  for (const path of PAGES) {
    await page.goto(path);
    before[path] = (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
  }
  const pid = Number(process.env.CMS_PID);
  test.skip(!pid, 'CMS_PID is not set: the CMS was not started by the test runner');
  process.kill(pid, 'SIGTERM');
  await expect.poll(async () => (await request.get(`${process.env.CMS_URL}/_health`).catch(() => null))?.status() ?? 'down', { timeout: 15_000 }).toBe('down');

  for (const path of PAGES) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(before[path]!);
  }
});

test('with the CMS down, a page the site has not cached is a localized 503 with Retry-After, the phone and a link home, readable without JavaScript', async ({ browser }) => {
  test.skip(!process.env.CMS_PID, 'CMS_PID is not set: the CMS was not started by the test runner');
  // Never visited, so never cached: the site cannot render it without the CMS.
  for (const [locale, path, title] of [
    ['es', `/es/procedures/nunca-vista-${Date.now()}`, 'Esta página no está disponible en este momento'],
    ['en', `/en/providers/never-seen-${Date.now()}`, 'This page is temporarily unavailable'],
  ] as const) {
    const url = `${process.env.SITE_URL ?? 'http://127.0.0.1:3100'}${path}`;
    // The site notices the CMS is gone within a second (it asks at most that often).
    await expect.poll(async () => (await fetch(url)).status, { timeout: 10_000 }).toBe(503);
    const res = await fetch(url);
    const html = await res.text();
    expect(res.status, path).toBe(503);
    expect(Number(res.headers.get('retry-after')), path).toBeGreaterThan(0);
    expect(html).toContain(`<html lang="${locale}">`);
    expect(html).toContain(`<h1>${title}</h1>`);
    expect(html).toMatch(/<a href="tel:\+?\d+">/);
    expect(html).toContain(`<a href="/${locale}">`);
    expect(html).not.toMatch(/\n\s+at [\w.<>]+ \(|Internal Server Error|Application error|digest/);

    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const response = await page.goto(path);
    expect(response?.status()).toBe(503);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(page.locator('a[href^="tel:"]')).toHaveCount(1);
    await context.close();
  }
});
