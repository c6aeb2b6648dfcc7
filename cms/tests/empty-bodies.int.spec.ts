import { bootCms, DEMO_PASSWORD, type BootedCms } from './harness/strapi';

/** Writes that arrive without a body, or with an upload's fileInfo that is not JSON: a 4xx, never Strapi's 500 (found by an outside attack). */
let cms: BootedCms;
beforeAll(async () => {
  cms = await bootCms();
  await cms.seedDemo();
});
afterAll(() => cms?.stop());

const WRITES = ['/api/auth/local', '/api/auth/forgot-password', '/api/auth/reset-password', '/api/auth/send-email-confirmation', '/api/auth/local/register', '/admin/register', '/admin/login', '/admin/forgot-password', '/admin/reset-password', '/admin/register-admin'];

describe('a write without a body', () => {
  it.each(WRITES)('POST %s with no body (and no content type, or JSON with none) is a 4xx', async (path) => {
    for (const type of [undefined, 'application/json', 'text/plain', 'application/x-www-form-urlencoded']) {
      const request = cms.http.post(path);
      const res = await (type ? request.set('content-type', type) : request);
      expect({ path, type, status: res.status >= 400 && res.status < 500 }).toEqual({ path, type, status: true });
    }
  });
});

describe('an upload whose fileInfo is not JSON', () => {
  it('is a 400 and stores nothing', async () => {
    const token = (await cms.http.post('/admin/login').send({ email: 'editor@clinic.test', password: DEMO_PASSWORD })).body.data.token;
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000185d0a4f30000000049454e44ae426082', 'hex');
    const before = await cms.strapi.db.query('plugin::upload.file').count();
    const res = await cms.http.post('/upload').set({ authorization: `Bearer ${token}` }).field('fileInfo', '{bad').attach('files', png, 'ok.png');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/fileInfo/);
    expect(await cms.strapi.db.query('plugin::upload.file').count()).toBe(before);
  });
});
