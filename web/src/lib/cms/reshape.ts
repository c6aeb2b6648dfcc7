import type { ProcedureDetailFragment, ProviderCardFragment, ProviderDetailFragment, SiteChromeQuery } from './generated/graphql';
import type { Alternate, Byline, Clinic, Procedure, Provider, ProviderSummary, RebrandNotice } from './types';

const present = <T>(value: T | null | undefined): value is T => value !== null && value !== undefined;

export function displayName(name: string, credentials?: string | null): string {
  return credentials ? `${name}, ${credentials}` : name;
}

/** The byline names the reviewer exactly as the approval recorded them, never their bio as it reads today. */
function byline(approval: { reviewedByName?: string | null; reviewedByCredentials?: string | null; reviewedBy?: { slug?: string | null } | null; lastReviewedOn?: string | null }): Byline | null {
  if (!approval.reviewedByName || !approval.lastReviewedOn) return null;
  return { reviewerName: displayName(approval.reviewedByName, approval.reviewedByCredentials), reviewerSlug: approval.reviewedBy?.slug ?? null, reviewedOn: approval.lastReviewedOn };
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

export function reshapeProcedure(p: ProcedureDetailFragment): Procedure {
  return {
    documentId: p.documentId,
    locale: p.locale ?? '',
    title: p.title,
    slug: p.slug,
    otherNames: (p.otherNames ?? []).filter(present).map((n) => n.name),
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
    faqs: p.faqs.filter(present).map((f) => ({ documentId: f.documentId, question: f.question, answer: f.answer })),
    providers: p.providers.filter(present).map(reshapeProviderSummary),
    related: p.relatedProcedures.filter(present).map((r) => ({ title: r.title, slug: r.slug })),
    byline: byline(p),
    translationOutOfDate: Boolean(p.translationOutOfDate),
    updatedAt: p.updatedAt ?? null,
    alternates: alternates(p.localizations),
  };
}

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

export function reshapeChrome(data: SiteChromeQuery): { clinic: Clinic | null; notices: RebrandNotice[] } {
  const c = data.clinicClinic;
  return {
    clinic: c ? { name: c.name, phone: c.phone, address: c.address ?? null } : null,
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
