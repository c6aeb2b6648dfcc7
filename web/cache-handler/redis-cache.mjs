/**
 * A Next.js 16 `cacheHandler` that keeps the page, route and fetch cache in Redis, so that
 * several `next start` instances serve the same entries and a tag revalidated on one (the CMS
 * webhook reaches one instance) is expired on all of them.
 *
 * Keys: `<prefix><build id>:entry:<cache key>` (a new build never serves an older build's HTML),
 * beside it `…:version:<cache key>` (which write the entry is), and one hash `<prefix>tags` of
 * tag -> { stale, expired } in milliseconds, shared across builds.
 * Each process keeps the entries it last decoded (ENTRIES_DECODED_KEPT): a hit then reads only
 * the version and the tags from Redis, not the whole entry (about 150 KB of JSON for a page).
 * Redis down: a read is a miss (the page renders from the CMS) and a write is skipped, each
 * within a second; the site keeps answering. A page's 404 render and the CMS reads keyed by the
 * address stay in this process's memory (not-found-memory.mjs), still voided by any instance.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { createClient } from 'redis';
import { addressedReadsKept, isAddressedRead, isNotFoundRender, BoundedMemory } from './not-found-memory.mjs';

const { workStartedAt } = createRequire(import.meta.url)('../src/lib/edge/request-start.cjs');

// Next's in-process record of revalidated tags, which it also consults before serving an entry.
const { tagsManifest } = createRequire(import.meta.url)('next/dist/server/lib/incremental-cache/tags-manifest.external.js');

const CACHE_TAGS_HEADER = 'x-next-cache-tags';
const TIMEOUT_MS = 1_000;
// Long enough to serve pages through a CMS outage; tags, not age, decide freshness.
const MAX_TTL_SECONDS = 30 * 24 * 3600;
const ENTRIES_DECODED_KEPT = 200;

/** One connection per Redis address and process. */
const connections = new Map();
let lastComplaint = 0;

function complain(what, error) {
  if (Date.now() - lastComplaint < 10_000) return;
  lastComplaint = Date.now();
  console.warn(`Redis cache: ${what} failed (${error?.message ?? error}); serving without the shared cache.`);
}

/** Opened on first use, reopened by node-redis after a drop. */
function connection(url) {
  let shared = connections.get(url);
  if (!shared) {
    const client = createClient({
      url,
      // Fail at once while disconnected instead of queueing behind a dead socket.
      disableOfflineQueue: true,
      socket: { connectTimeout: TIMEOUT_MS, reconnectStrategy: (retries) => Math.min(250 * 2 ** retries, 5_000) },
    });
    client.on('error', (error) => complain('the connection', error));
    shared = { client, ready: client.connect().catch((error) => complain('connecting', error)) };
    connections.set(url, shared);
  }
  return shared;
}

/** For tests: closes every connection, so the process can exit. */
export async function closeRedisConnections() {
  for (const { client } of connections.values()) await client.destroy();
  connections.clear();
}

async function command(url, what, run) {
  const shared = connection(url);
  const { client, ready } = shared;
  let timer;
  try {
    const timeout = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timed out')), TIMEOUT_MS)));
    if (!client.isReady) {
      // connect() retries until Redis answers: the first command waits for it (bounded), the rest fail at once.
      if (shared.waited) throw new Error('not connected');
      shared.waited = true;
      await Promise.race([ready, timeout]);
      if (!client.isReady) throw new Error('not connected');
    }
    return await Promise.race([run(client), timeout]);
  } catch (error) {
    complain(what, error);
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

/** JSON with the Buffers (RSC payloads, route bodies) and Maps (segment data) Next stores. */
export function serialize(entry) {
  return JSON.stringify(entry, function (key, value) {
    const raw = this[key];
    if (Buffer.isBuffer(raw)) return { $buffer: raw.toString('base64') };
    if (raw instanceof Map) return { $map: [...raw.entries()] };
    return value;
  });
}

export function deserialize(text) {
  return JSON.parse(text, (_key, value) => {
    if (value && typeof value === 'object') {
      if (typeof value.$buffer === 'string') return Buffer.from(value.$buffer, 'base64');
      if (Array.isArray(value.$map)) return new Map(value.$map);
    }
    return value;
  });
}

/** The tags an entry depends on: a page's or route's from its headers, a fetch's from the request context. */
export function tagsOf(entry, ctx) {
  const value = entry.value;
  if (value?.kind === 'FETCH') return [...(ctx?.tags ?? []), ...(ctx?.softTags ?? []), ...(value.tags ?? [])];
  const header = value?.headers?.[CACHE_TAGS_HEADER];
  return typeof header === 'string' && header ? header.split(',') : [];
}

/**
 * Whether a revalidation after the entry was stored voids it. A tag marked stale only (Next's
 * 'max' profile) is treated as expired too: other instances cannot serve it stale-while-
 * revalidating through this interface, and a fresh render is the safe side.
 */
export function isVoidedByTags(lastModified, states, now = Date.now()) {
  return states.some((state) => {
    if (!state) return false;
    const { stale, expired } = state;
    if (typeof expired === 'number' && expired <= now && expired > lastModified) return true;
    return typeof stale === 'number' && stale > lastModified;
  });
}

const buildIds = new Map();

/** Read once per directory: Next makes a handler for every request. */
function buildIdOf(serverDistDir) {
  let id = buildIds.get(serverDistDir);
  if (id === undefined) {
    try {
      id = readFileSync(join(serverDistDir, '..', 'BUILD_ID'), 'utf8').trim();
    } catch {
      id = 'build';
    }
    buildIds.set(serverDistDir, id);
  }
  return id;
}

/**
 * A page's 404 render stays in this process's small memory (not-found-memory.mjs), never in
 * Redis; it is still voided by a revalidation on any instance (the same tag check as an entry's).
 */
export function createRedisCache({ url, withPagePolicy, notFoundPages = new BoundedMemory(), addressedReads = new BoundedMemory(addressedReadsKept()), reportServedPage = () => {}, prefix = process.env.REDIS_KEY_PREFIX ?? 'clinic-site:' }) {
  const tagsKey = `${prefix}tags`;

  // Per process, like Redis connections: every handler instance Next creates shares it.
  const decoded = new BoundedMemory(ENTRIES_DECODED_KEPT);

  return class RedisCache {
    constructor(ctx) {
      const build = `${prefix}${buildIdOf(ctx.serverDistDir ?? '.next/server')}`;
      this.entryPrefix = `${build}:entry:`;
      this.versionPrefix = `${build}:version:`;
    }

    async get(key, ctx) {
      const entry = await this.read(key, ctx);
      reportServedPage(this, key, ctx, entry);
      return entry;
    }

    async read(key, ctx) {
      // Kept in this process only, but voided by a revalidation on any instance, like an entry in Redis.
      const local = isAddressedRead({ kind: 'FETCH' }, ctx) && ctx.kind === 'FETCH' ? addressedReads : notFoundPages;
      const kept = local.get(key);
      if (kept) {
        if (await this.stillValid(kept, ctx)) return kept;
        local.delete(key);
        return null;
      }
      if (local === addressedReads) return null;
      const known = decoded.get(key);
      if (known) {
        // The same write as the one decoded here: no need to read and parse it again.
        const version = await command(url, 'a version check', (client) => client.get(this.versionPrefix + key));
        if (version === known.version) return (await this.stillValid(known, ctx)) ? known : null;
        decoded.delete(key);
      }
      const text = await command(url, 'a read', (client) => client.get(this.entryPrefix + key));
      if (!text) return null;
      let entry;
      try {
        entry = deserialize(text);
      } catch {
        return null;
      }
      if (!(await this.stillValid(entry, ctx))) return null;
      if (entry.value) withPagePolicy(entry.value, { overwrite: false });
      if (typeof entry.version === 'string') decoded.set(key, entry);
      return entry;
    }

    /** Whether no tag the entry carries was revalidated (on any instance) since it was stored. */
    async stillValid(entry, ctx) {
      const tags = [...new Set(tagsOf(entry, ctx))];
      if (!tags.length) return true;
      const states = await command(url, 'a tag check', (client) => client.hmGet(tagsKey, tags));
      // Unknown tag state: do not risk serving what a revalidation may have voided.
      if (!states) return false;
      return !isVoidedByTags(entry.lastModified, states.map((s) => (s ? JSON.parse(s) : null)));
    }

    /** Whether a tag of what is being stored was revalidated (on any instance) after the work that made it began. */
    async madeBeforeRevalidation(data, ctx) {
      const tags = [...new Set(tagsOf({ value: data }, ctx))];
      if (!tags.length) return false;
      const startedAt = workStartedAt();
      if (isVoidedByTags(startedAt, tags.map((tag) => tagsManifest.get(tag)))) return true;
      const states = await command(url, 'a tag check', (client) => client.hmGet(tagsKey, tags));
      // Unknown: store it; a get checks the tags again.
      return states ? isVoidedByTags(startedAt, states.map((state) => (state ? JSON.parse(state) : null))) : false;
    }

    async set(key, data, ctx) {
      withPagePolicy(data, { overwrite: true });
      decoded.delete(key);
      // What a render or read begun before a revalidation made may be the old text: not kept; the next request makes it again.
      if (data && (await this.madeBeforeRevalidation(data, ctx))) {
        notFoundPages.delete(key);
        addressedReads.delete(key);
        return;
      }
      if (isAddressedRead(data, ctx)) {
        addressedReads.set(key, { value: data, lastModified: Date.now() });
        return;
      }
      if (isNotFoundRender(data)) {
        notFoundPages.set(key, { value: data, lastModified: Date.now(), cacheControl: ctx?.cacheControl });
        // A page that was there (now unpublished) is gone for every instance.
        await command(url, 'a delete', (client) => client.del([this.entryPrefix + key, this.versionPrefix + key]));
        return;
      }
      notFoundPages.delete(key);
      if (!data) {
        await command(url, 'a delete', (client) => client.del([this.entryPrefix + key, this.versionPrefix + key]));
        return;
      }
      const cacheControl = ctx?.fetchCache ? undefined : ctx?.cacheControl;
      const lastModified = Date.now();
      const entry = { value: data, lastModified, cacheControl, version: `${lastModified}-${randomUUID()}` };
      const expire = typeof cacheControl?.expire === 'number' ? cacheControl.expire : MAX_TTL_SECONDS;
      const ttl = Math.max(60, Math.min(MAX_TTL_SECONDS, expire));
      const written = await command(url, 'a write', (client) =>
        client.multi().set(this.entryPrefix + key, serialize(entry), { EX: ttl }).set(this.versionPrefix + key, entry.version, { EX: ttl }).exec(),
      );
      if (written) decoded.set(key, entry);
    }

    async revalidateTag(tags, durations) {
      const list = typeof tags === 'string' ? [tags] : [...tags];
      if (!list.length) return;
      const now = Date.now();
      const states = {};
      for (const tag of list) {
        // As Next's own handler: a profile marks the tag stale now and expired after `expire` seconds; none expires it now.
        const state = durations ? { stale: now, ...(durations.expire !== undefined ? { expired: now + durations.expire * 1000 } : {}) } : { expired: now };
        states[tag] = JSON.stringify(state);
        // This instance stays right even while Redis is unreachable.
        tagsManifest.set(tag, { ...tagsManifest.get(tag), ...state });
      }
      await command(url, 'a revalidation', (client) => client.hSet(tagsKey, states));
    }

    resetRequestCache() {}
  };
}
