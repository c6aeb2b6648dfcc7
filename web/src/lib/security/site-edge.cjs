'use strict';
/**
 * What the site's own server (web/server.mjs) does around Next, for the requests and responses
 * Next answers before the proxy (web/src/proxy.ts) runs, or without it:
 * - screenRequest: a method Node's fetch cannot represent (TRACE, CONNECT…) or a target that is
 *   not a path (`OPTIONS *`) makes Next throw a 500 before the proxy; refused here instead.
 * - completeSecurityHeaders: Next's trailing-slash redirects, its 404s under /_next and its own
 *   errors carry none of next.config's headers; every response gets them here when missing.
 * Plain CommonJS: the server loads it without compiling. Kept small: it runs on every request.
 */
const { nonPagePolicy, securityHeaders, DENY_FRAMING } = require('./content-security-policy.cjs');

/** The methods Next's route handlers know; pages take only GET and HEAD (the proxy refuses the rest with 405). */
const KNOWN_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
const API_ROUTE = /^\/api(?:[/?]|$)/;
const ABSOLUTE_FORM = /^https?:\/\/[^/?#]*/i;

/** The Allow header for a path: what the proxy lets through there. */
function allowedMethods(path) {
  return API_ROUTE.test(path) ? [...KNOWN_METHODS].join(', ') : 'GET, HEAD';
}

/**
 * What to do with a request before Next sees it: `{ pass: url }` (the target as a path, which
 * Next can route) or `{ refuse: { status, message, allow? } }`.
 */
function screenRequest(method, target) {
  let url = target;
  // A proxy-style absolute target (RFC 9112 §3.2.2): served as its path (Next would redirect it to itself).
  if (ABSOLUTE_FORM.test(url)) url = url.replace(ABSOLUTE_FORM, '') || '/';
  if (!url.startsWith('/')) return { refuse: { status: 400, message: 'Bad request: the request target must be a path starting with "/".' } };
  if (!KNOWN_METHODS.has(method)) {
    const allow = allowedMethods(url);
    return { refuse: { status: 405, message: `Method not allowed: this address answers ${allow} only.`, allow } };
  }
  return { pass: url };
}

const FRAME_ANCESTORS_NONE = /(?:^|;)\s*frame-ancestors\s+'none'\s*(?:;|$)/i;

/**
 * Fills in the security headers a response lacks, through `headers` (has/get/set/remove by
 * name, as on Node's ServerResponse). Never replaces one that is set: pages carry their own
 * CSP (hashes from the cache handler, a nonce in previews) and the preview flow its own framing.
 * A response without a CSP is not a page the site knows, so it gets the policy under which
 * nothing runs; X-Frame-Options DENY goes with any policy that frames nobody.
 */
function completeSecurityHeaders(headers, staticHeaders = STATIC_HEADERS) {
  for (const { key, value } of staticHeaders) if (!headers.has(key)) headers.set(key, value);
  if (!headers.has('Content-Security-Policy')) headers.set('Content-Security-Policy', nonPagePolicy());
  if (!headers.has(DENY_FRAMING.key)) {
    const policy = headers.get('Content-Security-Policy');
    const policies = Array.isArray(policy) ? policy : [String(policy)];
    if (policies.some((p) => FRAME_ANCESTORS_NONE.test(p))) headers.set(DENY_FRAMING.key, DENY_FRAMING.value);
  }
  headers.remove('X-Powered-By');
}

/** The headers every response carries (HSTS only for production over HTTPS: see content-security-policy.cjs). */
const STATIC_HEADERS = Object.freeze(securityHeaders());

/** The whole of a refusal the server writes itself: plain text, no-store, every security header. */
function refusalHeaders(refusal) {
  const headers = new Map([
    ['Content-Type', 'text/plain; charset=utf-8'],
    ['Cache-Control', 'no-store'],
  ]);
  if (refusal.allow) headers.set('Allow', refusal.allow);
  completeSecurityHeaders({ has: (k) => headers.has(k), get: (k) => headers.get(k), set: (k, v) => headers.set(k, v), remove: (k) => headers.delete(k) });
  return Object.fromEntries(headers);
}

module.exports = { screenRequest, completeSecurityHeaders, refusalHeaders, allowedMethods, KNOWN_METHODS };
