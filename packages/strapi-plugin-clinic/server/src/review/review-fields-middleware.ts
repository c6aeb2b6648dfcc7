import type { Core } from '@strapi/strapi';
import { isWorkflowWrite, REVIEW_FIELDS } from './workflow-context';

/**
 * Editors' forms send the review fields back unchanged with every save; dropping them keeps
 * the stored values, so no save outside the workflow can move a review date or a reviewer.
 */
export function reviewFieldsMiddleware(strapi: Core.Strapi) {
  return async (ctx: { uid: string; action: string; params: any }, next: () => Promise<unknown>) => {
    if ((ctx.action !== 'create' && ctx.action !== 'update') || isWorkflowWrite()) return next();
    const attributes = strapi.getModel(ctx.uid as any)?.attributes ?? {};
    const data = ctx.params?.data;
    if (data && typeof data === 'object') {
      for (const field of REVIEW_FIELDS) if (field in attributes) delete data[field];
    }
    return next();
  };
}
