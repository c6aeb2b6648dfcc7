import { bootCms, type BootedCms } from './harness/strapi';

/** Every content type can be written in each locale and read back, per locale, by patients. */
let cms: BootedCms;
beforeAll(async () => {
  cms = await bootCms();
});
afterAll(() => cms?.stop());

const docs = (name: string) => cms.strapi.documents(`plugin::clinic.${name}`);

const MEDICAL = new Set(['procedure', 'faq', 'provider']);

async function createInBothLocales(name: string, en: object, es: object) {
  const created = await docs(name).create({ locale: 'en', data: en });
  await docs(name).update({ documentId: created.documentId, locale: 'es', data: es });
  for (const locale of ['en', 'es']) {
    if (MEDICAL.has(name)) await cms.approveAndPublish(`plugin::clinic.${name}`, created.documentId, locale);
    else await docs(name).publish({ documentId: created.documentId, locale });
  }
  return created.documentId as string;
}

const today = () => new Date().toISOString().slice(0, 10);
const inAYear = () => {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() + 1);
  return d.toISOString().slice(0, 10);
};

describe('content model', () => {
  let providerId: string;
  let faqId: string;

  it('runs on the database the suite was asked for', () => {
    const expected = process.env.DATABASE_CLIENT === 'postgres' ? 'postgres' : 'sqlite';
    expect(cms.strapi.db.config.connection.client).toBe(expected);
  });

  it('creates the locales en (default) and es at bootstrap', async () => {
    const locales = await cms.strapi.plugin('i18n').service('locales').find();
    expect(locales.map((l: any) => l.code).sort()).toEqual(['en', 'es']);
    expect(await cms.strapi.plugin('i18n').service('locales').getDefaultLocale()).toBe('en');
  });

  it('stores a provider with a localized bio and shared name, read back per locale', async () => {
    // The demo physician's account speaks for this provider, who approves their own bio.
    const physicianAccountId = (await cms.accounts()).physician.id;
    providerId = await createInBothLocales(
      'provider',
      { fullName: 'Ana Test', credentials: 'MD', slug: 'ana-test', specialty: 'Pain Management', biography: 'English bio', acceptingNewPatients: true, reviewerAccountId: physicianAccountId },
      { fullName: 'Ana Test', credentials: 'MD', slug: 'ana-test-es', specialty: 'Medicina del dolor', biography: 'Biografía en español', acceptingNewPatients: true },
    );
    const en = await cms.http.get(`/api/clinic/providers/${providerId}?locale=en`);
    const es = await cms.http.get(`/api/clinic/providers/${providerId}?locale=es`);
    expect(en.status).toBe(200);
    expect(en.body.data).toMatchObject({ fullName: 'Ana Test', slug: 'ana-test', specialty: 'Pain Management', biography: 'English bio' });
    expect(es.body.data).toMatchObject({ fullName: 'Ana Test', slug: 'ana-test-es', specialty: 'Medicina del dolor', biography: 'Biografía en español' });
  });

  it('stores an FAQ per locale', async () => {
    faqId = await createInBothLocales('faq', { question: 'Does it hurt?', answer: 'A little.' }, { question: '¿Duele?', answer: 'Un poco.' });
    const es = await cms.http.get(`/api/clinic/faqs/${faqId}?locale=es`);
    expect(es.body.data).toMatchObject({ question: '¿Duele?', answer: 'Un poco.' });
  });

  it('stores a procedure with ordered sections, steps, other names, FAQs, providers and review fields per locale', async () => {
    const common = { typicalDurationMinutes: 30, setting: 'outpatient', procedureType: 'noninvasive', providers: [providerId], faqs: [faqId] };
    const id = await createInBothLocales(
      'procedure',
      {
        ...common,
        title: 'Test procedure',
        slug: 'test-procedure',
        summary: 'English summary',
        anesthesia: 'None',
        otherNames: [{ name: 'Other EN' }],
        sections: [
          { kind: 'overview', heading: 'Overview EN', body: 'Body EN' },
          { kind: 'how_performed', heading: 'Steps EN', steps: [{ title: 'First' }, { title: 'Second' }] },
        ],
      },
      {
        ...common,
        title: 'Procedimiento de prueba',
        slug: 'procedimiento-de-prueba',
        summary: 'Resumen',
        anesthesia: 'Ninguna',
        otherNames: [{ name: 'Otro ES' }],
        sections: [
          { kind: 'overview', heading: 'Resumen ES', body: 'Cuerpo ES' },
          { kind: 'how_performed', heading: 'Pasos ES', steps: [{ title: 'Primero' }, { title: 'Segundo' }] },
        ],
      },
    );
    const res = await cms.http.get(`/api/clinic/procedures/${id}`).query({
      locale: 'es',
      'populate[sections][populate]': 'steps',
      'populate[otherNames]': 'true',
      'populate[faqs]': 'true',
      'populate[providers]': 'true',
      'populate[reviewedBy]': 'true',
    });
    expect(res.status).toBe(200);
    const p = res.body.data;
    // The review fields come from the physician's approval (see review-workflow tests).
    expect(p).toMatchObject({ title: 'Procedimiento de prueba', slug: 'procedimiento-de-prueba', lastReviewedOn: today(), nextReviewDue: inAYear(), typicalDurationMinutes: 30 });
    expect(p.otherNames.map((n: any) => n.name)).toEqual(['Otro ES']);
    expect(p.sections.map((s: any) => s.heading)).toEqual(['Resumen ES', 'Pasos ES']);
    expect(p.sections[1].steps.map((s: any) => s.title)).toEqual(['Primero', 'Segundo']);
    expect(p.faqs.map((f: any) => f.question)).toEqual(['¿Duele?']);
    expect(p.providers.map((x: any) => x.specialty)).toEqual(['Medicina del dolor']);
    expect(p.reviewedBy.slug).toBe('ana-test-es');
  });

  it('keeps published slugs unique per locale, not across locales', async () => {
    // Strapi checks uniqueness when publishing, not on every draft save.
    const dup = await docs('procedure').create({ locale: 'en', data: { title: 'Dup', slug: 'test-procedure', summary: 's' } });
    await expect(cms.approveAndPublish('plugin::clinic.procedure', dup.documentId, 'en')).rejects.toThrow(/unique/i);
    await docs('provider').update({ documentId: providerId, locale: 'es', data: { slug: 'ana-test' } });
    await cms.approveAndPublish('plugin::clinic.provider', providerId, 'es');
    const es = await cms.http.get(`/api/clinic/providers/${providerId}?locale=es`);
    expect(es.body.data.slug).toBe('ana-test');
  });

  it('stores a rebrand notice and refuses a window that ends before it starts', async () => {
    const id = await createInBothLocales(
      'rebrand-notice',
      { previousName: 'Old', newName: 'New', message: 'We have a new name', phone: '+1 262-555-0100', startsAt: '2026-01-01T00:00:00.000Z', endsAt: '2026-06-01T00:00:00.000Z' },
      { previousName: 'Old', newName: 'New', message: 'Tenemos un nombre nuevo', phone: '+1 262-555-0100', startsAt: '2026-01-01T00:00:00.000Z', endsAt: '2026-06-01T00:00:00.000Z' },
    );
    const es = await cms.http.get(`/api/clinic/rebrand-notices/${id}?locale=es`);
    expect(es.body.data).toMatchObject({ message: 'Tenemos un nombre nuevo', startsAt: '2026-01-01T00:00:00.000Z' });
    await expect(docs('rebrand-notice').update({ documentId: id, locale: 'en', data: { endsAt: '2025-01-01T00:00:00.000Z' } })).rejects.toThrow(/end after it starts/);
  });

  it('stores the clinic single type with its review interval', async () => {
    const clinic = await docs('clinic').create({ locale: 'en', data: { name: 'Clinic', phone: '+1 262-555-0100', address: 'Street 1', defaultReviewIntervalMonths: 12 } });
    await docs('clinic').update({ documentId: clinic.documentId, locale: 'es', data: { address: 'Calle 1' } });
    await docs('clinic').publish({ documentId: clinic.documentId, locale: 'en' });
    await docs('clinic').publish({ documentId: clinic.documentId, locale: 'es' });
    const es = await cms.http.get('/api/clinic/clinic?locale=es');
    expect(es.body.data).toMatchObject({ name: 'Clinic', address: 'Calle 1', defaultReviewIntervalMonths: 12 });
  });

  it('serves a locale added in the admin without any code change', async () => {
    await cms.strapi.plugin('i18n').service('locales').create({ code: 'fr', name: 'French (fr)' });
    const faq = await docs('faq').create({ locale: 'fr', data: { question: 'Ça fait mal ?', answer: 'Un peu.' } });
    await cms.approveAndPublish('plugin::clinic.faq', faq.documentId, 'fr');
    const rest = await cms.http.get('/api/clinic/faqs?locale=fr');
    expect(rest.body.data.map((f: any) => f.question)).toEqual(['Ça fait mal ?']);
    const gql = await cms.graphql('query { clinicFaqs(locale: "fr") { question locale } }');
    expect(gql.body.data.clinicFaqs).toEqual([{ question: 'Ça fait mal ?', locale: 'fr' }]);
    // The site takes its locales from here.
    const locales = await cms.graphql('{ clinicLocales { code isDefault } }');
    expect(locales.body.data.clinicLocales).toEqual([
      { code: 'en', isDefault: true },
      { code: 'es', isDefault: false },
      { code: 'fr', isDefault: false },
    ]);
  });

  it('exposes no write route to the public', async () => {
    const res = await cms.http.post('/api/clinic/faqs').send({ data: { question: 'x', answer: 'y' } });
    expect([403, 404, 405]).toContain(res.status);
  });
});
