import { AsyncLocalStorage } from 'node:async_hooks';
import type { Core } from '@strapi/strapi';
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from 'clinic-domain';

interface RequestOutage {
  met: boolean;
}

// Which request a failed query belonged to: knex reports every query's failure (in or out of a
// transaction) as a `query-error` event, in the async context of the request that sent it.
const currentRequest = new AsyncLocalStorage<RequestOutage>();
const watched = new WeakSet<object>();

function watchQueryErrors(strapi: Core.Strapi) {
  const connection = (strapi.db as unknown as { connection?: { on?: (event: string, listener: (error: unknown) => void) => void } } | undefined)?.connection;
  if (!connection?.on || watched.has(connection)) return;
  watched.add(connection);
  connection.on('query-error', (error) => {
    const request = currentRequest.getStore();
    if (request && isDatabaseUnavailable(error)) request.met = true;
  });
}

/**
 * A request that meets the database restarting or unreachable answers 503 with Retry-After
 * (its transaction never committed, so it can be sent again) instead of a 500. Mounted just
 * inside `strapi::errors` (cms/config/middlewares.ts), so it sees the error before Strapi's
 * generic 500; everything else passes through to Strapi's own error handling.
 *
 * Strapi sometimes turns a failed query into a verdict on the input (its relation check answers
 * any error with a 400 "Invalid relations"): a request that met an outage and then failed in
 * any way is answered 503 too, so the client retries instead of believing its input was wrong.
 */
export const databaseUnavailableMiddleware = (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: any, next: () => Promise<unknown>) => {
    watchQueryErrors(strapi);
    const request: RequestOutage = { met: false };
    const unavailable = (error: unknown) => {
      strapi.log.warn(`Database unavailable during ${ctx.method} ${ctx.path}: ${(error as Error)?.message ?? error}`);
      ctx.status = 503;
      ctx.set('Retry-After', '5');
      ctx.body = { data: null, error: { status: 503, name: 'ServiceUnavailableError', message: DATABASE_UNAVAILABLE_MESSAGE, details: {} } };
    };
    try {
      await currentRequest.run(request, next);
    } catch (error) {
      if (!isDatabaseUnavailable(error) && !request.met) throw error;
      unavailable(error);
      return;
    }
    if (request.met && ctx.status >= 400 && ctx.status < 500) unavailable(`a query failed on a lost connection and the request was answered ${ctx.status}`);
  };
