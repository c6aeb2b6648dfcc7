import { startWebhookReceiver } from './harness/webhook-receiver';
import { verifyWebhook } from 'clinic-domain';
import { bootCms, DEMO_PASSWORD, type BootedCms } from './harness/strapi';

/**
 * The physician approval gate, end to end on the server: every path to publish, the role
 * matrix, voiding by edit, concurrent decisions, the append-only log, bylines, drift, the
 * reviews-due list and the webhook.
 */
let cms: BootedCms;
const FAQ = 'plugin::clinic.faq';
const PROCEDURE = 'plugin::clinic.procedure';
const tokens: Record<string, string> = {};
let apiToken: string;
let secondPhysicianProviderId: string;
let staussProviderId: string;

async function login(email: string, password = DEMO_PASSWORD) {
  const res = await cms.http.post('/admin/login').send({ email, password });
  expect(res.status).toBe(200);
  return res.body.data.token as string;
}

beforeAll(async () => {
  cms = await bootCms();
  await cms.seedDemo();
  // A second physician, linked to another provider, for the concurrency test.
  const role = await cms.strapi.service('admin::role').findOne({ code: 'clinic-physician-reviewer' });
  const delgadoAccount = await cms.strapi.service('admin::user').create({ email: 'delgado@clinic.test', firstname: 'Maria', lastname: 'Delgado', password: DEMO_PASSWORD, isActive: true, registrationToken: null, roles: [role.id] });
  const delgado = await cms.strapi.documents('plugin::clinic.provider').findFirst({ locale: 'en', filters: { slug: 'maria-delgado' } });
  secondPhysicianProviderId = delgado.documentId;
  await cms.strapi.db.query('plugin::clinic.provider').updateMany({ where: { documentId: delgado.documentId }, data: { reviewerAccountId: delgadoAccount.id } });
  staussProviderId = (await cms.strapi.documents('plugin::clinic.provider').findFirst({ locale: 'en', filters: { slug: 'thomas-stauss' } })).documentId;

  for (const [who, email] of Object.entries({ admin: 'admin@clinic.test', editor: 'editor@clinic.test', physician: 'physician@clinic.test', physician2: 'delgado@clinic.test' })) {
    tokens[who] = await login(email);
  }
  const token = await cms.strapi.service('admin::api-token').create({ name: 'full', type: 'full-access', lifespan: null, description: '' });
  apiToken = token.accessKey;
});
afterAll(() => cms?.stop());

const as = (who: string) => ({ authorization: `Bearer ${who === 'api-token' ? apiToken : tokens[who]}` });

async function newFaq(question: string, locale = 'en') {
  const faq = await cms.strapi.documents(FAQ).create({ locale, data: { question, answer: 'An answer.' } });
  return faq.documentId as string;
}

const reviewApi = (documentId: string, action?: string) => `/clinic/reviews/faq/${documentId}${action ? `/${action}` : ''}`;
const status = (documentId: string, who = 'admin', locale = 'en') => cms.http.get(reviewApi(documentId)).query({ locale }).set(as(who));
const submit = (documentId: string, who = 'editor', locale = 'en') => cms.http.post(reviewApi(documentId, 'submit')).set(as(who)).send({ locale });
async function decide(documentId: string, decision: 'approve' | 'reject', who = 'physician', comment?: string, locale = 'en') {
  const { body } = await status(documentId, 'admin', locale);
  return cms.http.post(reviewApi(documentId, decision)).set(as(who)).send({ locale, revisionHash: body.data.revisionHash, comment });
}
const cmPublish = (documentId: string, who = 'admin', locale = 'en') =>
  cms.http.post(`/content-manager/collection-types/${FAQ}/${documentId}/actions/publish`).query({ locale }).set(as(who)).send({});

describe('every path to publish is refused without an approval and allowed with one', () => {
  it('Content Manager publish (the admin UI button)', async () => {
    const id = await newFaq('CM publish?');
    const refused = await cmPublish(id);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/Medical approval is missing.*Submit it for medical review/);
    expect(await cms.strapi.documents(FAQ).findOne({ documentId: id, locale: 'en', status: 'published' })).toBeNull();

    expect((await submit(id)).status).toBe(201);
    expect((await cmPublish(id)).body.error.message).toMatch(/awaiting review/);
    expect((await decide(id, 'approve')).status).toBe(201);
    const allowed = await cmPublish(id);
    expect(allowed.status).toBe(200);
    expect(await cms.strapi.documents(FAQ).findOne({ documentId: id, locale: 'en', status: 'published' })).not.toBeNull();
  });

  it('Content Manager bulk publish: nothing goes live if one locale or document lacks approval', async () => {
    const approved = await newFaq('Bulk approved?');
    await submit(approved);
    await decide(approved, 'approve');
    const unapproved = await newFaq('Bulk unapproved?');
    const res = await cms.http
      .post(`/content-manager/collection-types/${FAQ}/actions/bulkPublish`)
      .query({ locale: 'en' })
      .set(as('admin'))
      .send({ documentIds: [approved, unapproved] });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/Medical approval is missing/);
    expect(await cms.strapi.documents(FAQ).findOne({ documentId: unapproved, locale: 'en', status: 'published' })).toBeNull();
  });

  it('Content Manager create-and-publish in one click', async () => {
    const res = await cms.http
      .post(`/content-manager/collection-types/${FAQ}/actions/publish`)
      .query({ locale: 'en' })
      .set(as('admin'))
      .send({ question: 'Created and published at once?', answer: 'No.' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/Medical approval is missing/);
    expect(await cms.strapi.documents(FAQ).count({ locale: 'en', status: 'published', filters: { question: 'Created and published at once?' } })).toBe(0);
  });

  it('REST and GraphQL offer no way to write or publish, even to a full-access API token', async () => {
    const rest = await cms.http.post('/api/clinic/faqs').set(as('api-token')).send({ data: { question: 'x', answer: 'y' } });
    expect([404, 405]).toContain(rest.status);
    const put = await cms.http.put('/api/clinic/faqs/abc').set(as('api-token')).send({ data: { question: 'x' } });
    expect([404, 405]).toContain(put.status);
    const gql = await cms.http.post('/graphql').set(as('api-token')).send({ query: 'mutation { createClinicFaq(data: { question: "x", answer: "y" }, status: PUBLISHED) { documentId } }' });
    expect(gql.status).toBe(400);
  });

  it('Document Service calls from code: publish, and create or update that would publish at once', async () => {
    const id = await newFaq('From code?');
    await expect(cms.strapi.documents(FAQ).publish({ documentId: id, locale: 'en' })).rejects.toThrow(/Medical approval is missing/);
    await expect(cms.strapi.documents(FAQ).publish({ documentId: id, locale: '*' })).rejects.toThrow(/Medical approval is missing/);
    await expect(cms.strapi.documents(FAQ).create({ locale: 'en', status: 'published', data: { question: 'Instant?', answer: 'No' } })).rejects.toThrow(/separate|one step/);
    await expect(cms.strapi.documents(FAQ).update({ documentId: id, locale: 'en', status: 'published', data: { answer: 'Now!' } })).rejects.toThrow(/one step/);
    expect(await cms.strapi.documents(FAQ).count({ locale: 'en', status: 'published', filters: { question: { $in: ['From code?', 'Instant?'] } } })).toBe(0);
  });

  it('is not required for content configured as non-medical (rebrand notices)', async () => {
    const notice = await cms.strapi.documents('plugin::clinic.rebrand-notice').create({ locale: 'en', data: { previousName: 'Old', newName: 'New', message: 'New name', startsAt: '2026-01-01T00:00:00.000Z', endsAt: '2026-02-01T00:00:00.000Z' } });
    await expect(cms.strapi.documents('plugin::clinic.rebrand-notice').publish({ documentId: notice.documentId, locale: 'en' })).resolves.toBeDefined();
  });

  it('is required for provider bios, which name the reviewer on every page they sign', async () => {
    const provider = await cms.strapi.documents('plugin::clinic.provider').create({ locale: 'en', data: { fullName: 'Bio Only', slug: 'bio-only' } });
    await expect(cms.strapi.documents('plugin::clinic.provider').publish({ documentId: provider.documentId, locale: 'en' })).rejects.toThrow(/Medical approval is missing/);
  });
});

describe('role matrix', () => {
  it('submit: editor, physician and super admin may; anonymous and API tokens may not', async () => {
    for (const who of ['editor', 'physician', 'admin']) {
      const id = await newFaq(`Submit by ${who}?`);
      expect((await submit(id, who)).status).toBe(201);
    }
    const id = await newFaq('Submit by nobody?');
    expect((await cms.http.post(reviewApi(id, 'submit')).send({ locale: 'en' })).status).toBe(401);
    expect((await submit(id, 'api-token')).status).toBe(401);
  });

  it('approve and reject: only a physician linked to a provider', async () => {
    const id = await newFaq('Who approves?');
    await submit(id);
    for (const decision of ['approve', 'reject'] as const) {
      expect((await decide(id, decision, 'editor', 'x')).status).toBe(403);
      const superAdmin = await decide(id, decision, 'admin', 'x');
      expect(superAdmin.status).toBe(403);
      expect(superAdmin.body.error.message).toMatch(/Only a physician/);
      const anonymous = await cms.http.post(reviewApi(id, decision)).send({ locale: 'en' });
      expect(anonymous.status).toBe(401);
      expect((await decide(id, decision, 'api-token', 'x')).status).toBe(401);
    }
    expect((await decide(id, 'approve', 'physician')).status).toBe(201);
  });

  it('publish medical content: physician and super admin with an approval; never an editor', async () => {
    const id = await newFaq('Who publishes?');
    await submit(id);
    await decide(id, 'approve');
    const editor = await cmPublish(id, 'editor');
    expect(editor.status).toBe(400);
    expect(editor.body.error.message).toMatch(/Only a physician reviewer can publish medical content/);
    const unapproved = await newFaq('Editor tries first?');
    expect((await cmPublish(unapproved, 'editor')).body.error.message).toMatch(/Medical approval is missing/);
    expect((await cmPublish(id, 'physician')).status).toBe(200);
    const other = await newFaq('Admin publishes?');
    await submit(other);
    await decide(other, 'approve');
    expect((await cmPublish(other, 'admin')).status).toBe(200);
  });

  it('editors publish non-medical content themselves', async () => {
    const notice = await cms.strapi.documents('plugin::clinic.rebrand-notice').create({
      locale: 'en',
      data: { previousName: 'A', newName: 'B', message: 'm', startsAt: '2026-01-01T00:00:00.000Z', endsAt: '2027-01-01T00:00:00.000Z' },
    });
    const res = await cms.http.post(`/content-manager/collection-types/plugin::clinic.rebrand-notice/${notice.documentId}/actions/publish`).query({ locale: 'en' }).set(as('editor')).send({});
    expect(res.status).toBe(200);
  });

  it('a physician cannot approve their own submission unless the clinic allows it', async () => {
    const id = await newFaq('Self approval?');
    await submit(id, 'physician');
    const refused = await decide(id, 'approve', 'physician');
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/self-approval/);
    await cms.strapi.db.query('plugin::clinic.clinic').updateMany({ where: {}, data: { allowSelfApproval: true } });
    try {
      expect((await decide(id, 'approve', 'physician')).status).toBe(201);
    } finally {
      await cms.strapi.db.query('plugin::clinic.clinic').updateMany({ where: {}, data: { allowSelfApproval: false } });
    }
  });

  it('a rejection needs a comment, which the editor then sees', async () => {
    const id = await newFaq('Rejected?');
    await submit(id);
    expect((await decide(id, 'reject', 'physician', '')).status).toBe(400);
    expect((await decide(id, 'reject', 'physician', 'Please name the risks.')).status).toBe(201);
    const seen = await status(id, 'editor');
    expect(seen.body.data).toMatchObject({ status: 'rejected', entry: { comment: 'Please name the risks.', actorName: 'Thomas Stauss' } });
    expect((await cmPublish(id)).body.error.message).toMatch(/rejected.*Please name the risks/);
  });

  it('answers bad input with a 400 that says what is wrong', async () => {
    const id = await newFaq('Bad input?');
    expect((await cms.http.post(reviewApi(id, 'submit')).set(as('editor')).send({})).body.error.message).toMatch(/locale/);
    const badHash = await cms.http.post(reviewApi(id, 'approve')).set(as('physician')).send({ locale: 'en', revisionHash: 'nope' });
    expect(badHash.status).toBe(400);
    expect(badHash.body.error.message).toMatch(/revisionHash/);
    expect((await cms.http.get('/clinic/reviews/recipe/x').query({ locale: 'en' }).set(as('admin'))).status).toBe(400);
    expect((await cms.http.get('/clinic/reviews/faq/does-not-exist').query({ locale: 'en' }).set(as('admin'))).status).toBe(404);
  });
});

describe('revisions', () => {
  it('an edit after approval voids it: "changed since approval", and publishing is refused', async () => {
    const id = await newFaq('Void me?');
    await submit(id);
    await decide(id, 'approve');
    await cms.strapi.documents(FAQ).update({ documentId: id, locale: 'en', data: { answer: 'A changed answer.' } });
    const seen = await status(id, 'editor');
    expect(seen.body.data.status).toBe('changed_since_approval');
    expect(seen.body.data.diffSinceLastApproval).toEqual([
      { kind: 'removed', text: 'answer: An answer.' },
      { kind: 'added', text: 'answer: A changed answer.' },
    ]);
    expect((await cmPublish(id)).body.error.message).toMatch(/changed since Thomas Stauss approved it/);
  });

  it('the physician approves the exact text they saw: a hash of an older text is refused', async () => {
    const id = await newFaq('Moving target?');
    await submit(id);
    const { body } = await status(id);
    await cms.strapi.documents(FAQ).update({ documentId: id, locale: 'en', data: { answer: 'Edited while reviewing.' } });
    const res = await cms.http.post(reviewApi(id, 'approve')).set(as('physician')).send({ locale: 'en', revisionHash: body.data.revisionHash });
    expect(res.status).toBe(409);
  });

  it('two physicians deciding the same revision at once leave one consistent log', async () => {
    const id = await newFaq('Race?');
    await submit(id);
    const { body } = await status(id);
    const send = (who: string, decision: string) =>
      cms.http.post(reviewApi(id, decision)).set(as(who)).send({ locale: 'en', revisionHash: body.data.revisionHash, comment: 'Decided.' });
    const results = await Promise.all([send('physician', 'approve'), send('physician2', 'reject')]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const entries = await cms.strapi.db.query('plugin::clinic.review-entry').findMany({ where: { reviewedDocumentId: id } });
    expect(entries.map((e: any) => e.decision).sort()).toEqual(['submitted', results[0]!.status === 201 ? 'approved' : 'rejected'].sort());
  });

  it('the log cannot be changed or read through any API', async () => {
    const [entry] = await cms.strapi.db.query('plugin::clinic.review-entry').findMany({ limit: 1 });
    const docs = cms.strapi.documents('plugin::clinic.review-entry');
    await expect(docs.update({ documentId: entry.documentId, data: { comment: 'forged' } })).rejects.toThrow(/append-only/);
    await expect(docs.delete({ documentId: entry.documentId })).rejects.toThrow(/append-only/);
    await expect(docs.create({ data: { decision: 'approved' } })).rejects.toThrow(/append-only/);
    const cm = await cms.http.put(`/content-manager/collection-types/plugin::clinic.review-entry/${entry.documentId}`).set(as('admin')).send({ comment: 'forged' });
    expect(cm.status).toBeGreaterThanOrEqual(400);
    const cmDelete = await cms.http.delete(`/content-manager/collection-types/plugin::clinic.review-entry/${entry.documentId}`).set(as('admin'));
    expect(cmDelete.status).toBeGreaterThanOrEqual(400);
    // Not read there either, by any role, whether as a list, one entry, or the count (an outside attack read it as the super admin).
    const cmBase = '/content-manager/collection-types/plugin::clinic.review-entry';
    for (const who of ['admin', 'editor', 'physician']) {
      for (const path of [cmBase, `${cmBase}/${entry.documentId}`, `${cmBase}?page=1&pageSize=100&sort=id:ASC`, `${cmBase}/actions/countDraftRelations`]) {
        const read = await cms.http.get(path).set(as(who));
        expect({ who, path, status: read.status >= 400 && read.status < 500 }).toEqual({ who, path, status: true });
        expect(JSON.stringify(read.body)).not.toContain(entry.revisionHash);
      }
    }
    expect((await cms.http.get('/api/clinic/review-entries').set(as('api-token'))).status).toBe(404);
    const gql = await cms.graphql('{ clinicReviewEntries { comment } }');
    expect(gql.status).toBe(400);
    const unchanged = await cms.strapi.db.query('plugin::clinic.review-entry').findOne({ where: { id: entry.id } });
    expect(unchanged.comment).toBe(entry.comment);
  });
});

describe('bylines, drift and due dates', () => {
  it('published byline fields equal the approval, with the document interval overriding the clinic default', async () => {
    const procedure = await cms.strapi.documents(PROCEDURE).findFirst({ locale: 'en', filters: { slug: 'radiofrequency-ablation' } });
    // A per-document interval, and an edit so there is something new to approve.
    await cms.strapi.documents(PROCEDURE).update({ documentId: procedure.documentId, locale: 'en', data: { reviewIntervalMonths: 6, summary: `${procedure.summary} Updated.` } });
    const target = { contentType: PROCEDURE, documentId: procedure.documentId, locale: 'en' };
    const reviews = cms.strapi.plugin('clinic').service('reviews');
    const { editor, physician } = await cms.accounts();
    await reviews.submit(target, editor);
    const approval = await reviews.approve(target, physician, { at: new Date('2026-06-30T23:30:00.000Z') });
    await cms.strapi.documents(PROCEDURE).publish({ documentId: procedure.documentId, locale: 'en' });
    const res = await cms.graphql(`{ clinicProcedure(documentId: "${procedure.documentId}", locale: "en") { lastReviewedOn nextReviewDue reviewedBy { documentId fullName credentials } } }`);
    expect(approval.providerDocumentId).toBe(staussProviderId);
    expect(res.body.data.clinicProcedure).toEqual({ lastReviewedOn: '2026-06-30', nextReviewDue: '2026-12-30', reviewedBy: { documentId: staussProviderId, fullName: 'Thomas Stauss', credentials: 'MD' } });
  });

  it('an editor cannot set the review fields by hand', async () => {
    const procedure = await cms.strapi.documents(PROCEDURE).findFirst({ locale: 'es', filters: { slug: 'vertebroplastia-y-cifoplastia' } });
    await cms.strapi.documents(PROCEDURE).update({ documentId: procedure.documentId, locale: 'es', data: { lastReviewedOn: '2030-01-01', reviewedBy: secondPhysicianProviderId } });
    const draft = await cms.strapi.documents(PROCEDURE).findOne({ documentId: procedure.documentId, locale: 'es', populate: ['reviewedBy'] });
    expect(draft.lastReviewedOn).toBe('2026-04-25');
    expect(draft.reviewedBy.documentId).toBe(staussProviderId);
  });

  it('a newer English approval flags the Spanish translation until it is approved again', async () => {
    const procedure = await cms.strapi.documents(PROCEDURE).findFirst({ locale: 'en', filters: { slug: 'vertebroplasty-and-kyphoplasty' } });
    const query = `{ clinicProcedure(documentId: "${procedure.documentId}", locale: "es") { translationOutOfDate lastReviewedOn } }`;
    expect((await cms.graphql(query)).body.data.clinicProcedure).toEqual({ translationOutOfDate: false, lastReviewedOn: '2026-04-25' });

    await cms.strapi.documents(PROCEDURE).update({ documentId: procedure.documentId, locale: 'en', data: { summary: `${procedure.summary} New English sentence.` } });
    await cms.approveAndPublish(PROCEDURE, procedure.documentId, 'en');
    // Flagged in the API; the Spanish page keeps its own, older review date.
    expect((await cms.graphql(query)).body.data.clinicProcedure).toEqual({ translationOutOfDate: true, lastReviewedOn: '2026-04-25' });
    expect((await cms.http.get(`/clinic/reviews/procedure/${procedure.documentId}`).query({ locale: 'es' }).set(as('editor'))).body.data.translationOutOfDate).toBe(true);

    const es = await cms.strapi.documents(PROCEDURE).findOne({ documentId: procedure.documentId, locale: 'es' });
    await cms.strapi.documents(PROCEDURE).update({ documentId: procedure.documentId, locale: 'es', data: { summary: `${es.summary} Nueva frase.` } });
    await cms.approveAndPublish(PROCEDURE, procedure.documentId, 'es');
    expect((await cms.graphql(query)).body.data.clinicProcedure.translationOutOfDate).toBe(false);
  });

  it('lists reviews overdue or due within 30 days, soonest first, with the physician', async () => {
    const res = await cms.http.get('/clinic/reviews-due').set(as('physician'));
    expect(res.status).toBe(200);
    const dates = res.body.data.map((d: any) => d.nextReviewDue);
    expect(dates).toEqual([...dates].sort());
    const today = new Date().toISOString().slice(0, 10);
    const limit = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    for (const item of res.body.data) {
      expect(item.nextReviewDue <= limit).toBe(true);
      expect(item.dueState).toBe(item.nextReviewDue < today ? 'overdue' : 'due-soon');
      expect(item.physician).toMatch(/, MD$/);
    }
    // The demo's Spanish epidural page was reviewed in November 2025: overdue a year later.
    expect(res.body.data).toEqual(expect.arrayContaining([expect.objectContaining({ title: 'Inyección epidural de esteroides', locale: 'es', nextReviewDue: '2026-11-03' })]));
  });

  it('the review queue lists awaiting revisions by locale, oldest first', async () => {
    const en = await newFaq('Queue en?');
    const es = await newFaq('¿Cola es?', 'es');
    await submit(en);
    await submit(es, 'editor', 'es');
    const res = await cms.http.get('/clinic/review-queue').set(as('physician'));
    const items = res.body.data.filter((i: any) => [en, es].includes(i.documentId));
    expect(items.map((i: any) => [i.title, i.locale])).toEqual([['Queue en?', 'en'], ['¿Cola es?', 'es']]);
    expect(res.body.data.map((i: any) => i.submittedAt)).toEqual([...res.body.data.map((i: any) => i.submittedAt)].sort());
    expect((await cms.http.get('/clinic/review-queue')).status).toBe(401);
  });
});

describe('webhook', () => {
  it('announces approval and publication, signed with HMAC-SHA256 over the timestamp and raw body', async () => {
    const server = await startWebhookReceiver();
    const { received } = server;
    const config = cms.strapi.config.get('plugin::clinic');
    cms.strapi.config.set('plugin::clinic', { ...config, webhookUrls: [server.url], webhookSecret: 'hook-secret' });
    try {
      const id = await newFaq('Webhook?');
      await submit(id);
      await decide(id, 'approve');
      await cmPublish(id);
      await cms.strapi.plugin('clinic').service('webhooks').settle();
      const events = received.map((r) => JSON.parse(r.body));
      expect(events.map((e) => [e.event, e.documentId, e.locale])).toEqual([
        ['approve', id, 'en'],
        ['publish', id, 'en'],
      ]);
      for (const r of received) {
        expect(verifyWebhook({ secret: 'hook-secret', rawBody: r.body, signature: r.headers['x-clinic-signature'] as string, timestamp: r.headers['x-clinic-timestamp'] as string, nowSeconds: Date.now() / 1000 })).toEqual({ valid: true });
      }
    } finally {
      cms.strapi.config.set('plugin::clinic', config);
      server.close();
    }
  });
});
