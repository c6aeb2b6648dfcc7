import { errors } from '@strapi/utils';
import { REVIEW_ENTRY_UID } from './review-log';

const WRITES = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft', 'clone']);

/**
 * The review log is a record of signatures: nothing that goes through the Document Service
 * (admin, REST, GraphQL, plugins) may add, change or remove an entry. The workflow appends
 * through the review log module only.
 */
export async function reviewLogGuard(ctx: { uid: string; action: string }, next: () => Promise<unknown>) {
  if (ctx.uid === REVIEW_ENTRY_UID && WRITES.has(ctx.action)) {
    throw new errors.PolicyError('The review log is append-only: its entries cannot be created, changed or deleted directly.');
  }
  return next();
}
