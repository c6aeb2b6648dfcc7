/**
 * How long the site waits on the CMS, and what a failed read tells the proxy.
 *
 * A CMS that accepts connections but never answers would hold a page (and its visitor) for as
 * long as the socket lives; every read of the CMS is given up after CMS_TIMEOUT_MS instead, so
 * an uncached page is the localized 503 within about 1.5 s (the proxy's health check) plus this.
 * `next build` waits longer: no visitor waits on it, and a slow CMS must not fail a build.
 */
export const CMS_TIMEOUT_MS = 3_000;
const BUILD_TIMEOUT_MS = 60_000;

function timeoutMs(): number {
  return process.env['NEXT_PHASE'] === 'phase-production-build' ? BUILD_TIMEOUT_MS : CMS_TIMEOUT_MS;
}

/** The signal for one CMS read: aborted after the timeout, or with the caller's own signal. */
export function cmsReadSignal(signal?: AbortSignal | null): AbortSignal {
  const timeout = AbortSignal.timeout(timeoutMs());
  return signal ? AbortSignal.any([signal, timeout]) : timeout;
}

// One value for the whole process: the pages' reads and the proxy are bundled apart, each with its own copy of this module.
const FAILED_READ_AT = Symbol.for('clinic.cms.failedReadAt');
type WithFailedRead = typeof globalThis & { [FAILED_READ_AT]?: number };

/** A read got no answer (refused, reset, timed out): the proxy's last word on the CMS is in doubt. */
export function noteFailedCmsRead(): void {
  (globalThis as WithFailedRead)[FAILED_READ_AT] = Date.now();
}

/** When a read last got no answer (0: never). */
export function lastFailedCmsRead(): number {
  return (globalThis as WithFailedRead)[FAILED_READ_AT] ?? 0;
}
