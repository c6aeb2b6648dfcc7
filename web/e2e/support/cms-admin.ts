/**
 * Talks to the CMS's admin API the way the admin panel does, for tests that need content to
 * change (edit, submit, approve, publish) without driving the admin UI.
 */
export const CMS_URL = process.env.CMS_URL ?? 'http://127.0.0.1:1338';
export const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? 'ClinicDemo2026';

const tokens = new Map<string, string>();

export async function adminToken(email: string): Promise<string> {
  const known = tokens.get(email);
  if (known) return known;
  const res = await fetch(`${CMS_URL}/admin/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: DEMO_PASSWORD }) });
  if (!res.ok) throw new Error(`login ${email}: ${res.status}`);
  const token = ((await res.json()) as any).data.token as string;
  tokens.set(email, token);
  return token;
}

async function call(token: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${CMS_URL}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json().catch(() => ({}))) as any;
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json?.error ?? json).slice(0, 500)}`);
  return json;
}

/** A Content Manager save names the version of the draft it is based on, as the admin's edit view does. */
const DRAFT_VERSION_HEADER = 'X-Clinic-Draft-Version';

/**
 * Any admin API call as a demo account. A save (PUT) first reads the draft, as the edit view
 * does, and names its version; a document as read carries `status` (draft, modified,
 * published), which the admin shows and never sends.
 */
export async function cmsAdmin(email: string, method: string, path: string, body?: unknown) {
  const token = await adminToken(email);
  const { status: _shown, ...sent } = (body ?? {}) as Record<string, unknown>;
  const headers: Record<string, string> = {};
  if (method === 'PUT' && path.startsWith('/content-manager/')) {
    const draft = await call(token, 'GET', path).catch(() => undefined);
    if (typeof draft?.data?.updatedAt === 'string') headers[DRAFT_VERSION_HEADER] = draft.data.updatedAt;
  }
  return call(token, method, path, body === undefined ? undefined : sent, headers);
}

const cm = (uid: string) => `/content-manager/collection-types/${uid}`;

export async function findDocument(token: string, uid: string, locale: string, filter: Record<string, string>) {
  const params = new URLSearchParams({ locale, page: '1', pageSize: '10' });
  for (const [k, v] of Object.entries(filter)) params.set(`filters[$and][0][${k}][$eq]`, v);
  const res = await call(token, 'GET', `${cm(uid)}?${params}`);
  return res.results[0];
}

export async function editDraft(token: string, uid: string, documentId: string, locale: string, change: (doc: any) => Record<string, unknown>) {
  const current = await call(token, 'GET', `${cm(uid)}/${documentId}?locale=${locale}`);
  // `status` (draft, modified, published) is what the admin shows, never what a save sends.
  const { status: _shown, ...saved } = change(current.data);
  return call(token, 'PUT', `${cm(uid)}/${documentId}?locale=${locale}`, saved, { [DRAFT_VERSION_HEADER]: current.data.updatedAt });
}

export async function createDraft(token: string, uid: string, locale: string, data: Record<string, unknown>) {
  return (await call(token, 'POST', `${cm(uid)}?locale=${locale}`, data)).data;
}

const reviewType = (uid: string) => uid.replace('plugin::clinic.', '');

export async function submit(token: string, uid: string, documentId: string, locale: string) {
  return call(token, 'POST', `/clinic/reviews/${reviewType(uid)}/${documentId}/submit`, { locale });
}

export async function approve(token: string, uid: string, documentId: string, locale: string) {
  const status = await call(token, 'GET', `/clinic/reviews/${reviewType(uid)}/${documentId}?locale=${locale}`);
  return call(token, 'POST', `/clinic/reviews/${reviewType(uid)}/${documentId}/approve`, { locale, revisionHash: status.data.revisionHash });
}

export async function publish(token: string, uid: string, documentId: string, locale: string) {
  return call(token, 'POST', `${cm(uid)}/${documentId}/actions/publish?locale=${locale}`, {});
}

/** The whole medical path: the editor submits, the physician approves and publishes. */
export async function reviewAndPublish(uid: string, documentId: string, locale: string) {
  const [editor, physician] = await Promise.all([adminToken('editor@clinic.test'), adminToken('physician@clinic.test')]);
  await submit(editor, uid, documentId, locale);
  await approve(physician, uid, documentId, locale);
  await publish(physician, uid, documentId, locale);
}
