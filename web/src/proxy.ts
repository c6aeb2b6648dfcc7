import createMiddleware from 'next-intl/middleware';
import { NextResponse, type NextRequest } from 'next/server';
import { siteRouting } from './i18n/routing';
import { getSiteLocales } from './lib/cms/site-locales';
import { pathProblem } from './lib/request-path';
import type { SiteLocale } from './lib/cms/types';
import { nonPagePolicy, pagePolicy, sha256 } from './lib/security/content-security-policy.cjs';
import { hideDismissedNoticeScript } from './components/layout/hide-dismissed-notice-script';

// API routes, metadata routes and files: checked for bad input above, but not routed by locale.
const NOT_A_PAGE = /^\/(?:api|sitemap\.xml|robots\.txt|favicon\.ico|.*\.)/;

// next-intl's middleware for the CMS's current locales, rebuilt only when they change.
let routed: { locales: SiteLocale[]; handle: ReturnType<typeof createMiddleware> } | null = null;

export async function proxy(request: NextRequest) {
  // A path no page can have is the visitor's mistake: a 4xx that says why, before routing or the CMS.
  const problem = pathProblem(request.nextUrl.pathname);
  if (problem) return new Response(problem.message, { status: problem.status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': nonPagePolicy() } });
  if (NOT_A_PAGE.test(request.nextUrl.pathname)) return NextResponse.next();
  const locales = await getSiteLocales();
  if (routed?.locales !== locales) routed = { locales, handle: createMiddleware(siteRouting(locales)) };
  const response = routed.handle(request);
  // Where a redirect leads depends on the visitor's cookie and browser language.
  if (response.headers.has('location')) {
    response.headers.set('Vary', 'Accept-Language, Cookie');
    response.headers.set('Content-Security-Policy', nonPagePolicy());
  }
  // Draft previews are for editors and physicians only: never indexed, never cached.
  if (request.cookies.has('__prerender_bypass')) {
    response.headers.set('X-Robots-Tag', 'noindex, nofollow');
    response.headers.set('Cache-Control', 'private, no-store');
    if (!response.headers.has('location')) withPreviewPolicy(response);
  }
  return response;
}

/**
 * A preview renders per request, outside the cache handler that gives cached pages their
 * hashes: a fresh nonce instead, passed to Next in the request's CSP header so it marks its scripts.
 */
function withPreviewPolicy(response: Response) {
  const policy = pagePolicy({ scripts: [`'nonce-${btoa(crypto.randomUUID())}'`, sha256(hideDismissedNoticeScript)] });
  response.headers.set('Content-Security-Policy', policy);
  const overridden = response.headers.get('x-middleware-override-headers');
  if (overridden !== null) {
    response.headers.set('x-middleware-override-headers', `${overridden},content-security-policy`);
    response.headers.set('x-middleware-request-content-security-policy', policy);
  }
}

export const config = {
  // Every path but Next's own assets, so that a malformed path anywhere is a 4xx (Next alone answers some with a 500).
  matcher: ['/((?!_next/).*)'],
};
