import type { Core } from '@strapi/strapi';
import { contentTypes, errors } from '@strapi/utils';
import { decideRead, publicQueryProblem, rawQueryKeyProblem, unknownLocaleMessage, type AttributesOf } from 'clinic-domain';
import { availableLocaleCodes } from '../locales/locales';
import { currentCaller } from './request-caller';

const READ_ACTIONS = new Set(['findMany', 'findFirst', 'findOne', 'count']);

/**
 * One place decides what a request may read, whatever door it came through (REST in any
 * spelling, GraphQL over GET or POST, a plugin's route): everything that is not the server
 * itself or a signed-in admin is public, and public callers read exactly the published
 * version, of locales that exist, with parameters we know.
 */
export function contentApiReadsMiddleware(strapi: Core.Strapi) {
  const attributesOf: AttributesOf = (uid) => strapi.getModel(uid as any)?.attributes as ReturnType<AttributesOf>;
  return async (ctx: { action: string; params: any; uid: string; contentType?: any }, next: () => Promise<unknown>) => {
    if (!READ_ACTIONS.has(ctx.action)) return next();
    const caller = currentCaller(strapi);
    if (caller.kind !== 'public') return next();

    const model = ctx.contentType ?? strapi.getModel(ctx.uid as any);
    const decision = decideRead({ caller, draftAndPublish: contentTypes.hasDraftAndPublish(model), params: ctx.params ?? {} });
    if (!decision.allowed) {
      // A PolicyError keeps its message; Strapi replaces a plain ForbiddenError's with "Forbidden".
      throw decision.reason === 'draft' ? new errors.PolicyError(decision.message) : new errors.ValidationError(decision.message);
    }
    const querystring: unknown = strapi.requestContext.get()?.querystring;
    const problem = (typeof querystring === 'string' ? rawQueryKeyProblem(querystring) : null) ?? publicQueryProblem(attributesOf, ctx.uid, ctx.params ?? {});
    if (problem) throw new errors.ValidationError(problem);

    const locale = ctx.params?.locale;
    const requested = Array.isArray(locale) ? locale : [locale];
    const known = await availableLocaleCodes(strapi);
    for (const code of requested) {
      if (code === undefined || code === null || code === '' || code === '*') continue;
      const problem = typeof code === 'string' ? unknownLocaleMessage(code, known) : 'locale must be a locale code.';
      if (problem) throw new errors.ValidationError(problem);
    }
    return next();
  };
}
