/**
 * The Content Manager drops updatedAt from what it sends on save, so the server cannot tell a
 * save based on an old copy from one based on the current text. This remembers, per document
 * and locale, the updatedAt of the draft the edit view last loaded or saved, and sends it with
 * the next save as X-Clinic-Draft-Version; the server answers 409 when the draft moved on.
 */
const HEADER = 'X-Clinic-Draft-Version';
const DOCUMENT_PATH = /\/content-manager\/(?:collection-types\/([^/?#]+)\/([^/?#]+)|single-types\/([^/?#]+))(\/actions\/publish)?$/;

interface Call {
  key: string;
  method: string;
  publishing: boolean;
  readsPublished: boolean;
}

function callOf(input: RequestInfo | URL, init?: RequestInit): Call | null {
  const href = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  let url: URL;
  try {
    url = new URL(href, window.location.origin);
  } catch {
    return null;
  }
  const match = DOCUMENT_PATH.exec(url.pathname);
  if (!match) return null;
  const [, uid, documentId, singleUid, publish] = match;
  if (documentId && documentId.startsWith('actions')) return null;
  const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
  const model = decodeURIComponent(uid ?? singleUid ?? '');
  const key = `${model}|${documentId ?? 'single'}|${url.searchParams.get('locale') ?? ''}`;
  return { key, method, publishing: Boolean(publish), readsPublished: url.searchParams.get('status') === 'published' };
}

export function sendDraftVersionOnSave(target: Window = window): void {
  const versions = new Map<string, string>();
  const originalFetch = target.fetch.bind(target);

  target.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const call = callOf(input, init);
    const saving = call && (call.method === 'PUT' || (call.method === 'POST' && call.publishing));
    const loaded = call ? versions.get(call.key) : undefined;
    if (saving && loaded) {
      const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
      headers.set(HEADER, loaded);
      init = { ...init, headers };
    }
    const response = await originalFetch(input, init);
    // The version the form now shows: from a draft read, or from the answer to a save.
    const reading = call && call.method === 'GET' && !call.readsPublished && !call.publishing;
    if (call && response.ok && (reading || (saving && !call.publishing))) {
      response
        .clone()
        .json()
        .then((body: { data?: { updatedAt?: string; publishedAt?: string | null } }) => {
          const updatedAt = body?.data?.updatedAt;
          if (typeof updatedAt === 'string' && !body.data?.publishedAt) versions.set(call.key, updatedAt);
        })
        .catch(() => undefined);
    }
    return response;
  };
}
