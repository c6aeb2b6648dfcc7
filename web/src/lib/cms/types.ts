/** The site's own shapes. Pages and components see these, never the CMS's wire shapes. */
import type { Enum_Clinicprocedure_Proceduretype, Enum_Clinicprocedure_Setting, Enum_Componentclinicproceduresection_Kind } from './generated/graphql';

export type SectionKind = Enum_Componentclinicproceduresection_Kind;

export interface SiteLocale {
  code: string;
  name: string;
  isDefault: boolean;
}

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
  /** The approval date plus the review interval (YYYY-MM-DD). */
  nextReviewDue: string | null;
}

export interface Faq {
  documentId: string;
  question: string;
  answer: string;
}

export interface ProcedureSummary {
  documentId: string;
  title: string;
  slug: string;
  summary: string;
  otherNames: string[];
}

export interface Procedure extends ProcedureSummary {
  locale: string;
  anesthesia: string | null;
  durationMinutes: number | null;
  setting: Enum_Clinicprocedure_Setting | null;
  procedureType: Enum_Clinicprocedure_Proceduretype | null;
  sections: Array<{ kind: SectionKind; heading: string; body: string | null; steps: Array<{ title: string; detail: string | null }> }>;
  faqs: Faq[];
  providers: ProviderSummary[];
  related: Array<{ title: string; slug: string }>;
  byline: Byline | null;
  translationOutOfDate: boolean;
  updatedAt: string | null;
  /** Other locales this procedure is published in. */
  alternates: Alternate[];
}

/** The FAQ page: each procedure with its FAQs, in order. */
export interface FaqGroup {
  title: string;
  slug: string;
  faqs: Faq[];
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

import type { Tagline } from 'clinic-domain';

export type { Tagline };

export interface Clinic {
  name: string;
  phone: string;
  address: string | null;
  /** Free language help, one tagline per language, with {phone} where the clinic's number goes. */
  languageAssistance: Tagline[];
  /** Whether a page past its next review date tells patients so. */
  showOverdueReviewNotice: boolean;
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

export interface SiteChrome {
  clinic: Clinic | null;
  notices: RebrandNotice[];
}

export interface SitemapDocument {
  kind: 'procedure' | 'provider';
  /** Every locale the document is published in, with its slug there. */
  versions: Alternate[];
  updatedAt: string | null;
}
