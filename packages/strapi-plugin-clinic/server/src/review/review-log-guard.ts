import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { REVIEW_ENTRY_UID } from './review-log';

const WRITES = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft', 'clone']);

/**
 * The review log is a record of signatures: nothing that goes through the Document Service
 * (admin, REST, GraphQL, plugins) may add, change or remove an entry, and no request may read
 * it there either (it holds every revision's text, rejection comments and who decided): the
 * review API shows what each role may see, and the workflow reads and appends through the
 * review log module, beneath the Document Service. Code outside a request (backups) still reads.
 */
export function reviewLogGuard(strapi: Core.Strapi) {
  return async (ctx: { uid: string; action: string }, next: () => Promise<unknown>) => {
    if (ctx.uid !== REVIEW_ENTRY_UID) return next();
    if (WRITES.has(ctx.action)) {
      throw new errors.PolicyError('The review log is append-only: its entries cannot be created, changed or deleted directly.');
    }
    if (strapi.requestContext.get()) {
      throw new errors.PolicyError('The review log is not read through the Content Manager or the content API: each page’s review history is on its Medical review panel.');
    }
    return next();
  };
}
