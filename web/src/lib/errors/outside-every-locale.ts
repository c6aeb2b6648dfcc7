import type { NextRequest } from 'next/server';
import { siteRouting } from '@/i18n/routing';
import { cmsKnownDown } from '@/lib/cms/cms-outage';
import { clinicPhoneSoon } from '@/lib/cms/cms-reachability';
import { getSiteLocales } from '@/lib/cms/site-locales';
import { nonPagePolicy } from '@/lib/security/content-security-policy.cjs';
import { errorPageResponse } from './error-response';

/**
 * The files the site serves at its root: src/app's metadata routes (icons, robots, sitemap).
 * The site has no public/ folder, so these are all (a unit test compares them with src/app).
 */
export const SITE_ROOT_FILES: ReadonlySet<string> = new Set(['/favicon.ico', '/icon.svg', '/apple-icon.png', '/robots.txt', '/sitemap.xml']);

/** The site's route handlers (src/app/api; a unit test compares them): any other /api path is no page either. */
export const API_ROUTES: ReadonlySet<string> = new Set(['/api/preview', '/api/preview/disable', '/api/revalidate']);

/**
 * Whether Next would route this path to a page under a "locale" that is none of the site's: a
 * path with a dot in it (`/favicon.ico/x`, `/wp-login.php`) skips the locale routing, which
 * sends any other path without a locale to the visitor's language. Next's own paths, the
 * route handlers and the root files are not pages; an /api path no handler has is.
 */
export function isOutsideEveryLocale(pathname: string, localeCodes: readonly string[]): boolean {
  if (SITE_ROOT_FILES.has(pathname)) return false;
  const first = pathname.split('/')[1] ?? '';
  if (first === 'api') return !API_ROUTES.has(pathname);
  if (first === '' || first === '_next') return false;
  return !localeCodes.includes(first);
}

/**
 * The 404 for a page outside every locale, in the visitor's language (NEXT_LOCALE cookie, then
 * Accept-Language, then the default), with the phone and a way home; null for any other path.
 * Next would render it as a page of the default locale, and a page is cached for every visitor
 * alike, so it is answered here, per request, never cached.
 */
export async function notFoundOutsideEveryLocale(request: NextRequest): Promise<Response | null> {
  const { pathname } = request.nextUrl;
  // Files, Next's own paths and route handlers are known without the locales.
  if (!isOutsideEveryLocale(pathname, [])) return null;
  const locales = await getSiteLocales();
  if (!isOutsideEveryLocale(pathname, siteRouting(locales).locales)) return null;
  // Read now if it never was, unless the CMS is known to be down: a 404 never waits for it.
  if (!cmsKnownDown()) await clinicPhoneSoon(siteRouting(locales).defaultLocale);
  const page = await errorPageResponse(request, locales, { kind: 'notFound' });
  page.headers.set('Content-Security-Policy', nonPagePolicy());
  return page;
}
