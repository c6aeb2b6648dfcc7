import createMiddleware from 'next-intl/middleware';
import { NextResponse, type NextRequest } from 'next/server';
import { ResponseCookies, type ResponseCookie } from 'next/dist/compiled/@edge-runtime/cookies';
import { siteRouting } from './i18n/routing';
import { getSiteLocales } from './lib/cms/site-locales';
import { pathProblem } from './lib/request-path';
import { cmsKnownDown } from './lib/cms/cms-outage';
import { errorPageResponse, rememberErrorPageFacts, type ProxyError } from './lib/errors/error-response';
import { notFoundOutsideEveryLocale } from './lib/errors/outside-every-locale';
import { isLoopback, servedWhileCmsDown } from './lib/errors/while-cms-down';
import type { SiteLocale } from './lib/cms/types';
import { nonPagePolicy, pagePolicy, previewFrameAncestors, sha256 } from './lib/security/content-security-policy.cjs';
import { CMS_ADMIN_URL } from './lib/cms/cms-url';
import { hideDismissedNoticeScript } from './components/layout/hide-dismissed-notice-script';
import { PREVIEW_PAGE_HEADER } from './lib/preview/preview-session';
// NOT_A_PAGE: API routes, metadata routes and files, checked for bad input below but not routed by locale.
import { NOT_A_PAGE, edgeState } from './lib/edge/published-page-screen.cjs';

const READ_METHODS = new Set(['GET', 'HEAD']);
const API_ROUTE = /^\/api(?:\/|$)/;
// A method outside these (PROPFIND, TRACE…) is no route handler's: refused here rather than left to Next.
const ROUTE_HANDLER_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

const DRAFT_MODE_COOKIE = '__prerender_bypass';
// Set by web/server.mjs when it asks again for a page Next answered with a 500 (a visitor who sends it only gets a 503 sooner).
const SECOND_TRY_HEADER = 'x-clinic-second-try';
// next-intl's header for the request's locale (what its middleware sets on every page request it lets through).
const LOCALE_HEADER = 'X-NEXT-INTL-LOCALE';

// next-intl's middleware for the CMS's current locales, rebuilt only when they change.
let routed: { locales: SiteLocale[]; handle: ReturnType<typeof createMiddleware>; codes: Set<string>; cookie: ResponseCookie } | null = null;

function routingFor(locales: SiteLocale[]) {
  if (routed?.locales !== locales) {
    const routing = siteRouting(locales);
    // siteRouting always sets the cookie's name and attributes.
    const cookie = { ...(routing.localeCookie as Omit<ResponseCookie, 'value'>), value: '' };
    routed = { locales, handle: createMiddleware(routing), codes: new Set(routing.locales), cookie };
    // For web/server.mjs, which lets the requests publishedPageInKnownLocale would pass skip the proxy altogether.
    edgeState().pageRouting = { localeCodes: routed.codes, localeCookieName: cookie.name, localeCookie: localeCookieFor(cookie) };
  }
  return routed;
}

/**
 * The Set-Cookie header `response.cookies.set` writes for the locale cookie (the same code: Next's
 * ResponseCookies). Its Expires is to the second, so the header is made once per locale and second:
 * the server sets it on most first visits, where making it was a tenth of a cached view's work.
 */
function localeCookieFor(cookie: ResponseCookie): (locale: string) => string {
  const made = new Map<string, { second: number; header: string }>();
  return (locale) => {
    const second = Math.floor(Date.now() / 1000);
    const known = made.get(locale);
    if (known?.second === second) return known.header;
    const header = new ResponseCookies(new Headers()).set({ ...cookie, value: locale }).toString();
    made.set(locale, { second, header });
    return header;
  };
}

export async function proxy(request: NextRequest) {
  // A path no page can have is the visitor's mistake: a 4xx that says why, before routing or the CMS.
  const problem = pathProblem(request.nextUrl.pathname);
  if (problem) return errorPage(request, await getSiteLocales(), { kind: 'badPath', problem });
  // Pages, files and Next's data are read-only; API route handlers take the methods Next knows (each refuses those it lacks with a 405).
  const methods = API_ROUTE.test(request.nextUrl.pathname) ? ROUTE_HANDLER_METHODS : READ_METHODS;
  if (!methods.has(request.method)) return methodNotAllowed(methods === READ_METHODS ? 'GET, HEAD' : [...methods].join(', '));
  if (request.nextUrl.pathname === '/sitemap.xml' && request.headers.has(SECOND_TRY_HEADER) && cmsKnownDown()) return sitemapUnavailable();
  if (NOT_A_PAGE.test(request.nextUrl.pathname)) return (await notFoundOutsideEveryLocale(request)) ?? (request.cookies.has(DRAFT_MODE_COOKIE) ? withPageNamed(request) : NextResponse.next());
  const page = publishedPageInKnownLocale(request);
  if (page) return page;
  const locales = await getSiteLocales();
  const { handle } = routingFor(locales);
  rememberErrorPageFacts(locales);
  const response = handle(request);
  // Where a redirect leads depends on the visitor's cookie and browser language.
  if (response.headers.has('location')) {
    response.headers.set('Vary', 'Accept-Language, Cookie');
    response.headers.set('Content-Security-Policy', nonPagePolicy());
  }
  // Draft previews are for editors and physicians only: never indexed, never cached.
  if (request.cookies.has(DRAFT_MODE_COOKIE)) {
    response.headers.set('X-Robots-Tag', 'noindex, nofollow');
    response.headers.set('Cache-Control', 'private, no-store');
    if (!response.headers.has('location')) {
      // A preview session opens drafts on its own page only: the page learns which page it is from here, never from the visitor.
      if (!passToPage(response, PREVIEW_PAGE_HEADER, request.nextUrl.pathname)) return withoutDraftMode(request);
      withPreviewPolicy(response);
    }
  }
  // With the CMS down, a page Next has not cached cannot render: the proxy's localized 503, not Next's 500.
  const read = request.method === 'GET' || request.method === 'HEAD';
  if (read && !response.headers.has('location') && !isLoopback(request) && cmsKnownDown()) {
    return servedWhileCmsDown(request, () => errorPage(request, locales, { kind: 'unavailable' }));
  }
  return response;
}

/**
 * What most requests are, cached pages included: a published page under a locale the proxy
 * already knows, while no CMS read has failed. Nothing here needs the CMS or waits on anything:
 * the request goes on to Next (from its cache, for a cached page) with only the locale cookie
 * kept as next-intl keeps it. Null for everything else (the full routing below): "/" and paths
 * outside a known locale, draft previews, the proxy's own loopback, the CMS taken to be down,
 * and a first visit with an Accept-Language, whose language next-intl negotiates.
 * The locales are those the full routing last read (refreshed there, at most once a minute).
 * web/server.mjs makes the same decision before Next (lib/edge/published-page-screen.cjs) and
 * marks what it is sure of, which never reaches here: keep the two in step.
 */
function publishedPageInKnownLocale(request: NextRequest): NextResponse | null {
  if (!routed || request.cookies.has(DRAFT_MODE_COOKIE) || isLoopback(request)) return null;
  const { pathname } = request.nextUrl;
  const end = pathname.indexOf('/', 1);
  const locale = pathname.slice(1, end === -1 ? undefined : end);
  if (!routed.codes.has(locale)) return null;
  const cookie = request.cookies.get(routed.cookie.name)?.value;
  if (cookie === undefined && request.headers.has('accept-language')) return null;
  if (cmsKnownDown()) return null;
  const headers = new Headers(request.headers);
  headers.set(LOCALE_HEADER, locale);
  const response = NextResponse.next({ request: { headers } });
  // As next-intl: only a document request is a visit (not a prefetch); a first visit without Accept-Language gets the cookie too.
  const dest = request.headers.get('sec-fetch-dest');
  if ((dest === null || dest === 'document') && cookie !== locale) {
    response.cookies.set({ ...routed.cookie, value: locale });
  }
  return response;
}

/**
 * Gives the page a request header of the proxy's choosing, replacing any the visitor sent, the
 * way next-intl passes its locale (Next's request-header override). False when the response
 * carries no override, which next-intl sets on every page it lets through.
 */
function passToPage(response: Response, name: string, value: string): boolean {
  const overridden = response.headers.get('x-middleware-override-headers');
  if (overridden === null) return false;
  const names = overridden.split(',');
  if (!names.includes(name)) response.headers.set('x-middleware-override-headers', [...names, name].join(','));
  response.headers.set(`x-middleware-request-${name}`, value);
  return true;
}

/**
 * A request with the draft-mode cookie that the routing below does not see (the sitemap, files,
 * API routes, any path with a dot, which the site's catch-all pages also render): it goes on
 * with the page named by the proxy, never by the visitor, so a preview session opens nothing here.
 */
function withPageNamed(request: NextRequest): NextResponse {
  const headers = new Headers(request.headers);
  headers.set(PREVIEW_PAGE_HEADER, request.nextUrl.pathname);
  return NextResponse.next({ request: { headers } });
}

/** The same address without the draft-mode cookie: a preview the proxy cannot scope is not opened. */
function withoutDraftMode(request: NextRequest): Response {
  const response = NextResponse.redirect(request.nextUrl, 307);
  // Deleted with the attributes it was set with, or a browser keeps it inside the admin's preview frame (cross-site).
  response.cookies.set(DRAFT_MODE_COOKIE, '', { expires: new Date(0), path: '/', httpOnly: true, sameSite: 'none', secure: true });
  response.headers.set('Cache-Control', 'no-store');
  response.headers.set('Content-Security-Policy', nonPagePolicy());
  return response;
}

/**
 * The sitemap reads the CMS when its reads are not cached: with the CMS down its render fails,
 * and its second try (web/server.mjs) is answered here, a 503 to retry, not a 500. A cached
 * sitemap is still served while the CMS is down (the first try succeeds).
 */
function sitemapUnavailable(): Response {
  const headers = new Headers({ 'Retry-After': '30', 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Security-Policy': nonPagePolicy() });
  return new Response('The sitemap is temporarily unavailable: the content service is not answering. Please try again shortly.\n', { status: 503, headers });
}

/** A method the address does not take (on a page, any but GET and HEAD): a 405 naming those it takes, under the strict policy (Next alone answers 500 or 400). */
function methodNotAllowed(allow: string): Response {
  const headers = new Headers({ Allow: allow, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Security-Policy': nonPagePolicy() });
  return new Response(`Method not allowed: this address answers ${allow} only.\n`, { status: 405, headers });
}

/** The proxy's own error page (see lib/errors): localized HTML with no script, under the strict policy. */
async function errorPage(request: NextRequest, locales: SiteLocale[], error: ProxyError): Promise<Response> {
  const page = await errorPageResponse(request, locales, error);
  page.headers.set('Content-Security-Policy', nonPagePolicy());
  return page;
}

/**
 * A preview renders per request, outside the cache handler that gives cached pages their
 * hashes: a fresh nonce instead, passed to Next in the request's CSP header so it marks its scripts.
 * The CMS admin's preview panel frames it, so the admin's origin (and only it) may; next.config
 * leaves X-Frame-Options off requests with the draft cookie. A forged cookie gets no draft, and
 * still no frame but the admin's.
 */
function withPreviewPolicy(response: Response) {
  const scripts = [`'nonce-${btoa(crypto.randomUUID())}'`, sha256(hideDismissedNoticeScript)];
  const policy = pagePolicy({ scripts, frameAncestors: previewFrameAncestors(CMS_ADMIN_URL) });
  response.headers.set('Content-Security-Policy', policy);
  const overridden = response.headers.get('x-middleware-override-headers');
  if (overridden !== null) {
    response.headers.set('x-middleware-override-headers', `${overridden},content-security-policy`);
    response.headers.set('x-middleware-request-content-security-policy', policy);
  }
}

export const config = {
  matcher: [
    {
      // Every path but Next's own assets, so that a malformed path anywhere is a 4xx (Next alone answers some with a 500);
      // an asset path with a percent-encoding is checked too (Next answers /_next/static/%ff with a 500).
      source: '/((?!_next/[^%]*$).*)',
      // Except a request web/server.mjs has checked and marked (EDGE_CHECKED_HEADER, which it strips from every incoming request):
      // a published page this proxy would let through untouched. A literal: Next reads this config without running the module.
      missing: [{ type: 'header', key: 'x-clinic-edge-checked' }],
    },
  ],
};
