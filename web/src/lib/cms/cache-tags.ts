/**
 * Cache tags: every CMS read is tagged with what it depends on, so the CMS webhook can
 * refresh exactly the pages that show a document, in every locale.
 */
export const tags = {
  all: 'cms',
  document: (documentId: string) => `doc:${documentId}`,
  type: (name: 'procedure' | 'provider' | 'faq' | 'clinic' | 'rebrand-notice' | 'locales') => `type:${name}`,
};

/** The tags a webhook event invalidates. */
export function tagsForEvent(event: { contentType: string; documentId: string }): string[] {
  const name = event.contentType.replace(/^plugin::clinic\./, '') as Parameters<typeof tags.type>[0];
  return [tags.document(event.documentId), tags.type(name)];
}
