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
