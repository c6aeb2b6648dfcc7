import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

/**
 * The Content Manager's relations endpoints (`GET /content-manager/relations/:model(/:id)/:field`)
 * answer a field the caller may not read with `return ctx.forbidden()` inside a helper whose
 * result the caller destructures, so the refusal became a TypeError and a 500 (an editor on
 * `reviewedBy`, anyone on `createdBy`, `updatedBy` or `localizations`). The helper's empty
 * answer is turned into the 403 it meant to be, with a message.
 */
// The Content Manager's controllers outlive a Strapi instance in one process (tests restart it): wrapped once.
const WRAPPED = Symbol.for('clinic.relations-forbidden');

export function answerForbiddenRelationsWith403(strapi: Core.Strapi): void {
  const relations = strapi.plugin('content-manager')?.controller('relations') as Record<string, any> | undefined;
  const extract = relations?.extractAndValidateRequestInfo;
  if (typeof extract !== 'function' || extract[WRAPPED]) return;
  relations!.extractAndValidateRequestInfo = Object.assign(async function extractOrRefuse(this: unknown, ctx: any, ...rest: unknown[]) {
    const info = await extract.call(this, ctx, ...rest);
    if (info === undefined || info === null) {
      const { model, targetField } = ctx.params ?? {};
      throw new errors.ForbiddenError(`You may not read the "${targetField}" field of ${model}, so its relations are not listed.`);
    }
    return info;
  }, { [WRAPPED]: true });
}
