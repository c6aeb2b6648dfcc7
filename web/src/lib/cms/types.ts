/** The site's own shapes. Pages and components see these, never the CMS's wire shapes. */

export type SectionKind = 'overview' | 'candidacy' | 'preparation' | 'how_performed' | 'aftercare' | 'risks' | 'recovery';

export interface Alternate {
  locale: string;
  slug: string;
}

export interface ProviderSummary {
  documentId: string;
  name: string;
  credentials: string | null;
  /** "Thomas Stauss, MD" */
  displayName: string;
  specialty: string | null;
  slug: string;
  acceptingNewPatients: boolean;
}

export interface Byline {
  reviewerName: string;
  reviewerSlug: string | null;
  reviewedOn: string;
}

export interface Procedure {
  documentId: string;
  locale: string;
  title: string;
  slug: string;
  otherNames: string[];
  summary: string;
  anesthesia: string | null;
  durationMinutes: number | null;
  setting: 'outpatient' | 'inpatient' | null;
  procedureType: 'percutaneous' | 'surgical' | 'noninvasive' | null;
  sections: Array<{ kind: SectionKind; heading: string; body: string | null; steps: Array<{ title: string; detail: string | null }> }>;
  faqs: Array<{ documentId: string; question: string; answer: string }>;
  providers: ProviderSummary[];
  related: Array<{ title: string; slug: string }>;
  byline: Byline | null;
  translationOutOfDate: boolean;
  updatedAt: string | null;
  /** Other locales this procedure is published in. */
  alternates: Alternate[];
}

export interface Provider extends ProviderSummary {
  locale: string;
  education: string | null;
  biography: string | null;
  photo: { url: string; alt: string; width: number | null; height: number | null } | null;
  procedures: Array<{ title: string; slug: string }>;
  byline: Byline | null;
  alternates: Alternate[];
}

export interface Clinic {
  name: string;
  phone: string;
  address: string | null;
}

export interface RebrandNotice {
  documentId: string;
  previousName: string;
  newName: string;
  message: string;
  phone: string | null;
  startsAt: string;
  endsAt: string;
}

export interface SiteLocale {
  code: string;
  name: string;
  isDefault: boolean;
}
