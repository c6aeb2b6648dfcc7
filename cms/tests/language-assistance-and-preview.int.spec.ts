import { verifyPreviewLink } from 'clinic-domain';
import { demoClinic } from '../src/demo/demo-content';
import { demoLanguageAssistance } from '../src/demo/demo-language-assistance';
import { bootCms, DEMO_PASSWORD, PREVIEW_SECRET, type BootedCms } from './harness/strapi';

/**
 * The language assistance notice (clinic details: taglines checked on every write, read
 * publicly, drafts only with the preview credential) and previews pinned to one revision.
 */
let cms: BootedCms;
const tokens: Record<string, string> = {};
const CLINIC = 'plugin::clinic.clinic';
const FAQ = 'plugin::clinic.faq';
const preview = { 'x-preview-secret': PREVIEW_SECRET };

beforeAll(async () => {
  cms = await bootCms();
  await cms.seedDemo();
  for (const who of ['editor', 'physician']) {
    const login = await cms.http.post('/admin/login').send({ email: `${who}@clinic.test`, password: DEMO_PASSWORD });
    tokens[who] = login.body.data.token;
  }
});
afterAll(() => cms?.stop());

const TAGLINES_QUERY = `query ($locale: I18NLocaleCode, $status: PublicationStatus) { clinicClinic(locale: $locale, status: $status) { phone languageAssistance { language languageName text } } }`;

/** Saves the clinic details' draft as the Content Manager does, as the demo editor. */
async function saveClinicDraft(locale: string, change: (data: any) => any) {
  const current = await cms.http.get(`/content-manager/single-types/${CLINIC}?locale=${locale}`).set('authorization', `Bearer ${tokens.editor}`);
  expect(current.status).toBe(200);
  return cms.http.put(`/content-manager/single-types/${CLINIC}?locale=${locale}`).set('authorization', `Bearer ${tokens.editor}`).send(change(current.body.data));
}

describe('language assistance taglines', () => {
  it('are public, in every locale the same 15 languages, with the phone number only in the clinic details', async () => {
    for (const locale of ['en', 'es']) {
      const res = await cms.graphql(TAGLINES_QUERY, { locale });
      expect(res.status).toBe(200);
      const clinic = res.body.data.clinicClinic;
      expect(clinic.phone).toBe(demoClinic.phone);
      expect(clinic.languageAssistance).toHaveLength(15);
      expect(clinic.languageAssistance.map((t: any) => t.language)).toEqual(demoLanguageAssistance.map((t) => t.language));
      for (const tagline of clinic.languageAssistance) {
        expect(tagline.text).toContain('{phone}');
        expect(tagline.text).not.toMatch(/\d{3}/);
      }
    }
    const rest = await cms.http.get('/api/clinic/clinic?locale=es&populate=languageAssistance');
    expect(rest.status).toBe(200);
    expect(rest.body.data.languageAssistance.find((t: any) => t.language === 'fa').languageName).toBe('فارسی');
  });

  it.each([
    ['an ill-formed language tag', { language: 'Farsi' }, /Tagline 1 \(Farsi\): "Farsi" is not a BCP 47 language tag/],
    ['empty text', { text: '  ' }, /Tagline 1 \(es\): the tagline's text is required/],
    ['a number typed in', { text: 'Llame al +1 262-555-0142.' }, /write \{phone\} exactly once.*the text contains a phone number/],
    ['no language name', { languageName: '' }, /the language's name \(as its speakers write it\) is required/],
  ])('refuses %s with a 400 that says what to fix, and keeps the saved taglines', async (_name, change, message) => {
    const res = await saveClinicDraft('en', (data) => ({ ...data, languageAssistance: [{ ...demoLanguageAssistance[0], ...change }, ...demoLanguageAssistance.slice(1)] }));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
    const draft = await cms.graphql(TAGLINES_QUERY, { locale: 'en', status: 'DRAFT' }, preview);
    expect(draft.body.data.clinicClinic.languageAssistance[0]).toEqual(demoLanguageAssistance[0]);
  });

  it('refuses the same language twice, also through the Document Service', async () => {
    const res = await saveClinicDraft('es', (data) => ({ ...data, languageAssistance: [...demoLanguageAssistance, { ...demoLanguageAssistance[0], language: 'ES' }] }));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/Tagline 16 \(ES\): the same language as tagline 1/);
    const clinic = await cms.strapi.documents(CLINIC).findFirst({ locale: 'en' });
    await expect(
      cms.strapi.documents(CLINIC).update({ documentId: clinic.documentId, locale: 'en', data: { languageAssistance: [{ language: 'xx-', languageName: 'x', text: '{phone}' }] } }),
    ).rejects.toThrow(/not a BCP 47 language tag/);
  });

  it('saves a tag in its conventional casing; a draft change is seen with the preview credential only, until published', async () => {
    const changed = { language: 'zh-hant', languageName: '繁體中文', text: '免費語言協助（草稿），請致電 {phone}。' };
    const res = await saveClinicDraft('en', (data) => ({ ...data, languageAssistance: [demoLanguageAssistance[0], changed, ...demoLanguageAssistance.slice(2)] }));
    expect([res.status, res.body.error?.message]).toEqual([200, undefined]);
    const draft = await cms.graphql(TAGLINES_QUERY, { locale: 'es', status: 'DRAFT' }, preview);
    // The taglines are not localized: the Spanish draft has them too.
    expect(draft.body.data.clinicClinic.languageAssistance[1]).toEqual({ ...changed, language: 'zh-Hant' });
    expect((await cms.graphql(TAGLINES_QUERY, { locale: 'en', status: 'DRAFT' })).status).toBe(403);
    const published = await cms.graphql(TAGLINES_QUERY, { locale: 'en' });
    expect(JSON.stringify(published.body)).not.toContain('草稿');

    const clinic = await cms.strapi.documents(CLINIC).findFirst({ locale: 'en' });
    const publish = await cms.http.post(`/content-manager/single-types/${CLINIC}/actions/publish?locale=en`).set('authorization', `Bearer ${tokens.editor}`).send({});
    expect(publish.status).toBe(200);
    expect(clinic.documentId).toBeTruthy();
    const live = await cms.graphql(TAGLINES_QUERY, { locale: 'en' });
    expect(live.body.data.clinicClinic.languageAssistance[1].text).toBe(changed.text);
  });
});

describe('preview pinned to one revision', () => {
  let faqId: string;
  let hash: string;
  beforeAll(async () => {
    const faq = await cms.strapi.documents(FAQ).findFirst({ locale: 'en', status: 'published' });
    faqId = faq.documentId;
    hash = (await cms.strapi.plugin('clinic').service('reviews').stateOf({ contentType: FAQ, documentId: faqId, locale: 'en' })).revision.hash;
  });
  const current = (type: string, id: string, query = 'locale=en', headers: Record<string, string> = preview) => cms.http.get(`/api/clinic/preview-revisions/${type}/${id}?${query}`).set(headers);

  it("tells the site a draft's current revision hash, with the preview credential only", async () => {
    const res = await current('faq', faqId);
    expect([res.status, res.body.error?.message]).toEqual([200, undefined]);
    expect(res.body.data).toEqual({ revisionHash: hash });
    expect(res.headers['cache-control']).toMatch(/no-store/);
    for (const headers of [{}, { 'x-preview-secret': 'guess' }]) {
      const refused = await current('faq', faqId, 'locale=en', headers);
      expect(refused.status).toBe(401);
      expect(JSON.stringify(refused.body)).not.toContain(hash);
    }
    expect((await current('faq', 'no-such-document')).status).toBe(400);
    expect((await current('faq', 'nosuchdocument')).body.data).toEqual({ revisionHash: null });
    expect((await current('review-entry', faqId)).status).toBe(400);
    expect((await current('faq', faqId, 'locale=xx')).status).toBe(400);
    expect((await current('faq', faqId, 'locale=en&status=draft')).status).toBe(400);
  });

  it('gives the review panel a link signed for the FAQ page and pinned to the revision under review', async () => {
    const res = await cms.http.get(`/clinic/previews/faq/${faqId}?locale=en&revisionHash=${hash}`).set('authorization', `Bearer ${tokens.physician}`);
    expect(res.status).toBe(200);
    const url = new URL(res.body.data.url);
    expect(url.pathname).toBe('/api/preview');
    expect(url.searchParams.get('path')).toBe('/en/faq');
    expect(url.searchParams.get('revision')).toBe(`faq:${faqId}:en:${hash}`);
    const verdict = verifyPreviewLink({
      secret: PREVIEW_SECRET,
      link: { path: url.searchParams.get('path'), expires: url.searchParams.get('expires'), signature: url.searchParams.get('signature'), revision: url.searchParams.get('revision') },
      nowSeconds: Date.now() / 1000,
    });
    expect(verdict).toEqual({ valid: true, path: '/en/faq', revision: { type: 'faq', documentId: faqId, locale: 'en', hash } });

    expect((await cms.http.get(`/clinic/previews/faq/${faqId}?locale=en&revisionHash=nope`).set('authorization', `Bearer ${tokens.physician}`)).status).toBe(400);
    expect((await cms.http.get(`/clinic/previews/rebrand-notice/${faqId}?locale=en&revisionHash=${hash}`).set('authorization', `Bearer ${tokens.physician}`)).status).toBe(400);
    expect((await cms.http.get(`/clinic/previews/faq/${faqId}?locale=en&revisionHash=${hash}`)).status).toBe(401);
  });

  it('"Open preview" pins every type to its current draft: the notice on the home page, the clinic on the language assistance page', async () => {
    const previews = cms.strapi.plugin('clinic').service('preview');
    const notice = await cms.strapi.documents('plugin::clinic.rebrand-notice').findFirst({ locale: 'es' });
    const noticeUrl = new URL(await previews.url('plugin::clinic.rebrand-notice', { documentId: notice.documentId, locale: 'es' }));
    expect(noticeUrl.searchParams.get('path')).toBe('/es');
    expect(noticeUrl.searchParams.get('revision')).toMatch(new RegExp(`^rebrand-notice:${notice.documentId}:es:[0-9a-f]{64}$`));
    const clinic = await cms.strapi.documents(CLINIC).findFirst({ locale: 'en' });
    const clinicUrl = new URL(await previews.url(CLINIC, { documentId: clinic.documentId, locale: 'en' }));
    expect(clinicUrl.searchParams.get('path')).toBe('/en/language-assistance');
    const pinned = clinicUrl.searchParams.get('revision')!.split(':')[3];
    expect((await current('clinic', clinic.documentId)).body.data.revisionHash).toBe(pinned);
  });

  it('after an edit, the draft is no longer the pinned revision', async () => {
    const faq = await cms.strapi.documents(FAQ).findOne({ documentId: faqId, locale: 'en' });
    await cms.strapi.documents(FAQ).update({ documentId: faqId, locale: 'en', data: { answer: `${faq.answer} Edited.` } });
    const res = await current('faq', faqId);
    expect(res.body.data.revisionHash).toMatch(/^[0-9a-f]{64}$/);
    expect(res.body.data.revisionHash).not.toBe(hash);
  });
});
