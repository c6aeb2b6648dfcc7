/**
 * Where a page's 404 render is kept: a small in-process memory, never the shared cache or the
 * disk. Any path under a locale is a page that may exist (a slug), so every address a crawler or
 * a typo invents renders a 404, about 60 KB with its RSC payload; stored like a page, each one
 * would grow the cache for good. Kept here, the same few 404s are still served from memory, and
 * the rest render again (cheaply: the CMS reads behind them are in Next's data cache).
 */

/** How many 404 renders one process keeps (SITE_NOT_FOUND_PAGES_KEPT, default 100: about 10 MB). */
export function notFoundPagesKept(env = process.env) {
  const wanted = Number(env.SITE_NOT_FOUND_PAGES_KEPT);
  return Number.isInteger(wanted) && wanted >= 0 ? wanted : 100;
}

/** A page render that answers 404 (an unknown slug, a path no page has, an unpublished page). */
export function isNotFoundRender(value) {
  return value?.kind === 'APP_PAGE' && value.status === 404;
}

/** Least recently used first out (404 renders here; redis-cache.mjs keeps its decoded entries in one too). */
export class BoundedMemory {
  constructor(max = notFoundPagesKept()) {
    this.max = max;
    this.entries = new Map();
  }

  get size() {
    return this.entries.size;
  }

  get(key) {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    // Map keeps insertion order: re-inserting marks it as the most recently used.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  set(key, entry) {
    this.entries.delete(key);
    if (this.max === 0) return;
    this.entries.set(key, entry);
    while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value);
  }

  delete(key) {
    this.entries.delete(key);
  }
}
