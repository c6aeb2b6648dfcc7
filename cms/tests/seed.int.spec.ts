import { bootCms, DEMO_PASSWORD, type BootedCms } from './harness/strapi';

/** The demo seed: complete in both locales, and a second run changes nothing. */
let cms: BootedCms;
beforeAll(async () => {
  cms = await bootCms();
});
afterAll(() => cms?.stop());

const TYPES = ['procedure', 'provider', 'faq', 'rebrand-notice', 'clinic'];
const POPULATE: Record<string, any> = {
  procedure: { otherNames: true, sections: { populate: ['steps'] }, faqs: true, providers: true, relatedProcedures: true, reviewedBy: true },
  provider: { procedures: true, reviewedBy: true },
  faq: { procedures: true, reviewedBy: true },
  'rebrand-notice': {},
  clinic: {},
};
const VOLATILE = new Set(['id', 'createdAt', 'updatedAt', 'publishedAt']);

function stable(value: any): any {
  if (Array.isArray(value)) return value.map(stable);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([k]) => !VOLATILE.has(k)).map(([k, v]) => [k, stable(v)]));
  }
  return value;
}

async function snapshot() {
  const out: Record<string, unknown> = {};
  for (const type of TYPES) {
    for (const locale of ['en', 'es']) {
      for (const status of ['draft', 'published']) {
        const rows = await cms.strapi.documents(`plugin::clinic.${type}`).findMany({ locale, status, populate: POPULATE[type], sort: 'documentId' });
        out[`${type}/${locale}/${status}`] = stable(rows);
      }
    }
  }
  return out;
}

it('loads the whole demo clinic in en and es', async () => {
  await cms.seedDemo();
  const procedure = await cms.strapi.documents('plugin::clinic.procedure').findFirst({
    locale: 'en',
    status: 'published',
    filters: { slug: 'vertebroplasty-and-kyphoplasty' },
    populate: POPULATE.procedure,
  });
  expect(procedure.sections.map((s: any) => s.kind)).toEqual(['overview', 'candidacy', 'preparation', 'how_performed', 'how_performed', 'aftercare', 'risks', 'recovery']);
  expect(procedure.sections.filter((s: any) => s.kind === 'how_performed').map((s: any) => s.steps.length)).toEqual([4, 5]);
  expect(procedure.faqs.length).toBeGreaterThanOrEqual(3);
  expect(procedure.reviewedBy).toMatchObject({ fullName: 'Thomas Stauss', credentials: 'MD', specialty: 'Pain Management', slug: 'thomas-stauss' });
  expect(procedure.lastReviewedOn).toBe('2026-04-25');
  expect(procedure.nextReviewDue).toBe('2027-04-25');

  const es = await cms.strapi.documents('plugin::clinic.procedure').findOne({ documentId: procedure.documentId, locale: 'es', status: 'published' });
  expect(es.title).toBe('Vertebroplastia y cifoplastia');

  for (const locale of ['en', 'es']) {
    expect(await cms.strapi.documents('plugin::clinic.procedure').count({ locale, status: 'published' })).toBeGreaterThanOrEqual(3);
    expect(await cms.strapi.documents('plugin::clinic.provider').count({ locale, status: 'published' })).toBeGreaterThanOrEqual(3);
    expect(await cms.strapi.documents('plugin::clinic.rebrand-notice').count({ locale, status: 'published' })).toBe(1);
  }
  const clinic = await cms.strapi.documents('plugin::clinic.clinic').findFirst({ locale: 'en', status: 'published' });
  expect(clinic.phone).toMatch(/\d/);
});

it('creates the demo admin with the DEMO_PASSWORD password', async () => {
  const admin = await cms.strapi.db.query('admin::user').findOne({ where: { email: 'admin@clinic.test' }, populate: ['roles'] });
  expect(admin.roles.map((r: any) => r.code)).toContain('strapi-super-admin');
  expect(await cms.strapi.service('admin::auth').validatePassword(DEMO_PASSWORD, admin.password)).toBe(true);
});

it('gives exactly the same content when run a second time', async () => {
  const before = await snapshot();
  await cms.seedDemo();
  const after = await snapshot();
  expect(after).toEqual(before);
  expect(await cms.strapi.db.query('admin::user').count({ where: { email: 'admin@clinic.test' } })).toBe(1);
});
