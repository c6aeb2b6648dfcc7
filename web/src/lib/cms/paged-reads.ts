/**
 * The reads of lists longer than one CMS page (the CMS caps a page at 100 items): the
 * procedures page and the FAQ page a page at a time, and the sitemap every page of them.
 * Part of the boundary (./index re-exports these): generated operations in, ./types out.
 */
import { cache } from 'react';
import { readAllPages } from '@/lib/pagination/read-all-pages';
import { cmsQuery } from './cms-query';
import { tags } from './cache-tags';
import { FaqPageDocument, GeneralFaqsDocument, ProcedureListPageDocument, SitemapProceduresDocument, SitemapProvidersDocument } from './generated/graphql';
import { reshapeFaqGroups, reshapeGeneralFaqs, reshapeProcedureList, reshapeSitemap } from './reshape';
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
  const data = await cmsQuery(ProcedureListPageDocument, { locale, page, pageSize: PROCEDURES_PER_PAGE }, { tags: [tags.type('procedure')] });
  const connection = data.clinicProcedures_connection;
  return { items: reshapeProcedureList({ clinicProcedures: connection?.nodes ?? [] }), page, pageCount: Math.max(1, connection?.pageInfo.pageCount ?? 0) };
});

export const getFaqPage = cache(async (locale: string, page: number): Promise<ListPage<FaqGroup>> => {
  const data = await cmsQuery(FaqPageDocument, { locale, page, pageSize: FAQ_PROCEDURES_PER_PAGE }, { tags: [tags.type('faq'), tags.type('procedure')] });
  const connection = data.clinicProcedures_connection;
  return { items: reshapeFaqGroups({ clinicProcedures: connection?.nodes ?? [] }), page, pageCount: Math.max(1, connection?.pageInfo.pageCount ?? 0) };
});

/** FAQs linked to no procedure, shown on the FAQ page's first page as general questions. */
export const getGeneralFaqs = cache(async (locale: string): Promise<Faq[]> =>
  reshapeGeneralFaqs(await cmsQuery(GeneralFaqsDocument, { locale }, { tags: [tags.type('faq'), tags.type('procedure')] })),
);

const sitemapTags = [tags.type('procedure'), tags.type('provider'), tags.type('locales')];

async function allSitemapProcedures(locale: string) {
  return readAllPages(async (page) => {
    const connection = (await cmsQuery(SitemapProceduresDocument, { locale, page }, { tags: sitemapTags })).clinicProcedures_connection;
    return { items: connection?.nodes ?? [], pageCount: connection?.pageInfo.pageCount ?? 0 };
  });
}

async function allSitemapProviders(locale: string) {
  return readAllPages(async (page) => {
    const connection = (await cmsQuery(SitemapProvidersDocument, { locale, page }, { tags: sitemapTags })).clinicProviders_connection;
    return { items: connection?.nodes ?? [], pageCount: connection?.pageInfo.pageCount ?? 0 };
  });
}

/** Every published procedure and provider in every locale, however many there are. */
export async function getSitemapDocumentsIn(locales: readonly string[]) {
  const perLocale = await Promise.all(
    locales.map(async (locale) => {
      const [clinicProcedures, clinicProviders] = await Promise.all([allSitemapProcedures(locale), allSitemapProviders(locale)]);
      return { locale, data: { clinicProcedures, clinicProviders } };
    }),
  );
  return reshapeSitemap(perLocale);
}
