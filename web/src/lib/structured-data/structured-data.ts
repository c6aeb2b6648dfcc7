import type { FAQPage, IndividualPhysician, MedicalOrganization, MedicalProcedure, MedicalWebPage, WithContext } from 'schema-dts';
import type { Clinic, Procedure, Provider, RebrandNotice } from '../cms/types';

/**
 * JSON-LD for search engines, built from the site's own shapes. Pure: no Next, no CMS
 * calls. Medical claims (reviewer, review date) come only from the approval fields.
 */

const PROCEDURE_TYPE = {
  percutaneous: 'https://schema.org/PercutaneousProcedure',
  surgical: 'https://schema.org/SurgicalProcedure',
  noninvasive: 'https://schema.org/NoninvasiveProcedure',
} as const;

const sectionText = (procedure: Procedure, kind: Procedure['sections'][number]['kind']) => {
  const parts = procedure.sections
    .filter((s) => s.kind === kind)
    .flatMap((s) => [s.body ?? '', ...s.steps.map((step, i) => `${i + 1}. ${step.title}${step.detail ? `: ${step.detail}` : ''}`)])
    .map((t) => t.trim())
    .filter(Boolean);
  return parts.length ? parts.join('\n') : undefined;
};

export function organizationJsonLd(clinic: Clinic, siteUrl: string, notices: readonly RebrandNotice[] = []): WithContext<MedicalOrganization> {
  const previousNames = [...new Set(notices.filter((n) => n.newName === clinic.name).map((n) => n.previousName))];
  return {
    '@context': 'https://schema.org',
    '@type': 'MedicalOrganization',
    '@id': `${siteUrl}#organization`,
    name: clinic.name,
    ...(previousNames.length ? { alternateName: previousNames.length === 1 ? previousNames[0] : previousNames } : {}),
    telephone: clinic.phone,
    ...(clinic.address ? { address: clinic.address } : {}),
    url: siteUrl,
  };
}

export function physicianJsonLd(provider: Pick<Provider, 'name' | 'credentials' | 'specialty'> & Partial<Pick<Provider, 'biography' | 'slug'>>, url?: string): IndividualPhysician {
  return {
    '@type': 'IndividualPhysician',
    name: provider.credentials ? `${provider.name}, ${provider.credentials}` : provider.name,
    ...(provider.specialty ? { medicalSpecialty: provider.specialty as never } : {}),
    ...(url ? { url } : {}),
    ...(provider.biography ? { description: provider.biography } : {}),
  };
}

export function medicalProcedureJsonLd(procedure: Procedure): MedicalProcedure {
  const risks = sectionText(procedure, 'risks');
  return {
    '@type': 'MedicalProcedure',
    name: procedure.title,
    ...(procedure.otherNames.length ? { alternateName: procedure.otherNames } : {}),
    description: procedure.summary,
    ...(procedure.procedureType ? { procedureType: PROCEDURE_TYPE[procedure.procedureType] as never } : {}),
    ...(sectionText(procedure, 'how_performed') ? { howPerformed: sectionText(procedure, 'how_performed') } : {}),
    ...(sectionText(procedure, 'preparation') ? { preparation: sectionText(procedure, 'preparation') } : {}),
    ...(sectionText(procedure, 'aftercare') || sectionText(procedure, 'recovery')
      ? { followup: [sectionText(procedure, 'aftercare'), sectionText(procedure, 'recovery')].filter(Boolean).join('\n') }
      : {}),
    bodyLocation: 'Spine',
    ...(risks ? { adverseOutcome: { '@type': 'MedicalEntity', name: risks } } : {}),
  };
}

export function faqPageJsonLd(faqs: ReadonlyArray<{ question: string; answer: string }>, locale: string): WithContext<FAQPage> {
  return {
    '@context': 'https://schema.org',
    '@type': 'FAQPage',
    inLanguage: locale,
    mainEntity: faqs.map((f) => ({ '@type': 'Question', name: f.question, acceptedAnswer: { '@type': 'Answer', text: f.answer } })),
  };
}

export function procedurePageJsonLd(input: { procedure: Procedure; url: string; locale: string; siteUrl: string; clinicName?: string }): WithContext<MedicalWebPage> {
  const { procedure } = input;
  const reviewer = procedure.byline;
  return {
    '@context': 'https://schema.org',
    '@type': 'MedicalWebPage',
    url: input.url,
    name: procedure.title,
    inLanguage: input.locale,
    medicalAudience: { '@type': 'Patient' } as never,
    ...(reviewer ? { lastReviewed: reviewer.reviewedOn, reviewedBy: { '@type': 'IndividualPhysician', name: reviewer.reviewerName } } : {}),
    ...(input.clinicName ? { publisher: { '@id': `${input.siteUrl}#organization` } } : {}),
    mainEntity: medicalProcedureJsonLd(procedure),
    ...(procedure.faqs.length ? { hasPart: { '@type': 'FAQPage', mainEntity: procedure.faqs.map((f) => ({ '@type': 'Question', name: f.question, acceptedAnswer: { '@type': 'Answer', text: f.answer } })) } } : {}),
  };
}

export function providerPageJsonLd(provider: Provider, url: string, locale: string): WithContext<MedicalWebPage> {
  return {
    '@context': 'https://schema.org',
    '@type': 'MedicalWebPage',
    url,
    inLanguage: locale,
    name: provider.displayName,
    medicalAudience: { '@type': 'Patient' } as never,
    ...(provider.byline ? { lastReviewed: provider.byline.reviewedOn, reviewedBy: { '@type': 'IndividualPhysician', name: provider.byline.reviewerName } } : {}),
    about: physicianJsonLd(provider, url),
  };
}

/** Safe inside <script>: no "</script>" can end the block early. */
export function jsonLdScript(data: object): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
