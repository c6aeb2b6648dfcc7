import type { Core } from '@strapi/strapi';
import { classifyCaller, secretsMatch, type ReadCaller } from 'clinic-domain';

export const PREVIEW_HEADER = 'x-preview-secret';

/**
 * The caller of the request being served, from what Strapi's router and auth recorded on it
 * (route type, strategy), never from the path: the router matches paths case-insensitively
 * and with trailing slashes, so a path string is not a boundary.
 */
export function currentCaller(strapi: Core.Strapi): ReadCaller {
  return callerOf(strapi, strapi.requestContext.get() as any);
}

export function callerOf(strapi: Core.Strapi, ctx: any): ReadCaller {
  if (!ctx) return classifyCaller(null);
  const presented = ctx.request?.header?.[PREVIEW_HEADER];
  return classifyCaller({
    routeMatched: Boolean(ctx.state?.route),
    routeType: ctx.state?.route?.info?.type,
    authStrategy: ctx.state?.auth?.strategy?.name,
    authenticated: ctx.state?.isAuthenticated,
    previewCredential: typeof presented === 'string' && secretsMatch(presented, strapi.config.get('plugin::clinic.previewSecret') as string),
  });
}

export const SUPER_ADMIN_ROLE_CODE = 'strapi-super-admin';

/** The signed-in admin's role codes, or null when no admin user is behind this call. */
export function currentAdminRoles(strapi: Core.Strapi): string[] | null {
  const ctx = strapi.requestContext.get() as any;
  if (currentCaller(strapi).kind !== 'admin') return null;
  const roles = ctx?.state?.user?.roles;
  return Array.isArray(roles) ? roles.map((role: { code?: string }) => String(role.code)) : [];
}
