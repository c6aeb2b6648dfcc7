import { bootCms, type BootedCms } from './harness/strapi';

/**
 * A COMMIT the database never completed must not be reported as done. knex answers `commit()`
 * with success even when the connection is cut as the COMMIT is sent (the database rolls the
 * work back), and Strapi awaits only that: an approval or a publish answered as saved was not
 * there. Here the transaction's own connection is terminated just before its COMMIT, the way a
 * database restart cuts it. PostgreSQL only: SQLite has no connection to cut.
 */
const enabled = process.env.DATABASE_CLIENT === 'postgres';
const FAQ = 'plugin::clinic.faq';
let cms: BootedCms;

/** Ends the server process behind a transaction's connection, from another connection of the pool. */
async function cutConnectionOf(trx: any) {
  const { rows } = await trx.raw('SELECT pg_backend_pid() AS pid');
  const pid = rows[0].pid;
  await cms.strapi.db.connection.raw('SELECT pg_terminate_backend(?)', [pid]);
  // The signal is asynchronous: wait until the server process is gone, so the COMMIT meets a cut connection.
  for (let tries = 0; tries < 100; tries++) {
    const alive = await cms.strapi.db.connection.raw('SELECT 1 FROM pg_stat_activity WHERE pid = ?', [pid]);
    if (alive.rows.length === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`PostgreSQL process ${pid} did not end`);
}

/** A read right after the cut may get the cut connection back from the pool once (a 503 to a request). */
async function readAgainAfterCut<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch {
    return read();
  }
}

(enabled ? describe : describe.skip)('a COMMIT cut off by the database', () => {
  beforeAll(async () => {
    cms = await bootCms();
    await cms.seedDemo();
  });
  afterAll(() => cms?.stop());

  it('fails the transaction, and what it wrote is not there', async () => {
    const question = `Stored only if committed ${Date.now()}?`;
    const writing = cms.strapi.db.transaction(async ({ trx }: any) => {
      await cms.strapi.db.query(FAQ).create({ data: { question, answer: 'x', locale: 'en', documentId: `cut${Date.now()}` } });
      await cutConnectionOf(trx);
    });
    await expect(writing).rejects.toThrow();
    expect(await readAgainAfterCut(() => cms.strapi.db.query(FAQ).count({ where: { question } }))).toBe(0);
  });

  it('an approval whose COMMIT was cut is reported as failed, and the log has no trace of it', async () => {
    const { editor, physician } = await cms.accounts();
    const reviews = cms.strapi.plugin('clinic').service('reviews');
    const faq = await cms.strapi.documents(FAQ).findFirst({ locale: 'en', status: 'draft' });
    const target = { contentType: FAQ, documentId: faq.documentId, locale: 'en' };
    await cms.strapi.documents(FAQ).update({ documentId: faq.documentId, locale: 'en', data: { answer: `${faq.answer} Cut at commit.` } });
    await reviews.submit(target, editor);
    const before = await cms.strapi.db.query('plugin::clinic.review-entry').count({ where: { reviewedDocumentId: faq.documentId } });

    const approving = cms.strapi.db.transaction(async ({ trx }: any) => {
      await reviews.approve(target, physician, {});
      await cutConnectionOf(trx);
    });
    await expect(approving).rejects.toThrow();
    expect(await readAgainAfterCut(() => cms.strapi.db.query('plugin::clinic.review-entry').count({ where: { reviewedDocumentId: faq.documentId } }))).toBe(before);
    expect((await reviews.stateOf(target)).state.status).toBe('awaiting_review');

    // The pool replaces the cut connection: the physician approves again, and it holds.
    await reviews.approve(target, physician, {});
    expect((await reviews.stateOf(target)).state.status).toBe('approved');
  });
});

if (!enabled) {
  it('runs only on the PostgreSQL pass', () => {
    expect(enabled).toBe(false);
  });
}
