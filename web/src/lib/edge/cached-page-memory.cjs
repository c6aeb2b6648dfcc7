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
 * - per path and Accept-Encoding value (at most MAX_VARIANTS_PER_PATH of them): the answer as
 *   Next wrote it (compressed or not), without the visit's locale cookie (the screen sets each
 *   visit's own) or connection headers; an answer in which Next set a cookie of its own is not
 *   reused, and a request with a preview cookie is left to Next (which clears it).
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
/** Answers kept per path: Next compresses to gzip, deflate or nothing, so a few Accept-Encoding spellings cover every browser. */
const MAX_VARIANTS_PER_PATH = 4;
const MAX_PAGE_BYTES = 4 * 1024 * 1024;
const SHARED_MAX_AGE = /(?:^|,)\s*s-maxage=(\d+)/;
/** Next's preview cookies: Next answers a request carrying one with cookies of its own. */
const PREVIEW_COOKIE = /__prerender_bypass|__next_preview_data/;
/** The clock Next judges an entry's age by. */
const nextClock = () => performance.timeOrigin + performance.now();

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
  if (headers.cookie !== undefined && PREVIEW_COOKIE.test(headers.cookie)) return null;
  const encoding = headers['accept-encoding'] ?? '';
  if (encoding.length > MAX_ENCODING_HEADER_LENGTH) return null;
  return `${url}\n${encoding}`;
}

/**
 * How long Next serves the entry without rendering it again: its revalidate time (from the
 * entry, else the answer's s-maxage), or its expire time when that comes first.
 */
function freshForMs(entry, cacheControlHeader) {
  const { revalidate, expire } = entry.cacheControl ?? {};
  let seconds;
  if (typeof revalidate === 'number') seconds = revalidate;
  else if (revalidate === false) seconds = Infinity;
  else {
    const match = SHARED_MAX_AGE.exec(String(cacheControlHeader ?? ''));
    seconds = match ? Number(match[1]) : 0;
  }
  if (typeof expire === 'number') seconds = Math.min(seconds, expire);
  return seconds * 1000;
}

/** Web/server.mjs's response calls this with each chunk it writes: kept while an answer is noted, up to the largest page kept. */
function keepChunk(res, chunk, encoding) {
  const captured = res.captured;
  if (!captured || chunk == null || typeof chunk === 'function') return;
  const bytes = typeof chunk === 'string' ? Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8') : Buffer.from(chunk);
  captured.bytes += bytes.length;
  if (captured.bytes > MAX_PAGE_BYTES) res.captured = null;
  else captured.chunks.push(bytes);
}

/** Web/server.mjs's response calls this as its head is written: only a 200 from Next's cache is noted further. */
function headWritten(res) {
  if (res.captured && (res.statusCode !== 200 || res.getHeader('x-nextjs-cache') !== 'HIT')) res.captured = null;
}

const pathOf = (key) => key.slice(0, key.indexOf('\n'));
const sizeOf = (headers, body) => headers.reduce((sum, [name, value]) => sum + name.length + String(value).length, body.length + 256);

/**
 * The remembered answers of one server process, least recently used dropped first past
 * `maxBytes` (bodies and headers). Each holds its cache entry weakly: an entry the handler has
 * dropped cannot be returned again, and is not kept alive here.
 * `trace` marks each answer given from memory with TRACE_HEADER (for tests); `now` is for tests.
 */
function createPageMemory({ maxBytes = 64 * 1024 * 1024, trace = false, now = nextClock } = {}) {
  /** key -> { headers: [name, value][], body: Buffer, size, source: { handler, key, ctx, entry: WeakRef, tags, lastModified }, freshUntil } */
  const answers = new Map();
  /** path -> how many keys (Accept-Encoding spellings) it has */
  const variants = new Map();
  let bytes = 0;

  const forget = (key) => {
    const answer = answers.get(key);
    if (!answer) return;
    answers.delete(key);
    bytes -= answer.size;
    const path = pathOf(key);
    const left = variants.get(path) - 1;
    if (left > 0) variants.set(path, left);
    else variants.delete(path);
  };

  const remember = (key, answer) => {
    forget(key);
    const path = pathOf(key);
    if (answer.size > MAX_PAGE_BYTES || (variants.get(path) ?? 0) >= MAX_VARIANTS_PER_PATH) return;
    answers.set(key, answer);
    variants.set(path, (variants.get(path) ?? 0) + 1);
    bytes += answer.size;
    for (const oldest of answers.keys()) {
      if (bytes <= maxBytes) break;
      forget(oldest);
    }
  };

  /** Whether the remembered answer may still be given: the cache handler returns the very entry it was made from, still fresh. */
  async function stillServed(answer) {
    if (now() >= answer.freshUntil) return false;
    const { handler, key, ctx, entry, tags, lastModified } = answer.source;
    try {
      const served = await handler.get(key, ctx);
      if (!served || served !== entry.deref()) return false;
    } catch {
      return false;
    }
    // A tag marked stale only leaves the entry with the handler, but Next would then render the page again in the background.
    return !tags || (!areTagsStale(tags, lastModified) && !areTagsExpired(tags, lastModified));
  }

  return {
    get size() {
      return answers.size;
    },

    get bytes() {
      return bytes;
    },

    /**
     * Answers `res` with the remembered answer for `key` when it still holds, and says whether it
     * did; `res` already carries the visit's own headers (the locale cookie).
     */
    async answer(key, res) {
      const answer = answers.get(key);
      if (!answer) return false;
      const served = await stillServed(answer);
      // Another request may have replaced or dropped the answer meanwhile: only the one checked is moved or forgotten.
      if (answers.get(key) === answer) {
        forget(key);
        if (served) remember(key, answer);
      }
      if (!served) return false;
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
     * collects the chunks (web/server.mjs's response hands them to keepChunk).
     */
    async capture(key, res, handle) {
      const capture = { reported: 0, source: null };
      // The visit's own cookie, set before Next runs; an answer in which Next set another is not reused.
      const visitCookie = res.getHeader('set-cookie');
      res.captured = { chunks: [], bytes: 0 };
      res.on('finish', () => {
        const captured = res.captured;
        res.captured = null;
        if (!captured || capture.reported !== 1 || !capture.source || res.statusCode !== 200 || res.mode !== 'pass') return;
        if (res.getHeader('x-nextjs-cache') !== 'HIT' || res.getHeader('set-cookie') !== visitCookie) return;
        // Under the names as Next wrote them (HTTP names are case-blind; people reading a capture are not).
        const headers = [];
        for (const name of res.getRawHeaderNames()) if (!PER_RESPONSE_HEADERS.has(name.toLowerCase())) headers.push([name, res.getHeader(name)]);
        const body = Buffer.concat(captured.chunks);
        const { handler, key: entryKey, ctx, entry } = capture.source;
        const freshUntil = entry.lastModified + freshForMs(entry, res.getHeader('cache-control'));
        if (Number.isNaN(freshUntil)) return;
        const tagHeader = entry.value.headers?.[CACHE_TAGS_HEADER];
        const tags = typeof tagHeader === 'string' && tagHeader ? tagHeader.split(',') : null;
        const source = { handler, key: entryKey, ctx, entry: new WeakRef(entry), tags, lastModified: entry.lastModified };
        remember(key, { headers, body, size: sizeOf(headers, body), source, freshUntil });
      });
      return captureStore().run(capture, handle);
    },

    forget,
  };
}

module.exports = { PLAIN_REQUEST_HEADERS, TRACE_HEADER, createPageMemory, headWritten, keepChunk, rememberableKey, reportServedPage };
