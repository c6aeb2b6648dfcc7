'use strict';
/**
 * Cached pages answered by the site's own server (web/server.mjs) without Next's router.
 *
 * A cached view through Next costs its router, response cache and render of the stored entry:
 * most of the site's CPU once the proxy is skipped (README, Performance). So the server keeps
 * the bytes of the last answer Next gave from its cache to a plain request for a page, and
 * answers the same request with them again for as long as the cache handler still returns the
 * very entry that answer was made from. Nothing here decides freshness itself: every reuse asks
 * the cache handler (the same get Next makes, with its tag checks, across instances with Redis)
 * and falls back to Next at the first doubt. What it remembers:
 * - only GET answers to a request the proxy's fast path checked (published-page-screen.cjs),
 *   without a query string and with no header outside PLAIN_REQUEST_HEADERS (Next's router
 *   headers, RSC requests, preview and revalidation headers all go to Next);
 * - only a 200 that Next served from its cache (x-nextjs-cache: HIT), during which the cache
 *   handler reported exactly one page entry (reportServedPage);
 * - per path and Accept-Encoding value: the answer as Next wrote it (compressed or not), without
 *   the visit's locale cookie (the screen sets each visit's own) or connection headers; an answer
 *   in which Next set a cookie of its own is not reused.
 * A revalidated tag, a newer write on any instance, an unpublished page (a 404 entry), or the
 * page's own revalidate time passing: the handler returns another entry (or none), and Next answers.
 * Plain CommonJS: the server loads it without compiling; the cache handlers report into it.
 */
const { AsyncLocalStorage } = require('node:async_hooks');

// Next's in-process record of revalidated tags (also written by our Redis handler for this instance).
const { areTagsExpired, areTagsStale } = require('next/dist/server/lib/incremental-cache/tags-manifest.external.js');

const CAPTURE = Symbol.for('clinic.site.page-capture');
const CACHE_TAGS_HEADER = 'x-next-cache-tags';
/** On an answer given from memory, when the server runs with SITE_PAGE_MEMORY_TRACE=1. */
const TRACE_HEADER = 'x-clinic-page-memory';

/**
 * Request headers a plain page visit may carry; any other sends the request to Next unremembered.
 * Next varies a page's answer on its router headers (rsc, next-router-*, next-url…), on preview
 * and revalidation headers, and on Accept-Encoding, which is part of the key.
 */
const PLAIN_REQUEST_HEADERS = new Set([
  'host', 'user-agent', 'accept', 'accept-language', 'accept-encoding', 'cookie', 'connection', 'cache-control', 'pragma',
  'referer', 'dnt', 'priority', 'upgrade-insecure-requests', 'te',
  'sec-fetch-dest', 'sec-fetch-mode', 'sec-fetch-site', 'sec-fetch-user', 'sec-gpc',
  'sec-ch-ua', 'sec-ch-ua-mobile', 'sec-ch-ua-platform',
  'x-forwarded-for', 'x-forwarded-proto', 'x-forwarded-host', 'x-real-ip',
  // Set by web/server.mjs itself on the requests it has checked.
  'x-clinic-edge-checked', 'x-next-intl-locale',
]);
/** Headers of Next's answer that belong to one response, not to the page. */
const PER_RESPONSE_HEADERS = new Set(['set-cookie', 'date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length']);
const MAX_ENCODING_HEADER_LENGTH = 100;
const MAX_PAGE_BYTES = 4 * 1024 * 1024;
const SHARED_MAX_AGE = /(?:^|,)\s*s-maxage=(\d+)/;

/** The one capture store of the process, shared by the server and the cache handlers (whichever loads first creates it). */
function captureStore() {
  globalThis[CAPTURE] ??= new AsyncLocalStorage();
  return globalThis[CAPTURE];
}

/**
 * Called by the cache handlers' get with every page entry they return. Inside a request the
 * server is capturing, it records where the entry came from, so that the answer can be reused
 * while the same get returns the same entry. Outside one, it does nothing.
 */
function reportServedPage(handler, key, ctx, entry) {
  const capture = captureStore().getStore();
  if (!capture || entry?.value?.kind !== 'APP_PAGE') return;
  capture.reported += 1;
  capture.source = { handler, key, ctx, entry };
}

/** The key of a request whose answer may be remembered and reused, or null. `page` is the screen's verdict. */
function rememberableKey(method, url, headers, page) {
  if (!page || method !== 'GET' || url.includes('?')) return null;
  for (const name in headers) if (!PLAIN_REQUEST_HEADERS.has(name)) return null;
  const encoding = headers['accept-encoding'] ?? '';
  if (encoding.length > MAX_ENCODING_HEADER_LENGTH) return null;
  return `${url}\n${encoding}`;
}

/** How long Next serves the entry as fresh: its shared max-age, from the entry's own lifetime or the answer's Cache-Control. */
function freshForMs(entry, cacheControlHeader) {
  const revalidate = entry.cacheControl?.revalidate;
  if (typeof revalidate === 'number') return revalidate * 1000;
  if (revalidate === false) return Infinity;
  const match = SHARED_MAX_AGE.exec(String(cacheControlHeader ?? ''));
  return match ? Number(match[1]) * 1000 : 0;
}

/**
 * The remembered answers of one server process, least recently used dropped first past `maxBytes`.
 * `trace` marks each answer given from memory with TRACE_HEADER (for tests); `now` is for tests.
 */
function createPageMemory({ maxBytes = 64 * 1024 * 1024, trace = false, now = Date.now } = {}) {
  /** key -> { headers: [name, value][], body: Buffer, source, freshUntil } */
  const answers = new Map();
  let bytes = 0;

  const forget = (key) => {
    const answer = answers.get(key);
    if (!answer) return;
    answers.delete(key);
    bytes -= answer.body.length;
  };

  const remember = (key, answer) => {
    forget(key);
    if (answer.body.length > MAX_PAGE_BYTES) return;
    answers.set(key, answer);
    bytes += answer.body.length;
    for (const oldest of answers.keys()) {
      if (bytes <= maxBytes) break;
      forget(oldest);
    }
  };

  /** Whether the remembered answer may still be given: the cache handler returns the very entry it was made from, still fresh. */
  async function stillServed(answer) {
    if (now() >= answer.freshUntil) return false;
    const { handler, key, ctx, entry } = answer.source;
    try {
      if ((await handler.get(key, ctx)) !== entry) return false;
    } catch {
      return false;
    }
    // A tag marked stale only leaves the entry with the handler, but Next would then render the page again in the background.
    const tags = entry.value.headers?.[CACHE_TAGS_HEADER];
    if (typeof tags !== 'string' || !tags) return true;
    const list = tags.split(',');
    return !areTagsStale(list, entry.lastModified) && !areTagsExpired(list, entry.lastModified);
  }

  return {
    get size() {
      return answers.size;
    },

    /**
     * Answers `res` with the remembered answer for `key` when it still holds, and says whether it
     * did; `res` already carries the visit's own headers (the locale cookie).
     */
    async answer(key, res) {
      const answer = answers.get(key);
      if (!answer) return false;
      if (!(await stillServed(answer))) {
        if (answers.get(key) === answer) forget(key);
        return false;
      }
      // Most recently used last.
      answers.delete(key);
      answers.set(key, answer);
      for (const [name, value] of answer.headers) res.setHeader(name, value);
      res.setHeader('Content-Length', answer.body.length);
      if (trace) res.setHeader(TRACE_HEADER, 'hit');
      res.writeHead(200);
      res.end(answer.body);
      return true;
    },

    /**
     * Runs `handle` (Next answering the request) while noting the page entry the cache handler
     * serves, and the bytes written; remembers the answer when it is one to reuse. `res.captured`
     * collects the chunks (web/server.mjs's response writes them there).
     */
    async capture(key, res, handle) {
      const capture = { reported: 0, source: null };
      // The visit's own cookie, set before Next runs; an answer in which Next set another is not reused.
      const visitCookie = res.getHeader('set-cookie');
      res.captured = [];
      res.on('finish', () => {
        const chunks = res.captured;
        res.captured = null;
        if (capture.reported !== 1 || !capture.source || res.statusCode !== 200 || res.mode !== 'pass') return;
        if (res.getHeader('x-nextjs-cache') !== 'HIT' || res.getHeader('set-cookie') !== visitCookie) return;
        // Under the names as Next wrote them (HTTP names are case-blind; people reading a capture are not).
        const headers = [];
        for (const name of res.getRawHeaderNames()) if (!PER_RESPONSE_HEADERS.has(name.toLowerCase())) headers.push([name, res.getHeader(name)]);
        const body = Buffer.concat(chunks);
        const freshUntil = capture.source.entry.lastModified + freshForMs(capture.source.entry, res.getHeader('cache-control'));
        if (Number.isNaN(freshUntil)) return;
        remember(key, { headers, body, source: capture.source, freshUntil });
      });
      return captureStore().run(capture, handle);
    },

    forget,
  };
}

module.exports = { PLAIN_REQUEST_HEADERS, TRACE_HEADER, createPageMemory, rememberableKey, reportServedPage };
