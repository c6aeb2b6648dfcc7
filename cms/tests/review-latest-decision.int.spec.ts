import { bootCms, DEMO_PASSWORD, type BootedCms } from './harness/strapi';

/**
 * Issue #12, parts 1 and 2, through the real admin API: only the latest decision counts
 * (text that comes back after a later approval of other text, a rejection that stands),
 * and reviews come due (the overdue list, re-confirming unchanged text in one step, the
 * clinic's overdue-notice setting).
 */
let cms: BootedCms;
const FAQ = 'plugin::clinic.faq';
const PROCEDURE = 'plugin::clinic.procedure';
const tokens: Record<string, string> = {};

async function login(email: string) {
  const res = await cms.http.post('/admin/login').send({ email, password: DEMO_PASSWORD });
  expect(res.status).toBe(200);
  return res.body.data.token as string;
}

beforeAll(async () => {
  cms = await bootCms();
  await cms.seedDemo();
  // A second physician, linked to another provider: the next reviewer after a rejection.
  const role = await cms.strapi.service('admin::role').findOne({ code: 'clinic-physician-reviewer' });
  const account = await cms.strapi.service('admin::user').create({ email: 'delgado@clinic.test', firstname: 'Maria', lastname: 'Delgado', password: DEMO_PASSWORD, isActive: true, registrationToken: null, roles: [role.id] });
  await cms.strapi.db.query('plugin::clinic.provider').updateMany({ where: { slug: 'maria-delgado' }, data: { reviewerAccountId: account.id } });
  for (const [who, email] of Object.entries({ admin: 'admin@clinic.test', editor: 'editor@clinic.test', physician: 'physician@clinic.test', physician2: 'delgado@clinic.test' })) {
    tokens[who] = await login(email);
  }
});
afterAll(() => cms?.stop());

const as = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });
const typeOf = (uid: string) => uid.replace('plugin::clinic.', '');
const reviewApi = (uid: string, documentId: string, action?: string) => `/clinic/reviews/${typeOf(uid)}/${documentId}${action ? `/${action}` : ''}`;
const status = (uid: string, documentId: string, who = 'admin', locale = 'en') => cms.http.get(reviewApi(uid, documentId)).query({ locale }).set(as(who));
const submit = (uid: string, documentId: string, who = 'editor', locale = 'en') => cms.http.post(reviewApi(uid, documentId, 'submit')).set(as(who)).send({ locale });
async function decide(uid: string, documentId: string, action: 'approve' | 'reject' | 'reconfirm', who = 'physician', comment?: string, locale = 'en') {
  const { body } = await status(uid, documentId, 'admin', locale);
  return cms.http.post(reviewApi(uid, documentId, action)).set(as(who)).send({ locale, revisionHash: body.data.revisionHash, comment });
}
const cmPublish = (uid: string, documentId: string, who = 'physician', locale = 'en') =>
  cms.http.post(`/content-manager/collection-types/${uid}/${documentId}/actions/publish`).query({ locale }).set(as(who)).send({});
const cmSave = async (uid: string, documentId: string, data: Record<string, unknown>, who = 'editor', locale = 'en') => {
  const path = `/content-manager/collection-types/${uid}/${documentId}`;
  return cms.http.put(path).query({ locale }).set(as(who)).set(await cms.draftVersion(path, locale, as(who))).send(data);
};
const liveAnswer = async (documentId: string) => (await cms.strapi.documents(FAQ).findOne({ documentId, locale: 'en', status: 'published' }))?.answer;
const today = () => new Date().toISOString().slice(0, 10);

describe('only the latest decision counts', () => {
  it('text A approved and published, text B approved, A typed back: not approved, and approve and publish are refused', async () => {
    const faq = await cms.strapi.documents(FAQ).create({ locale: 'en', data: { question: 'How long does it take?', answer: 'Text A.' } });
    const id = faq.documentId as string;
    expect((await submit(FAQ, id)).status).toBe(201);
    expect((await decide(FAQ, id, 'approve')).status).toBe(201);
    expect((await cmPublish(FAQ, id)).status).toBe(200);

    expect((await cmSave(FAQ, id, { question: 'How long does it take?', answer: 'Text B, corrected.' })).status).toBe(200);
    expect((await submit(FAQ, id)).status).toBe(201);
    expect((await decide(FAQ, id, 'approve', 'physician2')).status).toBe(201);

    // The editor types text A back in.
    expect((await cmSave(FAQ, id, { question: 'How long does it take?', answer: 'Text A.' })).status).toBe(200);
    const seen = (await status(FAQ, id, 'editor')).body.data;
    expect(seen).toMatchObject({ status: 'approval_superseded', entry: { decision: 'approved', actorName: 'Thomas Stauss' }, supersededBy: { decision: 'approved', actorName: 'Maria Delgado' } });
    expect(seen.can.reconfirm).toBe(false);

    const publish = await cmPublish(FAQ, id);
    expect(publish.status).toBe(400);
    expect(publish.body.error.message).toMatch(/later decision replaced that approval.*Only the latest decision counts/);
    const approve = await decide(FAQ, id, 'approve');
    expect(approve.status).toBe(409);
    expect(approve.body.error.message).toMatch(/not been submitted/);
    const reconfirm = await decide(FAQ, id, 'reconfirm');
    expect(reconfirm.status).toBe(409);
    expect(reconfirm.body.error.message).toMatch(/not approved as it stands/);
    expect(await liveAnswer(id)).toBe('Text A.');

    // A new review of text A counts again.
    expect((await submit(FAQ, id)).status).toBe(201);
    expect((await decide(FAQ, id, 'approve')).status).toBe(201);
    expect((await cmPublish(FAQ, id)).status).toBe(200);
    expect((await status(FAQ, id)).body.data.status).toBe('approved');
  });

  it('text rejected and resubmitted unchanged shows the rejection to the next reviewer, who must comment to approve over it', async () => {
    const faq = await cms.strapi.documents(FAQ).create({ locale: 'en', data: { question: 'Is it painful?', answer: 'Not at all.' } });
    const id = faq.documentId as string;
    await submit(FAQ, id);
    expect((await decide(FAQ, id, 'reject', 'physician', 'Too absolute: say what patients feel.')).status).toBe(201);
    expect((await submit(FAQ, id)).status).toBe(201);

    const seen = (await status(FAQ, id, 'physician2')).body.data;
    expect(seen).toMatchObject({ status: 'awaiting_review', standingRejection: { decision: 'rejected', actorName: 'Thomas Stauss', comment: 'Too absolute: say what patients feel.' } });

    const silent = await decide(FAQ, id, 'approve', 'physician2');
    expect(silent.status).toBe(400);
    expect(silent.body.error.message).toMatch(/rejected by Thomas Stauss.*Too absolute.*write a comment that says why/);
    expect((await decide(FAQ, id, 'approve', 'physician2', '   ')).status).toBe(400);
    const overridden = await decide(FAQ, id, 'approve', 'physician2', 'The sedation makes it painless for most patients.');
    expect(overridden.status).toBe(201);
    expect(overridden.body.data.comment).toBe('The sedation makes it painless for most patients.');
    expect((await status(FAQ, id)).body.data).toMatchObject({ status: 'approved', standingRejection: null });
  });
});

describe('reviews come due', () => {
  let procedureId: string;
  const procedureQuery = (locale: string) => `{ clinicProcedure(documentId: "${procedureId}", locale: "${locale}") { lastReviewedOn nextReviewDue translationOutOfDate } }`;

  beforeAll(async () => {
    // The demo's radiofrequency page, approved long ago in English: its review is overdue.
    procedureId = (await cms.strapi.documents(PROCEDURE).findFirst({ locale: 'en', filters: { slug: 'radiofrequency-ablation' } })).documentId;
    const procedure = await cms.strapi.documents(PROCEDURE).findOne({ documentId: procedureId, locale: 'en' });
    await cms.strapi.documents(PROCEDURE).update({ documentId: procedureId, locale: 'en', data: { summary: `${procedure.summary} Reviewed long ago.` } });
    const reviews = cms.strapi.plugin('clinic').service('reviews');
    const { editor, physician } = await cms.accounts();
    const target = { contentType: PROCEDURE, documentId: procedureId, locale: 'en' };
    await reviews.submit(target, editor, new Date('2024-03-01T09:00:00.000Z'));
    await reviews.approve(target, physician, { at: new Date('2024-03-01T10:00:00.000Z') });
    await cms.strapi.documents(PROCEDURE).publish({ documentId: procedureId, locale: 'en' });
  });

  it('an overdue page stays live and the review page lists it as overdue, re-confirmable', async () => {
    expect((await cms.graphql(procedureQuery('en'))).body.data.clinicProcedure).toMatchObject({ lastReviewedOn: '2024-03-01', nextReviewDue: '2025-03-01' });
    const res = await cms.http.get('/clinic/reviews-due').set(as('physician'));
    expect(res.status).toBe(200);
    const item = res.body.data.find((d: any) => d.documentId === procedureId && d.locale === 'en');
    expect(item).toMatchObject({ dueState: 'overdue', nextReviewDue: '2025-03-01', reconfirmable: true, revisionHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect((await status(PROCEDURE, procedureId, 'physician')).body.data).toMatchObject({ status: 'approved', schedule: { lastReviewedOn: '2024-03-01', nextReviewDue: '2025-03-01', dueState: 'overdue' }, can: { reconfirm: true } });
    expect((await status(PROCEDURE, procedureId, 'editor')).body.data.can.reconfirm).toBe(false);
  });

  it('re-confirming is a physician\'s, for the text they were shown; bad input is a 4xx', async () => {
    expect((await decide(PROCEDURE, procedureId, 'reconfirm', 'editor')).status).toBe(403);
    const superAdmin = await decide(PROCEDURE, procedureId, 'reconfirm', 'admin');
    expect(superAdmin.status).toBe(403);
    expect(superAdmin.body.error.message).toMatch(/Only a physician/);
    expect((await cms.http.post(reviewApi(PROCEDURE, procedureId, 'reconfirm')).send({ locale: 'en' })).status).toBe(401);
    const noHash = await cms.http.post(reviewApi(PROCEDURE, procedureId, 'reconfirm')).set(as('physician')).send({ locale: 'en' });
    expect(noHash.status).toBe(400);
    expect(noHash.body.error.message).toMatch(/revisionHash/);
    const stale = await cms.http.post(reviewApi(PROCEDURE, procedureId, 'reconfirm')).set(as('physician')).send({ locale: 'en', revisionHash: 'a'.repeat(64) });
    expect(stale.status).toBe(409);
    expect((await cms.http.post(reviewApi(PROCEDURE, procedureId, 'reconfirm')).set(as('physician')).send({ locale: 'en', revisionHash: 'a'.repeat(64), comment: 5 })).status).toBe(400);
  });

  it('a physician re-confirms unchanged text in one action: a new approval of the same hash that moves the dates, not a translation flag', async () => {
    const before = (await status(PROCEDURE, procedureId)).body.data;
    const res = await decide(PROCEDURE, procedureId, 'reconfirm', 'physician', 'Checked against the 2026 guideline.');
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ decision: 'approved', revisionHash: before.revisionHash, reconfirmation: true, republished: true, comment: 'Checked against the 2026 guideline.' });

    const next = new Date();
    next.setUTCFullYear(next.getUTCFullYear() + 1);
    const live = (await cms.graphql(procedureQuery('en'))).body.data.clinicProcedure;
    expect(live.lastReviewedOn).toBe(today());
    expect(live.nextReviewDue.slice(0, 7)).toBe(next.toISOString().slice(0, 7));
    // Unchanged English text: the Spanish translation is not out of date because of it.
    expect((await cms.graphql(procedureQuery('es'))).body.data.clinicProcedure.translationOutOfDate).toBe(false);

    const after = (await status(PROCEDURE, procedureId)).body.data;
    expect(after).toMatchObject({ status: 'approved', revisionHash: before.revisionHash, schedule: { lastReviewedOn: today(), dueState: 'current' } });
    expect(after.history[0]).toMatchObject({ decision: 'approved', reconfirmation: true });
    expect(after.history[1]).toMatchObject({ decision: 'approved', reconfirmation: false });
    const due = (await cms.http.get('/clinic/reviews-due').set(as('physician'))).body.data;
    expect(due.find((d: any) => d.documentId === procedureId && d.locale === 'en')).toBeUndefined();
  });

  it('changed text cannot be re-confirmed, and a draft that is approved but not live is not published by a re-confirm', async () => {
    const procedure = await cms.strapi.documents(PROCEDURE).findOne({ documentId: procedureId, locale: 'en' });
    await cms.strapi.documents(PROCEDURE).update({ documentId: procedureId, locale: 'en', data: { summary: `${procedure.summary} Changed.` } });
    const changed = await decide(PROCEDURE, procedureId, 'reconfirm');
    expect(changed.status).toBe(409);
    expect(changed.body.error.message).toMatch(/submit it for medical review/);
    await submit(PROCEDURE, procedureId);
    await decide(PROCEDURE, procedureId, 'approve');
    const notLive = await decide(PROCEDURE, procedureId, 'reconfirm');
    expect(notLive.status).toBe(409);
    expect(notLive.body.error.message).toMatch(/publish it first/);
    expect((await cms.strapi.documents(PROCEDURE).findOne({ documentId: procedureId, locale: 'en', status: 'published' })).summary).not.toMatch(/Changed\.$/);
  });
});

describe('the clinic decides whether patients are told that a review is overdue', () => {
  const setting = async () => (await cms.graphql('{ clinicClinic(locale: "en") { showOverdueReviewNotice } }')).body.data.clinicClinic.showOverdueReviewNotice;
  const single = '/content-manager/single-types/plugin::clinic.clinic';

  it('is off by default, public, and changed by super admins only', async () => {
    expect(await setting()).toBe(false);
    const current = (await cms.http.get(single).query({ locale: 'en' }).set(as('admin'))).body.data;
    const { name, phone, address, defaultReviewIntervalMonths } = current;
    const turnedOn = { name, phone, address, defaultReviewIntervalMonths, showOverdueReviewNotice: true };
    await cms.http.put(single).query({ locale: 'en' }).set(as('editor')).set(await cms.draftVersion(single, 'en', as('editor'))).send(turnedOn);
    await cms.http.post(`${single}/actions/publish`).query({ locale: 'en' }).set(as('editor')).set(await cms.draftVersion(single, 'en', as('editor'))).send(turnedOn);
    expect(await setting()).toBe(false);

    expect((await cms.http.put(single).query({ locale: 'en' }).set(as('admin')).set(await cms.draftVersion(single, 'en', as('admin'))).send(turnedOn)).status).toBe(200);
    expect((await cms.http.post(`${single}/actions/publish`).query({ locale: 'en' }).set(as('admin')).set(await cms.draftVersion(single, 'en', as('admin'))).send(turnedOn)).status).toBe(200);
    expect(await setting()).toBe(true);
  });
});
