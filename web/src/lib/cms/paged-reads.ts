/**
 * The reads of lists longer than one CMS page (the CMS caps a page at 100 items): the
 * procedures page and the FAQ page a page at a time, and the sitemap through the CMS's own
 * sitemap query.
 * Part of the boundary (./index re-exports these): generated operations in, ./types out.
 */
import { cache } from 'react';
import { readAllByCursor } from '@/lib/pagination/read-all-by-cursor';
import { cmsQuery, cmsQueryWithoutDrafts } from './cms-query';
import { tags } from './cache-tags';
import { FaqPageDocument, GeneralFaqsDocument, ProcedureListPageDocument, SitemapEntriesDocument, type ClinicSitemapType } from './generated/graphql';
import { reshapeFaqGroups, reshapeGeneralFaqs, reshapeProcedureList, reshapeSitemap, type SitemapEntry } from './reshape';
import type { Faq, FaqGroup, ProcedureSummary } from './types';

/** One page of a list, and how many pages it has (at least 1: an empty list has an empty first page). */
export interface ListPage<T> {
  items: T[];
  page: number;
  pageCount: number;
}

export const PROCEDURES_PER_PAGE = 50;
/** Procedures (each with its FAQs, up to 50) per page of the FAQ page. */
export const FAQ_PROCEDURES_PER_PAGE = 20;

export const getProcedureListPage = cache(async (locale: string, page: number): Promise<ListPage<ProcedureSummary>> => {
  const data = await cmsQuery(ProcedureListPageDocument, { locale, page, pageSize: PROCEDURES_PER_PAGE }, { tags: [tags.addressed, tags.type('procedure')] });
  const connection = data.clinicProcedures_connection;
  return { items: reshapeProcedureList({ clinicProcedures: connection?.nodes ?? [] }), page, pageCount: Math.max(1, connection?.pageInfo.pageCount ?? 0) };
});

export const getFaqPage = cache(async (locale: string, page: number): Promise<ListPage<FaqGroup>> => {
  const data = await cmsQuery(FaqPageDocument, { locale, page, pageSize: FAQ_PROCEDURES_PER_PAGE }, { tags: [tags.addressed, tags.type('faq'), tags.type('procedure')] });
  const connection = data.clinicProcedures_connection;
  return { items: reshapeFaqGroups({ clinicProcedures: connection?.nodes ?? [] }), page, pageCount: Math.max(1, connection?.pageInfo.pageCount ?? 0) };
});

/** FAQs linked to no procedure, shown on the FAQ page's first page as general questions. */
export const getGeneralFaqs = cache(async (locale: string): Promise<Faq[]> =>
  reshapeGeneralFaqs(await cmsQuery(GeneralFaqsDocument, { locale }, { tags: [tags.type('faq'), tags.type('procedure')] })),
);

const sitemapTags = [tags.type('procedure'), tags.type('provider'), tags.type('locales')];

/**
 * Every published page of a type in a locale, through the CMS's sitemap query: one read of up
 * to 5,000 entries (one SQL statement), more only past that. Published only by the CMS's
 * contract, so it is read like the locales, never as a preview's drafts.
 */
function allSitemapEntries(type: ClinicSitemapType, locale: string): Promise<SitemapEntry[]> {
  return readAllByCursor(async (after) => {
    const page = (await cmsQueryWithoutDrafts(SitemapEntriesDocument, { type, locale, after }, { tags: sitemapTags })).clinicSitemapEntries;
    return { items: page.entries, nextCursor: page.nextCursor ?? null };
  });
}

/** Every published procedure and provider in every locale, however many there are. */
export async function getSitemapDocumentsIn(locales: readonly string[]) {
  const perLocale = await Promise.all(
    locales.map(async (locale) => {
      const [clinicProcedures, clinicProviders] = await Promise.all([allSitemapEntries('PROCEDURE', locale), allSitemapEntries('PROVIDER', locale)]);
      return { locale, data: { clinicProcedures, clinicProviders } };
    }),
  );
  return reshapeSitemap(perLocale);
}
