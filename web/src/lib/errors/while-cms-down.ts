import type { NextRequest } from 'next/server';
import { CMS_TIMEOUT_MS } from '@/lib/cms/cms-timeout';

/**
 * While the CMS is down, Next still serves the pages it has cached, but a page it has not
 * cached fails to render and Next answers a 500 with an empty shell. The proxy cannot know
 * which pages are cached, so for that time it asks the site itself (over loopback, marked
 * with a token only this process knows, so that the inner request is routed as usual):
 * the page when Next has it, else the proxy's 503.
 */
const LOOPBACK_HEADER = 'x-clinic-while-cms-down';
const LOOPBACK_TOKEN = crypto.randomUUID();
// Next gives up each CMS read after CMS_TIMEOUT_MS; a page not rendered by then is not coming.
const LOOPBACK_TIMEOUT_MS = CMS_TIMEOUT_MS;

/** True for the proxy's own loopback request, which must go to Next as it is. */
export function isLoopback(request: NextRequest): boolean {
  return request.headers.get(LOOPBACK_HEADER) === LOOPBACK_TOKEN;
}

/** Where this server listens (set by `next start`); localhost may resolve to an address it does not listen on. */
function ownOrigin(): string {
  const env = process.env;
  const origin = env['__NEXT_PRIVATE_ORIGIN'];
  if (origin) {
    const url = new URL(origin);
    if (url.hostname === 'localhost' || url.hostname === '0.0.0.0' || url.hostname === '[::]') url.hostname = '127.0.0.1';
    return url.origin;
  }
  return `http://127.0.0.1:${env['PORT'] ?? '3000'}`;
}

// Hop-by-hop, or describing the body as it came over loopback rather than as it is sent on.
const NOT_PASSED_ON = ['connection', 'keep-alive', 'transfer-encoding', 'content-encoding', 'content-length'];

/** The page as Next serves it, or `unavailable()` when Next cannot render it (5xx, no answer in time). */
export async function servedWhileCmsDown(request: NextRequest, unavailable: () => Promise<Response>): Promise<Response> {
  const headers = new Headers(request.headers);
  headers.set(LOOPBACK_HEADER, LOOPBACK_TOKEN);
  headers.set('accept-encoding', 'identity');
  headers.delete('host');
  try {
    const url = new URL(request.nextUrl.pathname + request.nextUrl.search, ownOrigin());
    const answer = await fetch(url, { method: request.method, headers, redirect: 'manual', cache: 'no-store', signal: AbortSignal.timeout(LOOPBACK_TIMEOUT_MS) });
    if (answer.status >= 500) {
      await answer.body?.cancel();
      return unavailable();
    }
    const passed = new Headers(answer.headers);
    for (const name of NOT_PASSED_ON) passed.delete(name);
    return new Response(answer.body, { status: answer.status, statusText: answer.statusText, headers: passed });
  } catch {
    return unavailable();
  }
}
