import type { Core } from '@strapi/strapi';

/**
 * Strapi's `_q` search matches every string column that is not marked unsearchable, private
 * or not, so a search for a reviewer's account email answered differently from a search for
 * a made-up one. Every private attribute of every model is made unsearchable here, in
 * register, before the first query: private means private to search too.
 */
export function hidePrivateFieldsFromSearch(strapi: Core.Strapi): void {
  const models = [...Object.values(strapi.contentTypes ?? {}), ...Object.values(strapi.components ?? {})] as Array<{ attributes?: Record<string, any> }>;
  const globallyPrivate = new Set<string>((strapi.config.get('api.responses.privateAttributes') as string[] | undefined) ?? []);
  for (const model of models) {
    for (const [name, attribute] of Object.entries(model.attributes ?? {})) {
      if (attribute?.private === true || globallyPrivate.has(name)) attribute.searchable = false;
    }
  }
}

/**
 * Strapi's strict parameter validation refuses unknown or malformed query parameters
 * (REST) and document-service parameters instead of passing them through. On unless the
 * app turned it off on purpose.
 */
export function enableStrictParams(strapi: Core.Strapi): void {
  for (const key of ['api.rest.strictParams', 'api.documents.strictParams']) {
    if (strapi.config.get(key) === undefined) strapi.config.set(key, true);
  }
}
