import type { TypedDocumentNode } from '@apollo/client';
import { previewIsOpen } from '@/lib/preview/preview-session';
import { getClient } from './client';
import { tags as cacheTags } from './cache-tags';
import type { PublicationStatus } from './generated/graphql';

export interface CmsReadOptions {
  /** What the result depends on (see cache-tags.ts). */
  tags: string[];
}

/**
 * The variables of an operation that declares `$status: PublicationStatus`, and `never` for any
 * other: a content read that could not show drafts in preview does not compile.
 */
type DraftableVariables<V> = string extends keyof V ? never : V extends { status?: infer S } ? ([PublicationStatus] extends [NonNullable<S>] ? V : never) : never;

/** Published reads go through Next's data cache, tagged: served from cache (also while the CMS is down) and refreshed by the webhook. */
const publishedRead = (tags: string[]) => ({ fetchOptions: { cache: 'force-cache', next: { tags: [cacheTags.all, ...tags], revalidate: 3600 } } });

/** Draft reads carry the preview secret and are never cached. */
const draftRead = () => ({ headers: { 'x-preview-secret': process.env.PREVIEW_SECRET ?? '' }, fetchOptions: { cache: 'no-store' } });

async function read<TData, TVariables extends Record<string, unknown>>(document: TypedDocumentNode<TData, TVariables>, variables: TVariables, context: object): Promise<TData> {
  // getClient: one client per request in components; also safe in route handlers (sitemap).
  const { data } = await getClient().query({ query: document, variables, context });
  if (!data) throw new Error('The CMS returned no data');
  return data;
}

/**
 * Reads content that has drafts. In an open preview (draft mode and a valid preview session) the read asks for drafts (`status: DRAFT`);
 * otherwise it sends no status, exactly what the public API serves.
 */
export async function cmsQuery<TData, TVariables extends Record<string, unknown>>(
  document: TypedDocumentNode<TData, TVariables>,
  variables: NoInfer<DraftableVariables<TVariables>>,
  options: CmsReadOptions,
): Promise<TData> {
  if (await previewIsOpen()) return read(document, { ...variables, status: 'DRAFT' }, draftRead());
  return read(document, variables, publishedRead(options.tags));
}

/** Reads what has no drafts (the CMS's locales): always published, always through the cache. */
export function cmsQueryWithoutDrafts<TData, TVariables extends Record<string, unknown>>(
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  options: CmsReadOptions,
): Promise<TData> {
  return read(document, variables, publishedRead(options.tags));
}
