import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
import { DENY_FRAMING, nonPagePolicy, securityHeaders } from './src/lib/security/content-security-policy.cjs';

const withNextIntl = createNextIntlPlugin('./src/i18n/request.ts');

// Responses that are never a page: nothing in them may run. Pages get a policy with the hashes
// of their own inline scripts from the cache handler (cache-handler/index.mjs); a second policy
// here would be enforced on top of it and block them.
// The preview entry route is left out: it sets its own policy, framable by the CMS admin (a
// route handler's header never replaces one set here).
const NOT_PAGES = ['/api', '/api/:path((?!preview$).*)', '/_next/:path*', '/sitemap.xml', '/robots.txt', '/favicon.ico', '/icon.svg', '/apple-icon.png'];
// The CMS admin's preview panel frames /api/preview and the draft pages it leads to, which the
// proxy gives a frame-ancestors naming the admin alone; X-Frame-Options DENY would block them,
// and no value of it names one origin. Everything else is never framed.
const EVERYTHING_BUT_PREVIEW_ENTRY = '/:path((?!api/preview$).*)';
const DRAFT_MODE_COOKIE = { type: 'cookie', key: '__prerender_bypass' } as const;

const config: NextConfig = {
  // The test, benchmark and browser-test scripts build into .next-tests (NEXT_DIST_DIR), so
  // running them never replaces the build a running demo serves from .next.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  // Next hashes a cached page's whole HTML in JavaScript on every request for its ETag: a quarter of
  // a cached view's CPU (README, Performance). Without it, no 304s from the site itself.
  generateEtags: false,
  // Title and meta tags in <head> for every visitor, not streamed into <body>.
  htmlLimitedBots: /.*/,
  // The CMS serves images from a private address in the demo; they are already sized.
  images: { unoptimized: true },
  transpilePackages: ['clinic-domain'],
  // Shared through Redis when REDIS_URL is set; in every case, cached pages carry their CSP.
  cacheHandler: require.resolve('./cache-handler/index.mjs'),
  // Written into the build (routes manifest): HSTS is decided by the build's environment.
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders() },
      { source: EVERYTHING_BUT_PREVIEW_ENTRY, missing: [DRAFT_MODE_COOKIE], headers: [DENY_FRAMING] },
      ...NOT_PAGES.map((source) => ({ source, headers: [{ key: 'Content-Security-Policy', value: nonPagePolicy() }, DENY_FRAMING] })),
    ];
  },
};

export default withNextIntl(config);
