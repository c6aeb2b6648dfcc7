import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { decideDraftRead, unknownLocaleMessage } from 'clinic-domain';
import { availableLocaleCodes } from '../locales/locales';
import type { ClinicRequestState } from './content-api-guard';

const READ_ACTIONS = new Set(['findMany', 'findFirst', 'findOne', 'count']);

/**
 * One place decides what a public request may read, whatever path it took (REST, GraphQL,
 * a nested relation): drafts only with the preview secret, and only locales that exist.
 * Admin requests never pass the content-API guard, so the Content Manager is unaffected.
 */
export function contentApiReadsMiddleware(strapi: Core.Strapi) {
  return async (ctx: { action: string; params: any; uid: string }, next: () => Promise<unknown>) => {
    if (!READ_ACTIONS.has(ctx.action)) return next();
    const state = strapi.requestContext.get()?.state as ClinicRequestState | undefined;
    if (!state?.clinicContentApi) return next();

    const decision = decideDraftRead({ wantsDraft: ctx.params?.status === 'draft', hasPreviewCredential: Boolean(state.clinicPreview) });
    // A PolicyError keeps its message; Strapi replaces a plain ForbiddenError's with "Forbidden".
    if (!decision.allowed) throw new errors.PolicyError(decision.message);

    const locale = ctx.params?.locale;
    if (typeof locale === 'string' && locale !== '') {
      const problem = unknownLocaleMessage(locale, await availableLocaleCodes(strapi));
      if (problem) throw new errors.ValidationError(problem);
    }
    return next();
  };
}
