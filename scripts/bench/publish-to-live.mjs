import { join } from 'node:path';

/**
 * Publish-to-live, measured the way an editor lives it: the demo editor changes a procedure's
 * summary and submits it, the demo physician approves it and publishes it through the publish
 * gate (the admin API, as the admin panel calls it), and the clock runs from the publish request
 * until the page shows the new sentence on a site instance, each instance polled on its own
 * (every 20 ms). Every instance must have served the page from cache before the publish.
 */
const PROCEDURE = 'plugin::clinic.procedure';
const POLL_MS = 20;
const GIVE_UP_MS = 15_000;

async function adminApi(cmsUrl, password) {
  const tokens = new Map();
  async function token(email) {
    if (!tokens.has(email)) {
      const res = await fetch(`${cmsUrl}/admin/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
      if (!res.ok) throw new Error(`login ${email}: ${res.status}`);
      tokens.set(email, (await res.json()).data.token);
    }
    return tokens.get(email);
  }
  async function call(email, method, path, body) {
    const res = await fetch(`${cmsUrl}${path}`, { method, headers: { authorization: `Bearer ${await token(email)}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    const json = await res.json().catch(() => ({}));
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json?.error ?? json)}`);
    return json;
  }
  return { call };
}

const cm = `/content-manager/collection-types/${PROCEDURE}`;
const EDITOR = 'editor@clinic.test';
const PHYSICIAN = 'physician@clinic.test';

async function pageShows(url, text) {
  try {
    const res = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(GIVE_UP_MS) });
    return (await res.text()).includes(text);
  } catch {
    return false;
  }
}

async function cachedEverywhere(urls) {
  for (const url of urls) {
    for (let tries = 0; ; tries += 1) {
      const res = await fetch(url, { redirect: 'manual' });
      await res.arrayBuffer();
      if (res.status === 200 && res.headers.get('x-nextjs-cache') === 'HIT') break;
      if (tries > 100) throw new Error(`${url} is not served from cache (${res.status} ${res.headers.get('x-nextjs-cache')})`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/**
 * One publication per locale and round. Returns every sample ({ locale, instance, seconds }),
 * the median of "live on every instance" (the slowest instance of each publication), and the
 * median time the publish request itself took (the CMS's share of it).
 */
export async function publishToLiveSamples({ cmsUrl, sites, pages, rounds, password, progress = () => {} }) {
  const { call } = await adminApi(cmsUrl, password);
  const samples = [];
  const everywhere = [];
  const publishCalls = [];
  for (let round = 1; round <= rounds; round += 1) {
    for (const { locale, slug, path } of pages) {
      const urls = sites.map((site) => `${site}${path}`);
      await cachedEverywhere(urls);
      const params = new URLSearchParams({ locale, page: '1', pageSize: '1', 'filters[$and][0][slug][$eq]': slug });
      const { documentId } = (await call(EDITOR, 'GET', `${cm}?${params}`)).results[0];
      const sentence = `Publish to live ${locale} ${round} ${Date.now()}.`;
      const { status: _shown, ...draft } = (await call(EDITOR, 'GET', `${cm}/${documentId}?locale=${locale}`)).data;
      await call(EDITOR, 'PUT', `${cm}/${documentId}?locale=${locale}`, { ...draft, summary: `${draft.summary} ${sentence}` });
      await call(EDITOR, 'POST', `/clinic/reviews/procedure/${documentId}/submit`, { locale });
      const review = await call(PHYSICIAN, 'GET', `/clinic/reviews/procedure/${documentId}?locale=${locale}`);
      await call(PHYSICIAN, 'POST', `/clinic/reviews/procedure/${documentId}/approve`, { locale, revisionHash: review.data.revisionHash });
      const published = performance.now();
      await call(PHYSICIAN, 'POST', `${cm}/${documentId}/actions/publish?locale=${locale}`, {});
      const publishCallSeconds = (performance.now() - published) / 1000;
      const live = await Promise.all(
        urls.map(async (url, instance) => {
          while (!(await pageShows(url, sentence))) {
            if (performance.now() - published > GIVE_UP_MS) throw new Error(`${url} did not show the published change within ${GIVE_UP_MS / 1000} s`);
            await new Promise((r) => setTimeout(r, POLL_MS));
          }
          const seconds = (performance.now() - published) / 1000;
          samples.push({ locale, instance: sites[instance], seconds });
          return seconds;
        }),
      );
      everywhere.push(Math.max(...live));
      publishCalls.push(publishCallSeconds);
      progress(`publish to live, ${locale}, round ${round}: ${live.map((s) => `${s.toFixed(2)} s`).join(', ')} (the publish request itself ${publishCallSeconds.toFixed(2)} s)`);
    }
  }
  return { samples, medianSeconds: median(everywhere), medianPublishCallSeconds: median(publishCalls) };
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  if (!sorted.length) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The demo accounts' password, as the CMS sets it (cms/scripts/demo-password.js). */
export async function demoPassword(root) {
  if (process.env.DEMO_PASSWORD) return process.env.DEMO_PASSWORD;
  const { default: domain } = await import(join(root, 'packages/clinic-domain/dist/index.js'));
  return domain.DEMO_SECRETS.DEMO_PASSWORD;
}
