import type { Core } from '@strapi/strapi';
import { secretsMatch } from 'clinic-domain';
import { httpStatusForRefusedOperation } from './graphql-http-status';

export const PREVIEW_HEADER = 'x-preview-secret';

/** Set on requests that came through the public content API (REST under /api, or GraphQL). */
export interface ClinicRequestState {
  clinicContentApi?: boolean;
  clinicPreview?: boolean;
}

/**
 * Marks public content-API requests and whether they hold the preview secret; the document
 * middleware (content-api-reads.ts) decides what such a request may read. For GraphQL it
 * also gives a wholly refused operation its proper 4xx status.
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

    await next();

    if (isGraphql && ctx.status === 200 && typeof ctx.body === 'string' && ctx.body.startsWith('{"errors"')) {
      const status = httpStatusForRefusedOperation(JSON.parse(ctx.body));
      if (status) ctx.status = status;
    }
    // What was read depends on the preview secret: shared caches must not mix the two.
    if (state.clinicPreview) ctx.set('Cache-Control', 'private, no-store');
  };
}
