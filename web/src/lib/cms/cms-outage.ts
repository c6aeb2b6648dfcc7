/**
 * Whether the proxy should take the CMS to be down, known without asking it on the request's way.
 *
 * A cached page needs nothing from the CMS, so nothing asks the CMS while it answers: the sign of
 * an outage is a read that got no answer (a page's read, noted process-wide by the CMS client's
 * fetch: cms-timeout.ts, cms-fetch.ts). From such a
 * failure on, the CMS counts as down until its health check answers; that check runs in the
 * background, at most once a second, and only while a failure is unexplained. So a healthy site
 * sends the CMS no request at all for the pages it has cached.
 */
import { lastFailedCmsRead } from './cms-timeout';
import { CMS_URL } from './cms-url';
import { edgeState } from '../edge/published-page-screen.cjs';

const HEALTH_EVERY_MS = 1_000;
const HEALTH_TIMEOUT_MS = 1_500;

// Process-wide, not this module's: web/server.mjs reads it to decide which page requests may skip the proxy.
const shared = edgeState();
let lastAsked = 0;
let asking: Promise<void> | null = null;

async function askHealth(): Promise<void> {
  const askedAt = Date.now();
  try {
    const res = await fetch(`${CMS_URL}/_health`, { signal: AbortSignal.timeout(HEALTH_TIMEOUT_MS), cache: 'no-store' });
    if (res.status < 500) shared.cmsAnsweredAt = askedAt;
  } catch {
    // No answer: still down.
  }
}

/** True while a read of the CMS has failed since it last answered its health check (when it last answered: 0, never asked). */
function cmsTakenDown(): boolean {
  const failed = lastFailedCmsRead();
  return failed !== 0 && failed > shared.cmsAnsweredAt;
}
shared.cmsTakenDown = cmsTakenDown;

/**
 * True while a read of the CMS has failed since it last answered its health check. Never waits:
 * when it is true, a health check is started in the background (at most one a second).
 */
export function cmsKnownDown(now = Date.now()): boolean {
  if (!cmsTakenDown()) return false;
  if (!asking && now - lastAsked >= HEALTH_EVERY_MS) {
    lastAsked = now;
    asking = askHealth().finally(() => {
      asking = null;
    });
  }
  return true;
}

/** For tests: until the health check answers, the last one under way. */
export function cmsHealthCheckSettled(): Promise<void> {
  return asking ?? Promise.resolve();
}

/** For tests: forget every failure (cms-timeout.ts notes them under this process-wide symbol) and answer. */
export function forgetCmsOutage(): void {
  (globalThis as Record<symbol, unknown>)[Symbol.for('clinic.cms.failedReadAt')] = 0;
  shared.cmsAnsweredAt = 0;
  lastAsked = 0;
  asking = null;
}
