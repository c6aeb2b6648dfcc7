import { bootCms, DEMO_PASSWORD, type BootedCms } from './harness/strapi';
import { startSmtpReceiver } from './harness/smtp-receiver';

/**
 * The daily review reminder, through Strapi's email plugin (nodemailer) to a real SMTP server:
 * who gets what, in which language, with which links, once a day, and nobody with nothing to do.
 */
const SMTP_PORT = 14625;
const FAQ = 'plugin::clinic.faq';
let cms: BootedCms;
let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
const ids: Record<string, string> = {};

const digest = () => cms.strapi.plugin('clinic').service('reviewDigest');
const login = async (email: string) => (await cms.http.post('/admin/login').send({ email, password: DEMO_PASSWORD })).body.data.token as string;
const mailTo = (email: string) => smtp.received.filter((m) => m.to.includes(email));

async function newFaq(question: string) {
  const faq = await cms.strapi.documents(FAQ).create({ locale: 'en', data: { question, answer: 'Most people go home the same day and feel better within a week.' } });
  return faq.documentId as string;
}

beforeAll(async () => {
  smtp = await startSmtpReceiver(SMTP_PORT);
  cms = await bootCms({
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(SMTP_PORT),
    EMAIL_FROM: 'reviews@clinic.test',
    CLINIC_REVIEW_DIGEST_ENABLED: 'true',
    CLINIC_ADMIN_URL: 'http://cms.test/admin',
  });
  await cms.seedDemo();
  const { editor, physician } = await cms.accounts();
  const reviews = cms.strapi.plugin('clinic').service('reviews');
  // The physician reads the admin in Spanish; the editor in English.
  await cms.strapi.db.query('admin::user').update({ where: { id: physician.id }, data: { preferedLanguage: 'es' } });
  await cms.strapi.db.query('admin::user').update({ where: { id: editor.id }, data: { preferedLanguage: 'en' } });
  // An editor with nothing rejected gets nothing.
  const editorRole = await cms.strapi.service('admin::role').findOne({ code: 'clinic-marketing-editor' });
  await cms.strapi.service('admin::user').create({ email: 'quiet@clinic.test', firstname: 'Quinn', lastname: 'Quiet', password: DEMO_PASSWORD, isActive: true, registrationToken: null, roles: [editorRole.id] });

  // Overdue: approved, published, its next review date in the past.
  ids.overdue = await newFaq('Digest overdue FAQ');
  await cms.approveAndPublish(FAQ, ids.overdue, 'en');
  await cms.strapi.db.query(FAQ).updateMany({ where: { documentId: ids.overdue }, data: { nextReviewDue: '2026-01-01' } });
  // Waiting for a physician.
  ids.waiting = await newFaq('Digest waiting FAQ');
  await reviews.submit({ contentType: FAQ, documentId: ids.waiting, locale: 'en' }, editor);
  // Rejected, with the physician's comment.
  ids.rejected = await newFaq('Digest rejected FAQ');
  const target = { contentType: FAQ, documentId: ids.rejected, locale: 'en' };
  await reviews.submit(target, editor);
  await reviews.reject(target, physician, { comment: 'Say how often it happens, in plain words.' });
});
afterAll(async () => {
  await cms?.stop();
  await smtp?.stop();
});

describe('the daily review reminder', () => {
  let run: { day: string; sent: string[]; alreadySent: string[]; failed: string[] };
  beforeAll(async () => {
    run = await digest().send();
  });

  it('mails the physician (in Spanish, their admin language) the overdue review and the waiting revision, with links to the admin', () => {
    const [mail, ...more] = mailTo('physician@clinic.test');
    expect(more).toEqual([]);
    expect(mail!.from).toBe('reviews@clinic.test');
    expect(mail!.subject).toMatch(/^Revisión médica: \d+ por revisar, \d+ en espera$/);
    expect(mail!.text).toContain('Hola, Thomas Stauss:');
    expect(mail!.text).toContain(`- Digest overdue FAQ (en), vencida desde el 2026-01-01\n  http://cms.test/admin/content-manager/collection-types/plugin::clinic.faq/${ids.overdue}?plugin[i18n][locale]=en`);
    expect(mail!.text).toMatch(/- Digest waiting FAQ \(en\), enviada por .+ el \d{4}-\d{2}-\d{2}/);
    expect(mail!.html).toContain(`<a href="http://cms.test/admin/content-manager/collection-types/plugin::clinic.faq/${ids.waiting}?plugin[i18n][locale]=en">Digest waiting FAQ</a>`);
    // A revision the physician rejected is the editor's to fix, not a physician's task.
    expect(mail!.text).not.toContain('Digest rejected FAQ');
  });

  it("mails the editor their rejected revision with the physician's comment, in English", () => {
    const [mail, ...more] = mailTo('editor@clinic.test');
    expect(more).toEqual([]);
    expect(mail!.subject).toMatch(/^Medical review: \d+ rejected revisions? to revise$/);
    expect(mail!.text).toMatch(/- Digest rejected FAQ \(en\), rejected by Thomas Stauss on \d{4}-\d{2}-\d{2}: “Say how often it happens, in plain words.”/);
    expect(mail!.text).not.toContain('Digest waiting FAQ');
  });

  it('mails nobody with nothing to do: an editor without rejections, the super admin', () => {
    expect(mailTo('quiet@clinic.test')).toEqual([]);
    expect(mailTo('admin@clinic.test')).toEqual([]);
    expect(smtp.received).toHaveLength(2);
    expect(run.sent.sort()).toEqual(['editor@clinic.test', 'physician@clinic.test']);
    expect(run.failed).toEqual([]);
  });

  it('never sends twice on the same day, by the cron or by hand; the next day it reminds again', async () => {
    const again = await digest().send();
    expect(again).toMatchObject({ day: run.day, sent: [], failed: [] });
    expect(again.alreadySent.sort()).toEqual(['editor@clinic.test', 'physician@clinic.test']);

    const byHand = await cms.http.post('/clinic/review-digest/send').set({ authorization: `Bearer ${await login('admin@clinic.test')}` });
    expect(byHand.status).toBe(200);
    expect(byHand.body.data.sent).toEqual([]);
    expect(smtp.received).toHaveLength(2);

    const tomorrow = await digest().send(new Date(Date.now() + 24 * 3600 * 1000));
    expect(tomorrow.sent.sort()).toEqual(['editor@clinic.test', 'physician@clinic.test']);
    expect(smtp.received).toHaveLength(4);
  });

  it('lets only super admins send by hand', async () => {
    for (const who of ['editor@clinic.test', 'physician@clinic.test']) {
      const res = await cms.http.post('/clinic/review-digest/send').set({ authorization: `Bearer ${await login(who)}` });
      expect(res.status).toBe(403);
    }
    expect((await cms.http.post('/clinic/review-digest/send')).status).toBe(401);
  });

  it('gives a day back when the mail server is down, so the next run sends it', async () => {
    const inTwoDays = new Date(Date.now() + 2 * 24 * 3600 * 1000);
    await smtp.stop();
    const down = await digest().send(inTwoDays);
    expect(down.failed.sort()).toEqual(['editor@clinic.test', 'physician@clinic.test']);
    smtp = await startSmtpReceiver(SMTP_PORT);
    const up = await digest().send(inTwoDays);
    expect(up.sent.sort()).toEqual(['editor@clinic.test', 'physician@clinic.test']);
    expect(smtp.received).toHaveLength(2);
  });

  it('is scheduled daily at the configured hour', () => {
    const job = cms.strapi.cron.jobs.find((j: { name: string }) => j.name === 'clinicReviewDigest');
    expect(job?.options).toEqual({ rule: '0 0 7 * * *', tz: 'UTC' });
  });
});
