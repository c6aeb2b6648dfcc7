import type { Core } from '@strapi/strapi';
import { CLINIC_CONTENT_TYPES, clinicUid } from '../content-api';
import { batchRelationLoads, gatherGraphqlLoads } from './batched-relation-loads';
import { publishedAnswerCache } from './published-answer-cache';
import { sitemapEntriesExtension } from './sitemap-entries';
import type { ClinicPluginConfig } from '../config';

/**
 * The GraphQL contract of the clinic content. Loaded only when the GraphQL plugin is
 * present. Patients and the site only read: mutations are not part of the public schema,
 * editors write through the admin.
 */
export function registerGraphqlExtension(strapi: Core.Strapi): void {
  const extension = strapi.plugin('graphql').service('extension');
  // Relation and component fields of one request are read together, not one query per parent.
  batchRelationLoads(strapi);
  strapi.server.use(gatherGraphqlLoads(strapi));
  // Anonymous reads answered from memory until the next write (see published-answer-cache.ts).
  if ((strapi.config.get('plugin::clinic') as ClinicPluginConfig).graphqlAnswerCache) strapi.server.use(publishedAnswerCache(strapi));

  for (const name of CLINIC_CONTENT_TYPES) extension.shadowCRUD(clinicUid(name)).disableMutations();
  // The review log is never part of the public API.
  extension.shadowCRUD('plugin::clinic.review-entry').disable();
  extension.shadowCRUD('plugin::clinic.review-digest-delivery').disable();
  extension.shadowCRUD('plugin::clinic.announcement').disable();
  // A file's `related` lists every row that uses it, drafts included: never public.
  extension.shadowCRUD('plugin::upload.file').field('related').disable();

  extension.use(sitemapEntriesExtension(strapi));
  extension.use(() => ({
    // The site builds its routes from the CMS's locales, so a locale added in the admin appears without code.
    typeDefs: `
      type ClinicLocale {
        code: String!
        name: String!
        isDefault: Boolean!
      }
      extend type Query {
        "The locales content is written in; the site serves one URL prefix per locale."
        clinicLocales: [ClinicLocale!]!
      }
    `,
    resolvers: {
      Query: {
        clinicLocales: async () => {
          const service = strapi.plugin('i18n').service('locales');
          const [locales, defaultLocale] = await Promise.all([service.find(), service.getDefaultLocale()]);
          return (locales as Array<{ code: string; name: string }>)
            .map((l) => ({ code: l.code, name: l.name, isDefault: l.code === defaultLocale }))
            .sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || a.code.localeCompare(b.code));
        },
      },
    },
    resolversConfig: {
      'Query.clinicLocales': { auth: false },
      ...Object.fromEntries(
      CLINIC_CONTENT_TYPES.flatMap((name) => {
        const typeName = `Clinic${name.replace(/(^|-)(\w)/g, (_m: string, _d: string, c: string) => c.toUpperCase())}`;
        return [
          [`${typeName}.localizations`, { middlewares: [sameStateLocalizations] }],
          [`${typeName}.localizations_connection`, { middlewares: [sameStateLocalizations] }],
        ];
      }),
    ),
    },
  }));
}

/**
 * `localizations` of a published page lists the other locales' published versions only,
 * and a draft's lists drafts, whatever the operation (strapi/strapi#21273 leaked drafts
 * wherever the status was not inherited from a root query).
 */
async function sameStateLocalizations(next: Function, parent: any, args: any, context: any, info: any) {
  return next(parent, { ...args, status: parent?.publishedAt ? 'published' : 'draft' }, context, info);
}
