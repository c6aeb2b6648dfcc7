import { expect, test, type APIResponse, type Page } from '@playwright/test';
import { signPreviewLink } from 'clinic-domain';

/**
 * Security headers on every kind of response, and pages that run under their
 * Content-Security-Policy with no violation: cached pages carry the SHA-256 of their own
 * inline scripts (from the cache handler), previews a per-request nonce, and nothing allows
 * 'unsafe-inline'.
 */
const PAGES = ['/en', '/es', '/en/procedures', '/en/procedures/vertebroplasty-and-kyphoplasty', '/es/procedures/vertebroplastia-y-cifoplastia', '/en/providers/thomas-stauss', '/es/faq'];

function expectSecurityHeaders(res: APIResponse, what: string, { policyCount = 1 } = {}) {
  const headers = res.headersArray();
  const all = (name: string) => headers.filter((h) => h.name.toLowerCase() === name).map((h) => h.value);
  const policies = all('content-security-policy');
  expect(policies, `${what}: ${policyCount} Content-Security-Policy`).toHaveLength(policyCount);
  expect(policies[0], what).toContain("frame-ancestors 'none'");
  expect(policies[0], what).not.toMatch(/unsafe-inline|unsafe-eval/);
  expect(all('x-frame-options'), what).toEqual(['DENY']);
  expect(all('x-content-type-options'), what).toEqual(['nosniff']);
  expect(all('referrer-policy'), what).toEqual(['strict-origin-when-cross-origin']);
  expect(all('permissions-policy')[0], what).toContain('camera=()');
  expect(all('x-powered-by'), what).toEqual([]);
  // Served over plain HTTP on loopback: HSTS is for an HTTPS SITE_URL only.
  expect(all('strict-transport-security'), what).toEqual([]);
  return policies[0]!;
}

/** Collects CSP violations and console errors from the moment the page starts. */
async function watch(page: Page) {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.exposeFunction('reportViolation', (v: string) => problems.push(`CSP violation: ${v}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => (window as any).reportViolation(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
  });
  return problems;
}

test('pages, their first render, 404s, route handlers, files, redirects and refusals all carry the security headers', async ({ request }) => {
  for (const path of PAGES) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(200);
    const policy = expectSecurityHeaders(res, path);
    expect(policy, `${path} names its inline scripts by hash`).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+;/);
  }
  // A path never requested before: its first, uncached render carries the policy too.
  const fresh = await request.get(`/en/procedures/no-such-procedure-${Date.now()}`);
  expect(fresh.status()).toBe(404);
  expect(fresh.headers()['x-nextjs-cache']).not.toBe('HIT');
  expect(expectSecurityHeaders(fresh, 'first render of a 404')).toMatch(/'sha256-/);

  const html = await (await request.get('/en')).text();
  const asset = html.match(/\/_next\/static\/[^"]+\.js/)?.[0];
  expect(asset).toBeTruthy();
  // A missing file under /_next is answered with the cached not-found page: its own policy and
  // the files' policy, both enforced, so nothing in it runs (it is no page anyone navigates to).
  const missingAsset = await request.get('/_next/static/chunks/no-such-chunk.js');
  expect(missingAsset.status()).toBe(404);
  expect(expectSecurityHeaders(missingAsset, 'a missing asset', { policyCount: 2 })).toMatch(/^default-src 'none'/);

  const others: [string, number, 'get' | 'post'][] = [
    [asset!, 200, 'get'],
    ['/sitemap.xml', 200, 'get'],
    ['/robots.txt', 200, 'get'],
    ['/favicon.ico', 200, 'get'],
    ['/icon.svg', 200, 'get'],
    ['/apple-icon.png', 200, 'get'],
    ['/api/revalidate', 401, 'post'],
    ['/api/preview', 400, 'get'],
    ['/', 307, 'get'],
    ['/%ff', 400, 'get'],
  ];
  for (const [path, status, method] of others) {
    const res = await request[method](path, { maxRedirects: 0 });
    expect(res.status(), path).toBe(status);
    expect(expectSecurityHeaders(res, path), `${path} lets nothing run`).toMatch(/^default-src 'none'/);
  }
});

test('the site’s icons are served: favicon, icon and Apple touch icon, linked from every page', async ({ page, request }) => {
  expect((await request.get('/favicon.ico')).headers()['content-type']).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/);
  expect((await request.get('/apple-icon.png')).headers()['content-type']).toBe('image/png');
  await page.goto('/en');
  await expect(page.locator('link[rel="icon"][href^="/icon.svg"]')).toHaveCount(1);
  await expect(page.locator('link[rel="apple-touch-icon"][href^="/apple-icon.png"]')).toHaveCount(1);
});

test('every page runs under its policy with no violation and no console error, also with a dismissed notice', async ({ page }) => {
  const problems = await watch(page);
  for (const path of PAGES) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
  }
  // Hydrated, so the page's own scripts ran: the notice's dismiss button works (once hydrated).
  await page.goto('/en');
  const banner = page.locator('.rebrand-banner');
  await expect(async () => {
    await banner.getByRole('button').click({ timeout: 1000 });
    await expect(banner).toBeHidden({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  // The pre-paint script ran too: it hides the dismissed notice through a constructed style sheet.
  await page.goto('/es/faq');
  await page.waitForLoadState('networkidle');
  expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBe(1);
  await expect(page.locator('.rebrand-banner')).toBeHidden();
  await page.goto(`/es/procedures/no-such-procedure-${Date.now()}`);
  await page.waitForLoadState('networkidle');
  // A 404 logs its status as a console error in Chromium ("Failed to load resource"); that one is the point of the page.
  expect(problems.filter((p) => !/Failed to load resource: the server responded with a status of 404/.test(p))).toEqual([]);
});

test('a draft preview runs under a per-request nonce with no violation', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = await watch(page);
  const path = '/en/procedures/vertebroplasty-and-kyphoplasty';
  const signed = signPreviewLink({ secret: process.env.PREVIEW_SECRET!, path, nowSeconds: Date.now() / 1000 });
  await page.goto(`/api/preview?${new URLSearchParams({ path: signed.path, expires: String(signed.expires), signature: signed.signature })}`);
  await expect(page).toHaveURL(new RegExp(`${path}$`));
  const first = await page.reload();
  await page.waitForLoadState('networkidle');
  const policy = first!.headers()['content-security-policy']!;
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'sha256-/);
  const second = await page.reload();
  expect(second!.headers()['content-security-policy']).not.toBe(policy);
  expect(problems).toEqual([]);
  await context.close();
});
