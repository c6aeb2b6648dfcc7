import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import { unknownLocaleMessage } from 'clinic-domain';
import { availableLocaleCodes } from '../locales/locales';
import { clinicRepository } from '../repository/clinic-repository';

/** The largest page one request may ask for: a clinic's whole sitemap of a type and locale in one read, bounded. */
export const SITEMAP_PAGE_MAX = 5000;

const SITEMAP_TYPES = { PROCEDURE: 'plugin::clinic.procedure', PROVIDER: 'plugin::clinic.provider' } as const;

const sitemapArgs = z.object({
  type: z.enum(Object.keys(SITEMAP_TYPES) as [keyof typeof SITEMAP_TYPES]),
  locale: z.string().min(2).max(20),
  after: z.string().min(1, 'after must be the nextCursor of the previous page').max(64, 'after must be the nextCursor of the previous page').nullish(),
  limit: z.number().int().min(1, `limit must be between 1 and ${SITEMAP_PAGE_MAX}`).max(SITEMAP_PAGE_MAX, `limit must be between 1 and ${SITEMAP_PAGE_MAX}`),
});

/**
 * `clinicSitemapEntries`: what a sitemap lists (documentId, slug, updatedAt) of one type's
 * published pages in one locale, a page at a time by cursor. The generic collection queries
 * read whole versions, cap a page at 100 and count the total on every page, so a sitemap at
 * 3,000 pages cost 36 reads; this is one SQL statement per page of up to 5,000. Published
 * versions only, whatever the caller sends (no status argument): a draft's slug never leaks.
 *
 * The page size is `limit`, as in Strapi's own pagination, and bounded here (1 to 5,000).
 * GraphQL Armor's cost estimate multiplies a field's cost by a `first` argument, which would
 * price this flat, one-statement page like 5,000 nested documents; the bound above is the
 * real one, and the rest of the operation is still priced as usual.
 */
export function sitemapEntriesExtension(strapi: Core.Strapi) {
  const repository = clinicRepository(strapi);
  return {
    typeDefs: `
      enum ClinicSitemapType {
        PROCEDURE
        PROVIDER
      }
      type ClinicSitemapEntry {
        documentId: String!
        slug: String!
        updatedAt: DateTime
      }
      type ClinicSitemapPage {
        entries: [ClinicSitemapEntry!]!
        "Pass as after for the next page; null on the last page."
        nextCursor: String
      }
      extend type Query {
        "Published pages of one type in one locale, by documentId, for the sitemap (limit: 1 to ${SITEMAP_PAGE_MAX})."
        clinicSitemapEntries(type: ClinicSitemapType!, locale: I18NLocaleCode!, after: String, limit: Int! = ${SITEMAP_PAGE_MAX}): ClinicSitemapPage!
      }
    `,
    resolvers: {
      Query: {
        clinicSitemapEntries: async (_parent: unknown, args: unknown) => {
          const parsed = sitemapArgs.safeParse(args);
          if (!parsed.success) throw new errors.ValidationError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
          const { type, locale, after, limit } = parsed.data;
          // As every other public read: a locale the CMS does not have is a 400, not an empty list.
          const unknown = unknownLocaleMessage(locale, await availableLocaleCodes(strapi));
          if (unknown) throw new errors.ValidationError(unknown);
          // One row past the page says whether another page follows, without a count.
          const rows = await repository.publishedSlugsPage(SITEMAP_TYPES[type], locale, after ?? null, limit + 1);
          const entries = rows.slice(0, limit).filter((row) => row.slug);
          return { entries, nextCursor: rows.length > limit ? rows[limit - 1]!.documentId : null };
        },
      },
    },
    resolversConfig: { 'Query.clinicSitemapEntries': { auth: false } },
  };
}
