/**
 * What a Document Service action changes on the live site, decided from the action alone.
 * Pure: the middleware (announce-changes.ts) looks the rows up and sends the events.
 */

export type LiveChangeEvent = 'publish' | 'unpublish' | 'delete';

export interface LiveChange {
  event: LiveChangeEvent;
  /**
   * Which rows name the locales that change, and when to look: before the action for what it
   * is about to publish or remove, after it for what it has just made live.
   */
  lookUp: 'before' | 'after';
  rows: 'draft' | 'published' | 'any';
}

// Actions that never change what a patient sees. Anything else is announced (fail safe).
const READS = new Set(['findOne', 'findFirst', 'findMany', 'count']);
const DRAFT_WRITES = new Set(['create', 'update', 'clone']);

export function liveChangeOf(action: string, params: { status?: unknown } | undefined, draftAndPublish: boolean): LiveChange | null {
  if (READS.has(action)) return null;
  if (!draftAndPublish) {
    // Without Draft & Publish every saved row is live.
    if (action === 'delete') return { event: 'delete', lookUp: 'before', rows: 'any' };
    return { event: 'publish', lookUp: 'after', rows: 'any' };
  }
  switch (action) {
    case 'publish':
      return { event: 'publish', lookUp: 'before', rows: 'draft' };
    case 'unpublish':
      return { event: 'unpublish', lookUp: 'before', rows: 'published' };
    case 'delete':
      // Removing a locale that was never published changes nothing a patient sees.
      return { event: 'delete', lookUp: 'before', rows: 'published' };
    case 'discardDraft':
      return null;
  }
  if (DRAFT_WRITES.has(action)) {
    // create and update with status 'published' save the draft and publish it in one call.
    return action !== 'clone' && params?.status === 'published' ? { event: 'publish', lookUp: 'after', rows: 'published' } : null;
  }
  return { event: 'publish', lookUp: 'after', rows: 'any' };
}
