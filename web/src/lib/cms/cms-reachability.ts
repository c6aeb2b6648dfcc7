/**
 * What the proxy knows of the CMS for the pages it answers itself: whether the CMS answers
 * (asked at most once a second, never waited on longer than a moment) and the clinic's phone (the
 * last one read, kept while the CMS is down). Plain fetches: the proxy runs outside React.
 */
import { print } from 'graphql';
import { CMS_GRAPHQL_URL, CMS_URL } from './cms-url';
import { lastFailedCmsRead } from './cms-timeout';
import { SiteChromeDocument, type SiteChromeQuery } from './generated/graphql';

// At most one health check a second, and again at once when a page's read of the CMS got no answer since (cms-timeout.ts).
const ANSWER_FRESH_MS = 1_000;
const HEALTH_TIMEOUT_MS = 1_500;
const PHONE_FRESH_MS = 60_000;

let answered: { up: boolean; at: number } | null = null;
let asking: Promise<boolean> | null = null;
let phone: { value: string | null; at: number; locale: string } | null = null;
let phoneReading: Promise<void> | null = null;

async function askHealth(): Promise<boolean> {
  try {
    const res = await fetch(`${CMS_URL}/_health`, { signal: AbortSignal.timeout(HEALTH_TIMEOUT_MS), cache: 'no-store' });
    return res.status < 500;
  } catch {
    return false;
  }
}

/**
 * Whether the CMS answered its health check in the last second (asked again when older, or when
 * a read has failed since it last answered). While it is down, the next check runs in the
 * background: a hanging CMS holds no visitor for the check's timeout (the answer for a page
 * it brings back is the same one, served over the proxy's loopback).
 */
export function cmsAnswers(): Promise<boolean> {
  if (answered && Date.now() - answered.at < ANSWER_FRESH_MS && !(answered.up && lastFailedCmsRead() >= answered.at)) return Promise.resolve(answered.up);
  const wasDown = answered?.up === false;
  asking ??= askHealth()
    .then((up) => {
      answered = { up, at: Date.now() };
      return up;
    })
    .finally(() => {
      asking = null;
    });
  return wasDown ? Promise.resolve(false) : asking;
}

async function fetchPhone(locale: string): Promise<void> {
  try {
    const body = JSON.stringify({ query: print(SiteChromeDocument), operationName: 'SiteChrome', variables: { locale } });
    const res = await fetch(CMS_GRAPHQL_URL, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal: AbortSignal.timeout(HEALTH_TIMEOUT_MS), cache: 'no-store' });
    const { data } = (await res.json()) as { data?: SiteChromeQuery | null };
    if (res.ok && data) phone = { value: data.clinicClinic?.phone || null, at: Date.now(), locale };
  } catch {
    // Down or odd: the phone read last stays (see lastClinicPhone).
  }
}

/**
 * The clinic's phone as last read (in the default locale), or null when it never was. Reads
 * it again in the background when older than a minute, so that it is there when the CMS is not.
 */
export function lastClinicPhone(defaultLocale: string): string | null {
  if (!phone || phone.locale !== defaultLocale || Date.now() - phone.at >= PHONE_FRESH_MS) {
    const stale = phone;
    // Marked fresh now so that one read, not one per request, is under way.
    phone = { value: stale?.value ?? null, at: Date.now(), locale: defaultLocale };
    phoneReading = fetchPhone(defaultLocale);
  }
  return phone.value;
}

/**
 * The phone as lastClinicPhone gives it, but when none has arrived yet, after the read under way
 * (at most its timeout): the first error page after a start has the number too.
 */
export async function clinicPhoneSoon(defaultLocale: string): Promise<string | null> {
  const known = lastClinicPhone(defaultLocale);
  if (known !== null || !phoneReading) return known;
  await phoneReading;
  return phone?.value ?? null;
}

/** For tests: forget what was asked and read. */
export function forgetCmsReachability(): void {
  answered = null;
  asking = null;
  phone = null;
  phoneReading = null;
}
