import { bootCms, DEMO_PASSWORD, type BootedCms } from './harness/strapi';

/** Reading levels of patient text, returned by the review API (queue and panel) against the clinic's target: a hint, never a block. */
const FAQ = 'plugin::clinic.faq';
const PROCEDURE = 'plugin::clinic.procedure';
let cms: BootedCms;
let token: string;
const ids: Record<string, string> = {};

const PLAIN_EN = 'Most people go home the same day. You may feel sore for a few days. Call us if the pain gets worse or you get a fever.';
const DENSE_EN =
  'Percutaneous vertebral augmentation stabilizes osteoporotic compression fractures through fluoroscopically guided transpedicular instrumentation, consequently diminishing nociceptive stimulation.';
const PLAIN_ES = 'Casi todos vuelven a casa el mismo día. Puede sentir dolor unos días. Llámenos si el dolor empeora o tiene fiebre.';

const queue = () => cms.http.get('/clinic/review-queue').set({ authorization: `Bearer ${token}` });
const queued = async (documentId: string, locale: string) => (await queue()).body.data.find((i: any) => i.documentId === documentId && i.locale === locale);

beforeAll(async () => {
  cms = await bootCms();
  await cms.seedDemo();
  const { editor } = await cms.accounts();
  token = (await cms.http.post('/admin/login').send({ email: 'physician@clinic.test', password: DEMO_PASSWORD })).body.data.token;
  const reviews = cms.strapi.plugin('clinic').service('reviews');
  const faq = await cms.strapi.documents(FAQ).create({ locale: 'en', data: { question: 'Reading level: dense answer?', answer: `**${DENSE_EN}**` } });
  ids.dense = faq.documentId;
  await cms.strapi.documents(FAQ).update({ documentId: faq.documentId, locale: 'es', data: { question: '¿Nivel de lectura?', answer: PLAIN_ES } });
  const procedure = await cms.strapi.documents(PROCEDURE).create({
    locale: 'en',
    data: {
      title: 'Reading level procedure',
      slug: 'reading-level-procedure',
      sections: [
        { kind: 'aftercare', heading: 'After the procedure', body: `## Going home\n\n- ${PLAIN_EN}` },
        { kind: 'how_performed', heading: 'How it is done', body: DENSE_EN, steps: [{ title: 'Numbing', detail: 'The skin is numbed.' }] },
      ],
    },
  });
  ids.procedure = procedure.documentId;
  for (const [documentId, contentType, locale] of [[ids.dense, FAQ, 'en'], [ids.dense, FAQ, 'es'], [ids.procedure, PROCEDURE, 'en']] as const) {
    await reviews.submit({ contentType, documentId, locale }, editor);
  }
});
afterAll(() => cms?.stop());

describe('reading levels in the review API', () => {
  it("scores each procedure section in the review queue against the clinic's default target, grade 8", async () => {
    const item = await queued(ids.procedure, 'en');
    expect(item.readingLevels.target).toBe(8);
    expect(item.readingLevels.aboveTarget).toBe(1);
    const [aftercare, howPerformed] = item.readingLevels.sections;
    expect(aftercare).toMatchObject({ key: 'sections.0', label: 'After the procedure', kind: 'aftercare', aboveTarget: false, level: { scored: true, formula: 'flesch-kincaid' } });
    expect(aftercare.level.grade).toBeLessThanOrEqual(8);
    expect(howPerformed).toMatchObject({ key: 'sections.1', aboveTarget: true, level: { scored: true, formula: 'flesch-kincaid' } });
    expect(howPerformed.level.grade).toBeGreaterThan(16);
  });

  it("scores an FAQ's answer, in Spanish with Fernández-Huerta", async () => {
    const en = await queued(ids.dense, 'en');
    expect(en.readingLevels.sections).toEqual([expect.objectContaining({ key: 'answer', label: 'Reading level: dense answer?', aboveTarget: true })]);
    const es = await queued(ids.dense, 'es');
    expect(es.readingLevels.sections[0]).toMatchObject({ key: 'answer', aboveTarget: false, level: { scored: true, formula: 'fernandez-huerta' } });
    expect(es.readingLevels.sections[0].level.ease).toBeGreaterThan(60);
  });

  it("follows the clinic's own target, and serves the panel a draft's levels", async () => {
    await cms.strapi.db.query('plugin::clinic.clinic').updateMany({ where: {}, data: { readingLevelTarget: 18 } });
    const item = await queued(ids.procedure, 'en');
    expect(item.readingLevels).toMatchObject({ target: 18 });
    const panel = await cms.http.get(`/clinic/reading-levels/faq/${ids.dense}`).query({ locale: 'en' }).set({ authorization: `Bearer ${token}` });
    expect(panel.status).toBe(200);
    expect(panel.body.data).toMatchObject({ target: 18, sections: [{ key: 'answer', level: { scored: true } }] });
    await cms.strapi.db.query('plugin::clinic.clinic').updateMany({ where: {}, data: { readingLevelTarget: null } });
    expect((await queued(ids.procedure, 'en')).readingLevels.target).toBe(8);
  });

  it('is a target editors cannot move: only a super admin sets it', async () => {
    const single = '/content-manager/single-types/plugin::clinic.clinic';
    const login = async (email: string) => (await cms.http.post('/admin/login').send({ email, password: DEMO_PASSWORD })).body.data.token as string;
    const target = async () => (await cms.strapi.db.query('plugin::clinic.clinic').findOne({ where: { locale: 'en', publishedAt: null } })).readingLevelTarget;
    const save = async (email: string, readingLevelTarget: number) => {
      const auth = { authorization: `Bearer ${await login(email)}` };
      const { name, phone, address } = (await cms.http.get(single).query({ locale: 'en' }).set(auth)).body.data;
      return cms.http.put(single).query({ locale: 'en' }).set(auth).set(await cms.draftVersion(single, 'en', auth)).send({ name, phone, address, readingLevelTarget });
    };
    const before = await target();
    await save('editor@clinic.test', 18);
    expect(await target()).toBe(before);
    expect((await save('admin@clinic.test', 9)).status).toBe(200);
    expect(await target()).toBe(9);
    await cms.strapi.db.query('plugin::clinic.clinic').updateMany({ where: {}, data: { readingLevelTarget: null } });
  });

  it('answers bad requests with a 4xx, never a 500', async () => {
    const auth = { authorization: `Bearer ${token}` };
    expect((await cms.http.get(`/clinic/reading-levels/faq/${ids.dense}`).set(auth)).status).toBe(400);
    expect((await cms.http.get(`/clinic/reading-levels/nope/${ids.dense}`).query({ locale: 'en' }).set(auth)).status).toBe(400);
    expect((await cms.http.get('/clinic/reading-levels/faq/missing').query({ locale: 'en' }).set(auth)).status).toBe(404);
    expect((await cms.http.get(`/clinic/reading-levels/faq/${ids.dense}`).query({ locale: 'en' })).status).toBe(401);
  });

  it('is a hint: text above the target is still approved and published', async () => {
    const { physician } = await cms.accounts();
    await cms.strapi.plugin('clinic').service('reviews').approve({ contentType: FAQ, documentId: ids.dense, locale: 'en' }, physician, {});
    const published = await cms.strapi.documents(FAQ).publish({ documentId: ids.dense, locale: 'en' });
    expect(published.entries[0].answer).toBe(`**${DENSE_EN}**`);
  });
});
