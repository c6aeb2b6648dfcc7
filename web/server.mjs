#!/usr/bin/env node
/**
 * The site's production server: `node server.mjs [-p port] [-H host]` in place of `next start`.
 * Next's own request handler (the documented custom server) with a thin edge around it, for what
 * Next answers before the proxy (src/proxy.ts) runs or without it (src/lib/security/site-edge.cjs):
 * - methods Node's fetch cannot carry (TRACE, CONNECT, unknown ones) are a 405 with Allow, and a
 *   target that is not a path (`OPTIONS *`) a 400, where Next throws a 500;
 * - every response gets the security headers it lacks (Next's trailing-slash redirects, /_next
 *   404s and parse errors carry none of next.config's);
 * - a page Next fails to render (500) is asked once more: the failed CMS read has made the proxy
 *   check the CMS again, so right after the CMS stops the visitor gets the localized 503, not a 500;
 * - a published page the proxy would let through untouched is marked so that Next skips the proxy
 *   (src/lib/edge/published-page-screen.cjs): the same decision, without Next's middleware adapter.
 *   SITE_EDGE_FAST_PATH=off turns that off (the proxy then sees every request, as under `next start`);
 * - such a page, once Next has served it from its cache, is answered again with the same bytes
 *   for as long as the cache handler returns the same entry (src/lib/edge/cached-page-memory.cjs).
 * Per request it does a few regexes, set lookups and header checks, and for a remembered page
 * the cache handler's own get; nothing else.
 */
import { createServer, request as loopbackRequest, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { screenRequest, completeSecurityHeaders, refusalHeaders } = require('./src/lib/security/site-edge.cjs');
const { EDGE_CHECKED_HEADER, screenPublishedPage } = require('./src/lib/edge/published-page-screen.cjs');
const { createPageMemory, headWritten, keepChunk, rememberableKey } = require('./src/lib/edge/cached-page-memory.cjs');
const { asRequest } = require('./src/lib/edge/request-start.cjs');

const dir = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const option = (...names) => {
  const at = args.findIndex((arg) => names.includes(arg));
  return at >= 0 ? args[at + 1] : undefined;
};
const port = Number(option('-p', '--port') ?? process.env.PORT ?? 3000);
// Not $HOSTNAME: shells and containers set it to the machine's name.
const hostname = option('-H', '--hostname') ?? '0.0.0.0';
// Where this process answers itself (the second try below, and the proxy's loopback in src/lib/errors/while-cms-down.ts).
const loopbackHost = ['0.0.0.0', '::', 'localhost'].includes(hostname) ? '127.0.0.1' : hostname;

// As `next start` does, before Next and React are loaded (they pick their production builds from it).
process.env.NODE_ENV ||= 'production';
process.env.NEXT_RUNTIME = 'nodejs';
process.env.PORT = String(port);
process.env.__NEXT_PRIVATE_ORIGIN = `http://${loopbackHost.includes(':') ? `[${loopbackHost}]` : loopbackHost}:${port}`;

/** Marks the second try of a page, which is never tried a third time. */
const SECOND_TRY_HEADER = 'x-clinic-second-try';
/** The proxy's own loopback request while the CMS is down: it turns a 500 into its 503 itself. */
const PROXY_LOOPBACK_HEADER = 'x-clinic-while-cms-down';
/** A safety net only: the second try passes the proxy, whose CMS waits are bounded (src/lib/cms/cms-timeout.ts). */
const SECOND_TRY_TIMEOUT_MS = 15_000;
const NOT_A_PAGE = /^\/(?:api|_next)(?:[/?]|$)/;
const FAST_PATH = process.env.SITE_EDGE_FAST_PATH !== 'off';
/**
 * Cached pages answered again without Next's router (src/lib/edge/cached-page-memory.cjs), in at
 * most SITE_PAGE_MEMORY_MB (64; 0 turns it off). It answers only requests the fast path marked.
 */
const PAGE_MEMORY_MB = Number(process.env.SITE_PAGE_MEMORY_MB ?? 64);
const pageMemory = FAST_PATH && PAGE_MEMORY_MB > 0 ? createPageMemory({ maxBytes: PAGE_MEMORY_MB * 1024 * 1024, trace: process.env.SITE_PAGE_MEMORY_TRACE === '1' }) : null;
/** next-intl's request header for the page's locale, which the proxy sets on every page it lets through. */
const LOCALE_HEADER = 'x-next-intl-locale';
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding']);
const WRAPPED_BY_COMPRESSION = ['writeHead', 'write', 'end', 'flush', 'on'];

/** Node's response, completing security headers as they are written, and able to hold back a failed page for a second try. */
class SiteResponse extends ServerResponse {
  /** Set for a GET/HEAD of a page: how to ask for it once more. */
  secondTry = null;
  /** 'pass' (Next's answer goes out), 'hold' (a failed page: swallowed while the second try runs) or 'relay' (the second try's answer). */
  mode = null;
  /** Set while the page memory notes an answer: the chunks written (src/lib/edge/cached-page-memory.cjs). */
  captured = null;

  #decide() {
    this.mode ??= this.secondTry && this.statusCode === 500 ? 'hold' : 'pass';
    return this.mode;
  }

  writeHead(status, reason, headers) {
    if (typeof reason !== 'string') [headers, reason] = [reason, undefined];
    this.statusCode = status;
    if (headers) setAll(this, headers);
    if (this.#decide() === 'hold') return this;
    headWritten(this);
    completeSecurityHeaders(headerAccess(this));
    return reason === undefined ? super.writeHead(status) : super.writeHead(status, reason);
  }

  write(chunk, encoding, callback) {
    if (this.#decide() !== 'hold') {
      keepChunk(this, chunk, encoding);
      return super.write(chunk, encoding, callback);
    }
    lastFunction(encoding, callback)?.();
    return true;
  }

  end(chunk, encoding, callback) {
    if (this.#decide() !== 'hold') {
      keepChunk(this, chunk, encoding);
      return super.end(chunk, encoding, callback);
    }
    lastFunction(chunk, encoding, callback)?.();
    const ask = this.secondTry;
    this.secondTry = null;
    ask?.();
    return this;
  }

  flushHeaders() {
    if (this.#decide() !== 'hold') super.flushHeaders();
  }
}

const lastFunction = (...candidates) => candidates.find((c) => typeof c === 'function');

function headerAccess(res) {
  return { has: (k) => res.hasHeader(k), get: (k) => res.getHeader(k), set: (k, v) => res.setHeader(k, v), remove: (k) => res.removeHeader(k) };
}

/** writeHead's headers (an object, [[name, value]] or a flat [name, value, …] list) onto the response, as Node would merge them. */
function setAll(res, headers) {
  if (!Array.isArray(headers)) {
    for (const [name, value] of Object.entries(headers)) if (value !== undefined) res.setHeader(name, value);
    return;
  }
  const pairs = Array.isArray(headers[0]) ? headers : headers.flatMap((value, i) => (i % 2 ? [] : [[value, headers[i + 1]]]));
  const grouped = new Map();
  for (const [name, value] of pairs) grouped.set(name, [...(grouped.get(name) ?? []), value]);
  for (const [name, values] of grouped) res.setHeader(name, values.length === 1 ? values[0] : values);
}

/** A refusal the server writes itself, with every security header. */
function refuse(res, refusal) {
  res.mode = 'pass';
  res.writeHead(refusal.status, refusalHeaders(refusal));
  res.end(`${refusal.message}\n`);
}

/** A raw refusal on a socket Node could not parse a request from (or a CONNECT): it is closed after. */
function refuseOnSocket(socket, refusal) {
  if (!socket.writable) return socket.destroy();
  const body = `${refusal.message}\n`;
  const headers = { ...refusalHeaders(refusal), 'Content-Length': Buffer.byteLength(body), Connection: 'close' };
  const head = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join('');
  socket.end(`HTTP/1.1 ${refusal.status} ${refusal.status === 405 ? 'Method Not Allowed' : refusal.status === 431 ? 'Request Header Fields Too Large' : refusal.status === 408 ? 'Request Timeout' : 'Bad Request'}\r\n${head}\r\n${body}`);
}

/** The page asked of this server once more, its answer relayed as it comes; when even that fails, a plain 503. */
function askAgain(req, res) {
  const headers = { ...req.headers, [SECOND_TRY_HEADER]: '1' };
  // Next's compression wrapped this response's methods for the failed answer, and it has ended; the second answer is relayed as it comes (compressed or not).
  for (const name of WRAPPED_BY_COMPRESSION) if (Object.hasOwn(res, name)) delete res[name];
  const inner = loopbackRequest({ host: loopbackHost, port, method: req.method, path: req.url, headers, timeout: SECOND_TRY_TIMEOUT_MS }, (answer) => {
    for (const name of res.getHeaderNames()) res.removeHeader(name);
    for (const [name, value] of Object.entries(answer.headers)) if (!HOP_BY_HOP.has(name) && value !== undefined) res.setHeader(name, value);
    res.mode = 'relay';
    res.writeHead(answer.statusCode ?? 502);
    answer.pipe(res);
  });
  inner.on('timeout', () => inner.destroy(new Error('no answer in time')));
  inner.on('error', () => {
    if (res.headersSent) return res.destroy();
    for (const name of res.getHeaderNames()) res.removeHeader(name);
    const headers = { ...refusalHeaders({ status: 503 }), 'Retry-After': '30' };
    res.mode = 'relay';
    res.writeHead(503, headers);
    res.end('This page is temporarily unavailable. Please try again in a moment.\n');
  });
  inner.end();
}

const { default: next } = await import('next');
const app = next({ dev: false, dir, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

/**
 * Marks a request the proxy would let through untouched, so that Next skips it (the proxy's
 * matcher is `missing` the mark), doing what the proxy would have done: the locale header for the
 * page, the locale cookie on the response. Any mark a visitor sent is removed first, whatever follows.
 */
function markIfProxyWouldPass(req, res) {
  delete req.headers[EDGE_CHECKED_HEADER];
  if (!FAST_PATH) return null;
  const page = screenPublishedPage(req.method, req.url, req.headers);
  if (!page) return null;
  req.headers[EDGE_CHECKED_HEADER] = '1';
  req.headers[LOCALE_HEADER] = page.locale;
  if (page.setCookie) res.setHeader('Set-Cookie', page.setCookie);
  return page;
}

async function handleWithSecondTry(req, res) {
  const read = req.method === 'GET' || req.method === 'HEAD';
  if (read && !NOT_A_PAGE.test(req.url) && !req.headers[SECOND_TRY_HEADER] && !req.headers[PROXY_LOOPBACK_HEADER]) res.secondTry = () => askAgain(req, res);
  try {
    // The cache handlers keep nothing this request makes once a tag of it is revalidated after this moment (src/lib/edge/request-start.cjs).
    await asRequest(() => handle(req, res));
  } catch (error) {
    console.error(`Failed to handle ${req.method} ${req.url}`, error);
    if (!res.headersSent) {
      res.secondTry = null;
      res.mode = 'pass';
      res.statusCode = 500;
      res.end('Internal Server Error\n');
    }
  }
}

const server = createServer({ ServerResponse: SiteResponse }, async (req, res) => {
  const verdict = screenRequest(req.method ?? '', req.url ?? '');
  if (verdict.refuse) return refuse(res, verdict.refuse);
  req.url = verdict.pass;
  const page = markIfProxyWouldPass(req, res);
  const remembered = pageMemory && rememberableKey(req.method, req.url, req.headers, page);
  if (!remembered) return handleWithSecondTry(req, res);
  try {
    if (await pageMemory.answer(remembered, res)) return;
  } catch (error) {
    console.error(`The page memory failed to answer ${req.url}; Next answers`, error);
    if (res.headersSent) return res.destroy();
  }
  return pageMemory.capture(remembered, res, () => handleWithSecondTry(req, res));
});

// The site serves no WebSocket. Next adds an 'upgrade' listener to the server on its first
// request, and then every request with an Upgrade header went to it and hung, its socket left
// open (an outside attack exhausted the file descriptors that way). With no listener Node
// serves such a request as the plain request it also is, the Upgrade header ignored.
const addListener = server.on.bind(server);
server.on = server.addListener = (event, listener) => (event === 'upgrade' ? server : addListener(event, listener));

// Node answers what it cannot parse itself, without our headers; the same statuses, with them.
server.on('clientError', (error, socket) => {
  if (error.code === 'ECONNRESET' || !socket.writable) return socket.destroy();
  if (error.code === 'HPE_HEADER_OVERFLOW') return refuseOnSocket(socket, { status: 431, message: 'Request header fields too large.' });
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return refuseOnSocket(socket, { status: 408, message: 'Request timeout.' });
  if (error.code === 'HPE_INVALID_METHOD') return refuseOnSocket(socket, { status: 405, message: 'Method not allowed: this server answers GET and HEAD (and, under /api, the methods of its routes).', allow: 'GET, HEAD' });
  refuseOnSocket(socket, { status: 400, message: 'Bad request: the request could not be read.' });
});
// CONNECT (tunnelling): this is no proxy.
server.on('connect', (_req, socket) => refuseOnSocket(socket, { status: 405, message: 'Method not allowed: this server is not a proxy.', allow: 'GET, HEAD' }));

server.listen(port, hostname, () => console.log(`Site listening on http://${hostname}:${port}`));

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.once(signal, () => {
    server.close();
    server.closeAllConnections();
    app.close().finally(() => process.exit(0));
  });
}
