import { bootCms, DEMO_PASSWORD, type BootedCms } from './harness/strapi';

/**
 * The review queue comes a page at a time from the server, read from the review log's heads
 * (each version's latest entry), so a visit costs a page, not the whole log.
 */
const FAQ = 'plugin::clinic.faq';
const WAITING = 23;
let cms: BootedCms;
let token: string;
let editor: unknown;
let physician: unknown;
const submitted: string[] = [];

const reviews = () => cms.strapi.plugin('clinic').service('reviews');
const queue = (query: Record<string, string | string[]> = {}) => cms.http.get('/clinic/review-queue').query(query).set({ authorization: `Bearer ${token}` });

async function submitNewFaq(question: string): Promise<string> {
  const faq = await cms.strapi.documents(FAQ).create({ locale: 'en', data: { question, answer: 'An answer.' } });
  await reviews().submit({ contentType: FAQ, documentId: faq.documentId, locale: 'en' }, editor);
  return faq.documentId as string;
}

/** Every page of the queue, `pageSize` at a time, as the admin page reads it. */
async function allPages(pageSize: number) {
  const first = await queue({ pageSize: String(pageSize) });
  expect(first.status).toBe(200);
  const items = [...first.body.data];
  for (let page = 2; page <= first.body.meta.pagination.pageCount; page += 1) items.push(...(await queue({ page: String(page), pageSize: String(pageSize) })).body.data);
  return { items, pagination: first.body.meta.pagination };
}

beforeAll(async () => {
  cms = await bootCms();
  await cms.seedDemo();
  ({ editor, physician } = await cms.accounts());
  token = (await cms.http.post('/admin/login').send({ email: 'physician@clinic.test', password: DEMO_PASSWORD })).body.data.token;
  for (let i = 0; i < WAITING; i += 1) submitted.push(await submitNewFaq(`Queue page question ${String(i).padStart(2, '0')}?`));
}, 300_000);
afterAll(() => cms?.stop());

describe('the review queue, a page at a time', () => {
  it('pages through every waiting revision once, oldest first, with the total', async () => {
    const { items, pagination } = await allPages(10);
    const ours = items.filter((item: { documentId: string }) => submitted.includes(item.documentId));
    expect(ours.map((item: { documentId: string }) => item.documentId)).toEqual(submitted);
    expect(new Set(items.map((item: { documentId: string; locale: string }) => `${item.documentId}|${item.locale}`)).size).toBe(items.length);
    expect(items.map((item: { submittedAt: string }) => item.submittedAt)).toEqual(items.map((item: { submittedAt: string }) => item.submittedAt).sort());
    expect(pagination).toEqual({ page: 1, pageSize: 10, pageCount: Math.ceil(pagination.total / 10), total: items.length });
    expect(pagination.total).toBeGreaterThanOrEqual(WAITING);
  });

  it('answers 25 per page by default, and an empty page past the last', async () => {
    const first = await queue();
    expect(first.body.meta.pagination).toMatchObject({ page: 1, pageSize: 25 });
    expect(first.body.data.length).toBeLessThanOrEqual(25);
    const past = await queue({ page: String(first.body.meta.pagination.pageCount + 1) });
    expect(past.status).toBe(200);
    expect(past.body.data).toEqual([]);
  });

  it('a decided revision leaves the queue, and an edit after submission takes it off the page', async () => {
    const [approved, edited] = submitted;
    await reviews().approve({ contentType: FAQ, documentId: approved, locale: 'en' }, physician, {});
    await cms.strapi.documents(FAQ).update({ documentId: edited, locale: 'en', data: { answer: 'A different answer.' } });
    const { items, pagination } = await allPages(100);
    const ids = items.map((item: { documentId: string }) => item.documentId);
    expect(ids).not.toContain(approved);
    expect(ids).not.toContain(edited);
    // The edited one waits for no one until it is resubmitted: neither listed nor counted.
    expect(pagination.total).toBe(items.length);
    await reviews().submit({ contentType: FAQ, documentId: edited, locale: 'en' }, editor);
    expect((await allPages(100)).items.map((item: { documentId: string }) => item.documentId)).toContain(edited);
  });

  it('fills every page when many submissions edited since come before the waiting ones', async () => {
    // Thirty submissions edited after they were sent, older than every other waiting one.
    const stale: string[] = [];
    for (let i = 0; i < 30; i += 1) stale.push(await submitNewFaq(`Edited after submission ${i}?`));
    for (const documentId of stale) await cms.strapi.documents(FAQ).update({ documentId, locale: 'en', data: { answer: 'Changed since.' } });
    await cms.strapi.db.connection('clinic_review_heads').whereIn('reviewed_document_id', stale).update({ decided_at: new Date('2000-01-01T00:00:00Z') });
    const first = await queue({ pageSize: '5' });
    expect(first.body.data).toHaveLength(5);
    const { items, pagination } = await allPages(5);
    expect(items.map((item: { documentId: string }) => item.documentId).filter((id: string) => stale.includes(id))).toEqual([]);
    expect(pagination.total).toBe(items.length);
  });

  it.each([
    [{ page: '0' }, /page must be a whole number from 1/],
    [{ page: '-1' }, /page must be a whole number from 1/],
    [{ page: 'abc' }, /page must be a whole number from 1/],
    [{ page: '1.5' }, /page must be a whole number from 1/],
    [{ page: '1e3' }, /page must be a whole number from 1/],
    [{ pageSize: '0' }, /pageSize must be a whole number from 1 to 100/],
    [{ pageSize: '101' }, /pageSize must be a whole number from 1 to 100/],
    [{ pageSize: '99999999999999999999' }, /pageSize must be a whole number from 1 to 100/],
    [{ page: ['1', '2'] }, /page must be given once/],
    [{ limit: '10' }, /Unrecognized key/],
  ])('refuses %j with a 400 that says why', async (query, message) => {
    const response = await queue(query);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(message);
  });

  it('reads a page without reading the whole review log', async () => {
    const statements: string[] = [];
    const count = (query: { sql: string }) => statements.push(query.sql);
    cms.strapi.db.connection.on('query', count);
    try {
      expect((await queue({ pageSize: '5' })).status).toBe(200);
    } finally {
      cms.strapi.db.connection.off('query', count);
    }
    // (PostgreSQL names the schema: from "public"."clinic_review_entries".)
    const logReads = statements.filter((sql) => /clinic_review_entries/i.test(sql));
    // Only the page's entries, by id; the rest comes from the heads' index.
    expect(logReads.length).toBeGreaterThan(0);
    for (const sql of logReads) expect(sql).toMatch(/[`"]?id[`"]? in \(/i);
  });

  it('rebuilds the heads from the log on start, so the queue survives a lost or stale heads table', async () => {
    const before = await allPages(100);
    await cms.strapi.db.connection('clinic_review_heads').del();
    expect((await queue()).body.meta.pagination.total).toBe(0);
    await cms.strapi.plugin('clinic').service('reviews').log.ensureSequenceIndex();
    expect(await allPages(100)).toEqual(before);
  });

  it('sets the heads up once at a time when instances start together', async () => {
    const before = await allPages(100);
    const log = cms.strapi.plugin('clinic').service('reviews').log;
    await Promise.all([1, 2, 3, 4].map(() => log.ensureSequenceIndex()));
    expect(await allPages(100)).toEqual(before);
  });

  it('is for those who may read reviews only', async () => {
    expect((await cms.http.get('/clinic/review-queue')).status).toBe(401);
  });
});
