import { reshapeChrome, reshapeFaqGroups, reshapeGeneralFaqs, reshapeLocales, reshapeProcedure, reshapeProcedureList, reshapeProviderList, reshapeSitemap } from './reshape';

const wire: any = {
  documentId: 'd1',
  locale: 'es',
  title: 'Título',
  slug: 'titulo',
  summary: 'Resumen',
  anesthesia: null,
  typicalDurationMinutes: 60,
  setting: 'outpatient',
  procedureType: 'percutaneous',
  lastReviewedOn: '2026-04-25',
  nextReviewDue: '2027-04-25',
  translationOutOfDate: true,
  updatedAt: '2026-05-01T00:00:00.000Z',
  otherNames: [{ name: 'Otro' }, null],
  sections: [{ kind: 'how_performed', heading: 'Pasos', body: null, steps: [{ title: 'Uno', detail: null }] }],
  faqs: [{ documentId: 'f', question: 'Q', answer: 'A' }, null],
  providers: [{ documentId: 'p', fullName: 'Thomas Stauss', credentials: 'MD', specialty: 'Dolor', slug: 'thomas-stauss', acceptingNewPatients: true }],
  reviewedByName: 'Thomas Stauss',
  reviewedByCredentials: 'MD',
  reviewedBySpecialty: 'Dolor',
  reviewedBy: { slug: 'thomas-stauss' },
  relatedProcedures: [{ title: 'Otra', slug: 'otra' }],
  localizations: [{ locale: 'en', slug: 'title' }],
};

describe('reshaping CMS data', () => {
  it('turns a procedure into the site’s shape, with the byline from the approval fields', () => {
    const p = reshapeProcedure(wire);
    expect(p.byline).toEqual({ reviewerName: 'Thomas Stauss, MD', reviewerSlug: 'thomas-stauss', reviewedOn: '2026-04-25', nextReviewDue: '2027-04-25' });
    expect(p.otherNames).toEqual(['Otro']);
    expect(p.faqs).toHaveLength(1);
    expect(p.providers[0]!.displayName).toBe('Thomas Stauss, MD');
    expect(p.alternates).toEqual([{ locale: 'en', slug: 'title' }]);
    expect(p.translationOutOfDate).toBe(true);
    expect(p.sections[0]!.steps).toEqual([{ title: 'Uno', detail: null }]);
  });

  it('has no byline without a reviewer or a review date', () => {
    expect(reshapeProcedure({ ...wire, reviewedByName: null }).byline).toBeNull();
    expect(reshapeProcedure({ ...wire, lastReviewedOn: null }).byline).toBeNull();
  });

  it('names the reviewer as the approval recorded them, whatever their bio says now', () => {
    const renamed = { ...wire, reviewedBy: { slug: 'thomas-q-stauss', fullName: 'Thomas Q. Stauss' } };
    expect(reshapeProcedure(renamed).byline).toEqual({ reviewerName: 'Thomas Stauss, MD', reviewerSlug: 'thomas-q-stauss', reviewedOn: '2026-04-25', nextReviewDue: '2027-04-25' });
  });

  it('reshapes the clinic and its rebrand notices', () => {
    const chrome = reshapeChrome({ clinicClinic: { name: 'C', phone: '1', address: null, showOverdueReviewNotice: true }, clinicRebrandNotices: [{ documentId: 'n', previousName: 'A', newName: 'B', message: 'm', phone: null, startsAt: 's', endsAt: 'e' }] } as any);
    expect(chrome.clinic).toMatchObject({ name: 'C', phone: '1', address: null, showOverdueReviewNotice: true });
    expect(chrome.notices[0]).toMatchObject({ previousName: 'A', newName: 'B' });
  });

  it('gives each language assistance tagline its tag in conventional casing and its direction, leaving out ill-formed ones', () => {
    const chrome = reshapeChrome({
      clinicClinic: {
        name: 'C',
        phone: '1',
        address: null,
        languageAssistance: [
          { language: 'zh-hant', languageName: '繁體中文', text: '請致電 {phone}。' },
          { language: 'fa', languageName: 'فارسی', text: 'با {phone} تماس بگیرید.' },
          { language: 'not a tag', languageName: 'x', text: 'x {phone}' },
          null,
        ],
      },
      clinicRebrandNotices: [],
    } as any);
    expect(chrome.clinic?.languageAssistance).toEqual([
      { language: 'zh-Hant', direction: 'ltr', languageName: '繁體中文', text: '請致電 {phone}。' },
      { language: 'fa', direction: 'rtl', languageName: 'فارسی', text: 'با {phone} تماس بگیرید.' },
    ]);
    expect(reshapeChrome({ clinicClinic: { name: 'C', phone: '1', address: null }, clinicRebrandNotices: [] } as any).clinic?.languageAssistance).toEqual([]);
  });

  it('groups FAQs under their procedure, leaving out procedures without any', () => {
    const groups = reshapeFaqGroups({
      clinicProcedures: [
        { documentId: 'p1', title: 'Uno', slug: 'uno', faqs: [{ documentId: 'f1', question: 'Q', answer: 'A', lastReviewedOn: null }, null] },
        { documentId: 'p2', title: 'Dos', slug: 'dos', faqs: [] },
        null,
      ],
    });
    expect(groups).toEqual([{ title: 'Uno', slug: 'uno', faqs: [{ documentId: 'f1', question: 'Q', answer: 'A' }] }]);
  });

  it('lists procedures and providers, skipping entries the CMS could not resolve', () => {
    expect(reshapeProcedureList({ clinicProcedures: [{ documentId: 'p', title: 'T', slug: 't', summary: 'S', otherNames: null }, null] })).toEqual([
      { documentId: 'p', title: 'T', slug: 't', summary: 'S', otherNames: [] },
    ]);
    const [provider, ...rest] = reshapeProviderList({ clinicProviders: [{ documentId: 'v', fullName: 'Ana Ruiz', credentials: null, specialty: null, slug: 'ana', acceptingNewPatients: null }, null] });
    expect(rest).toHaveLength(0);
    expect(provider).toMatchObject({ displayName: 'Ana Ruiz', acceptingNewPatients: false });
  });

  it('keeps the CMS’s locales with their default', () => {
    expect(reshapeLocales({ clinicLocales: [{ code: 'es', name: 'Spanish (es)', isDefault: true }] })).toEqual([{ code: 'es', name: 'Spanish (es)', isDefault: true }]);
  });

  it('lists each sitemap document once, with every locale it is published in and its latest update', () => {
    const entry = (documentId: string, slug: string, updatedAt: string) => ({ documentId, slug, updatedAt, localizations: [] });
    const docs = reshapeSitemap([
      { locale: 'en', data: { clinicProcedures: [entry('p', 'vertebroplasty', '2026-01-01')], clinicProviders: [entry('v', 'thomas', '2026-01-01')] } },
      { locale: 'es', data: { clinicProcedures: [entry('p', 'vertebroplastia', '2026-03-01'), null], clinicProviders: [] } },
    ]);
    expect(docs).toEqual([
      { kind: 'procedure', versions: [{ locale: 'en', slug: 'vertebroplasty' }, { locale: 'es', slug: 'vertebroplastia' }], updatedAt: '2026-03-01' },
      { kind: 'provider', versions: [{ locale: 'en', slug: 'thomas' }], updatedAt: '2026-01-01' },
    ]);
  });
});

describe('general questions', () => {
  it('keeps the FAQs of no procedure as the site\'s FAQs, skipping empty entries', () => {
    const faqs = reshapeGeneralFaqs({ clinicFaqs: [{ documentId: 'f1', question: 'Where do I park?', answer: 'Garage.', extra: 'x' } as any, null] });
    expect(faqs).toEqual([{ documentId: 'f1', question: 'Where do I park?', answer: 'Garage.' }]);
  });
});
