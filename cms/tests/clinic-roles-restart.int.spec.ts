import { bootCms, DEMO_PASSWORD, type BootedCms } from './harness/strapi';

/**
 * The clinic roles the plugin creates must survive the CMS booting again on the same database
 * (a restart, a deploy, a second instance): Strapi's own boot deletes a publish or delete
 * permission whose locales are null, which once left physicians unable to publish after the
 * first restart. A locale an admin adds later is covered by both roles.
 */
let cms: BootedCms;
const FAQ = 'plugin::clinic.faq';
const ROLES = ['clinic-marketing-editor', 'clinic-physician-reviewer'];

beforeAll(async () => {
  cms = await bootCms();
  await cms.seedDemo();
});
afterAll(() => cms?.stop());

/** Each clinic role's permissions, as comparable lines. */
async function rolePermissions() {
  const rows = await cms.strapi.db.query('admin::permission').findMany({ where: { role: { code: { $in: ROLES } } }, populate: ['role'] });
  return rows
    .map((p: any) => `${p.role.code} ${p.action} ${p.subject ?? ''} ${JSON.stringify(p.properties?.locales ?? null)}`)
    .sort();
}

async function token(email: string) {
  const res = await cms.http.post('/admin/login').send({ email, password: DEMO_PASSWORD });
  expect(res.status).toBe(200);
  return { authorization: `Bearer ${res.body.data.token}` };
}

/** The physician approves and publishes an FAQ's edit through the admin API, as the review panel and the Content Manager do. */
async function physicianPublishes(locale: string) {
  const editor = await token('editor@clinic.test');
  const physician = await token('physician@clinic.test');
  const faq = await cms.strapi.documents(FAQ).findFirst({ locale, status: 'draft' });
  const path = `/content-manager/collection-types/${FAQ}/${faq.documentId}`;
  const saved = await cms.http.put(path).query({ locale }).set(editor).set(await cms.draftVersion(path, locale, editor)).send({ answer: `${faq.answer} Checked again (${locale}).` });
  expect(saved.status).toBe(200);
  expect((await cms.http.post(`/clinic/reviews/faq/${faq.documentId}/submit`).set(editor).send({ locale })).status).toBe(201);
  const review = await cms.http.get(`/clinic/reviews/faq/${faq.documentId}`).query({ locale }).set(physician);
  expect((await cms.http.post(`/clinic/reviews/faq/${faq.documentId}/approve`).set(physician).send({ locale, revisionHash: review.body.data.revisionHash })).status).toBe(201);
  const published = await cms.http.post(`${path}/actions/publish`).query({ locale }).set(physician).send({});
  expect([published.status, published.body?.error?.message]).toEqual([200, undefined]);
}

describe('the clinic roles after the CMS boots again', () => {
  it('keep every permission, and the physician still publishes an approved page', async () => {
    const before = await rolePermissions();
    expect(before.filter((line) => line.startsWith('clinic-physician-reviewer plugin::content-manager.explorer.publish'))).toHaveLength(3);
    expect(before.filter((line) => line.startsWith('clinic-physician-reviewer plugin::content-manager.explorer.delete'))).toHaveLength(3);
    await cms.restart();
    expect(await rolePermissions()).toEqual(before);
    await physicianPublishes('en');
    await cms.restart();
    expect(await rolePermissions()).toEqual(before);
    await physicianPublishes('es');
  });

  it('made by an earlier version (locales null, publish and delete already deleted by Strapi) are repaired once on the next boot', async () => {
    const before = await rolePermissions();
    const rows = await cms.strapi.db.query('admin::permission').findMany({ where: { role: { code: { $in: ROLES } } } });
    for (const row of rows as any[]) {
      if (!Array.isArray(row.properties?.locales)) continue;
      if (/explorer\.(publish|delete)$/.test(row.action)) await cms.strapi.db.query('admin::permission').delete({ where: { id: row.id } });
      else await cms.strapi.db.query('admin::permission').update({ where: { id: row.id }, data: { properties: { ...row.properties, locales: null } } });
    }
    await cms.strapi.store({ type: 'plugin', name: 'clinic' }).delete({ key: 'roles-name-locales' });
    await cms.restart();
    expect(await rolePermissions()).toEqual(before);
    await physicianPublishes('en');

    // Once: an administrator who later takes a permission away keeps it away.
    const publish = (await cms.strapi.db.query('admin::permission').findMany({ where: { role: { code: ROLES[1] }, action: 'plugin::content-manager.explorer.publish' } }))[0];
    await cms.strapi.db.query('admin::permission').delete({ where: { id: publish.id } });
    await cms.restart();
    expect(await rolePermissions()).toHaveLength(before.length - 1);
    await cms.strapi.service('admin::role').addPermissions(publish.role?.id ?? (await cms.strapi.service('admin::role').findOne({ code: ROLES[1] })).id, [{ action: publish.action, subject: publish.subject, properties: publish.properties, conditions: [] }]);
    expect(await rolePermissions()).toEqual(before);
  });

  it('cover a locale an admin adds later, in every permission that names locales, and keep it after a restart', async () => {
    await cms.strapi.plugin('i18n').service('locales').create({ code: 'fr', name: 'French (fr)' });
    const withFrench = await rolePermissions();
    const naming = withFrench.filter((line) => !line.endsWith(' null'));
    expect(naming.length).toBeGreaterThan(10);
    for (const line of naming) expect(JSON.parse(line.slice(line.indexOf('['))).sort()).toEqual(['en', 'es', 'fr']);
    await cms.restart();
    expect(await rolePermissions()).toEqual(withFrench);

    const editor = await token('editor@clinic.test');
    const created = await cms.http.post(`/content-manager/collection-types/${FAQ}`).query({ locale: 'fr' }).set(editor).send({ question: 'Combien de temps dure la consultation ?', answer: 'Environ une heure.' });
    expect(created.status).toBe(201);
  });
});
