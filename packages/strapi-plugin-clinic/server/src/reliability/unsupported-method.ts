/**
 * Koa's router answers a method it has never heard of (TRACE, CONNECT, PROPFIND…) with a 501,
 * as if the server were broken. It is the client asking for something we do not offer: a 405
 * that lists what we do. OPTIONS stays with `strapi::cors` (preflight); every method some
 * route uses passes on untouched, so the router still decides per path.
 */
export const ALLOWED_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
const ALLOWED = new Set<string>(ALLOWED_METHODS);

export const isSupportedMethod = (method: string) => ALLOWED.has(method.toUpperCase());

export const unsupportedMethodMiddleware = () => async (ctx: any, next: () => Promise<unknown>) => {
  if (isSupportedMethod(String(ctx.method ?? ''))) return next();
  ctx.status = 405;
  ctx.set('Allow', ALLOWED_METHODS.join(', '));
  ctx.body = { data: null, error: { status: 405, name: 'MethodNotAllowedError', message: `The ${ctx.method} method is not supported.`, details: {} } };
};
