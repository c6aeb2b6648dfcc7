/**
 * The site's Next.js cache handler (`cacheHandler` in next.config.ts), loaded by `next build`
 * and `next start` as plain JavaScript.
 *
 * - Every cached HTML page gets its own Content-Security-Policy header, naming the SHA-256 of
 *   each inline script it holds (Next's flight data, our notice script), computed once when the
 *   entry is stored. Next serves a cached page with the headers of its entry; on the first,
 *   uncached render it sends the very object that was stored, so that response carries the
 *   policy too. Pages stay static: no nonce, no per-request render.
 * - With REDIS_URL, entries and tag revalidations live in Redis (see redis-cache.mjs), shared by
 *   every instance of the site; without it, Next's own file-system cache.
 * - In both, a page's 404 render and the CMS reads keyed by the address (a slug, a page number)
 *   are kept only in a small memory of the process (not-found-memory.mjs): invented addresses
 *   grow neither the disk nor Redis.
 */
import { rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { addressedReadsKept, isAddressedRead, isNotFoundRender, BoundedMemory } from './not-found-memory.mjs';
import { createRedisCache, isVoidedByTags, tagsOf } from './redis-cache.mjs';

const require = createRequire(import.meta.url);
const FileSystemCache = require('next/dist/server/lib/incremental-cache/file-system-cache.js').default;
const { policyForHtml } = require('../src/lib/security/content-security-policy.cjs');
const { reportServedPage } = require('../src/lib/edge/cached-page-memory.cjs');
const { workStartedAt } = require('../src/lib/edge/request-start.cjs');
const { tagsManifest } = require('next/dist/server/lib/incremental-cache/tags-manifest.external.js');

const CSP = 'content-security-policy';

/** Gives a cached HTML page its policy; every other entry (fetches, route handlers) is left alone. */
function withPagePolicy(value, { overwrite }) {
  if (value?.kind !== 'APP_PAGE' || typeof value.html !== 'string') return value;
  // Mutated in place on purpose: Next answers the first render with this same object.
  value.headers ??= {};
  if (overwrite || !value.headers[CSP]) value.headers[CSP] = policyForHtml(value.html);
  return value;
}

const notFoundPages = new BoundedMemory();
const addressedReads = new BoundedMemory(addressedReadsKept());

class PolicyFileSystemCache extends FileSystemCache {
  async get(key, ctx) {
    // Never on disk (see set); Next checks the read's tags and age itself.
    if (isAddressedRead({ kind: 'FETCH' }, ctx) && ctx.kind === 'FETCH') return addressedReads.get(key) ?? null;
    // Next checks a returned page's tags itself: a 404 voided by a publication renders again.
    const entry = notFoundPages.get(key) ?? (await super.get(key, ctx));
    // Pages prerendered by `next build` were stored before this handler saw them.
    if (entry?.value) withPagePolicy(entry.value, { overwrite: false });
    reportServedPage(this, key, ctx, entry);
    return entry;
  }

  async set(key, data, ctx) {
    withPagePolicy(data, { overwrite: true });
    // What a render or read begun before a revalidation made may be the old text: not kept; the next request makes it again.
    const madeBeforeRevalidation = Boolean(data) && isVoidedByTags(workStartedAt(), tagsOf({ value: data }, ctx).map((tag) => tagsManifest.get(tag)));
    if (isAddressedRead(data, ctx)) {
      if (!madeBeforeRevalidation) addressedReads.set(key, { value: data, lastModified: Date.now() });
      return;
    }
    if (madeBeforeRevalidation && !isNotFoundRender(data)) {
      notFoundPages.delete(key);
      return;
    }
    if (isNotFoundRender(data)) {
      // Made before a revalidation: dated 0, so that its revalidated tags void it wherever it is found.
      const entry = { value: data, lastModified: madeBeforeRevalidation ? 0 : Date.now(), cacheControl: ctx?.cacheControl };
      if (madeBeforeRevalidation) notFoundPages.delete(key);
      else notFoundPages.set(key, entry);
      // A page that was there (now unpublished) must come back neither from Next's own memory nor, after a restart, from the disk.
      if (FileSystemCache.memoryCache?.get(key)) FileSystemCache.memoryCache.set(key, entry);
      await Promise.all(['.html', '.rsc', '.meta', '.segments'].map((suffix) => rm(this.getFilePath(`${key}${suffix}`, 'APP_PAGE'), { recursive: true, force: true })));
      return;
    }
    notFoundPages.delete(key);
    return super.set(key, data, ctx);
  }
}

const SiteCacheHandler = process.env.REDIS_URL ? createRedisCache({ url: process.env.REDIS_URL, withPagePolicy, notFoundPages, addressedReads, reportServedPage }) : PolicyFileSystemCache;

export default SiteCacheHandler;
