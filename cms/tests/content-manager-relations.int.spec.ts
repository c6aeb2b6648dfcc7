import { bootCms, DEMO_PASSWORD, type BootedCms } from './harness/strapi';

/**
 * The Content Manager's relation pickers, for every role, every clinic content type and every
 * relation field the model has (its own, and Strapi's createdBy, updatedBy, localizations):
 * a field the role may read lists its relations; one it may not is a 403. Never a 500 (Strapi's
 * own refusal there used to crash into one: see the plugin's content-manager/relations-forbidden.ts).
 */
let cms: BootedCms;
const tokens: Record<string, string> = {};
const ROLES = ['admin', 'editor', 'physician'] as const;
const TYPES = ['plugin::clinic.procedure', 'plugin::clinic.faq', 'plugin::clinic.provider', 'plugin::clinic.rebrand-notice', 'plugin::clinic.clinic'];

beforeAll(async () => {
  cms = await bootCms();
  await cms.seedDemo();
  for (const who of ROLES) {
    const res = await cms.http.post('/admin/login').send({ email: `${who}@clinic.test`, password: DEMO_PASSWORD });
    expect(res.status).toBe(200);
    tokens[who] = res.body.data.token;
  }
});
afterAll(() => cms?.stop());

const relationFields = (uid: string) =>
  Object.entries(cms.strapi.getModel(uid).attributes as Record<string, any>)
    .filter(([, attribute]) => attribute.type === 'relation')
    .map(([name]) => name);

describe('relation pickers answer every role without a 500', () => {
  it('covers the fields that used to fail', () => {
    expect(relationFields('plugin::clinic.procedure')).toEqual(expect.arrayContaining(['reviewedBy', 'createdBy', 'updatedBy', 'localizations', 'faqs', 'providers']));
  });

  for (const uid of TYPES) {
    it(`${uid}: every relation field, every role`, async () => {
      const document = await cms.strapi.documents(uid).findFirst({ locale: 'en' });
      expect(document).toBeTruthy();
      const seen: Record<string, number> = {};
      for (const field of relationFields(uid)) {
        for (const who of ROLES) {
          for (const path of [`/content-manager/relations/${uid}/${field}`, `/content-manager/relations/${uid}/${document.documentId}/${field}`]) {
            const res = await cms.http.get(path).query({ locale: 'en', pageSize: 5 }).set({ authorization: `Bearer ${tokens[who]}` });
            seen[`${field} ${who} ${path.split('/').length === 6 ? 'available' : 'existing'}`] = res.status;
            expect({ field, who, path, answered: [200, 403].includes(res.status) ? 'allowed or refused' : res.status }).toEqual({ field, who, path, answered: 'allowed or refused' });
            if (res.status === 403) expect(res.body.error).toMatchObject({ status: 403, name: 'ForbiddenError' });
            else expect(Array.isArray(res.body.results)).toBe(true);
          }
        }
      }
      // What each role may read: its form's relations list; Strapi's bookkeeping relations are nobody's to browse.
      for (const field of relationFields(uid)) {
        const bookkeeping = ['createdBy', 'updatedBy', 'localizations'].includes(field);
        const expected = (who: string) => (bookkeeping ? 403 : field === 'reviewedBy' && who === 'editor' ? 403 : 200);
        for (const who of ROLES) {
          expect({ field, who, status: seen[`${field} ${who} available`] }).toEqual({ field, who, status: expected(who) });
          expect({ field, who, status: seen[`${field} ${who} existing`] }).toEqual({ field, who, status: expected(who) });
        }
      }
    });
  }
});
