/**
 * `node --test web/cache-handler/`: 404 renders stay in a small memory, never on disk; real pages
 * are stored as before.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { addressedReadsKept, isAddressedRead, isNotFoundRender, BoundedMemory, notFoundPagesKept } from './not-found-memory.mjs';

const require = createRequire(import.meta.url);
const { nodeFs } = require('next/dist/server/lib/node-fs-methods.js');
// As web/server.mjs runs every request: what a set stores was made by work that began just now.
const { asRequest } = require('../src/lib/edge/request-start.cjs');
const siteCacheHandler = async () => {
  const { default: SiteCacheHandler } = await import('./index.mjs');
  return class extends SiteCacheHandler {
    set(...args) {
      return asRequest(() => super.set(...args));
    }
  };
};

const render = (status, html = '<p>x</p>') => ({ kind: 'APP_PAGE', html, rscData: Buffer.from('rsc'), headers: { 'x-next-cache-tags': 'cms' }, status });
const ctx = { cacheControl: { revalidate: 3600, expire: 86400 } };

describe('the memory of 404 renders', () => {
  it('keeps only the most recently used, up to its size', () => {
    const memory = new BoundedMemory(2);
    memory.set('/en/a', { value: 1 });
    memory.set('/en/b', { value: 2 });
    memory.get('/en/a');
    memory.set('/en/c', { value: 3 });
    assert.equal(memory.size, 2);
    assert.ok(memory.get('/en/a'));
    assert.equal(memory.get('/en/b'), undefined);
    assert.ok(memory.get('/en/c'));
  });

  it('tells a 404 render from a page and from other entries, and takes its size from the environment', () => {
    assert.equal(isNotFoundRender(render(404)), true);
    assert.equal(isNotFoundRender(render(200)), false);
    assert.equal(isNotFoundRender({ kind: 'FETCH', status: 404 }), false);
    assert.equal(notFoundPagesKept({}), 100);
    assert.equal(notFoundPagesKept({ SITE_NOT_FOUND_PAGES_KEPT: '5' }), 5);
    assert.equal(notFoundPagesKept({ SITE_NOT_FOUND_PAGES_KEPT: '-1' }), 100);
  });
});

describe('CMS reads keyed by the address', () => {
  const read = (tags) => ({ kind: 'FETCH', data: { body: '{"data":{"clinicProcedures":[]}}', headers: {}, status: 200, url: 'u' }, revalidate: 3600, tags });
  it('are told by their tag, from the read or from the context', () => {
    assert.equal(isAddressedRead(read(['cms', 'addressed']), {}), true);
    assert.equal(isAddressedRead(read([]), { fetchCache: true, tags: ['addressed', 'type:procedure'] }), true);
    assert.equal(isAddressedRead(read(['cms', 'type:procedure']), { tags: ['cms'] }), false);
    assert.equal(isAddressedRead(render(200), { tags: ['addressed'] }), false);
    assert.equal(addressedReadsKept({}), 500);
    assert.equal(addressedReadsKept({ SITE_ADDRESSED_READS_KEPT: '10' }), 10);
  });
});

describe('the site cache handler on the file system', () => {
  const dir = mkdtempSync(join(tmpdir(), 'site-cache-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('stores pages on disk, but no 404 render however many addresses are invented, and serves the recent ones from memory', async () => {
    const SiteCacheHandler = await siteCacheHandler();
    const cache = new SiteCacheHandler({ fs: nodeFs, serverDistDir: dir, flushToDisk: true, maxMemoryCacheSize: 0 });
    await cache.set('/en/procedures/real', render(200, '<script>go()</script>'), ctx);
    assert.ok(existsSync(join(dir, 'app/en/procedures/real.html')));
    for (let i = 0; i < 300; i++) await cache.set(`/en/procedures/invented-${i}`, render(404), ctx);
    assert.deepEqual(readdirSync(join(dir, 'app/en/procedures')).filter((f) => f.includes('invented')), []);
    const recent = await cache.get('/en/procedures/invented-299', { kind: 'APP_PAGE' });
    assert.equal(recent.value.status, 404);
    assert.ok(recent.value.headers['content-security-policy'], 'a remembered 404 carries its policy');
    assert.equal(await cache.get('/en/procedures/invented-0', { kind: 'APP_PAGE' }), null);
  });

  it('keeps the CMS reads of invented slugs in memory only, the last few hundred, never on disk', async () => {
    const SiteCacheHandler = await siteCacheHandler();
    const cache = new SiteCacheHandler({ fs: nodeFs, serverDistDir: join(dir, 'server'), flushToDisk: true, maxMemoryCacheSize: 50 * 1024 * 1024 });
    const fetchCtx = { fetchCache: true, tags: ['cms', 'addressed', 'type:procedure'] };
    const getCtx = { kind: 'FETCH', tags: ['cms', 'addressed', 'type:procedure'], softTags: [] };
    for (let i = 0; i < 1200; i++) await cache.set(`addressed-${i}`, { kind: 'FETCH', data: { body: `{"slug":${i}}`, headers: {}, status: 200, url: 'u' }, revalidate: 3600, tags: [] }, fetchCtx);
    // Next keeps fetches in <dist>/cache/fetch-cache, beside the server folder.
    const fetchCache = join(dir, 'cache', 'fetch-cache');
    assert.equal(existsSync(fetchCache) ? readdirSync(fetchCache).filter((f) => f.startsWith('addressed')).length : 0, 0);
    assert.equal((await cache.get('addressed-1199', getCtx)).value.data.body, '{"slug":1199}');
    assert.equal(await cache.get('addressed-0', getCtx), null, 'only the last 500 are kept');
    // Other reads (the clinic details, the lists) still go to the disk.
    await cache.set('chrome', { kind: 'FETCH', data: { body: '{}', headers: {}, status: 200, url: 'u' }, revalidate: 3600, tags: [] }, { fetchCache: true, tags: ['cms', 'type:clinic'] });
    assert.ok(existsSync(join(fetchCache, 'chrome')));
  });

  it('does not keep a page whose render began before a revalidation of its tags (it may hold the old text); the next render is kept', async () => {
    const { default: Plain } = await import('./index.mjs');
    const cache = new Plain({ fs: nodeFs, serverDistDir: dir, flushToDisk: true, maxMemoryCacheSize: 50 * 1024 * 1024 });
    await asRequest(async () => {
      // The render reads the CMS, the publication is announced meanwhile, then the render is stored.
      await new Promise((r) => setTimeout(r, 5));
      await cache.revalidateTag(['cms'], { expire: 0 });
      await new Promise((r) => setTimeout(r, 5));
      await cache.set('/es/procedures', render(200, '<p>old title</p>'), ctx);
    });
    assert.equal(await cache.get('/es/procedures', { kind: 'APP_PAGE' }), null);
    assert.equal(existsSync(join(dir, 'app/es/procedures.html')), false);
    // A read begun before it is not kept either.
    await asRequest(async () => {
      await new Promise((r) => setTimeout(r, 5));
      await cache.revalidateTag(['type:procedure'], { expire: 0 });
      await cache.set('list-read', { kind: 'FETCH', data: { body: '{}', headers: {}, status: 200, url: 'u' }, revalidate: 3600, tags: [] }, { fetchCache: true, tags: ['cms', 'type:procedure'] });
    });
    assert.equal(existsSync(join(dir, '..', 'cache', 'fetch-cache', 'list-read')), false);
    await new Promise((r) => setTimeout(r, 5));
    await asRequest(() => cache.set('/es/procedures', render(200, '<p>new title</p>'), ctx));
    assert.equal((await cache.get('/es/procedures', { kind: 'APP_PAGE' })).value.html, '<p>new title</p>');
  });

  it('for the page memory: the same entry object while it holds, none once a tag of it is revalidated', async () => {
    const SiteCacheHandler = await siteCacheHandler();
    const cache = new SiteCacheHandler({ fs: nodeFs, serverDistDir: dir, flushToDisk: true, maxMemoryCacheSize: 50 * 1024 * 1024 });
    await cache.set('/es/faq', render(200, '<p>faq</p>'), ctx);
    const first = await cache.get('/es/faq', { kind: 'APP_PAGE' });
    assert.equal(first.value.html, '<p>faq</p>');
    assert.equal(await new SiteCacheHandler({ fs: nodeFs, serverDistDir: dir, flushToDisk: true, maxMemoryCacheSize: 50 * 1024 * 1024 }).get('/es/faq', { kind: 'APP_PAGE' }), first);
    await cache.set('/es/faq', render(200, '<p>new</p>'), ctx);
    const second = await cache.get('/es/faq', { kind: 'APP_PAGE' });
    assert.notEqual(second, first);
    await new Promise((r) => setTimeout(r, 5));
    await cache.revalidateTag(['cms'], { expire: 0 });
    assert.equal(await cache.get('/es/faq', { kind: 'APP_PAGE' }), null);
  });

  it('removes a page from the disk when it turns into a 404 (unpublished), so a restart cannot bring it back', async () => {
    const SiteCacheHandler = await siteCacheHandler();
    const cache = new SiteCacheHandler({ fs: nodeFs, serverDistDir: dir, flushToDisk: true, maxMemoryCacheSize: 0 });
    await cache.set('/en/procedures/gone', render(200), ctx);
    assert.ok(existsSync(join(dir, 'app/en/procedures/gone.html')));
    await cache.set('/en/procedures/gone', render(404), ctx);
    assert.equal(existsSync(join(dir, 'app/en/procedures/gone.html')), false);
    assert.equal(existsSync(join(dir, 'app/en/procedures/gone.rsc')), false);
    // And a 404 that is published later is stored as a page again.
    await cache.set('/en/procedures/invented-299', render(200), ctx);
    assert.equal((await cache.get('/en/procedures/invented-299', { kind: 'APP_PAGE' })).value.status, 200);
  });
});
