import fs from 'fs';
import path from 'path';
import { bootCms, DEMO_PASSWORD, type BootedCms } from './harness/strapi';

/**
 * What patients see on an approved medical page changes only through a physician-approved
 * publish of that page. Every role tries every write action the admin offers, on every
 * content type and in every locale spelling, including the other side of each relation;
 * after each attempt the published page must read exactly as before.
 */
let cms: BootedCms;
const PROCEDURE = 'plugin::clinic.procedure';
const FAQ = 'plugin::clinic.faq';
const PROVIDER = 'plugin::clinic.provider';
const NOTICE = 'plugin::clinic.rebrand-notice';
const tokens: Record<string, string> = {};
let page: string;
let linkedFaq: string;
let unlinkedFaq: string;
let stauss: string;
let unlinkedProvider: string;
let notice: string;

async function login(email: string) {
  const res = await cms.http.post('/admin/login').send({ email, password: DEMO_PASSWORD });
  expect(res.status).toBe(200);
  return res.body.data.token as string;
}
const as = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });
const reviews = () => cms.strapi.plugin('clinic').service('reviews');

/** What a patient reads of the page in a locale: its revision and its byline. */
async function live(locale: string) {
  const revision = await reviews().publishedRevision({ contentType: PROCEDURE, documentId: page, locale });
  const res = await cms.http.get(`/api/clinic/procedures/${page}?locale=${locale}&populate[providers][fields][0]=fullName&populate[faqs][fields][0]=question`);
  expect(res.status).toBe(200);
  expect(revision?.hash).toBeTruthy();
  const { reviewedByName, reviewedByCredentials, lastReviewedOn, nextReviewDue, providers, faqs } = res.body.data;
  expect(providers.length).toBeGreaterThan(0);
  // Rows are renumbered when a version is published again; what patients read is the rest.
  const shown = (list: any[]) => list.map(({ id: _rowId, ...rest }: any) => rest);
  return { hash: revision?.hash ?? null, byline: { reviewedByName, reviewedByCredentials, lastReviewedOn, nextReviewDue }, providers: shown(providers), faqs: shown(faqs) };
}
async function livePages() {
  return { en: await live('en'), es: await live('es') };
}

beforeAll(async () => {
  cms = await bootCms();
  await cms.seedDemo();
  for (const [who, email] of Object.entries({ admin: 'admin@clinic.test', editor: 'editor@clinic.test', physician: 'physician@clinic.test' })) tokens[who] = await login(email);
  const procedure = await cms.strapi.documents(PROCEDURE).findFirst({ locale: 'en', status: 'published', filters: { slug: 'vertebroplasty-and-kyphoplasty' }, populate: ['faqs', 'providers'] });
  page = procedure.documentId;
  linkedFaq = procedure.faqs[0].documentId;
  stauss = procedure.providers.find((p: any) => p.slug === 'thomas-stauss').documentId;
  const faqs = await cms.strapi.documents(FAQ).findMany({ locale: 'en', status: 'published' });
  unlinkedFaq = faqs.find((f: any) => !procedure.faqs.some((l: any) => l.documentId === f.documentId)).documentId;
  const providers = await cms.strapi.documents(PROVIDER).findMany({ locale: 'en', status: 'published' });
  unlinkedProvider = providers.find((p: any) => !procedure.providers.some((l: any) => l.documentId === p.documentId))?.documentId;
  if (!unlinkedProvider) {
    const created = await cms.strapi.documents(PROVIDER).create({ locale: 'en', data: { fullName: 'Side Door', slug: 'side-door' } });
    unlinkedProvider = created.documentId;
  }
  notice = (await cms.strapi.documents(NOTICE).findFirst({ locale: 'en' })).documentId;
});
afterAll(() => cms?.stop());

const cm = (uid: string, documentId: string, action?: string) => `/content-manager/collection-types/${uid}/${documentId}${action ? `/actions/${action}` : ''}`;
const LOCALE_SPELLINGS = ['en', 'es', '*', ''];

/** Every write the Content Manager offers on one document, as one role. */
async function everyWrite(who: string, uid: string, documentId: string, data: Record<string, unknown>) {
  const statuses: number[] = [];
  const send = async (request: any) => statuses.push((await request.set(as(who))).status);
  for (const locale of LOCALE_SPELLINGS) {
    // Named as the admin names it, so that the door itself is tried, not the version check.
    const version = await cms.draftVersion(cm(uid, documentId), locale, as(who));
    await send(cms.http.put(cm(uid, documentId)).query({ locale }).set(version).send(data));
    await send(cms.http.post(cm(uid, documentId, 'publish')).query({ locale }).set(version).send(data));
    await send(cms.http.post(cm(uid, documentId, 'discard')).query({ locale }).send({}));
    await send(cms.http.post(cm(uid, documentId, 'unpublish')).query({ locale }).send({}));
    await send(cms.http.delete(cm(uid, documentId)).query({ locale }));
  }
  for (const action of ['bulkPublish', 'bulkUnpublish', 'bulkDelete']) {
    await send(cms.http.post(`/content-manager/collection-types/${uid}/actions/${action}`).query({ locale: 'en' }).send({ documentIds: [documentId] }));
  }
  return statuses;
}

describe('an editor changes nothing on an approved medical page, through any door', () => {
  it.each([
    ['the page itself', PROCEDURE, () => page, { title: 'Edited by marketing' }],
    ['an FAQ on it', FAQ, () => linkedFaq, { answer: 'Edited by marketing' }],
    ['an FAQ linked to it from the FAQ side', FAQ, () => unlinkedFaq, { procedures: { connect: [{ documentId: 'PAGE', locale: 'en' }] } }],
    ['its physician’s bio', PROVIDER, () => stauss, { fullName: 'Renamed by marketing', credentials: 'PhD' }],
    ['a provider linked to it from the provider side', PROVIDER, () => unlinkedProvider, { procedures: { connect: [{ documentId: 'PAGE', locale: 'en' }] } }],
    ['the rebrand notice', NOTICE, () => notice, { message: 'Edited by marketing' }],
  ] as const)('%s', async (_label, uid, documentId, data) => {
    const before = await livePages();
    const statuses = await everyWrite('editor', uid, documentId(), JSON.parse(JSON.stringify(data).replace('PAGE', page)));
    expect(statuses.every((s) => s < 500)).toBe(true);
    expect(await livePages()).toEqual(before);
  });

  it('is told why a take-down of medical content is refused', async () => {
    const res = await cms.http.post(cm(PROCEDURE, page, 'unpublish')).query({ locale: 'en' }).set(as('editor')).send({});
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/Only a physician reviewer can take medical content off the site/);
    const del = await cms.http.delete(cm(FAQ, linkedFaq)).query({ locale: 'en' }).set(as('editor'));
    expect(del.status).toBe(400);
    expect(del.body.error.message).toMatch(/Only a physician reviewer can delete/);
  });

  it('cannot link an admin account to a physician', async () => {
    const { editor } = await cms.accounts();
    await cms.http.put(cm(PROVIDER, stauss)).query({ locale: 'en' }).set(as('editor')).set(await cms.draftVersion(cm(PROVIDER, stauss), 'en', as('editor'))).send({ reviewerAccountId: editor.id });
    const row = await cms.strapi.db.query(PROVIDER).findOne({ where: { documentId: stauss, locale: 'en', publishedAt: null } });
    expect(row.reviewerAccountId).not.toBe(editor.id);
  });

  it('cannot move the next review date by changing the review interval; a physician can', async () => {
    const interval = async () => (await cms.strapi.db.query(PROCEDURE).findOne({ where: { documentId: page, locale: 'en', publishedAt: null } })).reviewIntervalMonths;
    const before = await interval();
    await cms.http.put(cm(PROCEDURE, page)).query({ locale: 'en' }).set(as('editor')).set(await cms.draftVersion(cm(PROCEDURE, page), 'en', as('editor'))).send({ reviewIntervalMonths: 60 });
    expect(await interval()).toBe(before);
    const byPhysician = await cms.http.put(cm(PROCEDURE, page)).query({ locale: 'en' }).set(as('physician')).set(await cms.draftVersion(cm(PROCEDURE, page), 'en', as('physician'))).send({ reviewIntervalMonths: 6 });
    expect(byPhysician.status).toBe(200);
    expect(await interval()).toBe(6);
    await cms.strapi.db.query(PROCEDURE).updateMany({ where: { documentId: page }, data: { reviewIntervalMonths: before } });
  });
});

describe('editors keep doing their own work', () => {
  it('save and publish the clinic details (a single type) in the Content Manager; nobody else can', async () => {
    const url = '/content-manager/single-types/plugin::clinic.clinic';
    const current = await cms.http.get(url).query({ locale: 'en' }).set(as('editor'));
    expect(current.status).toBe(200);
    const { name, address, phone, defaultReviewIntervalMonths } = current.body.data;
    const saved = await cms.http.put(url).query({ locale: 'en' }).set(as('editor')).set(await cms.draftVersion(url, 'en', as('editor'))).send({ name, address, defaultReviewIntervalMonths, phone: '+1 262-555-0199' });
    expect(saved.status).toBe(200);
    const published = await cms.http.post(`${url}/actions/publish`).query({ locale: 'en' }).set(as('editor')).set(await cms.draftVersion(url, 'en', as('editor'))).send({ name, address, defaultReviewIntervalMonths, phone: '+1 262-555-0199' });
    expect(published.status).toBe(200);
    expect((await cms.http.get('/api/clinic/clinic?locale=en')).body.data.phone).toBe('+1 262-555-0199');
    const anonymous = await cms.http.put(url).query({ locale: 'en' }).send({ phone: '+1 262-555-0166' });
    expect(anonymous.status).toBe(401);
    expect(JSON.stringify(anonymous.body)).not.toContain('+1 262-555-0199');
    await cms.http.put(url).query({ locale: 'en' }).set(as('editor')).set(await cms.draftVersion(url, 'en', as('editor'))).send({ name, address, defaultReviewIntervalMonths, phone });
    await cms.http.post(`${url}/actions/publish`).query({ locale: 'en' }).set(as('editor')).set(await cms.draftVersion(url, 'en', as('editor'))).send({ name, address, defaultReviewIntervalMonths, phone });
  });
});

describe('physicians and super admins change an approved page only by approving it', () => {
  it.each(['physician', 'admin'])('%s: the other side of a relation cannot change the page', async (who) => {
    for (const [uid, documentId] of [
      [FAQ, unlinkedFaq],
      [PROVIDER, unlinkedProvider],
    ] as const) {
      const before = await livePages();
      const link = await cms.http.put(cm(uid, documentId)).query({ locale: 'en' }).set(as(who)).set(await cms.draftVersion(cm(uid, documentId), 'en', as(who))).send({ procedures: { connect: [{ documentId: page, locale: 'en' }] } });
      expect(link.status).toBeLessThan(500);
      // Even approved, the FAQ or bio cannot carry the link onto the live page.
      await cms.strapi.db.query('plugin::clinic.clinic').updateMany({ where: {}, data: { allowPeerBioApproval: true, allowSelfApproval: true } });
      const state = await reviews().stateOf({ contentType: uid, documentId, locale: 'en' });
      if (state.state.status !== 'approved') {
        const { editor, physician } = await cms.accounts();
        if (state.state.status !== 'awaiting_review') await reviews().submit({ contentType: uid, documentId, locale: 'en' }, editor);
        await reviews().approve({ contentType: uid, documentId, locale: 'en' }, physician, {});
      }
      const publish = await cms.http.post(cm(uid, documentId, 'publish')).query({ locale: 'en' }).set(as(who)).send({});
      expect(publish.status).toBe(400);
      expect(publish.body.error.message).toMatch(/would alter the published page/);
      expect(await livePages()).toEqual(before);
    }
  });

  it('publishing without an approval is refused in every locale spelling', async () => {
    await cms.strapi.documents(PROCEDURE).update({ documentId: page, locale: 'es', data: { summary: 'Sin aprobar' } });
    const before = await livePages();
    for (const who of ['physician', 'admin']) {
      for (const locale of LOCALE_SPELLINGS) {
        const res = await cms.http.post(cm(PROCEDURE, page, 'publish')).query({ locale }).set(as(who)).send({});
        if (locale !== 'en' && locale !== '') expect(res.status).toBe(400);
      }
      await cms.http.post(`/content-manager/collection-types/${PROCEDURE}/actions/bulkPublish`).query({ locale: 'es' }).set(as(who)).send({ documentIds: [page] });
    }
    expect(await livePages()).toEqual(before);
    await cms.http.post(cm(PROCEDURE, page, 'discard')).query({ locale: 'es' }).set(as('physician')).send({});
  });
});

describe('pictures on a live page change only with the page', () => {
  const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
  const OTHER_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
  const rowOf = (documentId: string, locale: string, published: boolean) =>
    cms.strapi.db.query(PROVIDER).findOne({ where: { documentId, locale, publishedAt: published ? { $notNull: true } : null } });

  it('an upload cannot attach itself to a published bio; to the draft it can', async () => {
    const live = await rowOf(stauss, 'en', true);
    const refused = await cms.http.post('/upload').set(as('editor')).field('ref', PROVIDER).field('refId', String(live.id)).field('field', 'photo').attach('files', PNG, 'side-door.png');
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/change the published Provider/);
    expect((await cms.strapi.db.query(PROVIDER).findOne({ where: { id: live.id }, populate: ['photo'] })).photo).toBeNull();
    const draft = await rowOf(stauss, 'en', false);
    const attached = await cms.http.post('/upload').set(as('editor')).field('ref', PROVIDER).field('refId', String(draft.id)).field('field', 'photo').attach('files', PNG, 'for-the-draft.png');
    expect(attached.status).toBe(201);
  });

  it('a file a published page shows cannot be replaced, re-described or deleted, by anyone', async () => {
    // A picture that went live the only way there is: on the draft, approved, published.
    const faqBio = await cms.strapi.documents(PROVIDER).create({ locale: 'en', data: { fullName: 'Photo Doctor', slug: 'photo-doctor' } });
    const upload = await cms.http.post('/upload').set(as('editor')).attach('files', PNG, 'portrait.png');
    expect(upload.status).toBe(201);
    const fileId = upload.body[0].id;
    await cms.strapi.documents(PROVIDER).update({ documentId: faqBio.documentId, locale: 'en', data: { photo: fileId } });
    await cms.approveAndPublish(PROVIDER, faqBio.documentId, 'en');
    const before = await reviews().publishedRevision({ contentType: PROVIDER, documentId: faqBio.documentId, locale: 'en' });

    const alt = await cms.http.post(`/upload?id=${fileId}`).set(as('editor')).field('fileInfo', JSON.stringify({ alternativeText: 'Changed behind the physician' }));
    expect(alt.status).toBe(400);
    const file = await cms.strapi.db.query('plugin::upload.file').findOne({ where: { id: fileId } });
    const onDisk = () => fs.readFileSync(path.join(cms.strapi.dirs.static.public, file.url));
    const bytes = onDisk();
    const replace = await cms.http.post(`/upload?id=${fileId}`).set(as('editor')).attach('files', OTHER_PNG, 'other.png');
    expect(replace.status).toBe(400);
    const remove = await cms.http.delete(`/upload/files/${fileId}`).set(as('admin'));
    expect(remove.status).toBe(400);
    const bulk = await cms.http.post('/upload/actions/bulk-delete').set(as('admin')).send({ fileIds: [fileId] });
    expect(bulk.status).toBe(400);
    // Refused means untouched: the picture patients load is the approved one, byte for byte.
    expect(onDisk().equals(bytes)).toBe(true);
    expect((await reviews().publishedRevision({ contentType: PROVIDER, documentId: faqBio.documentId, locale: 'en' })).hash).toBe(before.hash);
  });
});

describe('a link from the other side disappears only with a physician’s take-down', () => {
  it('an FAQ taken down by a physician leaves the pages that listed it, logged; an editor cannot', async () => {
    const editorTry = await cms.http.post(cm(FAQ, linkedFaq, 'unpublish')).query({ locale: 'en' }).set(as('editor')).send({});
    expect(editorTry.status).toBe(400);
    // An editor's unapproved draft of the FAQ (from the tests above) is thrown away first.
    expect((await cms.http.post(cm(FAQ, linkedFaq, 'discard')).query({ locale: 'en' }).set(as('physician')).send({})).status).toBe(200);
    const before = await livePages();
    expect(before.en.faqs.map((f: any) => f.documentId)).toContain(linkedFaq);
    const res = await cms.http.post(`/clinic/reviews/faq/${linkedFaq}/unpublish`).set(as('physician')).send({ locale: 'en', reason: 'The advice changed' });
    expect(res.status).toBe(200);
    const after = await livePages();
    expect(after.en.faqs.map((f: any) => f.documentId)).not.toContain(linkedFaq);
    expect(after.en.byline).toEqual(before.en.byline);
    const entry = (await reviews().log.entriesFor(FAQ, linkedFaq, 'en')).at(-1);
    expect(entry).toMatchObject({ decision: 'unpublished', comment: 'The advice changed' });
    // Back as it was, through the gate: its approval still stands.
    const republish = await cms.http.post(cm(FAQ, linkedFaq, 'publish')).query({ locale: 'en' }).set(as('physician')).send({});
    expect(republish.status).toBe(200);
    expect(await livePages()).toEqual(before);
  });
});

describe('the byline is the approval’s', () => {
  it('names the reviewer as they were when they approved, whatever their bio says later', async () => {
    const before = await livePages();
    expect(before.en.byline.reviewedByName).toBe('Thomas Stauss');
    // The physician renames their own bio and approves it: the bio changes, the bylines do not.
    const { editor, physician } = await cms.accounts();
    await cms.strapi.documents(PROVIDER).update({ documentId: stauss, locale: 'en', data: { fullName: 'Thomas Q. Stauss', credentials: 'MD, PhD' } });
    const approve = async (locale: string) => {
      const target = { contentType: PROVIDER, documentId: stauss, locale };
      await reviews().submit(target, editor);
      await reviews().approve(target, physician, {});
    };
    await approve('en');
    // The name is shared by every locale of the bio. Where Strapi carries it into the live
    // Spanish page too (it does on PostgreSQL), that page would change unapproved: refused.
    const spanishBefore = await reviews().publishedRevision({ contentType: PROVIDER, documentId: stauss, locale: 'es' });
    let res = await cms.http.post(cm(PROVIDER, stauss, 'publish')).query({ locale: 'en' }).set(as('physician')).send({});
    if (res.status === 400) {
      expect(res.body.error.message).toMatch(/have the es revision approved too/);
      await approve('es');
      res = await cms.http.post(cm(PROVIDER, stauss, 'publish')).query({ locale: 'en' }).set(as('physician')).send({});
    } else {
      expect((await reviews().publishedRevision({ contentType: PROVIDER, documentId: stauss, locale: 'es' })).hash).toBe(spanishBefore.hash);
    }
    expect(res.status).toBe(200);
    const bio = await cms.http.get(`/api/clinic/providers/${stauss}?locale=en`);
    expect(bio.body.data.fullName).toBe('Thomas Q. Stauss');
    expect((await livePages()).en.byline).toEqual(before.en.byline);
    // The log records the physician by name as it was at the approval.
    const approval = (await reviews().log.entriesFor(PROVIDER, stauss, 'en')).filter((e: any) => e.decision === 'approved').at(-1);
    expect(approval.reviewer).toMatchObject({ fullName: 'Thomas Stauss' });
  });

  it('follows the account a super admin linked, not an email address the user can change', async () => {
    const { physician } = await cms.accounts();
    await cms.strapi.db.query('admin::user').update({ where: { id: physician.id }, data: { email: 'someone-else@clinic.test' } });
    const reviewer = await reviews().reviewerFor({ ...physician, email: 'someone-else@clinic.test' }, 'en');
    expect(reviewer.providerDocumentId).toBe(stauss);
    await cms.strapi.db.query('admin::user').update({ where: { id: physician.id }, data: { email: physician.email } });
  });
});

describe('taking medical content down', () => {
  it('is logged with who and why, in every locale it touched', async () => {
    const faq = await cms.strapi.documents(FAQ).create({ locale: 'en', data: { question: 'Take me down?', answer: 'Yes.' } });
    await cms.strapi.documents(FAQ).update({ documentId: faq.documentId, locale: 'es', data: { question: '¿Me quitan?', answer: 'Sí.' } });
    for (const locale of ['en', 'es']) await cms.approveAndPublish(FAQ, faq.documentId, locale);

    const unpublish = await cms.http.post(cm(FAQ, faq.documentId, 'unpublish')).query({ locale: 'es' }).set(as('physician')).send({});
    expect(unpublish.status).toBe(200);
    const del = await cms.http.delete(cm(FAQ, faq.documentId)).query({ locale: '*' }).set(as('admin'));
    expect(del.status).toBe(200);

    const log = await reviews().log.entriesFor(FAQ, faq.documentId);
    const takeDowns = log.filter((e: any) => ['unpublished', 'deleted', 'discarded'].includes(e.decision)).map((e: any) => [e.decision, e.locale, e.actorName]);
    expect(takeDowns).toEqual([
      ['unpublished', 'es', 'Thomas Stauss'],
      ['deleted', 'en', 'Demo Admin'],
      ['deleted', 'es', 'Demo Admin'],
    ]);
    expect(log.filter((e: any) => e.decision === 'deleted').every((e: any) => /no reason was given|deleted/i.test(e.comment))).toBe(true);
  });
});

describe('a delete that names no locale', () => {
  it('removes and logs the default locale only, as Strapi deletes it', async () => {
    const faq = await cms.strapi.documents(FAQ).create({ locale: 'en', data: { question: 'Default only?', answer: 'Yes.' } });
    await cms.strapi.documents(FAQ).update({ documentId: faq.documentId, locale: 'es', data: { question: '¿Solo el predeterminado?', answer: 'Sí.' } });
    const del = await cms.http.delete(cm(FAQ, faq.documentId)).set(as('admin'));
    expect(del.status).toBe(200);
    const left = await cms.strapi.db.query(FAQ).findMany({ where: { documentId: faq.documentId }, select: ['locale'] });
    expect(left.map((row: any) => row.locale)).toEqual(['es']);
    const deletions = (await reviews().log.entriesFor(FAQ, faq.documentId)).filter((e: any) => e.decision === 'deleted').map((e: any) => e.locale);
    expect(deletions).toEqual(['en']);
  });
});

describe('deleting a language', () => {
  it('is refused while medical pages are live in it', async () => {
    const created = { body: await cms.strapi.plugin('i18n').service('locales').create({ code: 'fr', name: 'French (fr)' }) };
    const faq = await cms.strapi.documents(FAQ).create({ locale: 'fr', data: { question: 'En français ?', answer: 'Oui.' } });
    await cms.approveAndPublish(FAQ, faq.documentId, 'fr');
    const refused = await cms.http.delete(`/i18n/locales/${created.body.id}`).set(as('admin'));
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/takes them down first/);
    expect((await cms.http.get('/api/clinic/faqs?locale=fr')).body.data).toHaveLength(1);
    // Taken down (logged), the language can go.
    expect((await cms.http.post(`/clinic/reviews/faq/${faq.documentId}/unpublish`).set(as('physician')).send({ locale: 'fr', reason: 'No French service' })).status).toBe(200);
    expect((await cms.http.delete(`/i18n/locales/${created.body.id}`).set(as('admin'))).status).toBe(200);
  });
});

describe('a physician takes a page down from the review panel, saying why', () => {
  it('needs the decide permission and a reason, and logs both', async () => {
    const faq = await cms.strapi.documents(FAQ).create({ locale: 'en', data: { question: 'Outdated?', answer: 'Yes.' } });
    await cms.approveAndPublish(FAQ, faq.documentId, 'en');
    const url = `/clinic/reviews/faq/${faq.documentId}/unpublish`;
    expect((await cms.http.post(url).set(as('editor')).send({ locale: 'en', reason: 'Because' })).status).toBe(403);
    const noReason = await cms.http.post(url).set(as('physician')).send({ locale: 'en', reason: '  ' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.message).toMatch(/reason is required/);
    const done = await cms.http.post(url).set(as('physician')).send({ locale: 'en', reason: 'The dosage advice is outdated.' });
    expect(done.status).toBe(200);
    expect(await reviews().publishedRevision({ contentType: FAQ, documentId: faq.documentId, locale: 'en' })).toBeNull();
    const entry = (await reviews().log.entriesFor(FAQ, faq.documentId, 'en')).at(-1);
    expect(entry).toMatchObject({ decision: 'unpublished', actorName: 'Thomas Stauss', comment: 'The dosage advice is outdated.' });
    expect((await cms.http.post(url).set(as('physician')).send({ locale: 'en', reason: 'Again' })).status).toBe(404);
  });
});

describe('an edit saved while a publish is under way never goes live unapproved', () => {
  it('holds the edit until the approved text is published', async () => {
    const faq = await cms.strapi.documents(FAQ).create({ locale: 'en', data: { question: 'Race?', answer: 'Approved text' } });
    const target = { contentType: FAQ, documentId: faq.documentId, locale: 'en' };
    const { editor, physician } = await cms.accounts();
    await reviews().submit(target, editor);
    const approval = await reviews().approve(target, physician, {});

    // Right after the gate has read the approved draft, an editor saves a new text; the
    // gate then takes its time. Without a lock the edit would be what gets published.
    let gateHasRead: () => void = () => {};
    const readByGate = new Promise<void>((resolve) => (gateHasRead = resolve));
    let armed = true;
    cms.strapi.documents.use(async (ctx: any, next: () => Promise<unknown>) => {
      const result = await next();
      if (armed && ctx.action === 'findOne' && ctx.uid === FAQ && ctx.params?.documentId === faq.documentId && ctx.params?.status === 'draft') {
        armed = false;
        gateHasRead();
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      return result;
    });
    const publishing = cms.strapi.documents(FAQ).publish({ documentId: faq.documentId, locale: 'en' });
    await readByGate;
    const editing = cms.strapi.documents(FAQ).update({ documentId: faq.documentId, locale: 'en', data: { answer: 'Unapproved edit' } });
    const [published, edited] = await Promise.allSettled([publishing, editing]);
    expect(published.status).toBe('fulfilled');
    expect(edited.status).toBe('fulfilled');

    const live = await reviews().publishedRevision(target);
    expect(live.hash).toBe(approval.revisionHash);
    expect(live.entry.answer).toBe('Approved text');
    // The edit was kept, as a draft waiting for review.
    const draft = await cms.strapi.documents(FAQ).findOne({ documentId: faq.documentId, locale: 'en', status: 'draft' });
    expect(draft.answer).toBe('Unapproved edit');
  });
});
