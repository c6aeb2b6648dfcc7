import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
import { nonPagePolicy, securityHeaders } from './src/lib/security/content-security-policy.cjs';

const withNextIntl = createNextIntlPlugin('./src/i18n/request.ts');

// Responses that are never a page: nothing in them may run. Pages get a policy with the hashes
// of their own inline scripts from the cache handler (cache-handler/index.mjs); a second policy
// here would be enforced on top of it and block them.
const NOT_PAGES = ['/api/:path*', '/_next/:path*', '/sitemap.xml', '/robots.txt', '/favicon.ico', '/icon.svg', '/apple-icon.png'];

const config: NextConfig = {
  poweredByHeader: false,
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
      ...NOT_PAGES.map((source) => ({ source, headers: [{ key: 'Content-Security-Policy', value: nonPagePolicy() }] })),
    ];
  },
};

export default withNextIntl(config);
