'use strict';
/**
 * When the request behind a render began, for the site's cache handlers (web/cache-handler).
 *
 * A render that began before a revalidation may have read the CMS before the change it
 * announces was committed, yet it can finish, and be stored, after the revalidation: stored then,
 * it looks newer than the revalidation and would be served as fresh until the next change (an
 * outside attacker saw a list page stay on the old title for minutes). So web/server.mjs runs
 * every request in this store with its start time, and the cache handlers do not keep an entry
 * whose tags were revalidated after the work that made it began (isVoidedByTags in
 * web/cache-handler/redis-cache.mjs, with that start as the entry's date); the next request renders again.
 * Outside a request (no start known), UNKNOWN_START_MS is assumed: longer than any render.
 * Plain CommonJS: the server and the cache handlers load it without compiling.
 */
const { AsyncLocalStorage } = require('node:async_hooks');

const STORE = Symbol.for('clinic.site.request-start');
const UNKNOWN_START_MS = 30_000;

function requestStarts() {
  globalThis[STORE] ??= new AsyncLocalStorage();
  return globalThis[STORE];
}

/** Runs `handle` as the work of a request that began now. */
function asRequest(handle) {
  return requestStarts().run({ startedAt: Date.now() }, handle);
}

/** When the current work began: its request's start, else UNKNOWN_START_MS ago. */
function workStartedAt(now = Date.now()) {
  return requestStarts().getStore()?.startedAt ?? now - UNKNOWN_START_MS;
}

module.exports = { UNKNOWN_START_MS, asRequest, workStartedAt };
