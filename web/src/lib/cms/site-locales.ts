/**
 * The CMS's locales for the proxy, which runs before any page and outside React: a plain
 * fetch of the generated SiteLocales document (it is on the CMS's operation allowlist),
 * remembered for a minute so that a locale an admin adds is served without a deploy, and kept
 * on disk for a start while the CMS is down (./remembered-locales).
 * Pages read the same list through Next's data cache (getLocales in ./index).
 */
import { print } from 'graphql';
import { CMS_GRAPHQL_URL } from './cms-url';
import { CMS_TIMEOUT_MS } from './cms-timeout';
import { SiteLocalesDocument, type SiteLocalesQuery } from './generated/graphql';
import { reshapeLocales } from './reshape';
import { recallSiteLocales, rememberSiteLocales } from './remembered-locales';
import type { SiteLocale } from './types';

const FRESH_MS = 60_000;
/** After a failed refresh, the next try; a stopped CMS is not asked on every request. */
const RETRY_MS = 5_000;
const body = JSON.stringify({ query: print(SiteLocalesDocument), operationName: 'SiteLocales' });

let known: { locales: SiteLocale[]; at: number } | null = null;
let refreshing: Promise<SiteLocale[]> | null = null;

async function fetchSiteLocales(): Promise<SiteLocale[]> {
  const res = await fetch(CMS_GRAPHQL_URL, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal: AbortSignal.timeout(CMS_TIMEOUT_MS) });
  const { data } = (await res.json()) as { data?: SiteLocalesQuery | null };
  if (!res.ok || !data?.clinicLocales?.length) throw new Error(`The CMS answered ${res.status} without locales`);
  return reshapeLocales(data);
}

function refresh(): Promise<SiteLocale[]> {
  refreshing ??= fetchSiteLocales()
    .then((locales) => {
      known = { locales, at: Date.now() };
      rememberSiteLocales(locales);
      return locales;
    })
    // The CMS is down or odd: keep what we knew (else what an earlier start kept, else nothing) and ask again soon.
    .catch(() => {
      const locales = known?.locales ?? recallSiteLocales();
      if (locales) known = { locales, at: Date.now() - FRESH_MS + RETRY_MS };
      return locales ?? [];
    })
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

/**
 * The CMS's locales; an empty list when the CMS has never answered (the routing then serves
 * the fallback locale alone). Past a minute the last list is still returned at once while
 * a fresh one is fetched in the background: the proxy never waits on the CMS once it knows.
 */
export async function getSiteLocales(): Promise<SiteLocale[]> {
  if (!known) return refresh();
  if (Date.now() - known.at >= FRESH_MS) void refresh();
  return known.locales;
}

/** For tests: forget what was fetched. */
export function forgetSiteLocales(): void {
  known = null;
  refreshing = null;
}
