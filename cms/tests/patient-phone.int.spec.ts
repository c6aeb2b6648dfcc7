import { bootCms, DEMO_PASSWORD, type BootedCms } from './harness/strapi';

/** The phones patients see (clinic details, rebrand notice) are numbers they can dial, on every write path. */
const CLINIC = 'plugin::clinic.clinic';
const NOTICE = 'plugin::clinic.rebrand-notice';
const NOT_DIALABLE = ['(262) 555-0142', 'call the front desk', '"><svg/onload=alert(1)>', '+1 262-555', '12'];
let cms: BootedCms;
let auth: { authorization: string };

beforeAll(async () => {
  cms = await bootCms();
  await cms.seedDemo();
  const token = (await cms.http.post('/admin/login').send({ email: 'editor@clinic.test', password: DEMO_PASSWORD })).body.data.token;
  auth = { authorization: `Bearer ${token}` };
});
afterAll(() => cms?.stop());

const storedClinicPhone = async () => (await cms.strapi.db.query(CLINIC).findOne({ where: { locale: 'en', publishedAt: null } })).phone;

describe('patient phones', () => {
  it('refuses a clinic phone patients cannot dial, from the admin with a 400 that says how to write it, and keeps the stored one', async () => {
    const single = `/content-manager/single-types/${CLINIC}`;
    const before = await storedClinicPhone();
    for (const phone of [...NOT_DIALABLE, '', 42, null]) {
      const res = await cms.http.put(single).query({ locale: 'en' }).set(auth).set(await cms.draftVersion(single, 'en', auth)).send({ phone });
      expect({ phone, status: res.status }).toEqual({ phone, status: 400 });
      if (typeof phone === 'string' && phone) expect(res.body.error.message).toMatch(/country code/);
    }
    expect(await storedClinicPhone()).toBe(before);
    const ok = await cms.http.put(single).query({ locale: 'en' }).set(auth).set(await cms.draftVersion(single, 'en', auth)).send({ phone: '  +1 262-555-0143 ext. 2 ' });
    expect(ok.status).toBe(200);
    expect(await storedClinicPhone()).toBe('+1 262-555-0143 ext. 2');
  });

  it('refuses it through the document service as well (code, imports)', async () => {
    const clinic = await cms.strapi.documents(CLINIC).findFirst({ locale: 'en' });
    await expect(cms.strapi.documents(CLINIC).update({ documentId: clinic.documentId, locale: 'en', data: { phone: '555-0142' } })).rejects.toThrow(/country code/);
  });

  it("lets a rebrand notice go without a phone, but not with one patients cannot dial", async () => {
    const base = { previousName: 'Old name', newName: 'New name', message: 'We have a new name.', startsAt: '2026-01-01T00:00:00.000Z', endsAt: '2026-06-01T00:00:00.000Z' };
    const url = `/content-manager/collection-types/${NOTICE}`;
    const countBefore = await cms.strapi.db.query(NOTICE).count();
    for (const phone of NOT_DIALABLE) {
      const res = await cms.http.post(url).query({ locale: 'en' }).set(auth).send({ ...base, phone });
      expect({ phone, status: res.status }).toEqual({ phone, status: 400 });
    }
    expect(await cms.strapi.db.query(NOTICE).count()).toBe(countBefore);
    expect((await cms.http.post(url).query({ locale: 'en' }).set(auth).send({ ...base, phone: '' })).status).toBe(201);
    expect((await cms.http.post(url).query({ locale: 'en' }).set(auth).send({ ...base, phone: '+34 912 34 56 78' })).status).toBe(201);
  });
});
