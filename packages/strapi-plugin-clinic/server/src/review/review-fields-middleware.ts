import type { Core } from '@strapi/strapi';
import { currentAdminRoles, currentCaller, SUPER_ADMIN_ROLE_CODE } from '../draft-protection/request-caller';
import { PHYSICIAN_FIELDS, PHYSICIAN_ROLE_CODE, SUPER_ADMIN_FIELDS } from './roles';
import { isWorkflowWrite, REVIEW_FIELDS } from './workflow-context';

/**
 * Editors' forms send the review fields back unchanged with every save; dropping them keeps
 * the stored values, so no save outside the workflow can move a review date or a reviewer.
 * Which account speaks for which physician, and the clinic's approval rules, are changed
 * by super admins only (or by the server's own code), a page's review interval by physicians
 * and super admins, whatever the role's field permissions say.
 */
export function reviewFieldsMiddleware(strapi: Core.Strapi) {
  return async (ctx: { uid: string; action: string; params: any }, next: () => Promise<unknown>) => {
    if ((ctx.action !== 'create' && ctx.action !== 'update') || isWorkflowWrite()) return next();
    const attributes = strapi.getModel(ctx.uid as any)?.attributes ?? {};
    const data = ctx.params?.data;
    if (data && typeof data === 'object') {
      for (const field of REVIEW_FIELDS) if (field in attributes) delete data[field];
      const server = currentCaller(strapi).kind === 'internal';
      const roles = currentAdminRoles(strapi) ?? [];
      const superAdmin = server || roles.includes(SUPER_ADMIN_ROLE_CODE);
      if (!superAdmin) for (const field of SUPER_ADMIN_FIELDS) if (field in attributes) delete data[field];
      if (!superAdmin && !roles.includes(PHYSICIAN_ROLE_CODE)) for (const field of PHYSICIAN_FIELDS) if (field in attributes) delete data[field];
    }
    return next();
  };
}
