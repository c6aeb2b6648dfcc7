'use strict';
/**
 * The proxy's fast path, decided before Next by the site's own server (web/server.mjs).
 *
 * Most requests are a published page in a locale the proxy knows (cached pages included), which
 * the proxy (src/proxy.ts, publishedPageInKnownLocale) lets through untouched but for the locale
 * cookie. Running Next's middleware adapter for them costs about a quarter of a cached view's
 * CPU, and a static matcher cannot tell them apart (method, the CMS's locales, cookies, an
 * outage). So the server makes the same decision on Node's request and marks the requests it has
 * fully checked with EDGE_CHECKED_HEADER; the proxy's matcher is `missing` that header, so Next
 * skips the proxy for them and keeps it for everything else. The server strips the header from
 * every incoming request first: a visitor can never send it.
 *
 * What the decision needs from the proxy (the locales it last routed, the locale cookie, whether
 * the CMS is taken to be down) is published by the proxy's bundle, which Next loads with a plain
 * require in this same process, on one process-wide object (edgeState). Until it is there, and for
 * anything this screen is unsure of, nothing is marked and the proxy runs as before.
 * Plain CommonJS: the server loads it without compiling. Kept small: it runs on every request.
 */

/** Set by web/server.mjs on a request it has checked; the proxy's matcher skips such requests. */
const EDGE_CHECKED_HEADER = 'x-clinic-edge-checked';
const EDGE_STATE = Symbol.for('clinic.site.edge-state');

/** The proxy's own loopback while the CMS is down (src/lib/errors/while-cms-down.ts): the proxy must see it. */
const PROXY_LOOPBACK_HEADER = 'x-clinic-while-cms-down';
const DRAFT_MODE_COOKIE = '__prerender_bypass';
/** API routes, metadata routes and files: the proxy does not route them by locale (src/proxy.ts). */
const NOT_A_PAGE = /^\/(?:api|_next\/|sitemap\.xml|robots\.txt|favicon\.ico|.*\.)/;
/**
 * A path the proxy's path check passes for certain: plain segments, no percent-encoding, dot,
 * empty segment or trailing slash (Next redirects those before the proxy). Anything else, e.g. a
 * slug with an encoded accent, is still served, through the proxy.
 */
const PLAIN_PAGE_PATH = /^\/([A-Za-z0-9-]+)(?:\/[A-Za-z0-9_~-]+)*$/;
const MAX_SCREENED_PATH_LENGTH = 512;

/**
 * @typedef {{
 *   pageRouting: null | { localeCodes: ReadonlySet<string>, localeCookieName: string, localeCookie: (locale: string) => string },
 *   cmsTakenDown: null | (() => boolean),
 *   cmsAnsweredAt: number,
 * }} EdgeState
 */

/** The one object the proxy's bundle writes and the server reads (created by whichever comes first). */
function edgeState() {
  /** @type {EdgeState | undefined} */
  let state = globalThis[EDGE_STATE];
  if (!state) {
    state = { pageRouting: null, cmsTakenDown: null, cmsAnsweredAt: 0 };
    globalThis[EDGE_STATE] = state;
  }
  return state;
}

/**
 * The locale cookie's value as the proxy reads it, when this can be sure of it: `{ value }`
 * (undefined: no such cookie), or null when the header holds the name in any form but one plain
 * `name=value` pair (twice, inside another cookie, encoded…).
 */
function plainCookieValue(header, name) {
  if (header === undefined) return { value: undefined };
  const mentions = header.split(name).length - 1;
  if (mentions === 0) return { value: undefined };
  if (mentions > 1) return null;
  for (const pair of header.split(/; */)) {
    if (!pair.includes(name)) continue;
    const match = /^([^=]*)=([A-Za-z0-9-]*)$/.exec(pair);
    return match && match[1] === name ? { value: match[2] } : null;
  }
  return null;
}

/**
 * Whether the proxy would let this request through untouched but for the locale cookie:
 * `{ locale, setCookie }` (the Set-Cookie the proxy would add, or null) when it certainly would,
 * else null (the proxy decides). `headers` are Node's (lower-case names).
 */
function screenPublishedPage(method, target, headers, state = edgeState()) {
  const routing = state.pageRouting;
  if (!routing || typeof state.cmsTakenDown !== 'function') return null;
  if (method !== 'GET' && method !== 'HEAD') return null;
  const query = target.indexOf('?');
  const path = query === -1 ? target : target.slice(0, query);
  if (path.length > MAX_SCREENED_PATH_LENGTH || NOT_A_PAGE.test(path)) return null;
  const match = PLAIN_PAGE_PATH.exec(path);
  if (!match || !routing.localeCodes.has(match[1])) return null;
  const locale = match[1];
  if (headers[PROXY_LOOPBACK_HEADER] !== undefined) return null;
  const cookieHeader = headers.cookie;
  if (cookieHeader !== undefined && cookieHeader.includes(DRAFT_MODE_COOKIE)) return null;
  const cookie = plainCookieValue(cookieHeader, routing.localeCookieName);
  if (!cookie) return null;
  // A first visit with a browser language: next-intl negotiates it, in the proxy.
  if (cookie.value === undefined && headers['accept-language'] !== undefined) return null;
  if (state.cmsTakenDown()) return null;
  // As the proxy (and next-intl): only a document request is a visit, not a prefetch.
  const dest = headers['sec-fetch-dest'];
  const setCookie = (dest === undefined || dest === 'document') && cookie.value !== locale ? routing.localeCookie(locale) : null;
  return { locale, setCookie };
}

module.exports = { EDGE_CHECKED_HEADER, NOT_A_PAGE, edgeState, screenPublishedPage };
