/**
 * Every reshaping of CMS wire data into the site's own shapes (./types). Pure functions over
 * the generated operation types: no fetching here, so each is tested with plain objects.
 */
import type {
  FaqPageQuery,
  ProcedureDetailFragment,
  ProcedureListQuery,
  ProviderCardFragment,
  ProviderDetailFragment,
  ProviderListQuery,
  SiteChromeQuery,
  SiteLocalesQuery,
  SitemapEntriesQuery,
} from './generated/graphql';
import type { Alternate, Byline, Faq, FaqGroup, Procedure, ProcedureSummary, Provider, ProviderSummary, SiteChrome, SiteLocale, SitemapDocument, Tagline } from './types';
import { parseLanguageTag, textDirectionOf } from 'clinic-domain';

const present = <T>(value: T | null | undefined): value is T => value !== null && value !== undefined;

export function displayName(name: string, credentials?: string | null): string {
  return credentials ? `${name}, ${credentials}` : name;
}

/** The byline names the reviewer exactly as the approval recorded them, never their bio as it reads today. */
function byline(approval: {
  reviewedByName?: string | null;
  reviewedByCredentials?: string | null;
  reviewedBy?: { slug?: string | null } | null;
  lastReviewedOn?: string | null;
  nextReviewDue?: string | null;
}): Byline | null {
  if (!approval.reviewedByName || !approval.lastReviewedOn) return null;
  return {
    reviewerName: displayName(approval.reviewedByName, approval.reviewedByCredentials),
    reviewerSlug: approval.reviewedBy?.slug ?? null,
    reviewedOn: approval.lastReviewedOn,
    nextReviewDue: approval.nextReviewDue ?? null,
  };
}

const faq = (f: { documentId: string; question: string; answer: string }): Faq => ({ documentId: f.documentId, question: f.question, answer: f.answer });

const otherNames = (list: ReadonlyArray<{ name: string } | null> | null): string[] => (list ?? []).filter(present).map((n) => n.name);

export function reshapeLocales(data: SiteLocalesQuery): SiteLocale[] {
  return data.clinicLocales.map((l) => ({ code: l.code, name: l.name, isDefault: l.isDefault }));
}

const alternates = (list: ReadonlyArray<{ locale?: string | null; slug?: string | null } | null> | null | undefined): Alternate[] =>
  (list ?? []).filter(present).flatMap((l) => (l.locale && l.slug ? [{ locale: l.locale, slug: l.slug }] : []));

export function reshapeProviderSummary(p: ProviderCardFragment): ProviderSummary {
  return {
    documentId: p.documentId,
    name: p.fullName,
    credentials: p.credentials ?? null,
    displayName: displayName(p.fullName, p.credentials),
    specialty: p.specialty ?? null,
    slug: p.slug,
    acceptingNewPatients: p.acceptingNewPatients ?? false,
  };
}

export function reshapeProviderList(data: ProviderListQuery): ProviderSummary[] {
  return data.clinicProviders.filter(present).map(reshapeProviderSummary);
}

export function reshapeProcedureList(data: ProcedureListQuery): ProcedureSummary[] {
  return data.clinicProcedures.filter(present).map((p) => ({ documentId: p.documentId, title: p.title, slug: p.slug, summary: p.summary, otherNames: otherNames(p.otherNames) }));
}

export function reshapeProcedure(p: ProcedureDetailFragment): Procedure {
  return {
    documentId: p.documentId,
    locale: p.locale ?? '',
    title: p.title,
    slug: p.slug,
    otherNames: otherNames(p.otherNames),
    summary: p.summary,
    anesthesia: p.anesthesia ?? null,
    durationMinutes: p.typicalDurationMinutes ?? null,
    setting: p.setting ?? null,
    procedureType: p.procedureType ?? null,
    sections: (p.sections ?? []).filter(present).map((s) => ({
      kind: s.kind,
      heading: s.heading,
      body: s.body ?? null,
      steps: (s.steps ?? []).filter(present).map((step) => ({ title: step.title, detail: step.detail ?? null })),
    })),
    faqs: p.faqs.filter(present).map(faq),
    providers: p.providers.filter(present).map(reshapeProviderSummary),
    related: p.relatedProcedures.filter(present).map((r) => ({ title: r.title, slug: r.slug })),
    byline: byline(p),
    translationOutOfDate: Boolean(p.translationOutOfDate),
    updatedAt: p.updatedAt ?? null,
    alternates: alternates(p.localizations),
  };
}

/** A bio; the photo's address made absolute against the CMS (it serves uploads by path). */
export function reshapeProvider(p: ProviderDetailFragment, cmsUrl: string): Provider {
  const photoUrl = p.photo?.url ? (p.photo.url.startsWith('http') ? p.photo.url : `${cmsUrl}${p.photo.url}`) : null;
  return {
    ...reshapeProviderSummary(p),
    locale: p.locale ?? '',
    education: p.education ?? null,
    biography: p.biography ?? null,
    photo: photoUrl ? { url: photoUrl, alt: p.photo?.alternativeText || displayName(p.fullName, p.credentials), width: p.photo?.width ?? null, height: p.photo?.height ?? null } : null,
    procedures: p.procedures.filter(present).map((x) => ({ title: x.title, slug: x.slug })),
    byline: byline(p),
    alternates: alternates(p.localizations),
  };
}

/** The FAQ page: procedures that have FAQs, each with its FAQs. */
type FaqPageProcedure = NonNullable<FaqPageQuery['clinicProcedures_connection']>['nodes'][number];

/** One page of the FAQ page's procedures (see FaqPage), each with its FAQs. */
export function reshapeFaqGroups(data: { clinicProcedures: ReadonlyArray<FaqPageProcedure | null> }): FaqGroup[] {
  return data.clinicProcedures.filter(present).flatMap((p) => {
    const faqs = p.faqs.filter(present).map(faq);
    return faqs.length ? [{ title: p.title, slug: p.slug, faqs }] : [];
  });
}

/** FAQs that belong to no procedure (see GeneralFaqs). */
export function reshapeGeneralFaqs(data: { clinicFaqs: ReadonlyArray<{ documentId: string; question: string; answer: string } | null> }): Faq[] {
  return data.clinicFaqs.filter(present).map(faq);
}

/** Taglines with their tag in conventional casing and their text direction; one the CMS should have refused (an ill-formed tag) is left out. */
export function reshapeTaglines(list: ReadonlyArray<{ language: string; languageName: string; text: string } | null> | null | undefined): Tagline[] {
  return (list ?? []).filter(present).flatMap((t) => {
    const tag = parseLanguageTag(t.language)?.tag;
    return tag && t.text.trim() ? [{ language: tag, direction: textDirectionOf(tag), languageName: t.languageName, text: t.text }] : [];
  });
}

export function reshapeChrome(data: SiteChromeQuery): SiteChrome {
  const c = data.clinicClinic;
  return {
    clinic: c ? { name: c.name, phone: c.phone, address: c.address ?? null, languageAssistance: reshapeTaglines(c.languageAssistance), showOverdueReviewNotice: Boolean(c.showOverdueReviewNotice) } : null,
    notices: data.clinicRebrandNotices.filter(present).map((n) => ({
      documentId: n.documentId,
      previousName: n.previousName,
      newName: n.newName,
      message: n.message,
      phone: n.phone ?? null,
      startsAt: n.startsAt,
      endsAt: n.endsAt,
    })),
  };
}

/**
 * The sitemap's documents from one read per locale: each procedure or provider once, with
 * every locale it is published in and its latest update.
 */
export type SitemapEntry = SitemapEntriesQuery['clinicSitemapEntries']['entries'][number] | null;

/** Each locale's procedures and providers, every page of them read (see getSitemapDocuments). */
export function reshapeSitemap(perLocale: ReadonlyArray<{ locale: string; data: { clinicProcedures: SitemapEntry[]; clinicProviders: SitemapEntry[] } }>): SitemapDocument[] {
  const byId = new Map<string, SitemapDocument>();
  const add = (kind: SitemapDocument['kind'], locale: string, entries: SitemapEntry[]) => {
    for (const e of entries.filter(present)) {
      const doc = byId.get(e.documentId) ?? { kind, versions: [], updatedAt: null };
      if (!doc.versions.some((v) => v.locale === locale)) doc.versions.push({ locale, slug: e.slug });
      if (e.updatedAt && (!doc.updatedAt || e.updatedAt > doc.updatedAt)) doc.updatedAt = e.updatedAt;
      byId.set(e.documentId, doc);
    }
  };
  for (const { locale, data } of perLocale) {
    add('procedure', locale, data.clinicProcedures);
    add('provider', locale, data.clinicProviders);
  }
  return [...byId.values()];
}
