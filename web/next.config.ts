import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./src/i18n/request.ts');

const config: NextConfig = {
  poweredByHeader: false,
  // Title and meta tags in <head> for every visitor, not streamed into <body>.
  htmlLimitedBots: /.*/,
  // The CMS serves images from a private address in the demo; they are already sized.
  images: { unoptimized: true },
  transpilePackages: ['clinic-domain'],
};

export default withNextIntl(config);
