import { startWebhookReceiver, type ReceivedCall } from './harness/webhook-receiver';
import { isDeliveryId, verifyWebhook } from 'clinic-domain';
import { bootCms, type BootedCms } from './harness/strapi';

/**
 * The site hears of every change a patient would see: publish, unpublish and delete of every
 * clinic type in every locale, each once, signed, and only once the change is committed.
 */
const SECRET = 'announcement-test-secret';
const PROCEDURE = 'plugin::clinic.procedure';
const FAQ = 'plugin::clinic.faq';
const PROVIDER = 'plugin::clinic.provider';
const NOTICE = 'plugin::clinic.rebrand-notice';
const CLINIC = 'plugin::clinic.clinic';
const LOCALES = ['en', 'es'] as const;

let cms: BootedCms;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let received: ReceivedCall[] = [];

type Announcement = { event: string; contentType: string; documentId: string; locale: string };

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  received = receiver.received;
  // Read by cms/config/plugins.ts when Strapi loads.
  process.env.CLINIC_WEBHOOK_URLS = receiver.url;
  process.env.CLINIC_WEBHOOK_SECRET = SECRET;
  cms = await bootCms();
  await cms.seedDemo();
});
afterAll(async () => {
  await cms?.stop();
  receiver?.close();
});

const docs = (uid: string) => cms.strapi.documents(uid);
const webhooks = () => cms.strapi.plugin('clinic').service('webhooks');

/** What reached the receiver while `action` ran, each signature checked. */
async function announcedDuring(action: () => Promise<unknown>): Promise<Announcement[]> {
  await webhooks().settle();
  received.length = 0;
  await action();
  await webhooks().settle();
  return received.map(({ body, headers }) => {
    const verdict = verifyWebhook({ secret: SECRET, rawBody: body, signature: headers['x-clinic-signature'] as string, timestamp: headers['x-clinic-timestamp'] as string, nowSeconds: Date.now() / 1000 });
    expect(verdict).toEqual({ valid: true });
    const { occurredAt, deliveryId, ...event } = JSON.parse(body);
    expect(Number.isNaN(Date.parse(occurredAt))).toBe(false);
    expect(isDeliveryId(deliveryId)).toBe(true);
    return event as Announcement;
  });
}

const sorted = (events: Announcement[]) => [...events].sort((a, b) => `${a.locale}${a.event}`.localeCompare(`${b.locale}${b.event}`));

/** A new document with an English and a Spanish draft. */
async function newDocument(uid: string): Promise<string> {
  const n = Math.random().toString(36).slice(2, 8);
  const byType: Record<string, Record<'en' | 'es', Record<string, unknown>>> = {
    [PROCEDURE]: { en: { title: `Procedure ${n}`, slug: `procedure-${n}`, summary: 'A summary.' }, es: { title: `Procedimiento ${n}`, slug: `procedimiento-${n}`, summary: 'Un resumen.' } },
    [FAQ]: { en: { question: `Question ${n}?`, answer: 'An answer.' }, es: { question: `¿Pregunta ${n}?`, answer: 'Una respuesta.' } },
    [PROVIDER]: { en: { fullName: `Provider ${n}`, slug: `provider-${n}` }, es: { slug: `proveedor-${n}` } },
    [NOTICE]: {
      en: { previousName: 'Old', newName: `New ${n}`, message: 'We have a new name.', startsAt: '2026-01-01T00:00:00.000Z', endsAt: '2027-01-01T00:00:00.000Z' },
      es: { message: 'Tenemos un nuevo nombre.' },
    },
  };
  const data = byType[uid]!;
  const created = await docs(uid).create({ locale: 'en', data: data.en });
  await docs(uid).update({ documentId: created.documentId, locale: 'es', data: data.es });
  return created.documentId;
}

/** Medical content goes live only with a physician's approval of its current text. */
async function approveIfMedical(uid: string, documentId: string, locale: string) {
  const reviews = cms.strapi.plugin('clinic').service('reviews');
  if (!reviews.isMedical(uid)) return;
  const target = { contentType: uid, documentId, locale };
  if ((await reviews.stateOf(target)).state.status === 'approved') return;
  const { editor, physician } = await cms.accounts();
  await reviews.submit(target, editor);
  await reviews.approve(target, physician, {});
}

describe('publish, unpublish and delete of every clinic type, in every locale', () => {
  for (const uid of [PROCEDURE, FAQ, PROVIDER, NOTICE]) {
    for (const locale of LOCALES) {
      it(`${uid.replace('plugin::clinic.', '')} (${locale})`, async () => {
        const documentId = await newDocument(uid);
        const one = (event: string) => [{ event, contentType: uid, documentId, locale }];
        await approveIfMedical(uid, documentId, locale);

        expect(await announcedDuring(() => docs(uid).publish({ documentId, locale }))).toEqual(one('publish'));
        expect(await announcedDuring(() => docs(uid).unpublish({ documentId, locale }))).toEqual(one('unpublish'));
        await approveIfMedical(uid, documentId, locale);
        expect(await announcedDuring(() => docs(uid).publish({ documentId, locale }))).toEqual(one('publish'));
        expect(await announcedDuring(() => docs(uid).delete({ documentId, locale }))).toEqual(one('delete'));
        // The other locale was never published: its page did not change.
        expect(await docs(uid).findOne({ documentId, locale: locale === 'en' ? 'es' : 'en' })).not.toBeNull();
      });
    }
  }

  for (const locale of LOCALES) {
    it(`clinic details, a single type (${locale})`, async () => {
      const clinic = await docs(CLINIC).findFirst({ locale });
      const documentId = clinic.documentId as string;
      const one = (event: string) => [{ event, contentType: CLINIC, documentId, locale }];
      await docs(CLINIC).update({ documentId, locale, data: { phone: '+1 262-555-0199' } });
      expect(await announcedDuring(() => docs(CLINIC).publish({ documentId, locale }))).toEqual(one('publish'));
      expect(await announcedDuring(() => docs(CLINIC).unpublish({ documentId, locale }))).toEqual(one('unpublish'));
      await docs(CLINIC).publish({ documentId, locale });
      expect(await announcedDuring(() => docs(CLINIC).delete({ documentId, locale }))).toEqual(one('delete'));
      // Put it back for the next locale and the other tests.
      const data = { phone: clinic.phone, address: clinic.address };
      expect(await announcedDuring(() => docs(CLINIC).update({ documentId, locale, data, status: 'published' }))).toEqual(one('publish'));
    });
  }
});

// Rebrand notices: published by editors without a medical review, in any locale.
describe('the locales an action names', () => {
  it("'*' and a list announce each locale; no locale means the default one", async () => {
    const documentId = await newDocument(NOTICE);
    const each = (event: string, locales: string[]) => locales.map((locale) => ({ event, contentType: NOTICE, documentId, locale }));
    expect(sorted(await announcedDuring(() => docs(NOTICE).publish({ documentId, locale: '*' })))).toEqual(each('publish', ['en', 'es']));
    expect(sorted(await announcedDuring(() => docs(NOTICE).unpublish({ documentId, locale: ['en', 'es'] })))).toEqual(each('unpublish', ['en', 'es']));
    expect(await announcedDuring(() => docs(NOTICE).publish({ documentId }))).toEqual(each('publish', ['en']));
    // Deleting every locale: only English was live, so only English pages change.
    expect(await announcedDuring(() => docs(NOTICE).delete({ documentId, locale: '*' }))).toEqual(each('delete', ['en']));
    expect(await docs(NOTICE).findOne({ documentId, locale: 'es' })).toBeNull();
  });

  it('saving with status "published" announces the publication; saving a draft or discarding one does not', async () => {
    let created: { documentId: string } | undefined;
    const events = await announcedDuring(async () => {
      created = await docs(NOTICE).create({
        locale: 'es',
        status: 'published',
        data: { previousName: 'Antes', newName: 'Ahora', message: 'Nuevo nombre.', startsAt: '2026-01-01T00:00:00.000Z', endsAt: '2027-01-01T00:00:00.000Z' },
      });
    });
    const documentId = created!.documentId;
    expect(events).toEqual([{ event: 'publish', contentType: NOTICE, documentId, locale: 'es' }]);
    expect(await announcedDuring(() => docs(NOTICE).update({ documentId, locale: 'es', data: { message: 'Otro texto.' } }))).toEqual([]);
    expect(await announcedDuring(() => docs(NOTICE).discardDraft({ documentId, locale: 'es' }))).toEqual([]);
    expect(await announcedDuring(() => docs(NOTICE).update({ documentId, locale: 'en', status: 'published', data: { message: 'A new name.' } }))).toEqual([
      { event: 'publish', contentType: NOTICE, documentId, locale: 'en' },
    ]);
  });

  it('unpublishing or deleting a locale that was never live announces nothing', async () => {
    const documentId = await newDocument(NOTICE);
    expect(await announcedDuring(() => docs(NOTICE).unpublish({ documentId, locale: 'es' }))).toEqual([]);
    expect(await announcedDuring(() => docs(NOTICE).delete({ documentId, locale: 'es' }))).toEqual([]);
  });
});

describe('nothing is announced that did not happen', () => {
  it('a refused action announces nothing', async () => {
    const procedure = await newDocument(PROCEDURE);
    const faq = await newDocument(FAQ);
    const refusals = await announcedDuring(async () => {
      await expect(docs(PROCEDURE).publish({ documentId: procedure, locale: 'en' })).rejects.toThrow(/Medical approval is missing/);
      await expect(docs(PROCEDURE).publish({ documentId: procedure, locale: '*' })).rejects.toThrow(/Medical approval is missing/);
      await expect(docs(FAQ).update({ documentId: faq, locale: 'en', status: 'published', data: { answer: 'Now!' } })).rejects.toThrow(/one step/);
      await expect(
        docs(NOTICE).create({ locale: 'en', status: 'published', data: { previousName: 'A', newName: 'B', message: 'm', startsAt: '2027-01-01T00:00:00.000Z', endsAt: '2026-01-01T00:00:00.000Z' } }),
      ).rejects.toThrow();
      const [entry] = await cms.strapi.db.query('plugin::clinic.review-entry').findMany({ limit: 1 });
      await expect(docs('plugin::clinic.review-entry').delete({ documentId: entry.documentId })).rejects.toThrow(/append-only/);
    });
    expect(refusals).toEqual([]);
    expect(await docs(PROCEDURE).findOne({ documentId: procedure, locale: 'en', status: 'published' })).toBeNull();
  });

  it('a change inside a transaction is announced after the commit, and never when it rolls back', async () => {
    const documentId = await newDocument(NOTICE);
    const rolledBack = await announcedDuring(async () => {
      await expect(
        cms.strapi.db.transaction(async () => {
          await docs(NOTICE).publish({ documentId, locale: 'en' });
          throw new Error('Something later in the same transaction failed.');
        }),
      ).rejects.toThrow(/later/);
    });
    expect(rolledBack).toEqual([]);
    expect(await docs(NOTICE).findOne({ documentId, locale: 'en', status: 'published' })).toBeNull();

    let beforeCommit: number | undefined;
    const committed = await announcedDuring(() =>
      cms.strapi.db.transaction(async () => {
        await docs(NOTICE).publish({ documentId, locale: 'en' });
        await webhooks().settle();
        beforeCommit = received.length;
      }),
    );
    expect(beforeCommit).toBe(0);
    expect(committed).toEqual([{ event: 'publish', contentType: NOTICE, documentId, locale: 'en' }]);
  });
});
