import type { Procedure } from '../cms/types';
import { faqPageJsonLd, jsonLdScript, organizationJsonLd, physicianJsonLd, procedurePageJsonLd, providerPageJsonLd } from './structured-data';

const procedure: Procedure = {
  documentId: 'd1',
  locale: 'es',
  title: 'Vertebroplastia y cifoplastia',
  slug: 'vertebroplastia-y-cifoplastia',
  otherNames: ['Vertebroplastia con balón'],
  summary: 'Cemento en una vértebra rota.',
  anesthesia: 'General',
  durationMinutes: 60,
  setting: 'outpatient',
  procedureType: 'percutaneous',
  sections: [
    { kind: 'preparation', heading: 'Cómo prepararse', body: 'Ayuno.', steps: [] },
    { kind: 'how_performed', heading: 'Pasos', body: null, steps: [{ title: 'Aguja', detail: 'Con rayos X' }, { title: 'Cemento', detail: null }] },
    { kind: 'aftercare', heading: 'Después', body: 'Reposo una hora.', steps: [] },
    { kind: 'risks', heading: 'Riesgos', body: 'Sangrado, infección.', steps: [] },
  ],
  faqs: [{ documentId: 'f1', question: '¿Duele?', answer: 'Poco.' }],
  providers: [],
  related: [],
  byline: { reviewerName: 'Thomas Stauss, MD', reviewerSlug: 'thomas-stauss', reviewedOn: '2026-04-25', nextReviewDue: '2027-04-25' },
  translationOutOfDate: false,
  updatedAt: null,
  alternates: [],
};

describe('structured data', () => {
  it('describes a procedure page as a MedicalWebPage reviewed by the approving physician', () => {
    const ld = procedurePageJsonLd({ procedure, url: 'https://c.example/es/procedures/x', locale: 'es', siteUrl: 'https://c.example/' });
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'MedicalWebPage',
      inLanguage: 'es',
      lastReviewed: '2026-04-25',
      reviewedBy: { '@type': 'IndividualPhysician', name: 'Thomas Stauss, MD' },
      medicalAudience: { '@type': 'Patient' },
    });
    expect(ld.mainEntity).toMatchObject({
      '@type': 'MedicalProcedure',
      procedureType: 'https://schema.org/PercutaneousProcedure',
      preparation: 'Ayuno.',
      howPerformed: '1. Aguja: Con rayos X\n2. Cemento',
      followup: 'Reposo una hora.',
      bodyLocation: 'Spine',
      adverseOutcome: { name: 'Sangrado, infección.' },
      alternateName: ['Vertebroplastia con balón'],
    });
  });

  it('claims no review when the page has no approval byline', () => {
    const ld = procedurePageJsonLd({ procedure: { ...procedure, byline: null }, url: 'u', locale: 'es', siteUrl: 's' });
    expect(ld).not.toHaveProperty('lastReviewed');
    expect(ld).not.toHaveProperty('reviewedBy');
  });

  it('builds an FAQPage with every question and answer', () => {
    expect(faqPageJsonLd(procedure.faqs, 'es')).toEqual({
      '@context': 'https://schema.org',
      '@type': 'FAQPage',
      inLanguage: 'es',
      mainEntity: [{ '@type': 'Question', name: '¿Duele?', acceptedAnswer: { '@type': 'Answer', text: 'Poco.' } }],
    });
  });

  it('names the clinic with its previous name as alternateName', () => {
    const org = organizationJsonLd({ name: 'New Name', phone: '+1 555', address: null, languageAssistance: [], showOverdueReviewNotice: false }, 'https://c.example/', [
      { documentId: 'n', previousName: 'Old Name', newName: 'New Name', message: '', phone: null, startsAt: '', endsAt: '' },
    ]);
    expect(org).toMatchObject({ '@type': 'MedicalOrganization', name: 'New Name', alternateName: 'Old Name', telephone: '+1 555' });
  });

  it('describes a physician', () => {
    expect(physicianJsonLd({ name: 'Thomas Stauss', credentials: 'MD', specialty: 'Pain Management' })).toEqual({ '@type': 'IndividualPhysician', name: 'Thomas Stauss, MD', medicalSpecialty: 'Pain Management' });
  });

  it('gives a bio page the review date of its approval as lastReviewed, in every locale', () => {
    const provider = {
      documentId: 'v1', locale: 'es', name: 'Thomas Stauss', credentials: 'MD', displayName: 'Thomas Stauss, MD', specialty: null, slug: 'thomas-stauss', acceptingNewPatients: true,
      education: null, biography: null, photo: null, procedures: [], alternates: [],
      byline: { reviewerName: 'Thomas Stauss, MD', reviewerSlug: 'thomas-stauss', reviewedOn: '2026-11-24', nextReviewDue: '2027-11-24' },
    };
    expect(providerPageJsonLd(provider, 'https://clinic.test/es/providers/thomas-stauss', 'es')).toMatchObject({ inLanguage: 'es', lastReviewed: '2026-11-24', reviewedBy: { name: 'Thomas Stauss, MD' } });
    expect(providerPageJsonLd({ ...provider, byline: null }, 'u', 'en')).not.toHaveProperty('lastReviewed');
  });

  it('cannot be broken out of its script tag', () => {
    expect(jsonLdScript({ a: '</script><script>alert(1)</script>' })).not.toContain('</script>');
  });
});
