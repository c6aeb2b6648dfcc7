import { demoFaqs, demoProcedures, demoProviders, demoRebrandNotice, demoClinic } from '../src/demo/demo-content';
import { bootCms, PREVIEW_SECRET, type BootedCms } from './harness/strapi';

/**
 * The GraphQL matrix: every content type × every locale × published/draft, with components,
 * relations and localizations, against the demo clinic plus unpublished edits in every locale.
 * It pins the stock Strapi bugs named in the foundation issue:
 *  - strapi/strapi#26967 localized repeatable components answered in the default locale;
 *  - strapi/strapi#23799 DRAFT queries dropping relations;
 *  - strapi/strapi#21273 `localizations` leaking drafts.
 */
const LOCALES = ['en', 'es'] as const;
type Locale = (typeof LOCALES)[number];
const other = (l: Locale): Locale => (l === 'en' ? 'es' : 'en');
const DRAFT = (text: string) => `${text} [draft]`;
const preview = { 'x-preview-secret': PREVIEW_SECRET };

let cms: BootedCms;
const vertebro = demoProcedures.find((p) => p.key === 'vertebroplasty')!;
const stauss = demoProviders.find((p) => p.key === 'stauss')!;
const okafor = demoProviders.find((p) => p.key === 'okafor')!;
let unpublishedTranslationProviderId: string;

beforeAll(async () => {
  cms = await bootCms();
  await cms.seedDemo();
  const docs = (name: string) => cms.strapi.documents(`plugin::clinic.${name}`);
  // Unpublished edits in every locale: text, components and relations.
  for (const locale of LOCALES) {
    const procedure = await docs('procedure').findFirst({ locale, filters: { slug: vertebro.text[locale].slug }, populate: { sections: { populate: ['steps'] }, otherNames: true } });
    const okaforDoc = await docs('provider').findFirst({ locale, filters: { slug: okafor.text[locale].slug } });
    const staussDoc = await docs('provider').findFirst({ locale, filters: { slug: stauss.text[locale].slug } });
    await docs('procedure').update({
      documentId: procedure.documentId,
      locale,
      data: {
        title: DRAFT(vertebro.text[locale].title),
        sections: procedure.sections.map((s: any) => ({ kind: s.kind, heading: DRAFT(s.heading), body: s.body, steps: (s.steps ?? []).map((st: any) => ({ title: st.title, detail: st.detail })) })),
        otherNames: procedure.otherNames.map((n: any) => ({ name: n.name })),
        providers: [staussDoc.documentId, okaforDoc.documentId],
      },
    });
    await docs('provider').update({ documentId: staussDoc.documentId, locale, data: { specialty: DRAFT(stauss.text[locale].specialty) } });
    const faq = await docs('faq').findFirst({ locale, filters: { question: demoFaqs[0]!.text[locale].question } });
    await docs('faq').update({ documentId: faq.documentId, locale, data: { question: DRAFT(demoFaqs[0]!.text[locale].question) } });
    const notice = await docs('rebrand-notice').findFirst({ locale });
    await docs('rebrand-notice').update({ documentId: notice.documentId, locale, data: { message: DRAFT(demoRebrandNotice.message[locale]) } });
    const clinic = await docs('clinic').findFirst({ locale });
    await docs('clinic').update({ documentId: clinic.documentId, locale, data: { address: DRAFT(demoClinic.address[locale]) } });
  }
  // A provider published in English whose Spanish translation is still a draft.
  const created = await docs('provider').create({ locale: 'en', data: { fullName: 'New Doctor', slug: 'new-doctor', specialty: 'Radiology' } });
  await cms.approveAndPublish('plugin::clinic.provider', created.documentId, 'en');
  await docs('provider').update({ documentId: created.documentId, locale: 'es', data: { fullName: 'New Doctor', slug: 'nuevo-doctor', specialty: 'Radiología (borrador)' } });
  unpublishedTranslationProviderId = created.documentId;
});
afterAll(() => cms?.stop());

const PROCEDURE_FIELDS = `documentId title locale publishedAt
  otherNames { name }
  sections { kind heading steps { title } }
  faqs { question locale }
  providers { fullName specialty locale }
  reviewedBy { fullName specialty }
  relatedProcedures { title locale }
  localizations { locale title publishedAt sections { heading } }`;

async function fetchProcedure(locale: Locale, status: 'PUBLISHED' | 'DRAFT') {
  const res = await cms.graphql(
    `query ($locale: I18NLocaleCode, $slug: String, $status: PublicationStatus) {
      clinicProcedures(locale: $locale, status: $status, filters: { slug: { in: [$slug] } }) { ${PROCEDURE_FIELDS} }
    }`,
    { locale, slug: status === 'DRAFT' ? vertebro.text[locale].slug : vertebro.text[locale].slug, status },
    status === 'DRAFT' ? preview : {},
  );
  expect(res.status).toBe(200);
  expect(res.body.errors).toBeUndefined();
  expect(res.body.data.clinicProcedures).toHaveLength(1);
  return res.body.data.clinicProcedures[0];
}

describe.each(LOCALES)('procedure in %s', (locale) => {
  const text = vertebro.text[locale];

  it('published: text, ordered components, relations and localizations all in the requested locale, none of them drafts', async () => {
    const p = await fetchProcedure(locale, 'PUBLISHED');
    expect(p.title).toBe(text.title);
    expect(p.locale).toBe(locale);
    expect(p.publishedAt).not.toBeNull();
    // strapi/strapi#26967: repeatable localized components in the requested locale, in order.
    expect(p.sections.map((s: any) => s.heading)).toEqual(text.sections.map((s) => s.heading));
    expect(p.sections.find((s: any) => s.steps.length).steps.map((s: any) => s.title)).toEqual(text.sections.find((s) => s.steps)!.steps!.map((s) => s.title));
    expect(p.otherNames.map((n: any) => n.name)).toEqual(text.otherNames);
    expect(p.faqs.map((f: any) => f.question)).toEqual(vertebro.faqKeys.map((k) => demoFaqs.find((f) => f.key === k)!.text[locale].question));
    expect(p.faqs.every((f: any) => f.locale === locale)).toBe(true);
    expect(p.providers.map((x: any) => x.specialty)).toEqual(vertebro.providerKeys.map((k) => demoProviders.find((d) => d.key === k)!.text[locale].specialty));
    expect(p.reviewedBy).toEqual({ fullName: 'Thomas Stauss', specialty: stauss.text[locale].specialty });
    expect(p.relatedProcedures.map((r: any) => r.locale)).toEqual([locale, locale]);
    // strapi/strapi#21273: only the other locale's published version.
    expect(p.localizations).toEqual([
      { locale: other(locale), title: vertebro.text[other(locale)].title, publishedAt: expect.any(String), sections: vertebro.text[other(locale)].sections.map((s) => ({ heading: s.heading })) },
    ]);
    expect(JSON.stringify(p)).not.toContain('[draft]');
  });

  it('draft (preview): the unpublished edits, with relations kept and components in the requested locale', async () => {
    const p = await fetchProcedure(locale, 'DRAFT');
    expect(p.title).toBe(DRAFT(text.title));
    expect(p.publishedAt).toBeNull();
    expect(p.sections.map((s: any) => s.heading)).toEqual(text.sections.map((s) => DRAFT(s.heading)));
    // strapi/strapi#23799: relations survive a DRAFT query, and show the draft relation set.
    expect(p.providers.map((x: any) => x.fullName)).toEqual(['Thomas Stauss', 'Daniel Okafor']);
    expect(p.providers[0].specialty).toBe(DRAFT(stauss.text[locale].specialty));
    expect(p.faqs).toHaveLength(vertebro.faqKeys.length);
    expect(p.faqs[0].question).toBe(DRAFT(demoFaqs[0]!.text[locale].question));
    expect(p.reviewedBy.fullName).toBe('Thomas Stauss');
    expect(p.relatedProcedures).toHaveLength(2);
    expect(p.localizations).toEqual([
      { locale: other(locale), title: DRAFT(vertebro.text[other(locale)].title), publishedAt: null, sections: vertebro.text[other(locale)].sections.map((s) => ({ heading: DRAFT(s.heading) })) },
    ]);
  });
});

const SIMPLE_TYPES = [
  {
    query: 'clinicFaqs',
    fields: 'question locale procedures { title locale } localizations { locale question publishedAt }',
    published: (locale: Locale) => demoFaqs[0]!.text[locale].question,
    pick: (items: any[], locale: Locale) => items.find((i) => i.question.startsWith(demoFaqs[0]!.text[locale].question)),
    text: (item: any) => item.question,
  },
  {
    query: 'clinicProviders',
    fields: 'fullName specialty locale procedures { title locale } localizations { locale specialty publishedAt }',
    published: (locale: Locale) => stauss.text[locale].specialty,
    pick: (items: any[]) => items.find((i) => i.fullName === 'Thomas Stauss'),
    text: (item: any) => item.specialty,
  },
  {
    query: 'clinicRebrandNotices',
    fields: 'message locale previousName localizations { locale message publishedAt }',
    published: (locale: Locale) => demoRebrandNotice.message[locale],
    pick: (items: any[]) => items[0],
    text: (item: any) => item.message,
  },
];

describe.each(LOCALES)('other content types in %s', (locale) => {
  it.each(SIMPLE_TYPES)('$query: published text, relations and localizations in the locale', async (type) => {
    const res = await cms.graphql(`query ($locale: I18NLocaleCode) { ${type.query}(locale: $locale) { ${type.fields} } }`, { locale });
    expect(res.status).toBe(200);
    const item = type.pick(res.body.data[type.query], locale);
    expect(item.locale).toBe(locale);
    expect(type.text(item)).toBe(type.published(locale));
    for (const related of item.procedures ?? []) expect(related.locale).toBe(locale);
    expect(item.localizations.map((l: any) => l.locale)).toEqual([other(locale)]);
    expect(item.localizations.every((l: any) => l.publishedAt)).toBe(true);
    expect(JSON.stringify(res.body)).not.toContain('[draft]');
  });

  it.each(SIMPLE_TYPES)('$query: drafts for the preview credential only', async (type) => {
    const query = `query ($locale: I18NLocaleCode) { ${type.query}(locale: $locale, status: DRAFT) { ${type.fields} } }`;
    const refused = await cms.graphql(query, { locale });
    expect(refused.status).toBe(403);
    const res = await cms.graphql(query, { locale }, preview);
    expect(res.status).toBe(200);
    const item = type.pick(res.body.data[type.query], locale);
    expect(type.text(item)).toBe(DRAFT(type.published(locale)));
    for (const related of item.procedures ?? []) expect(related.locale).toBe(locale);
  });

  it('clinic single type: published and draft per locale', async () => {
    const query = `query ($locale: I18NLocaleCode, $status: PublicationStatus) { clinicClinic(locale: $locale, status: $status) { name phone address locale localizations { locale address } } }`;
    const published = await cms.graphql(query, { locale });
    expect(published.body.data.clinicClinic).toMatchObject({ name: demoClinic.name, phone: demoClinic.phone, address: demoClinic.address[locale], locale });
    expect(published.body.data.clinicClinic.localizations).toEqual([{ locale: other(locale), address: demoClinic.address[other(locale)] }]);
    const draft = await cms.graphql(query, { locale, status: 'DRAFT' }, preview);
    expect(draft.body.data.clinicClinic.address).toBe(DRAFT(demoClinic.address[locale]));
    expect((await cms.graphql(query, { locale, status: 'DRAFT' })).status).toBe(403);
  });
});

describe('localizations never reveal an unpublished translation (strapi/strapi#21273)', () => {
  it('a page published only in English lists no Spanish localization, and no Spanish page exists', async () => {
    const en = await cms.graphql(`{ clinicProvider(documentId: "${unpublishedTranslationProviderId}", locale: "en") { specialty localizations { locale specialty } } }`);
    expect(en.body.data.clinicProvider).toEqual({ specialty: 'Radiology', localizations: [] });
    const es = await cms.graphql(`{ clinicProvider(documentId: "${unpublishedTranslationProviderId}", locale: "es") { specialty } }`);
    expect(es.body.data.clinicProvider).toBeNull();
    expect(JSON.stringify([en.body, es.body])).not.toContain('borrador');
  });
});

describe('limits and bad input', () => {
  it('answers an unknown locale with a 400 that names the available locales', async () => {
    const res = await cms.graphql('{ clinicProcedures(locale: "xx") { title } }');
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toMatch(/Unknown locale/);
    const rest = await cms.http.get('/api/clinic/procedures?locale=xx');
    expect(rest.status).toBe(400);
    expect(rest.body.error.message).toBe('Unknown locale "xx". Available locales: en, es.');
  });

  it('answers a malformed query with a 400 and a message, never a 500', async () => {
    const syntax = await cms.graphql('{ clinicProcedures(locale: "en") { title ');
    expect(syntax.status).toBe(400);
    expect(syntax.body.errors[0].message).toMatch(/Syntax Error/);
    const unknownField = await cms.graphql('{ clinicProcedures { notAField } }');
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.errors[0].message).toMatch(/notAField/);
    const badFilter = await cms.http.get('/api/clinic/procedures?filters[nope][$eq]=1');
    expect(badFilter.status).toBe(400);
    const badPagination = await cms.graphql('{ clinicProcedures(pagination: { limit: "many" }) { title } }');
    expect(badPagination.status).toBe(400);
  });

  it('refuses queries nested deeper than the depth limit', async () => {
    const deep = 'relatedProcedures { '.repeat(12) + 'title' + ' }'.repeat(12);
    const res = await cms.graphql(`{ clinicProcedures { ${deep} } }`);
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toMatch(/exceeds maximum operation depth/);
  });

  it('caps page sizes at the maximum', async () => {
    const res = await cms.graphql('{ clinicProcedures_connection(pagination: { pageSize: 1000 }) { pageInfo { pageSize } } }');
    expect(res.body.data.clinicProcedures_connection.pageInfo.pageSize).toBeLessThanOrEqual(100);
  });

  it('offers no mutations to the public', async () => {
    const res = await cms.graphql('mutation { createClinicFaq(data: { question: "x", answer: "y" }) { documentId } }');
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toMatch(/createClinicFaq/);
  });
});
