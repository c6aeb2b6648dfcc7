'use strict';
/**
 * The site's Content-Security-Policy, shared by next.config, the proxy and the cache handler
 * (plain CommonJS: the cache handler is loaded by `next start` without compiling).
 *
 * Pages are served from Next's cache, so a per-request nonce (which forces every page to render
 * per request) is the wrong trade. Instead a cached page carries a policy naming the SHA-256 of
 * each of its own inline scripts, computed from the HTML when the entry is stored; everything
 * else is 'self'. Nothing allows 'unsafe-inline' or 'unsafe-eval'.
 */
const { createHash } = require('node:crypto');

/** Script types a browser executes; data blocks (application/ld+json) are never run, so never listed. */
const EXECUTABLE_TYPES = new Set(['', 'text/javascript', 'application/javascript', 'module']);
const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const STYLE = /<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi;
const ATTRIBUTE = (name) => new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i');

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

function attribute(attributes, name) {
  const match = ATTRIBUTE(name).exec(attributes);
  return match ? (match[1] ?? match[2] ?? match[3] ?? '') : undefined;
}

/** The hash sources of the inline scripts a browser would run from this HTML, in order, once each. */
function inlineScriptHashes(html) {
  const hashes = new Set();
  for (const [, attributes, body] of html.matchAll(SCRIPT)) {
    if (/(?:^|\s)src(?:\s|=|$)/i.test(attributes)) continue;
    const type = (attribute(attributes, 'type') ?? '').trim().toLowerCase();
    if (!EXECUTABLE_TYPES.has(type)) continue;
    hashes.add(sha256(body));
  }
  return [...hashes];
}

/** The hash sources of the page's inline <style> elements (Next inlines none today; kept exact if it does). */
function inlineStyleHashes(html) {
  return [...new Set([...html.matchAll(STYLE)].map(([, body]) => sha256(body)))];
}

/** Where the browser may load images from: ours, data: URLs, and the CMS's public address (pictures). */
function imageSources(env = process.env) {
  const sources = ["'self'", 'data:'];
  for (const url of [env.CMS_PUBLIC_URL, env.CMS_URL]) {
    try {
      if (url) sources.push(new URL(url).origin);
    } catch {
      // not a URL: nothing more is allowed
    }
  }
  return [...new Set(sources)];
}

/** Whether responses say "HTTPS only" (HSTS, upgrade-insecure-requests): production served over HTTPS. */
function httpsOnly(env = process.env) {
  if (env.SITE_HSTS === 'false') return false;
  if (env.SITE_HSTS === 'true') return true;
  return env.NODE_ENV === 'production' && /^https:/i.test(env.SITE_URL ?? '');
}

/** A host name or IP literal, nothing a CSP source would read as a wildcard or a second source. */
const PLAIN_HOST = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])$/;

/**
 * Who may frame a draft preview: the CMS admin's origin alone (its preview panel is an iframe),
 * from an http(s) address; anything else, or nothing, frames nobody.
 */
function previewFrameAncestors(adminUrl) {
  try {
    const url = new URL(adminUrl);
    if ((url.protocol === 'http:' || url.protocol === 'https:') && PLAIN_HOST.test(url.hostname)) return url.origin;
  } catch {
    // not a URL: nobody
  }
  return "'none'";
}

/**
 * The policy of an HTML page. `scripts` and `styles` are hash or nonce sources; with none, no
 * inline script may run at all. `frameAncestors` is 'none' but for previews (previewFrameAncestors).
 */
function pagePolicy({ scripts = [], styles = [], frameAncestors = "'none'", env = process.env } = {}) {
  return [
    "default-src 'self'",
    `script-src 'self' ${scripts.join(' ')}`.trim(),
    `style-src 'self' ${styles.join(' ')}`.trim(),
    `img-src ${imageSources(env).join(' ')}`,
    "font-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
    ...(httpsOnly(env) ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

/** The policy of everything that is not a page (route handlers, files, redirects, refusals): nothing may run. */
function nonPagePolicy({ frameAncestors = "'none'" } = {}) {
  return `default-src 'none'; img-src 'self'; style-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors ${frameAncestors}`;
}

/**
 * For every response but the preview flow (see next.config): the preview entry route and draft
 * pages name the admin in frame-ancestors instead, and must not carry this header too.
 */
const DENY_FRAMING = Object.freeze({ key: 'X-Frame-Options', value: 'DENY' });

/**
 * Headers for every response (next.config's headers()). The Content-Security-Policy is not
 * among them: pages get theirs from the cache handler, everything else from nonPagePolicy().
 * Nor is X-Frame-Options (DENY_FRAMING), which the preview flow must not carry.
 */
function securityHeaders(env = process.env) {
  return [
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()' },
    { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
    ...(httpsOnly(env) ? [{ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' }] : []),
  ];
}

/** The policy for one cached page, from its HTML. */
function policyForHtml(html, env = process.env) {
  return pagePolicy({ scripts: inlineScriptHashes(html), styles: inlineStyleHashes(html), env });
}

module.exports = { securityHeaders, DENY_FRAMING, previewFrameAncestors, inlineScriptHashes, inlineStyleHashes, pagePolicy, nonPagePolicy, policyForHtml, httpsOnly, sha256 };
