import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { DRAFT_READ_REFUSED } from 'clinic-domain';
import type { ClinicRequestState } from './content-api-guard';

const READ_ACTIONS = new Set(['findMany', 'findFirst', 'findOne', 'count']);

/**
 * The last line of defence for drafts: whatever path a public request takes (REST,
 * GraphQL, a nested relation), a document read that asks for drafts is refused unless
 * the request holds the preview secret. Admin requests never pass the content-API guard,
 * so the Content Manager keeps working on drafts.
 */
export function draftReadMiddleware(strapi: Core.Strapi) {
  return async (ctx: { action: string; params: any; uid: string }, next: () => Promise<unknown>) => {
    if (READ_ACTIONS.has(ctx.action) && ctx.params?.status === 'draft') {
      const state = strapi.requestContext.get()?.state as ClinicRequestState | undefined;
      if (state?.clinicContentApi && !state.clinicPreview) {
        throw new errors.ForbiddenError(DRAFT_READ_REFUSED);
      }
    }
    return next();
  };
}
