import { NextResponse, type NextRequest } from 'next/server';
import { print } from 'graphql';
import { negotiateLocale } from 'clinic-domain';
import { SiteLocalesDocument } from './lib/cms/generated/graphql';
import { LOCALE_COOKIE } from './lib/site';

const CMS_URL = process.env.CMS_URL ?? 'http://127.0.0.1:1337';
let known: { at: number; locales: string[]; defaultLocale: string } | null = null;

/** The CMS's locales, remembered for a minute; the default locale alone if the CMS is down. */
async function cmsLocales() {
  if (known && Date.now() - known.at < 60_000) return known;
  try {
    const res = await fetch(`${CMS_URL}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      // The generated document, so that the query is on the CMS's operation allowlist.
      body: JSON.stringify({ query: print(SiteLocalesDocument), operationName: 'SiteLocales' }),
      signal: AbortSignal.timeout(2000),
    });
    const { data } = (await res.json()) as { data: { clinicLocales: Array<{ code: string; isDefault: boolean }> } };
    known = { at: Date.now(), locales: data.clinicLocales.map((l) => l.code), defaultLocale: data.clinicLocales.find((l) => l.isDefault)?.code ?? 'en' };
  } catch {
    if (!known) return { at: 0, locales: ['en'], defaultLocale: 'en' };
  }
  return known;
}

export async function proxy(request: NextRequest) {
  // "/" sends the visitor to their language: earlier choice, then browser, then default.
  if (request.nextUrl.pathname === '/') {
    const { locales, defaultLocale } = await cmsLocales();
    const locale = negotiateLocale({
      cookieLocale: request.cookies.get(LOCALE_COOKIE)?.value,
      acceptLanguage: request.headers.get('accept-language'),
      available: locales,
      defaultLocale,
    });
    const response = NextResponse.redirect(new URL(`/${locale}`, request.url), 307);
    response.headers.set('Vary', 'Accept-Language, Cookie');
    return response;
  }
  // A path whose first segment is not a CMS locale is a 404, told in the visitor's language:
  // rewritten under that locale, where no page matches it.
  const first = request.nextUrl.pathname.split('/')[1] ?? '';
  const { locales, defaultLocale } = await cmsLocales();
  if (!locales.includes(first)) {
    const locale = negotiateLocale({
      cookieLocale: request.cookies.get(LOCALE_COOKIE)?.value,
      acceptLanguage: request.headers.get('accept-language'),
      available: locales,
      defaultLocale,
    });
    return NextResponse.rewrite(new URL(`/${locale}/not-a-page${request.nextUrl.pathname}`, request.url));
  }
  // Draft previews are for editors and physicians only: never indexed, never cached.
  if (request.cookies.has('__prerender_bypass')) {
    const response = NextResponse.next();
    response.headers.set('X-Robots-Tag', 'noindex, nofollow');
    response.headers.set('Cache-Control', 'private, no-store');
    return response;
  }
  return NextResponse.next();
}

export const config = {
  matcher: ['/((?!_next|api|sitemap.xml|robots.txt|favicon.ico|.*\\.).*)'],
};
