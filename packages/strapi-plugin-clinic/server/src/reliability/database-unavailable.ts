import type { Core } from '@strapi/strapi';
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from 'clinic-domain';

/**
 * A request that meets the database restarting or unreachable answers 503 with Retry-After
 * (its transaction never committed, so it can be sent again) instead of a 500. Mounted just
 * inside `strapi::errors` (cms/config/middlewares.ts), so it sees the error before Strapi's
 * generic 500; everything else passes through to Strapi's own error handling.
 */
export const databaseUnavailableMiddleware = (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: any, next: () => Promise<unknown>) => {
    try {
      await next();
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      strapi.log.warn(`Database unavailable during ${ctx.method} ${ctx.path}: ${(error as Error)?.message ?? error}`);
      ctx.status = 503;
      ctx.set('Retry-After', '5');
      ctx.body = { data: null, error: { status: 503, name: 'ServiceUnavailableError', message: DATABASE_UNAVAILABLE_MESSAGE, details: {} } };
    }
  };
