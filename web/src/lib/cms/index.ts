/**
 * The one place pages talk to the CMS: each function reads one generated operation and
 * hands the result to ./reshape, so pages get the site's own shapes (./types), never wire
 * data. The proxy's one read, the locales, is in ./site-locales (it runs outside React).
 */
import { cache } from 'react';
import { cmsQuery, cmsQueryWithoutDrafts } from './cms-query';
import { CMS_URL } from './cms-url';
import { tags } from './cache-tags';
import { ProcedureBySlugDocument, ProcedureListDocument, ProviderBySlugDocument, ProviderListDocument, SiteChromeDocument, SiteLocalesDocument } from './generated/graphql';
import { reshapeChrome, reshapeLocales, reshapeProcedure, reshapeProcedureList, reshapeProvider, reshapeProviderList } from './reshape';
import { getSitemapDocumentsIn } from './paged-reads';

export type * from './types';
export { currentRevisionHash } from './preview-revision';
export { getFaqPage, getGeneralFaqs, getProcedureListPage, type ListPage } from './paged-reads';

export const getLocales = cache(async () => reshapeLocales(await cmsQueryWithoutDrafts(SiteLocalesDocument, {}, { tags: [tags.type('locales')] })));

export const getSiteChrome = cache(async (locale: string) =>
  reshapeChrome(await cmsQuery(SiteChromeDocument, { locale }, { tags: [tags.type('clinic'), tags.type('rebrand-notice')] })),
);

export const getProcedure = cache(async (locale: string, slug: string) => {
  const [found] = (await cmsQuery(ProcedureBySlugDocument, { locale, slug }, { tags: [tags.addressed, tags.type('procedure'), tags.type('faq'), tags.type('provider')] })).clinicProcedures;
  return found ? reshapeProcedure(found) : null;
});

export const getProcedureList = cache(async (locale: string) =>
  reshapeProcedureList(await cmsQuery(ProcedureListDocument, { locale }, { tags: [tags.type('procedure')] })),
);

export const getProvider = cache(async (locale: string, slug: string) => {
  const [found] = (await cmsQuery(ProviderBySlugDocument, { locale, slug }, { tags: [tags.addressed, tags.type('provider'), tags.type('procedure')] })).clinicProviders;
  return found ? reshapeProvider(found, CMS_URL) : null;
});

export const getProviderList = cache(async (locale: string) =>
  reshapeProviderList(await cmsQuery(ProviderListDocument, { locale }, { tags: [tags.type('provider')] })),
);

/** Every published procedure and provider in every locale, however many (read a CMS page at a time). */
export const getSitemapDocuments = cache(async () => getSitemapDocumentsIn((await getLocales()).map(({ code }) => code)));
