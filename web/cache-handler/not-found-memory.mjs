import { createRequire } from 'node:module';

/**
 * What is kept only in a small in-process memory, never the shared cache or the disk: what any
 * invented address would otherwise add to them for good.
 * - A page's 404 render. Any path under a locale is a page that may exist (a slug), so every
 *   address a crawler or a typo invents renders a 404, about 60 KB with its RSC payload.
 * - A CMS read keyed by the address (a slug, a page number: tagged ADDRESSED_READ_TAG by the
 *   site's CMS boundary). Each invented slug asked the CMS once and left a file in the data cache.
 * Kept here, the same few are still served from memory, and the rest are read and rendered again.
 */
const { ADDRESSED_READ_TAG } = createRequire(import.meta.url)('../src/lib/cms/addressed-read.cjs');

/** How many 404 renders one process keeps (SITE_NOT_FOUND_PAGES_KEPT, default 100: about 10 MB). */
export function notFoundPagesKept(env = process.env) {
  const wanted = Number(env.SITE_NOT_FOUND_PAGES_KEPT);
  return Number.isInteger(wanted) && wanted >= 0 ? wanted : 100;
}

/** A page render that answers 404 (an unknown slug, a path no page has, an unpublished page). */
export function isNotFoundRender(value) {
  return value?.kind === 'APP_PAGE' && value.status === 404;
}

/** How many address-keyed CMS reads one process keeps (SITE_ADDRESSED_READS_KEPT, default 500). */
export function addressedReadsKept(env = process.env) {
  const wanted = Number(env.SITE_ADDRESSED_READS_KEPT);
  return Number.isInteger(wanted) && wanted >= 0 ? wanted : 500;
}

/** A CMS read (a data-cache fetch) keyed by the visitor's address; `ctx` is the handler's set or get context. */
export function isAddressedRead(value, ctx) {
  if (value?.kind !== 'FETCH') return false;
  return (ctx?.tags ?? []).includes(ADDRESSED_READ_TAG) || (value.tags ?? []).includes(ADDRESSED_READ_TAG);
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
