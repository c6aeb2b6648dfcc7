import createMiddleware from 'next-intl/middleware';
import type { NextRequest } from 'next/server';
import { siteRouting } from './i18n/routing';
import { getSiteLocales } from './lib/cms/site-locales';
import type { SiteLocale } from './lib/cms/types';

// next-intl's middleware for the CMS's current locales, rebuilt only when they change.
let routed: { locales: SiteLocale[]; handle: ReturnType<typeof createMiddleware> } | null = null;

export async function proxy(request: NextRequest) {
  const locales = await getSiteLocales();
  if (routed?.locales !== locales) routed = { locales, handle: createMiddleware(siteRouting(locales)) };
  const response = routed.handle(request);
  // Where a redirect leads depends on the visitor's cookie and browser language.
  if (response.headers.has('location')) response.headers.set('Vary', 'Accept-Language, Cookie');
  // Draft previews are for editors and physicians only: never indexed, never cached.
  if (request.cookies.has('__prerender_bypass')) {
    response.headers.set('X-Robots-Tag', 'noindex, nofollow');
    response.headers.set('Cache-Control', 'private, no-store');
  }
  return response;
}

export const config = {
  matcher: ['/((?!_next|api|sitemap.xml|robots.txt|favicon.ico|.*\\.).*)'],
};
