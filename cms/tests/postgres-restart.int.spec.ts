import { execFile } from 'child_process';
import { join } from 'path';
import { promisify } from 'util';
import { bootCms, DEMO_PASSWORD, type BootedCms } from './harness/strapi';

/**
 * PostgreSQL restarted (pg_ctl restart -m fast) again and again while an editor saves,
 * submits, and a physician approves and publishes, over HTTP as in the admin. Every request
 * either completes or gets a clear answer (a 503 to retry, or a 4xx), never a 500; nothing is
 * half-written (no approval without its submission, no publish without an approval of exactly
 * the published text, bylines from that approval, the log's chain unbroken, every answered
 * save, approval and publish found); and the CMS answers normally afterwards without being
 * restarted. Runs on the suite's PostgreSQL pass (scripts/lib/postgres.mjs says where the
 * server lives), skipped on SQLite.
 */
const dataDir = process.env.TEST_POSTGRES_DATA_DIR;
const bin = process.env.TEST_POSTGRES_BIN;
const enabled = process.env.DATABASE_CLIENT === 'postgres' && Boolean(dataDir && bin);
const FAQ = 'plugin::clinic.faq';
// At least this many rounds, and on until at least this many restarts have hit the session.
const ROUNDS = Number(process.env.PG_RESTART_ROUNDS ?? 8);
const MIN_RESTARTS = Number(process.env.PG_RESTART_MIN_FAULTS ?? 12);
const run = promisify(execFile);

let cms: BootedCms;
const tokens: Record<string, string> = {};
const outcomes: Array<{ op: string; status: number; attempt: number }> = [];
let restarts = 0;
// Work outside any request (after-commit hooks, background loops) that meets the restart: kept
// and reported, since no caller is there to answer; requests are judged by their answers.
const backgroundErrors: string[] = [];
// Requests answered with something other than a 503: the faults wait for one between restarts.
let answered = 0;
const keepBackgroundError = (error: unknown) => backgroundErrors.push(String((error as Error)?.message ?? error).slice(0, 200));

async function restartPostgres() {
  const pgCtl = [join(bin!, 'pg_ctl'), '-D', dataDir!, '-l', join(dataDir!, 'server.log'), '-m', 'fast', '-w', 'restart'];
  const runAs = process.env.TEST_POSTGRES_RUN_AS;
  if (runAs) await run('runuser', ['-u', runAs, '--', ...pgCtl]);
  else await run(pgCtl[0]!, pgCtl.slice(1));
  restarts += 1;
}

const as = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });
const completed = (status: number) => (status >= 200 && status < 300 ? 'completed' : status);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends until the request is answered with something other than a 503 (a brief outage), recording every answer. */
async function until(op: string, send: () => Promise<{ status: number; body: any }>, attempts = 40) {
  for (let attempt = 1; ; attempt++) {
    let res: { status: number; body: any };
    try {
      res = await send();
    } catch (error) {
      // The socket itself dropped, or the read before a save failed: recorded as a 599 and retried.
      res = { status: 599, body: { error: String(error) } };
    }
    outcomes.push({ op, status: res.status, attempt });
    if (res.status !== 503 && res.status !== 599) {
      answered += 1;
      return res;
    }
    if (attempt >= attempts) throw new Error(`${op} still failing after ${attempts} attempts: ${res.status}`);
    await sleep(250);
  }
}

(enabled ? describe : describe.skip)('PostgreSQL restarted in the middle of editing, submitting, approving and publishing', () => {
  beforeAll(async () => {
    process.on('unhandledRejection', keepBackgroundError);
    cms = await bootCms({ DATABASE_CONNECTION_TIMEOUT: '8000' });
    await cms.seedDemo();
    for (const who of ['editor', 'physician']) {
      const res = await cms.http.post('/admin/login').send({ email: `${who}@clinic.test`, password: DEMO_PASSWORD });
      expect(res.status).toBe(200);
      tokens[who] = res.body.data.token;
    }
  }, 180_000);
  afterAll(async () => {
    const count = (pick: (s: number) => boolean) => outcomes.filter((o) => pick(o.status)).length;
    console.log(
      `[postgres-restart] faults injected: ${restarts} PostgreSQL restarts; requests: ${outcomes.length} (${count((s) => s < 300)} completed, ${count((s) => s === 503)} answered 503, ` +
        `${count((s) => s >= 400 && s < 500)} answered 4xx, ${count((s) => s >= 500 && s !== 503)} other 5xx); background errors: ${backgroundErrors.length}` +
        `${backgroundErrors.length ? ` (first: ${backgroundErrors[0]})` : ''}; records lost: 0 when this file passes`,
    );
    process.off('unhandledRejection', keepBackgroundError);
    await cms?.stop();
  });

  it('loses nothing, half-writes nothing, and answers normally afterwards', async () => {
    const faqs = (await cms.strapi.documents(FAQ).findMany({ locale: 'en', status: 'draft', limit: 3 })).map((f: any) => f.documentId as string);
    expect(faqs.length).toBeGreaterThan(0);
    const reviewApi = (id: string, action = '') => `/clinic/reviews/faq/${id}${action ? `/${action}` : ''}`;
    const cm = (id: string, action = '') => `/content-manager/collection-types/${FAQ}/${id}${action ? `/actions/${action}` : ''}`;
    const saved = new Map<string, string>();
    const approvedAt: Array<{ id: string; at: string; revisionHash: string }> = [];
    const published: Array<{ id: string; hash: string }> = [];

    // The fault: restarts at irregular moments for as long as the session runs. Between two
    // restarts at least one request gets its answer: on a loaded machine a publish can take
    // longer than the gap between restarts, and a database that never stays up for one
    // transaction tests the machine's speed, not the CMS.
    let sessionDone = false;
    const faults = (async () => {
      while (!sessionDone) {
        const before = answered;
        await sleep(150 + Math.floor(Math.random() * 600));
        while (!sessionDone && answered === before) await sleep(50);
        if (!sessionDone) await restartPostgres();
      }
    })();

    try {
      for (let round = 0; (round < ROUNDS || restarts < MIN_RESTARTS) && round < 500; round++) {
        const id = faqs[round % faqs.length]!;
        const question = `Does round ${round} survive a database restart?`;
        // As the admin saves: read the draft, then save naming its version (a 503 on either is sent again).
        const save = await until('save', async () => {
          const draft = await cms.http.get(cm(id)).query({ locale: 'en' }).set(as('editor'));
          if (draft.status !== 200) return draft;
          return cms.http.put(cm(id)).query({ locale: 'en' }).set(as('editor')).set('x-clinic-draft-version', draft.body.data.updatedAt).send({ question });
        });
        expect({ op: 'save', status: completed(save.status) }).toEqual({ op: 'save', status: 'completed' });
        saved.set(id, question);

        const submit = await until('submit', () => cms.http.post(reviewApi(id, 'submit')).set(as('editor')).send({ locale: 'en' }));
        expect({ op: 'submit', status: completed(submit.status), body: completed(submit.status) === 'completed' ? null : submit.body }).toEqual({ op: 'submit', status: 'completed', body: null });

        const state = await until('status', () => cms.http.get(reviewApi(id)).query({ locale: 'en' }).set(as('physician')));
        expect(state.status).toBe(200);
        const approve = await until('approve', () =>
          cms.http.post(reviewApi(id, 'approve')).set(as('physician')).send({ locale: 'en', revisionHash: state.body.data.revisionHash }),
        );
        expect({ op: 'approve', status: completed(approve.status), body: completed(approve.status) === 'completed' ? null : approve.body }).toEqual({ op: 'approve', status: 'completed', body: null });
        approvedAt.push({ id, at: approve.body.data.at, revisionHash: approve.body.data.revisionHash });

        const publish = await until('publish', () => cms.http.post(cm(id, 'publish')).query({ locale: 'en' }).set(as('physician')).send({}));
        if (completed(publish.status) !== 'completed') {
          // Which request did what: this round's answers, and the document's log as it stands.
          const log = await cms.strapi.db.query('plugin::clinic.review-entry').findMany({ where: { contentType: FAQ, reviewedDocumentId: id, locale: 'en' }, orderBy: { id: 'asc' } });
          console.log('publish refused', JSON.stringify({ round, hash: state.body.data.revisionHash.slice(0, 8), approved: approve.body.data?.revisionHash?.slice(0, 8), answers: outcomes.slice(-12), log: log.map((row: any) => `${row.id}:${row.decision}:${String(row.revisionHash).slice(0, 8)}:${row.sequenceKey}`) }, null, 1));
        }
        expect({ op: 'publish', status: completed(publish.status), body: completed(publish.status) === 'completed' ? null : publish.body }).toEqual({ op: 'publish', status: 'completed', body: null });
        published.push({ id, hash: state.body.data.revisionHash });
      }
    } finally {
      sessionDone = true;
      await faults;
    }
    expect(restarts).toBeGreaterThanOrEqual(MIN_RESTARTS);
    // A restart between a new connection's connect and its `SET search_path` discards that
    // connection (the clinic plugin's connection set-up) instead of leaving the pool's create
    // hanging with an unhandled rejection.
    expect(backgroundErrors.filter((message) => /search_path/i.test(message))).toEqual([]);

    // Clear answers only: completed, a 503 to retry, or a 4xx; never a 500.
    expect(outcomes.filter((o) => o.status >= 500 && o.status !== 503)).toEqual([]);

    // The server is up again (the last restart has finished): check what was written.
    await sleep(1000);
    const reviews = cms.strapi.plugin('clinic').service('reviews');
    for (const id of new Set(faqs)) {
      const target = { contentType: FAQ, documentId: id, locale: 'en' };
      // Every answered save is there.
      expect((await cms.strapi.documents(FAQ).findOne({ documentId: id, locale: 'en', status: 'draft' })).question).toBe(saved.get(id));

      const rows = await cms.strapi.db.query('plugin::clinic.review-entry').findMany({ where: { contentType: FAQ, reviewedDocumentId: id, locale: 'en' }, orderBy: { id: 'asc' } });
      // The log's chain is unbroken: each entry names the one before it.
      rows.forEach((row: any, i: number) => expect(row.sequenceKey).toBe(`${FAQ}|${id}|en|after:${i === 0 ? 0 : rows[i - 1].id}`));
      // No approval without its submission of the same text, just before it.
      rows.forEach((row: any, i: number) => {
        if (row.decision === 'approved') expect({ decision: rows[i - 1]?.decision, revisionHash: rows[i - 1]?.revisionHash }).toEqual({ decision: 'submitted', revisionHash: row.revisionHash });
      });
      // Every answered approval is in the log.
      for (const approval of approvedAt.filter((a) => a.id === id)) {
        expect(rows.some((row: any) => row.decision === 'approved' && row.revisionHash === approval.revisionHash && new Date(row.decidedAt).toISOString() === approval.at)).toBe(true);
      }
      // What is live is the last text published, approved, with that approval's byline.
      const live = await reviews.publishedRevision(target);
      const lastPublished = published.filter((p) => p.id === id).at(-1)!;
      // On a mismatch, the log and the order of answers say which request did what.
      const trail = { live: live?.hash?.slice(0, 8), log: rows.map((row: any) => `${row.decision}:${String(row.revisionHash).slice(0, 8)}`), published: published.filter((p) => p.id === id).map((p) => p.hash.slice(0, 8)) };
      expect({ ...trail, live: live?.hash }).toEqual({ ...trail, live: lastPublished.hash });
      const approval = rows.filter((row: any) => row.decision === 'approved' && row.revisionHash === live.hash).at(-1);
      expect(approval).toBeTruthy();
      const liveRow = await cms.strapi.db.query(FAQ).findOne({ where: { documentId: id, locale: 'en', publishedAt: { $notNull: true } } });
      expect(liveRow.reviewedByName).toBeTruthy();
      expect(String(liveRow.lastReviewedOn).slice(0, 10)).toBe(new Date(approval.decidedAt).toISOString().slice(0, 10));
    }

    // One more restart, then the CMS answers normally, without being restarted itself: the pool
    // replaces the cut connections (at most a 503 while the server comes back, never a 500).
    await restartPostgres();
    const site = await until('read after restart', () => cms.http.get('/api/clinic/faqs').query({ locale: 'en' }), 20);
    expect(site.status).toBe(200);
    const login = await until('login after restart', () => cms.http.post('/admin/login').send({ email: 'editor@clinic.test', password: DEMO_PASSWORD }), 20);
    expect(login.status).toBe(200);
    expect(outcomes.filter((o) => o.status >= 500 && o.status !== 503)).toEqual([]);
  }, 600_000);
});

if (!enabled) {
  it('runs only on the PostgreSQL pass (DATABASE_CLIENT=postgres with TEST_POSTGRES_DATA_DIR and TEST_POSTGRES_BIN)', () => {
    expect(enabled).toBe(false);
  });
}
