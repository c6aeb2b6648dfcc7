import { defineRouting } from 'next-intl/routing';
import type { SiteLocale } from '@/lib/cms/types';

/**
 * The only locale written in the site's code: served alone while the CMS has never said
 * which locales it has. Every other locale, and the default, come from the CMS.
 */
const FALLBACK_LOCALE = 'en';

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/**
 * The site's routing for the CMS's locales: every path starts with a locale; "/" and paths
 * without one go to the visitor's language (NEXT_LOCALE cookie, then Accept-Language, then
 * the default). The proxy is built from it, and pages check their locale against it.
 */
export function siteRouting(cmsLocales: readonly SiteLocale[]) {
  const locales = cmsLocales.length ? cmsLocales.map((l) => l.code) : [FALLBACK_LOCALE];
  return defineRouting({
    locales,
    defaultLocale: cmsLocales.find((l) => l.isDefault)?.code ?? locales[0]!,
    localePrefix: 'always',
    // Remembered for the next visit to "/", across the whole site.
    localeCookie: { name: 'NEXT_LOCALE', path: '/', maxAge: ONE_YEAR_SECONDS, sameSite: 'lax' },
    // Pages write their own hreflang links: slugs are localized, so the same path in another locale is no alternate.
    alternateLinks: false,
  });
}
