import type { Core } from '@strapi/strapi';
import { decideDraftRead, restQueryWantsDraft, secretsMatch, unknownLocaleMessage } from 'clinic-domain';
import { availableLocaleCodes } from '../locales/locales';

export const PREVIEW_HEADER = 'x-preview-secret';

/** Marks whether this request came through the public content API and holds the preview secret. */
export interface ClinicRequestState {
  clinicContentApi?: boolean;
  clinicPreview?: boolean;
}

const errorBody = (status: number, name: string, message: string) => ({
  data: null,
  error: { status, name, message, details: {} },
});

/**
 * Sits in front of every public content-API route (REST under /api and the GraphQL
 * endpoint). REST draft reads and unknown locales are refused here, before Strapi's own
 * controllers run; GraphQL arguments are checked by the document middleware and the
 * GraphQL extension, which see parsed arguments.
 */
export function contentApiGuard(strapi: Core.Strapi) {
  const graphqlEndpoint = (strapi.config.get('plugin::graphql.endpoint') as string | undefined) ?? '/graphql';
  const restPrefix = `${(strapi.config.get('api.rest.prefix') as string | undefined) ?? '/api'}/`;

  return async (ctx: any, next: () => Promise<unknown>) => {
    const isRest = ctx.path.startsWith(restPrefix);
    const isGraphql = ctx.path === graphqlEndpoint;
    if (!isRest && !isGraphql) return next();

    const state = ctx.state as ClinicRequestState;
    state.clinicContentApi = true;
    state.clinicPreview = secretsMatch(ctx.get(PREVIEW_HEADER), strapi.config.get('plugin::clinic.previewSecret') as string);

    if (isRest) {
      const decision = decideDraftRead({ wantsDraft: restQueryWantsDraft(ctx.query), hasPreviewCredential: state.clinicPreview });
      if (!decision.allowed) {
        ctx.status = decision.status;
        ctx.body = errorBody(decision.status, 'ForbiddenError', decision.message);
        return;
      }
      const locale = ctx.query.locale;
      if (typeof locale === 'string' && locale !== '') {
        const problem = unknownLocaleMessage(locale, await availableLocaleCodes(strapi));
        if (problem) {
          ctx.status = 400;
          ctx.body = errorBody(400, 'ValidationError', problem);
          return;
        }
      }
    }
    return next();
  };
}
