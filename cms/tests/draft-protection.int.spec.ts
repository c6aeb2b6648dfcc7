import { bootCms, PREVIEW_SECRET, type BootedCms } from './harness/strapi';

/** No draft reaches a caller without the preview secret, through REST or GraphQL. */
let cms: BootedCms;
let procedureId: string;
const DRAFT_TITLE = 'Borrador sin aprobar';

beforeAll(async () => {
  cms = await bootCms();
  await cms.seedDemo();
  const procedures = cms.strapi.documents('plugin::clinic.procedure');
  const published = await procedures.findFirst({ locale: 'es', filters: { slug: 'vertebroplastia-y-cifoplastia' } });
  procedureId = published.documentId;
  // An edit that nobody has published yet.
  await procedures.update({ documentId: procedureId, locale: 'es', data: { title: DRAFT_TITLE } });
});
afterAll(() => cms?.stop());

const preview = { 'x-preview-secret': PREVIEW_SECRET };

describe('REST', () => {
  it('refuses ?status=draft to anonymous callers with a 403 that says why', async () => {
    const res = await cms.http.get('/api/clinic/procedures?locale=es&status=draft');
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/Drafts are not public/);
    expect(JSON.stringify(res.body)).not.toContain(DRAFT_TITLE);
  });

  it('refuses drafts to a signed-in site user too', async () => {
    const user = await cms.strapi.plugin('users-permissions').service('user').add({
      username: 'patient', email: 'patient@example.test', password: 'Patient2026', confirmed: true, provider: 'local',
      role: (await cms.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } })).id,
    });
    const jwt = cms.strapi.plugin('users-permissions').service('jwt').issue({ id: user.id });
    const res = await cms.http.get(`/api/clinic/procedures/${procedureId}?locale=es&status=draft`).set('authorization', `Bearer ${jwt}`);
    expect(res.status).toBe(403);
  });

  it('refuses drafts with a wrong preview secret', async () => {
    const res = await cms.http.get('/api/clinic/procedures?locale=es&status=draft').set('x-preview-secret', 'guess');
    expect(res.status).toBe(403);
  });

  it('serves the published text to anonymous callers', async () => {
    const res = await cms.http.get(`/api/clinic/procedures/${procedureId}?locale=es`);
    expect(res.status).toBe(200);
    expect(res.body.data.title).toBe('Vertebroplastia y cifoplastia');
  });

  it('serves the draft to the preview credential', async () => {
    const res = await cms.http.get(`/api/clinic/procedures/${procedureId}?locale=es&status=draft`).set(preview);
    expect(res.status).toBe(200);
    expect(res.body.data.title).toBe(DRAFT_TITLE);
  });
});

describe('GraphQL', () => {
  const query = `query ($status: PublicationStatus) { clinicProcedures(locale: "es", status: $status) { title } }`;

  it('refuses status: DRAFT to anonymous callers with a 403 and a message', async () => {
    const res = await cms.graphql(query, { status: 'DRAFT' });
    expect(res.status).toBe(403);
    expect(res.body.errors[0].message).toMatch(/Drafts are not public/);
    expect(JSON.stringify(res.body)).not.toContain(DRAFT_TITLE);
  });

  it('refuses drafts asked for inline, on single-document queries too', async () => {
    const res = await cms.graphql(`{ clinicProcedure(documentId: "${procedureId}", locale: "es", status: DRAFT) { title } }`);
    expect(res.status).toBe(403);
    expect(JSON.stringify(res.body)).not.toContain(DRAFT_TITLE);
  });

  it('serves published text by default', async () => {
    const res = await cms.graphql(query);
    expect(res.status).toBe(200);
    expect(res.body.data.clinicProcedures.map((p: any) => p.title)).toContain('Vertebroplastia y cifoplastia');
    expect(JSON.stringify(res.body)).not.toContain(DRAFT_TITLE);
  });

  it('serves drafts to the preview credential', async () => {
    const res = await cms.graphql(query, { status: 'DRAFT' }, preview);
    expect(res.status).toBe(200);
    expect(res.body.data.clinicProcedures.map((p: any) => p.title)).toContain(DRAFT_TITLE);
  });
});
