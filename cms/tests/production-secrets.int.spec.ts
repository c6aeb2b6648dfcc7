import { spawn } from 'child_process';
import fs from 'fs';
import net from 'net';
import os from 'os';
import path from 'path';
import { verifyPreviewLink } from 'clinic-domain';
import { bootCms, DEMO_PASSWORD, PREVIEW_SECRET, type BootedCms } from './harness/strapi';

/**
 * No default secret in production, no public sign-up, no remote data transfer, and preview
 * links that carry a short-lived signature instead of the preview secret.
 *
 * The production starts run the CMS compiled by the test setup as a separate process (on a
 * throw-away SQLite file whatever the suite's database: the refusal comes before any query).
 */
const cmsDir = path.resolve(__dirname, '..');
const strapiBin = path.join(path.dirname(require.resolve('@strapi/strapi/package.json', { paths: [cmsDir] })), 'bin/strapi.js');

const REAL_SECRETS = {
  APP_KEYS: 'kq3Vx9Lm2Tp7Rw4Zs8Yb1Nc6,Hd5Gf0Jk3Lq8Wm2Xv7Pz4R',
  ADMIN_JWT_SECRET: 'a1Mn4Bv7Cx0Zl3Kj6Hg9Fd2Ss5',
  API_TOKEN_SALT: 'p8Oi5Uy2Tr9Ew6Qa3Sd0Fg7Hj4',
  TRANSFER_TOKEN_SALT: 'z2Xc5Vb8Nm1Lk4Jh7Gf0Ds3Aq6',
  ENCRYPTION_KEY: 'w9Er6Ty3Ui0Op7As4Df1Gh8Jk5',
  JWT_SECRET: 'm4Nb7Vc0Xz3Lk6Jh9Gf2Ds5Aq8',
};

interface Run {
  code: number | null;
  output: string;
}

/** Starts the CMS with NODE_ENV=production and only the given variables; stops it once `/_health` answers. */
function startInProduction(command: string[], env: Record<string, string>): Promise<Run & { answered: boolean }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clinic-prod-'));
  return freePort().then(
    (port) =>
      new Promise((resolve) => {
        const child = spawn(process.execPath, command, {
          cwd: cmsDir,
          env: {
            PATH: process.env.PATH ?? '',
            HOME: process.env.HOME ?? os.tmpdir(),
            NODE_ENV: 'production',
            STRAPI_TELEMETRY_DISABLED: 'true',
            STRAPI_SKIP_COMPILE: 'true',
            SERVE_ADMIN_PANEL: 'false',
            HOST: '127.0.0.1',
            PORT: String(port),
            DATABASE_CLIENT: 'sqlite',
            DATABASE_FILENAME: path.join(dir, 'data.db'),
            STRAPI_LOG_LEVEL: 'error',
            ...env,
          },
        });
        let output = '';
        let answered = false;
        child.stdout.on('data', (chunk) => (output += chunk));
        child.stderr.on('data', (chunk) => (output += chunk));
        const poll = setInterval(async () => {
          try {
            const res = await fetch(`http://127.0.0.1:${port}/_health`, { signal: AbortSignal.timeout(1000) });
            if (res.status === 204) {
              answered = true;
              child.kill('SIGTERM');
            }
          } catch {
            // not listening (yet)
          }
        }, 500);
        const timer = setTimeout(() => child.kill('SIGKILL'), 100_000);
        child.on('exit', (code) => {
          clearInterval(poll);
          clearTimeout(timer);
          fs.rmSync(dir, { recursive: true, force: true });
          resolve({ code, output, answered });
        });
      }),
  );
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

describe('with NODE_ENV=production', () => {
  it("`strapi start` refuses Strapi's demo secrets, naming every variable to set", async () => {
    const run = await startInProduction([strapiBin, 'start'], {});
    expect(run.answered).toBe(false);
    expect(run.code).not.toBe(0);
    expect(run.output).toContain(
      'Refusing to start the CMS with NODE_ENV=production: set APP_KEYS (demo value), ADMIN_JWT_SECRET (demo value), API_TOKEN_SALT (demo value), TRANSFER_TOKEN_SALT (demo value), ENCRYPTION_KEY (demo value), JWT_SECRET (demo value).',
    );
  });

  it('refuses the demo preview secret, and webhook URLs without their secret (the clinic plugin checks its own)', async () => {
    const run = await startInProduction([strapiBin, 'start'], {
      ...REAL_SECRETS,
      PREVIEW_SECRET: 'local-demo-preview-secret',
      CLINIC_WEBHOOK_URLS: 'https://site.example/api/revalidate',
    });
    expect(run.answered).toBe(false);
    expect(run.code).not.toBe(0);
    expect(run.output).toContain('set PREVIEW_SECRET (demo value), CLINIC_WEBHOOK_SECRET (empty).');
  });

  it('refuses to create the demo accounts with the published demo password', async () => {
    const run = await startInProduction(['scripts/serve.js'], { ...REAL_SECRETS, DEMO_PASSWORD: 'ClinicDemo2026' });
    expect(run.answered).toBe(false);
    expect(run.code).not.toBe(0);
    expect(run.output).toContain('set DEMO_PASSWORD (demo value).');
  });

  it('starts and answers with secrets of its own', async () => {
    const run = await startInProduction([strapiBin, 'start'], {
      ...REAL_SECRETS,
      PREVIEW_SECRET: 'f3Gh6Jk9Lq2Wx5Cv8Bn1Mz4',
      CLINIC_WEBHOOK_URLS: 'https://site.example/api/revalidate',
      CLINIC_WEBHOOK_SECRET: 'r7Ty0Ui3Op6As9Df2Gh5Jk8',
    });
    expect(run.output).not.toContain('Refusing to start');
    expect(run.answered).toBe(true);
  });
});

describe('a booted CMS', () => {
  let cms: BootedCms;
  beforeAll(async () => {
    cms = await bootCms();
  });
  afterAll(() => cms?.stop());

  it('has public registration closed: POST /api/auth/local/register is refused and creates no user', async () => {
    const res = await cms.http.post('/api/auth/local/register').send({ username: 'mallory', email: 'mallory@example.test', password: 'Mallory-Pass-2026' });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.body.jwt).toBeUndefined();
    expect(await cms.strapi.db.query('plugin::users-permissions.user').count({ where: { email: 'mallory@example.test' } })).toBe(0);
  });

  it('closes registration only once, so an administrator may reopen it on purpose', async () => {
    const store = cms.strapi.store({ type: 'plugin', name: 'users-permissions' });
    const advanced = await store.get({ key: 'advanced' });
    expect(advanced.allow_register).toBe(false);
    await store.set({ key: 'advanced', value: { ...advanced, allow_register: true } });
    await cms.strapi.plugin('clinic').service('setup').afterAllBootstraps();
    expect((await store.get({ key: 'advanced' })).allow_register).toBe(true);
    await store.set({ key: 'advanced', value: advanced });
  });

  it('has remote data transfer off: its admin API answers 404 even to a Super Admin', async () => {
    await cms.accounts();
    const login = await cms.http.post('/admin/login').send({ email: 'admin@clinic.test', password: DEMO_PASSWORD });
    expect(login.status).toBe(200);
    const res = await cms.http.get('/admin/transfer/tokens').set('authorization', `Bearer ${login.body.data.token}`);
    expect(res.status).toBe(404);
  });

  it('gives "Open preview" a signed, short-lived link to the page, never the preview secret', async () => {
    const before = Math.floor(Date.now() / 1000);
    // A link is only given for a draft that exists (of that type, in that locale), pinned to its revision.
    const faq = await cms.strapi.documents('plugin::clinic.faq').create({ locale: 'es', data: { question: '¿Una pregunta de prueba?', answer: 'Una respuesta.' } });
    const url = new URL(await cms.strapi.plugin('clinic').service('preview').url('plugin::clinic.faq', { documentId: faq.documentId, locale: 'es' }));
    expect(url.pathname).toBe('/api/preview');
    expect(url.toString()).not.toContain(PREVIEW_SECRET);
    expect([...url.searchParams.keys()].sort()).toEqual(['expires', 'path', 'revision', 'signature']);
    expect(Number(url.searchParams.get('expires'))).toBeGreaterThanOrEqual(before + 600);
    expect(Number(url.searchParams.get('expires'))).toBeLessThanOrEqual(before + 601);
    const link = { path: url.searchParams.get('path'), expires: url.searchParams.get('expires'), signature: url.searchParams.get('signature'), revision: url.searchParams.get('revision') };
    expect(verifyPreviewLink({ secret: PREVIEW_SECRET, link, nowSeconds: Date.now() / 1000 })).toMatchObject({ valid: true, path: '/es/faq' });
    expect(await cms.strapi.plugin('clinic').service('preview').url('plugin::clinic.faq', { documentId: 'no-such-document', locale: 'es' })).toBeNull();
  });
});
