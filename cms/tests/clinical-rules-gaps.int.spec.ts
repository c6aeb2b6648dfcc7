import { readFileSync } from 'node:fs';
import path from 'node:path';
import { bootCms, DEMO_PASSWORD, PREVIEW_SECRET, type BootedCms } from './harness/strapi';
import { SUPER_ADMIN_SETTINGS } from 'clinic-domain';

/**
 * Issue #12, the gaps an outside attack found in the clinical rules: the clinic's review rules are
 * one value for every locale; a save that changes a setting the caller may not change is a 403,
 * not a 200 that dropped it; preview links only for a document of the named type and locale; an
 * FAQ of no procedure is on the FAQ page (and so in its preview); re-confirming a translation
 * never clears its out-of-date flag.
 */
let cms: BootedCms;
const CLINIC = 'plugin::clinic.clinic';
const FAQ = 'plugin::clinic.faq';
const PROCEDURE = 'plugin::clinic.procedure';
const PROVIDER = 'plugin::clinic.provider';
const SINGLE = `/content-manager/single-types/${CLINIC}`;
const tokens: Record<string, string> = {};
const as = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });
const collection = (uid: string, documentId: string) => `/content-manager/collection-types/${uid}/${documentId}`;

beforeAll(async () => {
  cms = await bootCms();
  await cms.seedDemo();
  for (const [who, email] of Object.entries({ admin: 'admin@clinic.test', editor: 'editor@clinic.test', physician: 'physician@clinic.test' })) {
    const res = await cms.http.post('/admin/login').send({ email, password: DEMO_PASSWORD });
    expect(res.status).toBe(200);
    tokens[who] = res.body.data.token;
  }
});
afterAll(() => cms?.stop());

/** The clinic's draft in a locale as the super admin's form holds it (every field). */
const clinicForm = async (locale: string) => (await cms.http.get(SINGLE).query({ locale }).set(as('admin'))).body.data;
/** What a form sends back: its fields, without what the server manages. */
function formBody(document: Record<string, any>, keep: string[]) {
  return Object.fromEntries(keep.filter((field) => field in document).map((field) => [field, document[field]]));
}
const CLINIC_FIELDS = ['name', 'phone', 'address', 'defaultReviewIntervalMonths', 'readingLevelTarget', 'allowSelfApproval', 'allowPeerBioApproval', 'showOverdueReviewNotice'];
const clinicRows = async (publishedAt: 'draft' | 'published') =>
  cms.strapi.db.query(CLINIC).findMany({ where: { publishedAt: publishedAt === 'draft' ? null : { $notNull: true } }, select: ['locale', 'readingLevelTarget', 'showOverdueReviewNotice', 'allowSelfApproval', 'allowPeerBioApproval', 'defaultReviewIntervalMonths'] });
const notice = async (locale: string) => (await cms.graphql(`{ clinicClinic(locale: "${locale}") { showOverdueReviewNotice } }`)).body.data.clinicClinic.showOverdueReviewNotice;

async function saveAndPublishClinic(who: string, locale: string, changes: Record<string, unknown>) {
  const body = { ...formBody(await clinicForm(locale), CLINIC_FIELDS), ...changes };
  const saved = await cms.http.put(SINGLE).query({ locale }).set(as(who)).set(await cms.draftVersion(SINGLE, locale, as(who))).send(body);
  const published = await cms.http.post(`${SINGLE}/actions/publish`).query({ locale }).set(as(who)).set(await cms.draftVersion(SINGLE, locale, as(who))).send(body);
  return { saved, published };
}

describe("the clinic's review rules are one value for every locale", () => {
  afterAll(async () => {
    await cms.strapi.db.query(CLINIC).updateMany({ where: {}, data: { showOverdueReviewNotice: false, readingLevelTarget: null } });
  });

  it('the overdue notice turned on in English is on for Spanish patients too, and off again in Spanish is off in English', async () => {
    expect([await notice('en'), await notice('es')]).toEqual([false, false]);
    const on = await saveAndPublishClinic('admin', 'en', { showOverdueReviewNotice: true });
    expect([on.saved.status, on.published.status]).toEqual([200, 200]);
    expect([await notice('en'), await notice('es')]).toEqual([true, true]);
    for (const row of [...(await clinicRows('draft')), ...(await clinicRows('published'))]) expect(row.showOverdueReviewNotice).toBe(true);

    const off = await saveAndPublishClinic('admin', 'es', { showOverdueReviewNotice: false });
    expect([off.saved.status, off.published.status]).toEqual([200, 200]);
    expect([await notice('en'), await notice('es')]).toEqual([false, false]);
  });

  it('the reading-level target set in Spanish is the target of English text too', async () => {
    const { published } = await saveAndPublishClinic('admin', 'es', { readingLevelTarget: 11 });
    expect(published.status).toBe(200);
    for (const row of [...(await clinicRows('draft')), ...(await clinicRows('published'))]) expect(row.readingLevelTarget).toBe(11);
    const faq = await cms.strapi.documents(FAQ).findFirst({ locale: 'en', status: 'draft' });
    const levels = await cms.http.get(`/clinic/reading-levels/faq/${faq.documentId}`).query({ locale: 'en' }).set(as('physician'));
    expect(levels.status).toBe(200);
    expect(levels.body.data.target).toBe(11);
  });

  it('a draft change reaches every locale\'s draft, and patients only once it is published', async () => {
    const form = await clinicForm('es');
    expect((await cms.http.put(SINGLE).query({ locale: 'es' }).set(as('admin')).set(await cms.draftVersion(SINGLE, 'es', as('admin'))).send({ ...formBody(form, CLINIC_FIELDS), showOverdueReviewNotice: true })).status).toBe(200);
    expect((await clinicForm('en')).showOverdueReviewNotice).toBe(true);
    expect([await notice('en'), await notice('es')]).toEqual([false, false]);
    await cms.strapi.db.query(CLINIC).updateMany({ where: {}, data: { showOverdueReviewNotice: false } });
  });

});

describe('a save that changes a protected setting is refused with a 403, not answered 200 and dropped', () => {
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    ids.provider = (await cms.strapi.documents(PROVIDER).create({ locale: 'en', data: { fullName: 'Guard Test', slug: 'guard-test', biography: 'A bio.', reviewIntervalMonths: 12 } })).documentId;
    ids.procedure = (await cms.strapi.documents(PROCEDURE).create({ locale: 'en', data: { title: 'Guard test procedure', slug: 'guard-test-procedure', summary: 'A summary.', reviewIntervalMonths: 12 } })).documentId;
    ids.faq = (await cms.strapi.documents(FAQ).create({ locale: 'en', data: { question: 'Guard test?', answer: 'An answer.', reviewIntervalMonths: 12 } })).documentId;
  });

  const draftRow = async (uid: string, documentId?: string) => cms.strapi.db.query(uid).findOne({ where: { ...(documentId ? { documentId } : {}), locale: 'en', publishedAt: null } });
  /** A value different from the stored one, of the field's kind. */
  const changed = (field: string, stored: unknown) => (typeof stored === 'boolean' || field.startsWith('allow') || field.startsWith('show') ? !stored : field === 'reviewerAccountId' ? 424242 : field === 'readingLevelTarget' ? (stored === 14 ? 15 : 14) : stored === 6 ? 7 : 6);

  // Every clinic-wide rule only a super admin sets (the domain's list: a rule added there is tested here).
  const CLINIC_PROTECTED = SUPER_ADMIN_SETTINGS.filter((field) => field !== 'reviewerAccountId');
  const CASES: Array<{ uid: string; id: () => string | null; field: string; editable: string; may: string[] }> = [
    ...CLINIC_PROTECTED.map((field) => ({ uid: CLINIC, id: () => null, field, editable: 'address', may: ['admin'] })),
    { uid: PROVIDER, id: () => ids.provider!, field: 'reviewerAccountId', editable: 'biography', may: ['admin'] },
    ...[PROVIDER, PROCEDURE, FAQ].map((uid) => ({ uid, id: () => ids[uid.replace('plugin::clinic.', '')]!, field: 'reviewIntervalMonths', editable: uid === FAQ ? 'answer' : uid === PROVIDER ? 'biography' : 'summary', may: ['admin', 'physician'] })),
  ];

  for (const { uid, id, field, editable, may } of CASES) {
    for (const who of ['editor', 'physician', 'admin']) {
      const type = uid.replace('plugin::clinic.', '');
      it(`${type}.${field} × ${who}: ${may.includes(who) ? 'saved' : '403 with a message, nothing saved'}; the stored value sent back saves the rest`, async () => {
        const documentId = id();
        const url = documentId ? collection(uid, documentId) : SINGLE;
        const before = await draftRow(uid, documentId ?? undefined);
        const stored = before[field];
        const value = changed(field, stored);

        const res = await cms.http.put(url).query({ locale: 'en' }).set(as(who)).set(await cms.draftVersion(url, 'en', as(who))).send({ [field]: value, [editable]: `${before[editable]} (changed by ${who})` });
        const after = await draftRow(uid, documentId ?? undefined);
        if (may.includes(who)) {
          expect(res.status).toBe(200);
          expect(after[field]).toBe(value);
          await cms.strapi.db.query(uid).updateMany({ where: { documentId: before.documentId }, data: { [field]: stored, [editable]: before[editable] } });
          return;
        }
        // Physicians may not edit the clinic details at all: the Content Manager's own 403.
        expect(res.status).toBe(403);
        if (!(uid === CLINIC && who === 'physician')) expect(res.body.error.message).toMatch(new RegExp(`can change "${field}"`));
        expect(after[field]).toBe(stored);
        expect(after[editable]).toBe(before[editable]);

        // Save-and-publish carries the form too (clinic details and medical pages alike).
        const publish = await cms.http.post(`${url}/actions/publish`).query({ locale: 'en' }).set(as(who)).set(await cms.draftVersion(url, 'en', as(who))).send({ [field]: value });
        expect(publish.status).toBe(403);
        expect((await draftRow(uid, documentId ?? undefined))[field]).toBe(stored);

        if (uid === CLINIC && who === 'physician') return;
        const resent = await cms.http.put(url).query({ locale: 'en' }).set(as(who)).set(await cms.draftVersion(url, 'en', as(who))).send({ [field]: stored, [editable]: `${before[editable]} (changed by ${who})` });
        expect(resent.status).toBe(200);
        const saved = await draftRow(uid, documentId ?? undefined);
        expect(saved[editable]).toBe(`${before[editable]} (changed by ${who})`);
        expect(saved[field]).toBe(stored);
        await cms.strapi.db.query(uid).updateMany({ where: { documentId: before.documentId }, data: { [editable]: before[editable] } });
      });
    }
  }

  it('an editor cannot create a document carrying a protected value, but may send the default', async () => {
    const refused = await cms.http.post(`/content-manager/collection-types/${PROVIDER}`).query({ locale: 'en' }).set(as('editor')).send({ fullName: 'Not Linked', slug: 'not-linked', reviewerAccountId: 1 });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/Only a super admin can change "reviewerAccountId"/);
    const allowed = await cms.http.post(`/content-manager/collection-types/${PROVIDER}`).query({ locale: 'en' }).set(as('editor')).send({ fullName: 'Not Linked', slug: 'not-linked', reviewerAccountId: null });
    expect(allowed.status).toBe(201);
  });

  it('an editor cannot clone a document with a protected value changed; the clone keeps what the source has', async () => {
    const clone = (body: Record<string, unknown>) => cms.http.post(`/content-manager/collection-types/${PROVIDER}/clone/${ids.provider}`).query({ locale: 'en' }).set(as('editor')).send(body);
    const refused = await clone({ fullName: 'Guard Clone', slug: 'guard-clone', reviewerAccountId: 77 });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/"reviewerAccountId"/);
    expect(await cms.strapi.db.query(PROVIDER).count({ where: { slug: 'guard-clone' } })).toBe(0);
    expect((await clone({ fullName: 'Guard Clone', slug: 'guard-clone', reviewerAccountId: null })).status).toBe(200);
  });
});

describe('the review fields the approval writes are changed by no save, a super admin\'s neither', () => {
  const FIELDS: Array<[string, (stored: any) => unknown]> = [
    ['lastReviewedOn', () => '2030-01-01'],
    ['nextReviewDue', () => '2030-01-01'],
    ['reviewedByName', () => 'Dr. Nobody'],
    ['reviewedByCredentials', () => 'PhD'],
    ['reviewedBySpecialty', () => 'Astrology'],
    ['translationOutOfDate', (stored) => !stored],
  ];
  let id: string;
  beforeAll(async () => {
    id = (await cms.strapi.documents(PROCEDURE).findFirst({ locale: 'en', status: 'draft', filters: { lastReviewedOn: { $notNull: true } } })).documentId;
  });
  const draft = async () => cms.strapi.db.query(PROCEDURE).findOne({ where: { documentId: id, locale: 'en', publishedAt: null } });

  for (const [field, changedValue] of FIELDS) {
    it(`${field}: a 403 saying the workflow sets it, for every role that may save the page`, async () => {
      const before = await draft();
      for (const who of ['admin', 'physician']) {
        const res = await cms.http.put(collection(PROCEDURE, id)).query({ locale: 'en' }).set(as(who)).set(await cms.draftVersion(collection(PROCEDURE, id), 'en', as(who))).send({ [field]: changedValue(before[field]), summary: 'Changed.' });
        expect(res.status).toBe(403);
        expect(res.body.error.message).toMatch(new RegExp(`"${field}" is set by the medical review workflow`));
      }
      expect(await draft()).toMatchObject({ [field]: before[field], summary: before.summary });
    });
  }

  it('the whole form sent back, as the admin sends it, saves the one change made', async () => {
    for (const who of ['admin', 'physician']) {
      const form = (await cms.http.get(collection(PROCEDURE, id)).query({ locale: 'en' }).set(as(who))).body.data;
      expect(form.lastReviewedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const { status: _shown, ...body } = form;
      const saved = await cms.http.put(collection(PROCEDURE, id)).query({ locale: 'en' }).set(as(who)).set(await cms.draftVersion(collection(PROCEDURE, id), 'en', as(who))).send({ ...body, summary: `${form.summary} (${who})` });
      expect(saved.status).toBe(200);
      expect((await draft()).summary).toBe(`${form.summary} (${who})`);
      await cms.strapi.db.query(PROCEDURE).updateMany({ where: { documentId: id, locale: 'en', publishedAt: null }, data: { summary: form.summary } });
    }
  });
});

describe('preview links are signed only for a document of the named type, in a locale it has', () => {
  const hash = 'a'.repeat(64);
  const link = (type: string, documentId: string, locale = 'en') => cms.http.get(`/clinic/previews/${type}/${documentId}`).query({ locale, revisionHash: hash }).set(as('physician'));

  it("refuses an FAQ link for a procedure's documentId, a procedure link for an FAQ's, and a locale the document lacks (404 with a message)", async () => {
    const procedure = await cms.strapi.documents(PROCEDURE).findFirst({ locale: 'en', status: 'draft' });
    const faq = await cms.strapi.documents(FAQ).create({ locale: 'en', data: { question: 'Only in English?', answer: 'Yes.' } });
    expect((await link('faq', faq.documentId)).status).toBe(200);
    expect((await link('procedure', procedure.documentId)).status).toBe(200);

    const wrongType = await link('faq', procedure.documentId);
    expect(wrongType.status).toBe(404);
    expect(wrongType.body.error.message).toBe(`There is no faq with documentId ${procedure.documentId} and a en draft to preview.`);
    expect((await link('procedure', faq.documentId)).status).toBe(404);
    expect((await link('provider', faq.documentId)).status).toBe(404);
    expect((await link('faq', faq.documentId, 'es')).status).toBe(404);
    expect((await link('faq', 'nosuchdocument')).status).toBe(404);
    expect((await link('faq', faq.documentId, 'xx')).status).toBe(400);
  });

  it('"Open preview" gives no link for a document that has no draft of that type', async () => {
    const previews = cms.strapi.plugin('clinic').service('preview');
    const procedure = await cms.strapi.documents(PROCEDURE).findFirst({ locale: 'en', status: 'draft' });
    expect(await previews.url(FAQ, { documentId: procedure.documentId, locale: 'en' })).toBeNull();
  });
});

describe('an FAQ of no procedure is on the FAQ page, so its preview shows it', () => {
  const operations = readFileSync(path.resolve(__dirname, '../../web/src/lib/cms/operations/faq.graphql'), 'utf8');
  const generalFaqs = operations.slice(operations.indexOf('query GeneralFaqs'));

  it("the site's GeneralFaqs lists FAQs linked to no procedure: the draft in preview, the published text for patients", async () => {
    const orphan = await cms.strapi.documents(FAQ).create({ locale: 'en', data: { question: 'Where do I park?', answer: 'In the garage on Main Street.' } });
    // The site's own operation text (the file holds the FAQ page's operation before it).
    const general = async (status: 'DRAFT' | 'PUBLISHED') => {
      const res = await cms.http.post('/graphql').set({ 'content-type': 'application/json', ...(status === 'DRAFT' ? { 'x-preview-secret': PREVIEW_SECRET } : {}) }).send({ query: generalFaqs, variables: { locale: 'en', status } });
      expect(res.body.errors).toBeUndefined();
      return res.body.data.clinicFaqs.map((f: any) => f.documentId) as string[];
    };
    expect(await general('DRAFT')).toContain(orphan.documentId);
    expect(await general('PUBLISHED')).not.toContain(orphan.documentId);
    // FAQs of a procedure are under their procedure, not among the general questions.
    const linked = await cms.strapi.db.query(FAQ).findMany({ where: { procedures: { id: { $notNull: true } }, locale: 'en', publishedAt: null }, select: ['documentId'] });
    expect(linked.length).toBeGreaterThan(0);
    for (const { documentId } of linked) expect(await general('DRAFT')).not.toContain(documentId);

    await cms.approveAndPublish(FAQ, orphan.documentId, 'en');
    expect(await general('PUBLISHED')).toContain(orphan.documentId);
  });
});

describe('re-confirming a translation never clears its out-of-date flag', () => {
  const review = (documentId: string, action?: string) => `/clinic/reviews/faq/${documentId}${action ? `/${action}` : ''}`;
  const state = async (documentId: string, locale: string) => (await cms.http.get(review(documentId)).query({ locale }).set(as('admin'))).body.data;
  async function decide(documentId: string, locale: string, action: 'approve' | 'reconfirm') {
    const { revisionHash } = await state(documentId, locale);
    return cms.http.post(review(documentId, action)).set(as('physician')).send({ locale, revisionHash });
  }
  const submit = (documentId: string, locale: string) => cms.http.post(review(documentId, 'submit')).set(as('editor')).send({ locale });

  it('English text changed and approved flags Spanish; re-confirming Spanish (or English) keeps the flag; Spanish submitted unchanged and approved clears it', async () => {
    const faq = await cms.strapi.documents(FAQ).create({ locale: 'en', data: { question: 'Can I drive home?', answer: 'No, someone must drive you.' } });
    const id = faq.documentId as string;
    await cms.strapi.documents(FAQ).update({ documentId: id, locale: 'es', data: { question: '¿Puedo conducir?', answer: 'No, alguien debe llevarle.' } });
    await cms.approveAndPublish(FAQ, id, 'en');
    await cms.approveAndPublish(FAQ, id, 'es');
    expect((await state(id, 'es')).translationOutOfDate).toBe(false);

    await cms.strapi.documents(FAQ).update({ documentId: id, locale: 'en', data: { answer: 'No. Someone must drive you, and stay with you tonight.' } });
    expect((await submit(id, 'en')).status).toBe(201);
    expect((await decide(id, 'en', 'approve')).status).toBe(201);
    expect((await state(id, 'es')).translationOutOfDate).toBe(true);

    const reconfirmed = await decide(id, 'es', 'reconfirm');
    expect(reconfirmed.status).toBe(201);
    expect((await state(id, 'es')).history[0]).toMatchObject({ decision: 'approved', reconfirmation: true });
    expect((await state(id, 'es')).translationOutOfDate).toBe(true);
    const rows = await cms.strapi.db.query(FAQ).findMany({ where: { documentId: id, locale: 'es' }, select: ['translationOutOfDate'] });
    expect(rows.map((r: any) => r.translationOutOfDate)).toEqual([true, true]);

    const published = await cms.http.post(`/content-manager/collection-types/${FAQ}/${id}/actions/publish`).query({ locale: 'en' }).set(as('physician')).send({});
    expect(published.body.error?.message ?? 'published').toBe('published');
    expect((await decide(id, 'en', 'reconfirm')).status).toBe(201);
    expect((await state(id, 'es')).translationOutOfDate).toBe(true);

    // Still right as it stands: submitted unchanged, checked and approved by a physician, current again.
    expect((await submit(id, 'en')).status).toBe(409);
    expect((await submit(id, 'es')).status).toBe(201);
    expect((await state(id, 'es')).status).toBe('awaiting_review');
    expect((await decide(id, 'es', 'approve')).status).toBe(201);
    expect((await state(id, 'es'))).toMatchObject({ status: 'approved', translationOutOfDate: false });
    // Approved and current: nothing to submit.
    expect((await submit(id, 'es')).status).toBe(409);
  });
});

describe('databases saved before the rule', () => {
  it('a database whose locales disagree (saved before this rule) is aligned at start on the most recently saved version', async () => {
    const published = { publishedAt: { $notNull: true } };
    await cms.strapi.db.query(CLINIC).updateMany({ where: { ...published, locale: 'es' }, data: { showOverdueReviewNotice: false, updatedAt: new Date('2026-01-01T00:00:00Z') } });
    await cms.strapi.db.query(CLINIC).updateMany({ where: { ...published, locale: 'en' }, data: { showOverdueReviewNotice: true, updatedAt: new Date() } });
    expect([await notice('en'), await notice('es')]).toEqual([true, false]);
    await cms.restart();
    expect([await notice('en'), await notice('es')]).toEqual([true, true]);
    await cms.strapi.db.query(CLINIC).updateMany({ where: {}, data: { showOverdueReviewNotice: false } });
    // The editor's refusal still says why after a restart (the Content Manager's handlers are guarded once, by the running CMS).
    tokens.editor = (await cms.http.post('/admin/login').send({ email: 'editor@clinic.test', password: DEMO_PASSWORD })).body.data.token;
    const refused = await cms.http.put(SINGLE).query({ locale: 'en' }).set(as('editor')).set(await cms.draftVersion(SINGLE, 'en', as('editor'))).send({ readingLevelTarget: 17 });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/Only a super admin can change "readingLevelTarget"/);
  });
});
