import { bootCms, DEMO_PASSWORD, type BootedCms } from './harness/strapi';

/** The Content Manager reads like a product: clinic fields carry names and explanations, set by the plugin. */
let cms: BootedCms;
let token: string;
beforeAll(async () => {
  cms = await bootCms();
  await cms.accounts();
  const login = await cms.http.post('/admin/login').send({ email: 'admin@clinic.test', password: DEMO_PASSWORD });
  token = login.body.data.token;
});
afterAll(() => cms?.stop());

const PROCEDURE = 'plugin::clinic.procedure';
const configuration = async (uid: string) => {
  const res = await cms.http.get(`/content-manager/content-types/${uid}/configuration`).set('authorization', `Bearer ${token}`);
  expect(res.status).toBe(200);
  return res.body.data as { contentType: { metadatas: Record<string, any>; layouts: any; settings: any }; components: Record<string, { metadatas: Record<string, any> }> };
};

describe('Content Manager field labels', () => {
  it('names and explains the procedure fields in the edit view, not by attribute name', async () => {
    const { contentType } = await configuration(PROCEDURE);
    expect(contentType.metadatas.otherNames.edit).toMatchObject({ label: 'Other names', description: expect.stringMatching(/search/) });
    expect(contentType.metadatas.typicalDurationMinutes.edit.label).toBe('Typical duration (minutes)');
    expect(contentType.metadatas.otherNames.list.label).toBe('Other names');
  });

  it('shows the review fields as set by the approval, read only', async () => {
    const { contentType } = await configuration(PROCEDURE);
    expect(contentType.metadatas.reviewedBy.edit).toMatchObject({ label: 'Reviewed by (from the approval)', editable: false, description: expect.stringMatching(/approval/) });
    expect(contentType.metadatas.nextReviewDue.edit.editable).toBe(false);
    expect(contentType.metadatas.reviewIntervalMonths.edit.editable).toBe(true);
  });

  it("labels the components' fields and describes the super-admin fields", async () => {
    const { components } = await configuration(PROCEDURE);
    expect(components['clinic.procedure-section']!.metadatas.steps.edit.label).toBe('Steps');
    expect(components['clinic.procedure-step']!.metadatas.detail.edit.label).toBe('Details');
    const provider = (await configuration('plugin::clinic.provider')).contentType;
    expect(provider.metadatas.reviewerAccountId.edit).toMatchObject({ label: 'Reviewer account id (super admins)', description: expect.stringMatching(/Only super admins/) });
  });

  it("keeps an administrator's own label when the CMS starts again", async () => {
    const { contentType } = await configuration(PROCEDURE);
    const metadatas = structuredClone(contentType.metadatas);
    // As the admin's settings page sends it: the list view's main fields are derived, not saved.
    for (const meta of Object.values(metadatas)) delete meta.list?.mainField;
    metadatas.otherNames.edit.label = 'Also known as';
    const saved = await cms.http
      .put(`/content-manager/content-types/${PROCEDURE}/configuration`)
      .set('authorization', `Bearer ${token}`)
      .send({ settings: contentType.settings, metadatas, layouts: contentType.layouts });
    expect(saved.status).toBe(200);

    // What the app runs at every start.
    await cms.strapi.plugin('clinic').service('setup').afterAllBootstraps();
    expect((await configuration(PROCEDURE)).contentType.metadatas.otherNames.edit.label).toBe('Also known as');
  });
});
