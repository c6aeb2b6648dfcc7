/**
 * The one place the site talks to the CMS. Everything it returns is in the site's own
 * shapes (./types); pages never see GraphQL wire data.
 */
import { cache } from 'react';
import { CMS_URL } from './client';
import { cmsQuery } from './cms-query';
import { tags } from './cache-tags';
import { FaqPageDocument, ProcedureBySlugDocument, ProcedureListDocument, ProviderBySlugDocument, ProviderListDocument, SiteChromeDocument, SiteLocalesDocument, SitemapEntriesDocument } from './generated/graphql';
import { reshapeChrome, reshapeProcedure, reshapeProvider, reshapeProviderSummary } from './reshape';
import type { Alternate, SiteLocale } from './types';

export type * from './types';

export const getLocales = cache(async (): Promise<SiteLocale[]> => {
  const data = await cmsQuery(SiteLocalesDocument, {}, { tags: [tags.type('locales')] });
  return data.clinicLocales;
});

export const getDefaultLocale = cache(async (): Promise<string> => (await getLocales()).find((l) => l.isDefault)?.code ?? 'en');

export const getSiteChrome = cache(async (locale: string) => {
  const data = await cmsQuery(SiteChromeDocument, { locale }, { tags: [tags.type('clinic'), tags.type('rebrand-notice')] });
  return reshapeChrome(data);
});

export const getProcedure = cache(async (locale: string, slug: string) => {
  const data = await cmsQuery(ProcedureBySlugDocument, { locale, slug }, { tags: [tags.type('procedure'), tags.type('faq'), tags.type('provider')] });
  const found = data.clinicProcedures[0];
  return found ? reshapeProcedure(found) : null;
});

export const getProcedureList = cache(async (locale: string) => {
  const data = await cmsQuery(ProcedureListDocument, { locale }, { tags: [tags.type('procedure')] });
  return data.clinicProcedures.flatMap((p) => (p ? [{ documentId: p.documentId, title: p.title, slug: p.slug, summary: p.summary, otherNames: (p.otherNames ?? []).flatMap((n) => (n ? [n.name] : [])) }] : []));
});

export const getProvider = cache(async (locale: string, slug: string) => {
  const data = await cmsQuery(ProviderBySlugDocument, { locale, slug }, { tags: [tags.type('provider'), tags.type('procedure')] });
  const found = data.clinicProviders[0];
  return found ? reshapeProvider(found, CMS_URL) : null;
});

export const getProviderList = cache(async (locale: string) => {
  const data = await cmsQuery(ProviderListDocument, { locale }, { tags: [tags.type('provider')] });
  return data.clinicProviders.flatMap((p) => (p ? [reshapeProviderSummary(p)] : []));
});

export const getFaqsByProcedure = cache(async (locale: string) => {
  const data = await cmsQuery(FaqPageDocument, { locale }, { tags: [tags.type('faq'), tags.type('procedure')] });
  return data.clinicProcedures.flatMap((p) =>
    p && p.faqs.length ? [{ title: p.title, slug: p.slug, faqs: p.faqs.flatMap((f) => (f ? [{ documentId: f.documentId, question: f.question, answer: f.answer }] : [])) }] : [],
  );
});

export interface SitemapDocument {
  kind: 'procedure' | 'provider';
  /** Every locale the document is published in, with its slug there. */
  versions: Alternate[];
  updatedAt: string | null;
}

export const getSitemapDocuments = cache(async (): Promise<SitemapDocument[]> => {
  const byId = new Map<string, SitemapDocument>();
  for (const { code } of await getLocales()) {
    const data = await cmsQuery(SitemapEntriesDocument, { locale: code }, { tags: [tags.type('procedure'), tags.type('provider'), tags.type('locales')] });
    const add = (kind: SitemapDocument['kind'], entries: typeof data.clinicProcedures) => {
      for (const e of entries) {
        if (!e) continue;
        const doc = byId.get(e.documentId) ?? { kind, versions: [], updatedAt: null };
        if (!doc.versions.some((v) => v.locale === code)) doc.versions.push({ locale: code, slug: e.slug });
        if (!doc.updatedAt || (e.updatedAt && e.updatedAt > doc.updatedAt)) doc.updatedAt = e.updatedAt ?? doc.updatedAt;
        byId.set(e.documentId, doc);
      }
    };
    add('procedure', data.clinicProcedures);
    add('provider', data.clinicProviders);
  }
  return [...byId.values()];
});
