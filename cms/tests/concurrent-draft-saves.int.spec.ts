import { bootCms, DEMO_PASSWORD, type BootedCms } from './harness/strapi';

/**
 * Two people editing the same draft in the Content Manager: each save carries the version of
 * the draft its editor loaded (X-Clinic-Draft-Version, sent by the plugin's admin); a save
 * based on a version someone else has since replaced is a 409 that says so, and the other
 * person's text stays. After reloading, saving works.
 */
let cms: BootedCms;
const tokens: Record<string, string> = {};
const HEADER = 'X-Clinic-Draft-Version';

const TYPES: Array<{ uid: string; field: string; single?: boolean }> = [
  { uid: 'plugin::clinic.procedure', field: 'title' },
  { uid: 'plugin::clinic.faq', field: 'question' },
  { uid: 'plugin::clinic.provider', field: 'fullName' },
  { uid: 'plugin::clinic.rebrand-notice', field: 'message' },
  { uid: 'plugin::clinic.clinic', field: 'name', single: true },
];

beforeAll(async () => {
  cms = await bootCms();
  await cms.seedDemo();
  for (const who of ['admin', 'editor']) {
    const res = await cms.http.post('/admin/login').send({ email: `${who}@clinic.test`, password: DEMO_PASSWORD });
    expect(res.status).toBe(200);
    tokens[who] = res.body.data.token;
  }
});
afterAll(() => cms?.stop());

const as = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });
const pathOf = (type: (typeof TYPES)[number], documentId: string) =>
  type.single ? `/content-manager/single-types/${type.uid}` : `/content-manager/collection-types/${type.uid}/${documentId}`;

/** What the edit view does on open: read the draft, and remember its version. */
async function open(who: string, type: (typeof TYPES)[number], documentId: string) {
  const res = await cms.http.get(pathOf(type, documentId)).query({ locale: 'en' }).set(as(who));
  expect(res.status).toBe(200);
  return { version: res.body.data.updatedAt as string, data: res.body.data };
}
const save = (who: string, type: (typeof TYPES)[number], documentId: string, version: string | null, data: Record<string, unknown>) => {
  const request = cms.http.put(pathOf(type, documentId)).query({ locale: 'en' }).set(as(who));
  if (version !== null) request.set(HEADER, version);
  return request.send(data);
};
const draftText = async (type: (typeof TYPES)[number], documentId: string) =>
  (await cms.strapi.documents(type.uid).findOne({ documentId, locale: 'en', status: 'draft' }))[type.field];

describe('two editors saving the same draft', () => {
  for (const type of TYPES) {
    it(`${type.uid}: the second save is refused with a 409 and the first editor's text stays; after reloading it saves`, async () => {
      const documentId = (await cms.strapi.documents(type.uid).findFirst({ locale: 'en', status: 'draft' })).documentId;
      const first = await open('editor', type, documentId);
      const second = await open('admin', type, documentId);
      expect(second.version).toBe(first.version);

      const firstSave = await save('editor', type, documentId, first.version, { [type.field]: `${type.field} by the first editor` });
      expect(firstSave.status).toBe(200);
      expect(firstSave.body.data.updatedAt).not.toBe(first.version);

      const stale = await save('admin', type, documentId, second.version, { [type.field]: `${type.field} by the second editor` });
      expect(stale.status).toBe(409);
      expect(stale.body.error.message).toMatch(/Someone else saved this draft after you opened it.*Reload the page/);
      expect(await draftText(type, documentId)).toBe(`${type.field} by the first editor`);

      const reloaded = await open('admin', type, documentId);
      expect(reloaded.data[type.field]).toBe(`${type.field} by the first editor`);
      const retry = await save('admin', type, documentId, reloaded.version, { [type.field]: `${type.field} by the second editor, after reloading` });
      expect(retry.status).toBe(200);
      expect(await draftText(type, documentId)).toBe(`${type.field} by the second editor, after reloading`);

      // The first editor's own next save, based on what their save returned, is now the stale one.
      const again = await save('editor', type, documentId, firstSave.body.data.updatedAt, { [type.field]: 'overwrite?' });
      expect(again.status).toBe(409);
    });
  }

  it('two saves sent at the same moment from the same version: exactly one wins', async () => {
    const type = TYPES[1]!;
    const documentId = (await cms.strapi.documents(type.uid).findFirst({ locale: 'en', status: 'draft' })).documentId;
    const { version } = await open('editor', type, documentId);
    const [a, b] = await Promise.all([
      save('editor', type, documentId, version, { question: 'Parallel A?' }),
      save('admin', type, documentId, version, { question: 'Parallel B?' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect(await draftText(type, documentId)).toBe(a.status === 200 ? 'Parallel A?' : 'Parallel B?');
  });

  it('save and publish from a stale copy is refused too (a non-medical notice, which editors publish)', async () => {
    const type = TYPES[3]!;
    const documentId = (await cms.strapi.documents(type.uid).findFirst({ locale: 'en', status: 'draft' })).documentId;
    const { version } = await open('editor', type, documentId);
    expect((await save('admin', type, documentId, version, { message: 'Changed first' })).status).toBe(200);
    const res = await cms.http
      .post(`/content-manager/collection-types/${type.uid}/${documentId}/actions/publish`)
      .query({ locale: 'en' })
      .set(as('editor'))
      .set(HEADER, version)
      .send({ message: 'Stale publish' });
    expect(res.status).toBe(409);
    expect(await draftText(type, documentId)).toBe('Changed first');
  });

  it('a version that is not a date-time is a 400', async () => {
    const type = TYPES[1]!;
    const documentId = (await cms.strapi.documents(type.uid).findFirst({ locale: 'en', status: 'draft' })).documentId;
    const before = await draftText(type, documentId);
    const malformed = await save('editor', type, documentId, 'yesterday', { question: 'Malformed?' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toMatch(/not a date-time/);
    expect(await draftText(type, documentId)).toBe(before);
  });
});

describe('a save that names no version (a script, an older client)', () => {
  for (const type of TYPES) {
    it(`${type.uid}: writing fields over an existing draft is a 428 that says how to name the version, and the draft stays`, async () => {
      const documentId = (await cms.strapi.documents(type.uid).findFirst({ locale: 'en', status: 'draft' })).documentId;
      const before = await draftText(type, documentId);
      for (const body of [{ [type.field]: 'Unversioned?' }, { [type.field]: 'Unversioned?', updatedAt: 42 }, { [type.field]: 'Unversioned?', updatedAt: null }]) {
        const res = await save('editor', type, documentId, null, body);
        expect(res.status).toBe(428);
        expect(res.body.error.message).toMatch(/does not say which version.*X-Clinic-Draft-Version.*updatedAt/);
      }
      const publish = await cms.http.post(`${pathOf(type, documentId)}/actions/publish`).query({ locale: 'en' }).set(as('admin')).send({ [type.field]: 'Unversioned publish?' });
      expect(publish.status).toBe(428);
      expect(await draftText(type, documentId)).toBe(before);
    });
  }

  it('a client that sends back the document it read names its version with the body\'s updatedAt: current saves, stale is a 409', async () => {
    const type = TYPES[0]!;
    const documentId = (await cms.strapi.documents(type.uid).findFirst({ locale: 'en', status: 'draft' })).documentId;
    const { data } = await open('editor', type, documentId);
    const { version } = await open('admin', type, documentId);
    const readModifyWrite = await save('editor', type, documentId, null, { [type.field]: 'Read, modified, written', updatedAt: data.updatedAt });
    expect(readModifyWrite.status).toBe(200);
    const stale = await save('admin', type, documentId, null, { [type.field]: 'From the older copy', updatedAt: version });
    expect(stale.status).toBe(409);
    expect(await draftText(type, documentId)).toBe('Read, modified, written');
    // The header wins over the body: a current header with a stale body saves.
    const current = await open('admin', type, documentId);
    expect((await save('admin', type, documentId, current.version, { [type.field]: 'Header wins', updatedAt: version })).status).toBe(200);
  });

  it('nothing to overwrite needs no version: a locale\'s first draft, and a publish that sets no field', async () => {
    const type = TYPES[3]!;
    const documentId = (await cms.strapi.documents(type.uid).findFirst({ locale: 'en', status: 'draft' })).documentId;
    const spanishExists = await cms.strapi.documents(type.uid).findOne({ documentId, locale: 'es', status: 'draft' });
    if (spanishExists) await cms.strapi.documents(type.uid).delete({ documentId, locale: 'es' });
    const english = await open('editor', type, documentId);
    const { documentId: _id, id: _rowId, locale: _locale, updatedAt: _updatedAt, createdAt: _createdAt, publishedAt: _publishedAt, localizations: _l, createdBy: _c, updatedBy: _u, status: _s, ...fields } = english.data;
    const firstSpanish = await cms.http.put(pathOf(type, documentId)).query({ locale: 'es' }).set(as('editor')).send({ ...fields, message: 'Aviso en español' });
    expect([firstSpanish.status, firstSpanish.body?.error?.message]).toEqual([200, undefined]);
    const publish = await cms.http.post(`${pathOf(type, documentId)}/actions/publish`).query({ locale: 'es' }).set(as('editor')).send({});
    expect(publish.status).toBe(200);
    expect((await cms.strapi.documents(type.uid).findOne({ documentId, locale: 'es', status: 'published' }))?.message).toBe('Aviso en español');
  });
});
