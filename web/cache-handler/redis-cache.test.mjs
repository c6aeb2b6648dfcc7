/**
 * `node --test web/cache-handler/`: the Redis cache handler against a real redis-server
 * (Debian's, started here on REDIS_TEST_PORT, default 14179) and against none.
 */
import { spawn } from 'node:child_process';
import { createConnection } from 'node:net';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createClient } from 'redis';
import { closeRedisConnections, createRedisCache, deserialize, isVoidedByTags, serialize } from './redis-cache.mjs';

after(() => closeRedisConnections());

// As web/server.mjs runs every request: what a set stores was made by work that began just now.
const { asRequest } = createRequire(import.meta.url)('../src/lib/edge/request-start.cjs');
const inRequests = (Base) =>
  class extends Base {
    set(...args) {
      return asRequest(() => super.set(...args));
    }
  };

const withPagePolicy = (value) => {
  if (value?.kind === 'APP_PAGE') value.headers = { ...value.headers, 'content-security-policy': 'policy' };
  return value;
};
const page = (html) => ({ kind: 'APP_PAGE', html, rscData: Buffer.from('rsc'), segmentData: new Map([['/a', Buffer.from('seg')]]), headers: { 'x-next-cache-tags': 'cms,_N_T_/en' }, status: 200 });
const ctx = { serverDistDir: '/nonexistent/server' };

describe('entries in Redis', () => {
  it('keep the Buffers and Maps Next stores', () => {
    const back = deserialize(serialize({ value: page('<p>x</p>'), lastModified: 1 }));
    assert.ok(Buffer.isBuffer(back.value.rscData));
    assert.equal(back.value.rscData.toString(), 'rsc');
    assert.equal(back.value.segmentData.get('/a').toString(), 'seg');
  });

  it('are void once a tag they carry expired after they were stored, never before', () => {
    assert.equal(isVoidedByTags(100, [null, { stale: 200, expired: 200 }], 300), true);
    assert.equal(isVoidedByTags(300, [{ stale: 200, expired: 200 }], 400), false);
    // Expiring later (a profile with expire > 0) is not yet void, but stale is treated as void.
    assert.equal(isVoidedByTags(100, [{ expired: 500 }], 300), false);
    assert.equal(isVoidedByTags(100, [{ stale: 200, expired: 500 }], 300), true);
    // As the cache handlers ask it before storing (the date being when the work began): the moved assertions of request-start's old check.
    assert.equal(isVoidedByTags(5_000, [{ stale: 5_001, expired: 5_001 }], 10_000), true);
    assert.equal(isVoidedByTags(5_000, [null, undefined, { expired: 6_000 }], 10_000), true);
    assert.equal(isVoidedByTags(5_000, [{ stale: 4_999, expired: 4_999 }], 10_000), false);
    assert.equal(isVoidedByTags(5_000, [{ expired: 20_000 }], 10_000), false);
    assert.equal(isVoidedByTags(5_000, [], 10_000), false);
  });
});

describe('without a Redis server', () => {
  it('answers a miss within a second and a half, and skips writes', async () => {
    const Cache = inRequests(createRedisCache({ url: 'redis://127.0.0.1:1', withPagePolicy, prefix: 'test-down:' }));
    const cache = new Cache(ctx);
    const started = Date.now();
    assert.equal(await cache.get('/en', { kind: 'APP_PAGE' }), null);
    await cache.set('/en', page('<p>x</p>'), { cacheControl: { revalidate: 3600, expire: 86400 } });
    assert.ok(Date.now() - started < 3000);
  });
});

const PORT = Number(process.env.REDIS_TEST_PORT ?? 14179);
describe('with a Redis server shared by two instances', () => {
  let server;
  before(async () => {
    server = spawn('redis-server', ['--port', String(PORT), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    for (let i = 0; i < 50; i++) {
      if (await new Promise((r) => createConnection({ port: PORT, host: '127.0.0.1' }).once('connect', function () { this.end(); r(true); }).once('error', () => r(false)))) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('redis-server did not start');
  });
  after(async () => {
    await closeRedisConnections();
    server?.kill('SIGTERM');
  });

  it('serves one instance’s entry on the other, with its policy, until a tag is revalidated on either', async () => {
    // Two handler classes are two processes' views; they share only Redis (one client per process is a module detail).
    const prefix = `test-${Date.now()}:`;
    const One = inRequests(createRedisCache({ url: `redis://127.0.0.1:${PORT}`, withPagePolicy, prefix }));
    const one = new One(ctx);
    const two = new One(ctx);
    const stored = page('<script>go()</script>');
    await one.set('/en', stored, { cacheControl: { revalidate: 3600, expire: 86400 } });
    assert.equal(stored.headers['content-security-policy'], 'policy', 'the stored object itself carries the policy (first render)');
    const seen = await two.get('/en', { kind: 'APP_PAGE' });
    assert.equal(seen.value.html, '<script>go()</script>');
    assert.equal(seen.value.headers['content-security-policy'], 'policy');
    await new Promise((r) => setTimeout(r, 5));
    await one.revalidateTag(['cms'], { expire: 0 });
    assert.equal(await two.get('/en', { kind: 'APP_PAGE' }), null);
    // A fetch entry is judged by the tags of the read asking for it.
    await two.set('fetch-key', { kind: 'FETCH', data: { body: 'x', headers: {}, status: 200, url: 'u' }, revalidate: 3600, tags: ['procedure'] }, { fetchCache: true });
    assert.ok(await one.get('fetch-key', { kind: 'FETCH', tags: ['procedure'], softTags: [] }));
    await new Promise((r) => setTimeout(r, 5));
    await two.revalidateTag('procedure');
    assert.equal(await one.get('fetch-key', { kind: 'FETCH', tags: ['procedure'], softTags: [] }), null);
  });

  it('reads a hit’s version and tags from Redis, not the whole entry again, and reads it again once another instance stores a new one', async () => {
    const prefix = `test-decoded-${Date.now()}:`;
    const One = inRequests(createRedisCache({ url: `redis://127.0.0.1:${PORT}`, withPagePolicy, prefix }));
    const Two = inRequests(createRedisCache({ url: `redis://127.0.0.1:${PORT}`, withPagePolicy, prefix }));
    const one = new One(ctx);
    const two = new Two(ctx);
    const control = { cacheControl: { revalidate: 3600, expire: 86400 } };
    await one.set('/en/faq', page('<p>first</p>'), control);
    assert.equal((await two.get('/en/faq', { kind: 'APP_PAGE' })).value.html, '<p>first</p>');
    const redis = await createClient({ url: `redis://127.0.0.1:${PORT}` }).connect();
    const [entryKey] = await redis.keys(`${prefix}*:entry:/en/faq`);
    // Unreadable now, but the same write: the decoded copy is served.
    await redis.set(entryKey, 'not json');
    assert.equal((await two.get('/en/faq', { kind: 'APP_PAGE' })).value.html, '<p>first</p>');
    await one.set('/en/faq', page('<p>second</p>'), control);
    assert.equal((await two.get('/en/faq', { kind: 'APP_PAGE' })).value.html, '<p>second</p>');
    // A revalidation still voids the decoded copy.
    await new Promise((r) => setTimeout(r, 5));
    await one.revalidateTag(['cms'], { expire: 0 });
    assert.equal(await two.get('/en/faq', { kind: 'APP_PAGE' }), null);
    await redis.destroy();
  });

  it('for the page memory: reports each entry it returns, the same object while it holds, another or none once replaced or revalidated elsewhere', async () => {
    const prefix = `test-identity-${Date.now()}:`;
    const reports = [];
    const reportServedPage = (handler, key, _ctx, entry) => reports.push({ handler, key, entry });
    const One = inRequests(createRedisCache({ url: `redis://127.0.0.1:${PORT}`, withPagePolicy, prefix, reportServedPage }));
    const Two = inRequests(createRedisCache({ url: `redis://127.0.0.1:${PORT}`, withPagePolicy, prefix }));
    const one = new One(ctx);
    const two = new Two(ctx);
    const control = { cacheControl: { revalidate: 3600, expire: 86400 } };
    await two.set('/es/faq', page('<p>first</p>'), control);
    const first = await one.get('/es/faq', { kind: 'APP_PAGE' });
    assert.equal(await one.get('/es/faq', { kind: 'APP_PAGE' }), first, 'the same object while nothing changed');
    assert.equal(await new One(ctx).get('/es/faq', { kind: 'APP_PAGE' }), first, 'from any handler Next makes in this process');
    assert.deepEqual(reports.map((r) => [r.key, r.entry]), [['/es/faq', first], ['/es/faq', first], ['/es/faq', first]]);
    await two.set('/es/faq', page('<p>second</p>'), control);
    const second = await one.get('/es/faq', { kind: 'APP_PAGE' });
    assert.notEqual(second, first);
    assert.equal(second.value.html, '<p>second</p>');
    await new Promise((r) => setTimeout(r, 5));
    await two.revalidateTag(['cms'], { expire: 0 });
    assert.equal(await one.get('/es/faq', { kind: 'APP_PAGE' }), null);
    assert.equal(reports.at(-1).entry, null);
  });

  it('keeps the CMS reads of invented slugs out of Redis, in this process, until a tag is revalidated on any instance', async () => {
    const prefix = `test-addressed-${Date.now()}:`;
    const One = inRequests(createRedisCache({ url: `redis://127.0.0.1:${PORT}`, withPagePolicy, prefix }));
    const Two = inRequests(createRedisCache({ url: `redis://127.0.0.1:${PORT}`, withPagePolicy, prefix }));
    const one = new One(ctx);
    const two = new Two(ctx);
    const tags = ['cms', 'addressed', 'type:procedure'];
    for (let i = 0; i < 20; i++) await one.set(`slug-${i}`, { kind: 'FETCH', data: { body: '{}', headers: {}, status: 200, url: 'u' }, revalidate: 3600, tags: [] }, { fetchCache: true, tags });
    const redis = await createClient({ url: `redis://127.0.0.1:${PORT}` }).connect();
    assert.deepEqual(await redis.keys(`${prefix}*entry*`), []);
    await redis.destroy();
    const getCtx = { kind: 'FETCH', tags, softTags: [] };
    assert.ok(await one.get('slug-19', getCtx));
    assert.equal(await two.get('slug-19', getCtx), null, 'the other instance reads the CMS itself');
    await new Promise((r) => setTimeout(r, 5));
    await two.revalidateTag(['type:procedure'], { expire: 0 });
    assert.equal(await one.get('slug-19', getCtx), null);
  });

  it('does not store what a render begun before a revalidation on any instance made; the next render is stored', async () => {
    const prefix = `test-overlap-${Date.now()}:`;
    const One = createRedisCache({ url: `redis://127.0.0.1:${PORT}`, withPagePolicy, prefix });
    const Two = createRedisCache({ url: `redis://127.0.0.1:${PORT}`, withPagePolicy, prefix });
    const one = new One(ctx);
    const two = new Two(ctx);
    const control = { cacheControl: { revalidate: 3600, expire: 86400 } };
    await asRequest(async () => {
      await new Promise((r) => setTimeout(r, 5));
      // The webhook reached the other instance while this one rendered.
      await two.revalidateTag(['cms'], { expire: 0 });
      await new Promise((r) => setTimeout(r, 5));
      await one.set('/es/procedures', page('<p>old title</p>'), control);
    });
    const redis = await createClient({ url: `redis://127.0.0.1:${PORT}` }).connect();
    assert.deepEqual(await redis.keys(`${prefix}*entry*`), []);
    await redis.destroy();
    assert.equal(await two.get('/es/procedures', { kind: 'APP_PAGE' }), null);
    await new Promise((r) => setTimeout(r, 5));
    await asRequest(() => one.set('/es/procedures', page('<p>new title</p>'), control));
    assert.equal((await two.get('/es/procedures', { kind: 'APP_PAGE' })).value.html, '<p>new title</p>');
  });

  it('keeps a 404 render out of Redis, in the memory of the instance that rendered it, until a tag is revalidated on any instance', async () => {
    const prefix = `test-404-${Date.now()}:`;
    const One = inRequests(createRedisCache({ url: `redis://127.0.0.1:${PORT}`, withPagePolicy, prefix }));
    const Two = inRequests(createRedisCache({ url: `redis://127.0.0.1:${PORT}`, withPagePolicy, prefix }));
    const one = new One(ctx);
    const two = new Two(ctx);
    const control = { cacheControl: { revalidate: 3600, expire: 86400 } };
    await one.set('/en/procedures/real', page('<p>real</p>'), control);
    await one.set('/en/procedures/real', { ...page('<p>gone</p>'), status: 404 }, control);
    for (let i = 0; i < 50; i++) await one.set(`/en/procedures/invented-${i}`, { ...page('<p>404</p>'), status: 404 }, control);
    const redis = await createClient({ url: `redis://127.0.0.1:${PORT}` }).connect();
    assert.deepEqual(await redis.keys(`${prefix}*entry*`), [], 'no entry in Redis: not the 404s, not the page that turned 404');
    await redis.destroy();
    assert.equal((await one.get('/en/procedures/invented-49', { kind: 'APP_PAGE' })).value.status, 404);
    assert.equal(await two.get('/en/procedures/invented-49', { kind: 'APP_PAGE' }), null, 'the other instance renders its own');
    await new Promise((r) => setTimeout(r, 5));
    await two.revalidateTag(['cms'], { expire: 0 });
    assert.equal(await one.get('/en/procedures/invented-49', { kind: 'APP_PAGE' }), null);
  });
});
