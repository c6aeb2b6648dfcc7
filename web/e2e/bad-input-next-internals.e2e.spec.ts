import { expect, test, type APIResponse } from '@playwright/test';

/**
 * Next's own addresses for image optimization and for the Pages Router's data, which the site
 * uses neither of (images are served as they are: `images.unoptimized`): whatever the query, a
 * clean 4xx (or the routing's redirect, for a data path naming a page), never a 5xx, and with
 * every security header (web/server.mjs completes what Next leaves out).
 */
const IMAGE_QUERIES = [
  '',
  '?url=%2Ficon.svg&w=64&q=75',
  '?url=/icon.svg&w=64&q=75',
  '?url=https%3A%2F%2Fevil.example%2Fx.png&w=64&q=75',
  '?url=http://169.254.169.254/latest/meta-data/&w=64&q=75',
  '?url=//evil.example/x.png&w=64&q=75',
  '?url=%2F%2Fevil.example%2Fx.png&w=64&q=75',
  '?url=%252Ficon.svg&w=64&q=75',
  '?url=%2Ficon.svg&w=99999999999999999999&q=75',
  '?url=%2Ficon.svg&w=-1&q=abc',
  '?url=%2Ficon.svg&w=64&q=1000',
  '?url=%2Ficon.svg&w=1.5&q=0',
  '?url=%2Ficon.svg',
  '?w=64&q=75',
  '?url=&w=&q=',
  '?url=%2Ficon.svg&url=%2Fapple-icon.png&w=64&w=128&q=75',
  '?url=javascript:alert(1)&w=64&q=75',
  '?url=data:image/svg+xml,%3Csvg%3E&w=64&q=75',
  '?url=%2F_next%2Fimage%3Furl%3D%252Ficon.svg&w=64&q=75',
  '?url=%2Fen&w=64&q=75',
  `?url=%2F${'a'.repeat(1500)}&w=64&q=75`,
  '?url=%E2%82%AC&w=64&q=75',
  '?url=%2Ficon.svg&w=64&q=75&dpl=x',
];
const DATA_PATHS = [
  '/_next/data/x/y.json',
  '/_next/data/build-id/en.json',
  '/_next/data/build-id/en/procedures.json',
  '/_next/data/build-id/es/procedures/vertebroplastia-y-cifoplastia.json?slug=x',
  '/_next/data/build-id/index.json',
  '/_next/data/build-id/../../etc/passwd.json',
  '/_next/data/',
  '/_next/data',
  '/_next/data/a/b/c/d/e/f.json?__nextLocale=xx&__nextDefaultLocale=yy',
];

function expectEverySecurityHeader(res: APIResponse, what: string) {
  const headers = res.headersArray();
  const all = (name: string) => headers.filter((h) => h.name.toLowerCase() === name).map((h) => h.value);
  const policies = all('content-security-policy');
  expect(policies.length, `${what}: a Content-Security-Policy`).toBeGreaterThan(0);
  // Several policies are all enforced: the first, the files', lets nothing run or frame.
  expect(policies[0], what).toMatch(/^default-src 'none'.*frame-ancestors 'none'/);
  for (const policy of policies) expect(policy, what).not.toMatch(/unsafe-inline|unsafe-eval/);
  expect(all('x-frame-options'), what).toEqual(['DENY']);
  expect(all('x-content-type-options'), what).toEqual(['nosniff']);
  expect(all('referrer-policy'), what).toEqual(['strict-origin-when-cross-origin']);
  expect(all('permissions-policy')[0], what).toContain('camera=()');
  expect(all('cross-origin-opener-policy'), what).toEqual(['same-origin']);
  expect(all('x-powered-by'), what).toEqual([]);
}

test('/_next/image is a 404 for every query, with every security header', async ({ request }) => {
  for (const query of IMAGE_QUERIES) {
    for (const method of ['GET', 'HEAD'] as const) {
      const what = `${method} /_next/image${query.slice(0, 80)}`;
      const res = await request.fetch(`/_next/image${query}`, { method, maxRedirects: 0 });
      expect({ what, status: res.status() }).toEqual({ what, status: 404 });
      expectEverySecurityHeader(res, what);
      expect(res.headers()['content-type'] ?? '', what).not.toMatch(/^image\//);
      expect(res.headers()['cache-control'] ?? '', what).toMatch(/no-store/);
    }
  }
});

test('/_next/data/… is a 4xx, or the routing’s redirect, never a 5xx or a page’s data, with every security header', async ({ request }) => {
  for (const path of DATA_PATHS) {
    for (const headers of [{}, { 'x-nextjs-data': '1' }] as Record<string, string>[]) {
      const what = `${path} ${JSON.stringify(headers)}`;
      const res = await request.get(path, { headers, maxRedirects: 0 });
      expect([307, 308, 400, 404], what).toContain(res.status());
      expectEverySecurityHeader(res, what);
      expect(res.headers()['content-type'] ?? '', what).not.toMatch(/json/);
    }
  }
});
