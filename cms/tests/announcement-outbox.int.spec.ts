import http from 'http';
import type { Socket } from 'net';
import { isDeliveryId, verifyWebhook } from 'clinic-domain';
import { bootCms, DEMO_PASSWORD, type BootedCms } from './harness/strapi';

/**
 * Announcements go through an outbox in the CMS's database: written with the change, sent
 * until the site accepts them (a doubling, capped wait between attempts), each under a
 * delivery id of its own; several workers on one database (two CMS instances) send each
 * once, and what is left pending at a restart is sent after it.
 */
const SECRET = 'outbox-test-secret';
const NOTICE = 'plugin::clinic.rebrand-notice';
const PROCEDURE = 'plugin::clinic.procedure';
const OUTBOX = 'plugin::clinic.announcement';
const RETRY = { initial: 200, max: 800 };
const TIMEOUT_MS = 400;

/** A stand-in for the site that answers as told: accept (200), refuse (503) or hang (no answer). */
type Answer = 'accept' | 'refuse' | 'hang';
interface Call {
  at: number;
  body: string;
  event: Record<string, any>;
  headers: http.IncomingHttpHeaders;
}
let answers: Answer[] = [];
let otherwise: Answer = 'accept';
const calls: Call[] = [];
const sockets = new Set<Socket>();
const site = http.createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => (body += chunk));
  req.on('end', () => {
    calls.push({ at: Date.now(), body, event: JSON.parse(body), headers: req.headers });
    const answer = answers.shift() ?? otherwise;
    if (answer === 'hang') return;
    res.statusCode = answer === 'accept' ? 200 : 503;
    res.end();
  });
});
site.on('connection', (socket) => {
  sockets.add(socket);
  socket.on('close', () => sockets.delete(socket));
});

let cms: BootedCms;
let siteUrl: string;

beforeAll(async () => {
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  siteUrl = `http://127.0.0.1:${(site.address() as { port: number }).port}/api/revalidate`;
  cms = await bootCms({
    CLINIC_WEBHOOK_URLS: siteUrl,
    CLINIC_WEBHOOK_SECRET: SECRET,
    CLINIC_WEBHOOK_RETRY_INITIAL_MS: String(RETRY.initial),
    CLINIC_WEBHOOK_RETRY_MAX_MS: String(RETRY.max),
    CLINIC_WEBHOOK_TIMEOUT_MS: String(TIMEOUT_MS),
    CLINIC_WEBHOOK_POLL_MS: '100',
  });
  await cms.seedDemo();
});
afterAll(async () => {
  await cms?.stop();
  for (const socket of sockets) socket.destroy();
  site.close();
});
beforeEach(() => {
  answers = [];
  otherwise = 'accept';
});

const docs = (uid: string) => cms.strapi.documents(uid);
const webhooks = () => cms.strapi.plugin('clinic').service('webhooks');
const outboxRows = async (documentId: string) =>
  (await cms.strapi.db.query(OUTBOX).findMany({ where: { body: { $contains: documentId } }, orderBy: [{ id: 'asc' }] })).map((row: any) => ({ ...row, event: JSON.parse(row.body) }));
const callsFor = (documentId: string) => calls.filter((call) => call.event.documentId === documentId);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(what: string, probe: () => Promise<T> | T, timeoutMs = 15_000): Promise<NonNullable<T>> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value) return value as NonNullable<T>;
    if (Date.now() - started > timeoutMs) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await sleep(50);
  }
}

async function newNotice(): Promise<string> {
  const n = Math.random().toString(36).slice(2, 8);
  const created = await docs(NOTICE).create({ locale: 'en', data: { previousName: 'Old', newName: `New ${n}`, message: 'A new name.', startsAt: '2026-01-01T00:00:00.000Z', endsAt: '2027-01-01T00:00:00.000Z' } });
  await docs(NOTICE).update({ documentId: created.documentId, locale: 'es', data: { message: 'Un nuevo nombre.' } });
  return created.documentId;
}

async function newProcedure(): Promise<string> {
  const n = Math.random().toString(36).slice(2, 8);
  const created = await docs(PROCEDURE).create({ locale: 'en', data: { title: `Procedure ${n}`, slug: `procedure-${n}`, summary: 'A summary.' } });
  await docs(PROCEDURE).update({ documentId: created.documentId, locale: 'es', data: { title: `Procedimiento ${n}`, slug: `procedimiento-${n}`, summary: 'Un resumen.' } });
  return created.documentId;
}

describe('the outbox is written with the change', () => {
  it('each publish, unpublish and delete, in every locale, is one row with a delivery id of its own, sent and marked delivered', async () => {
    for (const [uid, create] of [[NOTICE, newNotice], [PROCEDURE, newProcedure]] as const) {
      for (const locale of ['en', 'es']) {
        const documentId = await create();
        if (uid === PROCEDURE) await cms.approveAndPublish(uid, documentId, locale);
        else await docs(uid).publish({ documentId, locale });
        await docs(uid).unpublish({ documentId, locale });
        // The approval of this text still stands: the physician publishes it again.
        await docs(uid).publish({ documentId, locale });
        await docs(uid).delete({ documentId, locale });
        await webhooks().settle();

        const rows = await outboxRows(documentId);
        expect(rows.map((row) => [row.event.event, row.event.contentType, row.event.locale])).toEqual(['publish', 'unpublish', 'publish', 'delete'].map((event) => [event, uid, locale]));
        expect(rows.every((row) => row.url === siteUrl && row.state === 'delivered' && row.attempts === 1 && row.claimedBy === null)).toBe(true);
        expect(rows.every((row) => isDeliveryId(row.deliveryId) && row.event.deliveryId === row.deliveryId)).toBe(true);
        expect(new Set(rows.map((row) => row.deliveryId)).size).toBe(4);
        // The site got exactly these, signed, once each.
        expect(callsFor(documentId).map((call) => call.event.deliveryId)).toEqual(rows.map((row) => row.deliveryId));
        for (const call of callsFor(documentId)) {
          const verdict = verifyWebhook({ secret: SECRET, rawBody: call.body, signature: call.headers['x-clinic-signature'] as string, timestamp: call.headers['x-clinic-timestamp'] as string, nowSeconds: Date.now() / 1000 });
          expect(verdict).toEqual({ valid: true });
        }
      }
    }
  });

  it('a change rolled back leaves no row; a committed one is sent only after the commit', async () => {
    const documentId = await newNotice();
    await expect(
      cms.strapi.db.transaction(async () => {
        await docs(NOTICE).publish({ documentId, locale: 'en' });
        throw new Error('Something later in the same transaction failed.');
      }),
    ).rejects.toThrow(/later/);
    await webhooks().settle();
    expect(await outboxRows(documentId)).toEqual([]);

    await cms.strapi.db.transaction(async () => {
      await docs(NOTICE).publish({ documentId, locale: 'en' });
      await sleep(300);
      expect(callsFor(documentId)).toEqual([]);
    });
    await webhooks().settle();
    expect(callsFor(documentId)).toHaveLength(1);
  });
});

describe('delivery until the site accepts', () => {
  it('retries an unanswered or refused call after 200, 400, 800, 800 ms under the same delivery id, signed afresh each time', async () => {
    answers = ['hang', 'refuse', 'refuse', 'refuse', 'refuse'];
    const documentId = await newNotice();
    await docs(NOTICE).publish({ documentId, locale: 'es' });
    const row = await until('delivered', async () => (await outboxRows(documentId)).find((r) => r.state === 'delivered'));

    const attempts = callsFor(documentId);
    expect(attempts).toHaveLength(6);
    expect(new Set(attempts.map((call) => call.event.deliveryId))).toEqual(new Set([row!.deliveryId]));
    expect(new Set(attempts.map((call) => call.headers['x-clinic-signature'])).size).toBeGreaterThan(1);
    // Each wait starts when the attempt before it ended: no sooner than the schedule, and not much later.
    const ends = attempts.map((call, i) => call.at + (i === 0 ? TIMEOUT_MS : 0));
    const waits = attempts.slice(1).map((call, i) => call.at - ends[i]!);
    [200, 400, 800, 800, 800].forEach((delay, i) => {
      expect(waits[i]).toBeGreaterThanOrEqual(delay - 5);
      expect(waits[i]).toBeLessThan(delay + 1500);
    });
    expect(row).toMatchObject({ attempts: 6, lastError: null, claimedBy: null });
  });

  it('the admin sees how many announcements wait and fail; the public does not', async () => {
    otherwise = 'refuse';
    const documentId = await newNotice();
    await docs(NOTICE).publish({ documentId, locale: 'en' });
    await until('a failed attempt', () => callsFor(documentId).length > 0);
    await until('recorded', async () => (await outboxRows(documentId))[0]?.attempts >= 1);

    const login = await cms.http.post('/admin/login').send({ email: 'physician@clinic.test', password: DEMO_PASSWORD });
    const res = await cms.http.get('/clinic/announcements').set('authorization', `Bearer ${login.body.data.token}`);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ pending: expect.any(Number), failing: expect.any(Number), lastError: 'answered 503' });
    expect(res.body.data.failing).toBeGreaterThanOrEqual(1);
    expect(Number.isNaN(Date.parse(res.body.data.oldestPendingSince))).toBe(false);
    expect((await cms.http.get('/clinic/announcements')).status).toBe(401);
    expect((await cms.http.get('/api/clinic/announcements')).status).toBe(404);

    otherwise = 'accept';
    await until('delivered', async () => (await outboxRows(documentId))[0]?.state === 'delivered');
    expect((await cms.http.get('/clinic/announcements').set('authorization', `Bearer ${login.body.data.token}`)).body.data).toMatchObject({ pending: 0, failing: 0 });
  });
});

describe('several workers on one database', () => {
  /** Another worker on the same database, as a second CMS instance runs. */
  function anotherWorker() {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const plugin = require('strapi-plugin-clinic/strapi-server');
    return (plugin.default ?? plugin).services.webhooks({ strapi: cms.strapi });
  }

  it('send each announcement once, however they race', async () => {
    const workers = [webhooks(), anotherWorker(), anotherWorker()];
    for (const worker of workers.slice(1)) worker.start();
    try {
      for (let round = 0; round < 3; round++) {
        const documentIds = Array.from({ length: 20 }, (_, i) => `race-${round}-${i}-${Math.random().toString(36).slice(2, 8)}`);
        await webhooks().announce(documentIds.map((documentId) => ({ event: 'publish', contentType: NOTICE, documentId, locale: 'en' })));
        await Promise.all(workers.flatMap((worker) => [worker.settle(), worker.settle()]));
        await until('all delivered', () => documentIds.every((id) => callsFor(id).length > 0));
        await sleep(300);
        for (const id of documentIds) expect(callsFor(id)).toHaveLength(1);
      }
    } finally {
      for (const worker of workers.slice(1)) await worker.stop();
    }
  });

  it("do not send what another holds, until its holder's claim runs out (a crashed instance)", async () => {
    otherwise = 'refuse';
    const documentId = await newNotice();
    await docs(NOTICE).publish({ documentId, locale: 'en' });
    await until('a failed attempt', async () => (await outboxRows(documentId))[0]?.attempts >= 1);
    const [row] = await outboxRows(documentId);
    // Claimed by an instance that then died, for 1.5 s from now; due at once.
    const claimedUntil = new Date(Date.now() + 1500);
    await cms.strapi.db.query(OUTBOX).update({ where: { id: row!.id }, data: { claimedBy: 'crashed-instance', claimedUntil, nextAttemptAt: new Date() } });
    const before = callsFor(documentId).length;
    otherwise = 'accept';

    await webhooks().settle();
    await sleep(500);
    expect(callsFor(documentId)).toHaveLength(before);
    await until('sent once the claim ran out', () => callsFor(documentId).length > before);
    expect(callsFor(documentId).at(-1)!.at).toBeGreaterThanOrEqual(claimedUntil.getTime() - 5);
    await until('delivered', async () => (await outboxRows(documentId))[0]?.state === 'delivered');
  });
});

describe('a restart', () => {
  it('sends what was left pending', async () => {
    otherwise = 'refuse';
    const documentId = await newNotice();
    await docs(NOTICE).publish({ documentId, locale: 'en' });
    await until('a failed attempt', async () => (await outboxRows(documentId))[0]?.attempts >= 1);

    await cms.restart();
    otherwise = 'accept';
    const row = await until('delivered after the restart', async () => (await outboxRows(documentId)).find((r) => r.state === 'delivered'));
    expect(callsFor(documentId).at(-1)!.event.deliveryId).toBe(row!.deliveryId);
    // The new instance keeps announcing.
    await docs(NOTICE).unpublish({ documentId, locale: 'en' });
    await webhooks().settle();
    expect(callsFor(documentId).at(-1)!.event).toMatchObject({ event: 'unpublish', documentId, locale: 'en' });
  });
});
