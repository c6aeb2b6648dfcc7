import type { TypedDocumentNode } from '@apollo/client';
import { draftMode } from 'next/headers';
import { getClient } from './client';
import { tags as cacheTags } from './cache-tags';

export interface CmsReadOptions {
  /** What the result depends on (see cache-tags.ts). */
  tags: string[];
}

/**
 * Reads from the CMS. Published reads go through Next's data cache, tagged, so pages are
 * served from cache (also while the CMS is down) and refreshed by the webhook. In draft
 * mode the read carries the preview secret, asks for drafts, and is never cached.
 */
export async function cmsQuery<TData, TVariables extends Record<string, unknown>>(
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  options: CmsReadOptions,
): Promise<TData> {
  const preview = (await draftMode()).isEnabled;
  // getClient: one client per request in components; also safe in route handlers (sitemap).
  const { data } = await getClient().query({
    query: document,
    variables: (preview ? { ...variables, status: 'DRAFT' } : variables) as TVariables,
    context: preview
      ? { headers: { 'x-preview-secret': process.env.PREVIEW_SECRET ?? '' }, fetchOptions: { cache: 'no-store' } }
      : { fetchOptions: { cache: 'force-cache', next: { tags: [cacheTags.all, ...options.tags], revalidate: 3600 } } },
  });
  if (!data) throw new Error('The CMS returned no data');
  return data as TData;
}
