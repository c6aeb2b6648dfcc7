import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
// Next's in-process record of revalidated tags, which the page memory consults too.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { tagsManifest } = require('next/dist/server/lib/incremental-cache/tags-manifest.external.js') as { tagsManifest: Map<string, { stale?: number; expired?: number }> };
import { createPageMemory, headWritten, keepChunk, rememberableKey, reportServedPage, type CapturingResponse, type PageSource } from './cached-page-memory.cjs';

/** What web/server.mjs's response does, as far as the page memory sees it. */
class FakeResponse extends EventEmitter {
  statusCode = 200;
  mode: string | null = null;
  captured: { chunks: Buffer[]; bytes: number } | null = null;
  body: Buffer | null = null;
  private readonly headers = new Map<string, [string, unknown]>();

  setHeader(name: string, value: unknown) {
    this.headers.set(name.toLowerCase(), [name, value]);
    return this;
  }
  getHeader(name: string) {
    return this.headers.get(name.toLowerCase())?.[1];
  }
  getRawHeaderNames() {
    return [...this.headers.values()].map(([name]) => name);
  }
  headerList() {
    return [...this.headers.values()];
  }
  writeHead(status: number) {
    this.statusCode = status;
    // As SiteResponse: a failed page (500) is held for a second try.
    this.mode ??= status === 500 ? 'hold' : 'pass';
    if (this.mode === 'pass') headWritten(asResponse(this));
    return this;
  }
  end(chunk?: string | Buffer) {
    const body = chunk === undefined ? Buffer.alloc(0) : Buffer.from(chunk);
    if (this.mode === 'pass') keepChunk(asResponse(this), body);
    this.body = body;
    this.emit('finish');
    return this;
  }
}

const asResponse = (res: FakeResponse) => res as unknown as CapturingResponse & ServerResponse;
const HTML = '<!DOCTYPE html><html><body>Vertebroplastia</body></html>';
const PLAIN = { host: 'site.test', 'user-agent': 'test', accept: 'text/html', 'x-clinic-edge-checked': '1', 'x-next-intl-locale': 'es' };
const SCREENED = { locale: 'es', setCookie: null };

interface Entry {
  value: { kind: string; html: string; headers?: Record<string, string> };
  lastModified?: number;
  cacheControl?: { revalidate: number | false; expire?: number };
}

/** A cache handler whose answer the test sets. */
function fakeHandler(entry: Entry | null) {
  const handler = { current: entry as Entry | null | Error, calls: 0, async get() {
    handler.calls += 1;
    if (handler.current instanceof Error) throw handler.current;
    return handler.current;
  } };
  return handler;
}

/** Next answering a request from its cache: the handler's get (reported), then the answer. */
function nextAnswer(handler: PageSource['handler'], entry: Entry | null, { status = 200, cache = 'HIT', reports = 1, cookie = undefined as string | undefined } = {}) {
  return (res: FakeResponse) => async () => {
    for (let i = 0; i < reports; i += 1) reportServedPage(handler, '/es/procedures/vertebroplastia', { kind: 'APP_PAGE' }, entry);
    if (cookie) res.setHeader('Set-Cookie', cookie);
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('x-nextjs-cache', cache);
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Cache-Control', 's-maxage=3600, stale-while-revalidate=31532400');
    res.setHeader('Content-Length', Buffer.byteLength(HTML));
    res.writeHead(status);
    res.end(HTML);
  };
}

const KEY = '/es/procedures/vertebroplastia\n';

async function remembered(memory: ReturnType<typeof createPageMemory>, handler: ReturnType<typeof fakeHandler>, options?: Parameters<typeof nextAnswer>[2]) {
  const res = new FakeResponse();
  // The screen's locale cookie for this visit, set before Next runs.
  res.setHeader('Set-Cookie', 'NEXT_LOCALE=es; Path=/');
  await memory.capture(KEY, asResponse(res), nextAnswer(handler, handler.current as Entry, options)(res));
  return res;
}

async function answered(memory: ReturnType<typeof createPageMemory>) {
  const res = new FakeResponse();
  const done = await memory.answer(KEY, asResponse(res));
  return { done, res };
}

describe('rememberableKey: which requests the page memory may answer', () => {
  it('a plain GET of a page the screen passed, by path and Accept-Encoding', () => {
    expect(rememberableKey('GET', '/es/faq', PLAIN, SCREENED)).toBe('/es/faq\n');
    expect(rememberableKey('GET', '/es/faq', { ...PLAIN, 'accept-encoding': 'gzip, br' }, SCREENED)).toBe('/es/faq\ngzip, br');
  });

  it('nothing the screen did not pass, no other method, no query string', () => {
    expect(rememberableKey('GET', '/es/faq', PLAIN, null)).toBeNull();
    for (const method of ['HEAD', 'POST', 'PUT', 'OPTIONS', 'get']) expect(rememberableKey(method, '/es/faq', PLAIN, SCREENED)).toBeNull();
    for (const url of ['/es/faq?', '/es/faq?_rsc=1', '/es/faq?page=2']) expect(rememberableKey('GET', url, PLAIN, SCREENED)).toBeNull();
  });

  it('no header outside the plain visit’s: Next’s router, RSC, preview, revalidation and anything unknown go to Next', () => {
    for (const name of ['rsc', 'next-router-state-tree', 'next-router-prefetch', 'next-router-segment-prefetch', 'next-url', 'next-action', 'x-prerender-revalidate', 'x-prerender-revalidate-if-generated', 'purpose', 'x-middleware-subrequest', 'x-nextjs-data', 'x-invoke-path', 'authorization', 'if-none-match', 'range', 'x-anything']) {
      expect([name, rememberableKey('GET', '/es/faq', { ...PLAIN, [name]: '1' }, SCREENED)]).toEqual([name, null]);
    }
  });

  it('a preview cookie, which Next answers by clearing it, goes to Next', () => {
    for (const cookie of ['__next_preview_data=x', 'NEXT_LOCALE=es; __next_preview_data=x', '__prerender_bypass=1']) expect(rememberableKey('GET', '/es/faq', { ...PLAIN, cookie }, SCREENED)).toBeNull();
  });

  it('an Accept-Encoding too long to key on goes to Next', () => {
    expect(rememberableKey('GET', '/es/faq', { ...PLAIN, 'accept-encoding': 'gzip, '.repeat(30) }, SCREENED)).toBeNull();
  });
});

describe('createPageMemory: a cached page answered again while the cache handler still serves its entry', () => {
  const now = Date.now();
  const entry = (): Entry => ({ value: { kind: 'APP_PAGE', html: HTML }, lastModified: now - 1000 });

  it('answers with Next’s headers and bytes, without its cookie, while the handler returns the same entry', async () => {
    const memory = createPageMemory();
    const handler = fakeHandler(entry());
    await remembered(memory, handler);
    expect(memory.size).toBe(1);
    const { done, res } = await answered(memory);
    expect(done).toBe(true);
    expect(res.statusCode).toBe(200);
    expect(res.body?.toString()).toBe(HTML);
    expect(res.headerList()).toEqual([
      ['X-Frame-Options', 'DENY'],
      ['x-nextjs-cache', 'HIT'],
      ['Content-Type', 'text/html; charset=utf-8'],
      ['Cache-Control', 's-maxage=3600, stale-while-revalidate=31532400'],
      ['Content-Length', Buffer.byteLength(HTML)],
    ]);
    // Every answer asks the handler again.
    await answered(memory);
    expect(handler.calls).toBe(2);
  });

  it('goes back to Next, and forgets, once the handler returns another entry, none, or fails', async () => {
    for (const next of [entry(), null, new Error('Redis down')]) {
      const memory = createPageMemory();
      const handler = fakeHandler(entry());
      await remembered(memory, handler);
      handler.current = next;
      expect((await answered(memory)).done).toBe(false);
      expect(memory.size).toBe(0);
    }
  });

  it('remembers only a 200 Next served from its cache, with exactly one page entry reported', async () => {
    const cases: Array<Parameters<typeof nextAnswer>[2]> = [{ cache: 'MISS' }, { cache: 'STALE' }, { status: 404 }, { status: 500 }, { reports: 0 }, { reports: 2 }, { cookie: 'session=abc; Path=/' }];
    for (const options of cases) {
      const memory = createPageMemory();
      await remembered(memory, fakeHandler(entry()), options);
      expect([options, memory.size]).toEqual([options, 0]);
    }
    const memory = createPageMemory();
    const handler = fakeHandler({ value: { kind: 'FETCH', html: '' }, lastModified: now });
    await remembered(memory, handler);
    expect(memory.size).toBe(0);
  });

  it('not past the page’s own revalidate time (Next then serves it stale and renders it again)', async () => {
    let clock = now;
    const memory = createPageMemory({ now: () => clock });
    const handler = fakeHandler({ ...entry(), cacheControl: { revalidate: 60 } });
    await remembered(memory, handler);
    clock = now + 58_000;
    expect((await answered(memory)).done).toBe(true);
    clock = now + 60_000;
    expect((await answered(memory)).done).toBe(false);

    // Nor past its expire time, when that comes first.
    clock = now;
    await remembered(memory, fakeHandler({ ...entry(), cacheControl: { revalidate: 60, expire: 30 } as Entry['cacheControl'] }));
    clock = now + 28_000;
    expect((await answered(memory)).done).toBe(true);
    clock = now + 30_000;
    expect((await answered(memory)).done).toBe(false);
  });

  it('takes the revalidate time from Cache-Control when the entry has none, never without a write time', async () => {
    let clock = now;
    const memory = createPageMemory({ now: () => clock });
    await remembered(memory, fakeHandler(entry()));
    clock = now + 3_598_000;
    expect((await answered(memory)).done).toBe(true);
    clock = now + 3_600_000;
    expect((await answered(memory)).done).toBe(false);

    const withoutTime = createPageMemory();
    await remembered(withoutTime, fakeHandler({ value: { kind: 'APP_PAGE', html: HTML } }));
    expect(withoutTime.size).toBe(0);
  });

  /** Notes Next's answer for `key` (its bytes counted with their headers). */
  async function note(memory: ReturnType<typeof createPageMemory>, key: string, handler: ReturnType<typeof fakeHandler>) {
    const res = new FakeResponse();
    await memory.capture(key, asResponse(res), nextAnswer(handler, handler.current as Entry)(res));
  }

  it('keeps at most maxBytes, headers counted, the least recently answered dropped first', async () => {
    const handler = fakeHandler(entry());
    const one = createPageMemory();
    await note(one, '/a\n', handler);
    expect(one.bytes).toBeGreaterThan(Buffer.byteLength(HTML));
    const memory = createPageMemory({ maxBytes: one.bytes * 2 });
    await note(memory, '/a\n', handler);
    await note(memory, '/b\n', handler);
    // /a answered last: /b is the least recently used when /c comes.
    expect(await memory.answer('/a\n', asResponse(new FakeResponse()))).toBe(true);
    await note(memory, '/c\n', handler);
    expect(memory.size).toBe(2);
    expect(await memory.answer('/b\n', asResponse(new FakeResponse()))).toBe(false);
    expect(await memory.answer('/a\n', asResponse(new FakeResponse()))).toBe(true);
    expect(memory.bytes).toBe(one.bytes * 2);
  });

  it('keeps a few Accept-Encoding spellings per path, not every one a visitor invents', async () => {
    const memory = createPageMemory();
    const handler = fakeHandler(entry());
    for (let i = 0; i < 10; i += 1) await note(memory, `/es/faq\ngzip;q=0.${i}`, handler);
    expect(memory.size).toBe(4);
    await note(memory, '/en/faq\n', handler);
    expect(memory.size).toBe(5);
  });

  it('an answer replaced or dropped while it was being checked is neither put back nor counted twice', async () => {
    const handler = fakeHandler(entry());
    const one = createPageMemory();
    await note(one, '/a\n', handler);
    const memory = createPageMemory({ maxBytes: one.bytes * 2 });
    await note(memory, '/a\n', handler);
    // The check of /a waits on the handler (a Redis round trip) while /b and /c push /a out.
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const get = handler.get;
    handler.get = async () => {
      await held;
      return get();
    };
    const checking = memory.answer('/a\n', asResponse(new FakeResponse()));
    handler.get = get;
    await note(memory, '/b\n', handler);
    await note(memory, '/c\n', handler);
    release();
    // Answered (it was checked), but not put back.
    expect(await checking).toBe(true);
    expect(memory.size).toBe(2);
    expect(memory.bytes).toBe(one.bytes * 2);
    expect(await memory.answer('/a\n', asResponse(new FakeResponse()))).toBe(false);
  });

  it('goes back to Next once a tag of the entry is marked stale, though the handler still returns it', async () => {
    const memory = createPageMemory();
    const handler = fakeHandler({ ...entry(), value: { kind: 'APP_PAGE', html: HTML, headers: { 'x-next-cache-tags': 'procedure:es,clinic' } } });
    await remembered(memory, handler);
    expect((await answered(memory)).done).toBe(true);
    tagsManifest.set('clinic', { stale: Date.now() });
    try {
      expect((await answered(memory)).done).toBe(false);
    } finally {
      tagsManifest.delete('clinic');
    }
    // Expired (as revalidateTag with expire 0 leaves it) likewise.
    await remembered(memory, handler);
    expect((await answered(memory)).done).toBe(true);
    tagsManifest.set('procedure:es', { expired: performance.timeOrigin + performance.now() });
    try {
      expect((await answered(memory)).done).toBe(false);
    } finally {
      tagsManifest.delete('procedure:es');
    }
  });

  it('never answers from a page larger than it keeps: the capture stops copying past it', async () => {
    const memory = createPageMemory();
    const handler = fakeHandler(entry());
    const res = new FakeResponse();
    await memory.capture(KEY, asResponse(res), async () => {
      reportServedPage(handler, '/es/faq', {}, handler.current);
      res.setHeader('x-nextjs-cache', 'HIT');
      res.writeHead(200);
      res.end(Buffer.alloc(5 * 1024 * 1024, 'a'));
    });
    expect(memory.size).toBe(0);
  });

  it('a report outside any capture is ignored', () => {
    expect(() => reportServedPage(fakeHandler(null), '/x', {}, entry())).not.toThrow();
  });
});
