import type { Core } from '@strapi/strapi';
import { httpStatusForRefusedOperation } from './graphql-http-status';
import { callerOf } from './request-caller';

/**
 * After a public request: a GraphQL operation that was refused, in whole or in part, gets
 * the 4xx status its error means and no data, and an answer read with the preview credential is never cached.
 * Which requests are public is what the router recorded (see request-caller.ts).
 */
export function contentApiGuard(strapi: Core.Strapi) {
  return async (ctx: any, next: () => Promise<unknown>) => {
    await next();
    const caller = callerOf(strapi, ctx);
    if (caller.kind !== 'public') return;

    if (ctx.status === 200 && typeof ctx.body === 'string' && ctx.body.startsWith('{"errors"')) {
      const body = safeJson(ctx.body) as { errors?: unknown } | null;
      const status = httpStatusForRefusedOperation(body);
      if (status) {
        ctx.status = status;
        // Refused as a whole: the parts that did run are not sent either.
        ctx.body = JSON.stringify({ errors: body?.errors });
      }
    }
    // What was read depends on the preview secret: shared caches must not mix the two.
    ctx.vary('X-Preview-Secret');
    if (caller.preview) ctx.set('Cache-Control', 'private, no-store');
  };
}

const safeJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};
