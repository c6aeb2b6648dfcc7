/**
 * Cache tags: every CMS read is tagged with the content types it shows (see index.ts), so
 * the CMS webhook can refresh exactly the pages that show a changed document, in every
 * locale.
 */
import { ADDRESSED_READ_TAG } from './addressed-read.cjs';

export const tags = {
  all: 'cms',
  /** Added to a read keyed by what the visitor typed (a slug, a page number): see addressed-read.cjs. */
  addressed: ADDRESSED_READ_TAG,
  document: (documentId: string) => `doc:${documentId}`,
  type: (name: 'procedure' | 'provider' | 'faq' | 'clinic' | 'rebrand-notice' | 'locales') => `type:${name}`,
};

/**
 * The pages each content type appears on, as the tags of their reads. A procedure: its page,
 * the lists, the FAQ page (grouped by procedure), provider bios and the sitemap. A provider:
 * bios, the sitemap and procedure pages (they list providers). An FAQ: the FAQ page and
 * procedure pages. Clinic details and the rebrand notice are in the layout: every page.
 */
const PAGES_SHOWING: Record<string, string[]> = {
  'plugin::clinic.procedure': [tags.type('procedure')],
  'plugin::clinic.provider': [tags.type('provider'), tags.type('procedure')],
  'plugin::clinic.faq': [tags.type('faq'), tags.type('procedure')],
  'plugin::clinic.clinic': [tags.all],
  'plugin::clinic.rebrand-notice': [tags.all],
};

/**
 * The tags a webhook event (publish, unpublish, delete or approve, in any locale) expires.
 * A content type we do not know refreshes everything: a stale page is worse than a refetch.
 */
export function tagsForEvent(event: { contentType: string; documentId: string }): string[] {
  const pages = Object.hasOwn(PAGES_SHOWING, event.contentType) ? PAGES_SHOWING[event.contentType]! : [tags.all];
  return [tags.document(event.documentId), ...pages];
}
