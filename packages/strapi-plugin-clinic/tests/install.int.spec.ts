import { execFileSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { operationHash } from 'clinic-domain';

/**
 * The plugin installed the way a clinic installs it: packed into a tarball, added to a fresh
 * Strapi 5 app (not our cms/) with the configuration its README documents, the admin panel
 * built, Strapi booted. Then what an installer would check: the model, locales, roles, the
 * approval gate, draft protection, GraphQL, the webhook and the admin pages.
 */
const pluginDir = path.resolve(__dirname, '..');
const repoRoot = path.resolve(pluginDir, '../..');
const STRAPI_VERSION = '5.54.0';
const PROCEDURE = 'plugin::clinic.procedure';
const PASSWORD = 'InstallTest2026';
const PREVIEW_SECRET = 'install-test-preview-secret-3f9c2a71';
const WEBHOOK_SECRET = 'install-test-webhook-secret-8d41b6e0';
const secret = (name: string) => createHmac('sha256', 'clinic-install-test').update(name).digest('base64');
/** The operations this test's "site" sends: the app runs GraphQL with an allowlist of exactly these. */
const OPERATIONS = {
  published: '{ clinicProcedures(locale: "en") { title summary } }',
  drafts: '{ clinicProcedures(locale: "en", status: DRAFT) { summary } }',
  locales: '{ clinicLocales { code isDefault } }',
};

let workDir: string;
let appDir: string;
let strapi: any;
let baseUrl: string;
let webhookServer: http.Server;
const webhooks: Array<{ body: string; signature: string; timestamp: string }> = [];

/** A fenced block of the README, found by the `<!-- install-test: name -->` marker above it. */
function readmeBlock(name: string): string {
  const readme = readFileSync(path.join(pluginDir, 'README.md'), 'utf8');
  const match = readme.match(new RegExp(`<!-- install-test: ${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} -->\\s*\`\`\`ts\\n([\\s\\S]*?)\`\`\``));
  if (!match?.[1]) throw new Error(`README.md has no block marked install-test: ${name}`);
  return match[1];
}

function run(command: string, args: string[], cwd: string, env: Record<string, string> = {}) {
  execFileSync(command, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } });
}

function packPlugin(into: string): string {
  run('pnpm', ['pack', '--pack-destination', into], pluginDir);
  const tarball = readdirSync(into).find((f) => f.startsWith('strapi-plugin-clinic-') && f.endsWith('.tgz'));
  if (!tarball) throw new Error('pnpm pack made no tarball');
  return path.join(into, tarball);
}

function writeFreshApp(tarball: string) {
  cpSync(path.join(__dirname, 'fresh-app'), appDir, { recursive: true });
  rmSync(path.join(appDir, 'README.md'));
  const version = (name: string) => JSON.parse(readFileSync(require.resolve(`${name}/package.json`, { paths: [path.join(repoRoot, 'cms')] }), 'utf8')).version as string;
  writeFileSync(
    path.join(appDir, 'package.json'),
    JSON.stringify(
      {
        name: 'fresh-clinic-app',
        private: true,
        version: '0.0.0',
        scripts: { build: 'strapi build', start: 'strapi start' },
        dependencies: {
          '@strapi/strapi': STRAPI_VERSION,
          '@strapi/plugin-users-permissions': STRAPI_VERSION,
          '@strapi/plugin-graphql': STRAPI_VERSION,
          'better-sqlite3': '12.6.2',
          react: version('react'),
          'react-dom': version('react-dom'),
          'react-router-dom': version('react-router-dom'),
          'styled-components': version('styled-components'),
          'strapi-plugin-clinic': `file:${tarball}`,
        },
        devDependencies: { typescript: '5.9.3', '@types/node': '20.19.43' },
        pnpm: { onlyBuiltDependencies: ['better-sqlite3', 'esbuild', '@swc/core', 'sharp'] },
        strapi: { uuid: false, telemetryDisabled: true },
      },
      null,
      2,
    ),
  );
  mkdirSync(path.join(appDir, 'src'), { recursive: true });
  writeFileSync(path.join(appDir, 'config/plugins.ts'), readmeBlock('config/plugins.ts'));
  writeFileSync(path.join(appDir, 'src/index.ts'), readmeBlock('src/index.ts'));
  const env = {
    APP_KEYS: [secret('key1'), secret('key2')].join(','),
    ADMIN_JWT_SECRET: secret('admin-jwt'),
    API_TOKEN_SALT: secret('api-token'),
    TRANSFER_TOKEN_SALT: secret('transfer'),
    ENCRYPTION_KEY: secret('encryption'),
    JWT_SECRET: secret('jwt'),
    PREVIEW_SECRET,
    CLINIC_WEBHOOK_SECRET: WEBHOOK_SECRET,
    CLINIC_GRAPHQL_ALLOWLIST: 'graphql-allowlist.json',
  };
  const allowlist = { operations: Object.fromEntries(Object.entries(OPERATIONS).map(([name, query]) => [name, operationHash(query)])) };
  writeFileSync(path.join(appDir, 'graphql-allowlist.json'), JSON.stringify(allowlist, null, 2));
  writeFileSync(path.join(appDir, '.env'), Object.entries(env).map(([k, v]) => `${k}=${v}`).join('\n') + '\n');
}

async function startWebhookReceiver(): Promise<string> {
  webhookServer = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      webhooks.push({ body, signature: String(req.headers['x-clinic-signature']), timestamp: String(req.headers['x-clinic-timestamp']) });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => webhookServer.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(webhookServer.address() as AddressInfo).port}/revalidate`;
}

beforeAll(async () => {
  workDir = mkdtempSync(path.join(os.tmpdir(), 'clinic-install-'));
  appDir = path.join(workDir, 'app');
  mkdirSync(appDir);
  const tarball = packPlugin(workDir);
  writeFreshApp(tarball);

  // Offline-friendly: every package is in pnpm's store already (better-sqlite3's build too).
  const installEnv: Record<string, string> = existsSync('/usr/include/node/node.h') ? { npm_config_nodedir: '/usr' } : {};
  run('pnpm', ['install', '--prefer-offline', '--config.confirmModulesPurge=false'], appDir, installEnv);
  run(path.join(appDir, 'node_modules/.bin/strapi'), ['build'], appDir, { STRAPI_TELEMETRY_DISABLED: 'true' });

  Object.assign(process.env, {
    // Strapi reads the app's .env from the working folder unless told where it is.
    ENV_PATH: path.join(appDir, '.env'),
    STRAPI_TELEMETRY_DISABLED: 'true',
    STRAPI_LOG_LEVEL: process.env.STRAPI_LOG_LEVEL ?? 'error',
    DATABASE_FILENAME: path.join(workDir, 'data.db'),
    CLINIC_WEBHOOK_URLS: await startWebhookReceiver(),
  });
  const { createStrapi } = createRequire(path.join(appDir, 'package.json'))('@strapi/strapi');
  strapi = await createStrapi({ appDir, distDir: path.join(appDir, 'dist') }).load();
  await new Promise<void>((resolve) => strapi.server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(strapi.server.httpServer.address() as AddressInfo).port}`;
}, 280_000);

afterAll(async () => {
  await strapi?.destroy();
  webhookServer?.closeAllConnections();
  await new Promise((resolve) => webhookServer?.close(resolve));
  if (workDir && !process.env.KEEP_INSTALL_APP) rmSync(workDir, { recursive: true, force: true });
});

const api = (pathname: string, init: RequestInit = {}) => fetch(`${baseUrl}${pathname}`, init);
const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});
const graphql = (query: string, headers: Record<string, string> = {}) => api('/graphql', json({ query }, headers));

async function adminAccount(email: string, roleCode: string) {
  const role = await strapi.service('admin::role').findOne({ code: roleCode });
  const user = await strapi.service('admin::user').create({ email, firstname: email.split('@')[0], lastname: 'Test', password: PASSWORD, isActive: true, registrationToken: null, roles: [role.id] });
  const res = await api('/admin/login', json({ email, password: PASSWORD }));
  expect(res.status).toBe(200);
  const token = ((await res.json()) as any).data.token as string;
  return { user, auth: { authorization: `Bearer ${token}` } };
}

describe('installed from the packed tarball', () => {
  it('is a real copy of the package in the app, with the pure rules bundled in', () => {
    const installed = realpathSync(createRequire(path.join(appDir, 'package.json')).resolve('strapi-plugin-clinic/package.json'));
    expect(installed.startsWith(appDir)).toBe(true);
    const manifest = JSON.parse(readFileSync(installed, 'utf8'));
    expect(manifest.dependencies?.['clinic-domain']).toBeUndefined();
    const server = readFileSync(path.join(path.dirname(installed), 'dist/server/index.js'), 'utf8');
    expect(server).not.toMatch(/require\(["']clinic-domain["']\)/);
    expect(strapi.plugin('clinic')).toBeTruthy();
  });

  it('registers the clinic content types', () => {
    for (const name of ['procedure', 'provider', 'faq', 'rebrand-notice', 'clinic', 'review-entry']) {
      expect(strapi.contentTypes[`plugin::clinic.${name}`]).toBeDefined();
    }
  });

  it('creates the locales en (default) and es', async () => {
    const locales = strapi.plugin('i18n').service('locales');
    expect((await locales.find()).map((l: { code: string }) => l.code).sort()).toEqual(['en', 'es']);
    expect(await locales.getDefaultLocale()).toBe('en');
  });

  it('creates the Marketing editor and Physician reviewer roles beside Strapi\'s own', async () => {
    const roles = await strapi.db.query('admin::role').findMany({ select: ['name', 'code'] });
    const names = roles.map((r: { name: string }) => r.name);
    expect(names).toEqual(expect.arrayContaining(['Super Admin', 'Marketing editor', 'Physician reviewer']));
  });
});

describe('approval gate, draft protection, GraphQL and webhook', () => {
  let documentId: string;

  beforeAll(async () => {
    const procedure = await strapi.documents(PROCEDURE).create({
      locale: 'en',
      data: { title: 'Vertebroplasty', slug: 'vertebroplasty', summary: 'Cement that steadies a broken vertebra.' },
    });
    documentId = procedure.documentId;
  });

  it('refuses to publish a medical procedure without a physician\'s approval (Document Service)', async () => {
    await expect(strapi.documents(PROCEDURE).publish({ documentId, locale: 'en' })).rejects.toThrow(/Medical approval is missing/);
    expect(await strapi.documents(PROCEDURE).findOne({ documentId, locale: 'en', status: 'published' })).toBeNull();
  });

  it('publishes once an editor submitted it and a linked physician approved it (admin API)', async () => {
    const superAdmin = await adminAccount('owner@clinic.test', 'strapi-super-admin');
    const editor = await adminAccount('editor@clinic.test', 'clinic-marketing-editor');
    const physician = await adminAccount('physician@clinic.test', 'clinic-physician-reviewer');

    // A super admin links the physician's account to their Provider, in the Content Manager.
    const provider = await api(
      `/content-manager/collection-types/plugin::clinic.provider?locale=en`,
      json({ fullName: 'Ana Ruiz', slug: 'ana-ruiz', credentials: 'MD', reviewerAccountId: physician.user.id }, superAdmin.auth),
    );
    expect(provider.status).toBe(201);

    const review = `/clinic/reviews/procedure/${documentId}`;
    expect((await api(`${review}/submit`, json({ locale: 'en' }, editor.auth))).status).toBe(201);
    const status = (await (await api(`${review}?locale=en`, { headers: physician.auth })).json()) as any;
    expect(status.data.status).toBe('awaiting_review');
    expect(status.data.can.decide).toBe(true);
    expect((await api(`${review}/approve`, json({ locale: 'en', revisionHash: 'f'.repeat(64) }, editor.auth))).status).toBe(403);
    expect((await api(`${review}/approve`, json({ locale: 'en', revisionHash: status.data.revisionHash }, physician.auth))).status).toBe(201);

    await strapi.documents(PROCEDURE).publish({ documentId, locale: 'en' });
    const published = await strapi.documents(PROCEDURE).findOne({ documentId, locale: 'en', status: 'published' });
    expect(published.reviewedByName).toBe('Ana Ruiz');
    // A draft that differs from what is live, for the draft-protection checks below.
    await strapi.documents(PROCEDURE).update({ documentId, locale: 'en', data: { summary: 'DRAFT-ONLY summary' } });
  });

  it('announces the approval and the publication with a signed webhook', async () => {
    await strapi.plugin('clinic').service('webhooks').settle();
    const events = webhooks.map((w) => JSON.parse(w.body));
    expect(events).toEqual(expect.arrayContaining([
      expect.objectContaining({ event: 'approve', contentType: PROCEDURE, documentId, locale: 'en' }),
      expect.objectContaining({ event: 'publish', contentType: PROCEDURE, documentId, locale: 'en' }),
    ]));
    for (const w of webhooks) {
      expect(w.signature).toBe(`sha256=${createHmac('sha256', WEBHOOK_SECRET).update(`${w.timestamp}.${w.body}`).digest('hex')}`);
    }
  });

  it('REST serves published text to the public and refuses drafts without the preview secret', async () => {
    const live = await api('/api/clinic/procedures?locale=en');
    expect(live.status).toBe(200);
    const liveText = await live.text();
    expect(liveText).toContain('Vertebroplasty');
    expect(liveText).not.toContain('DRAFT-ONLY');

    const refused = await api('/api/clinic/procedures?locale=en&status=draft');
    expect(refused.status).toBe(403);
    expect(await refused.text()).not.toContain('DRAFT-ONLY');
    expect((await api('/api/clinic/procedures?locale=en&status=draft', { headers: { 'x-preview-secret': 'a guess' } })).status).toBe(403);

    const preview = await api('/api/clinic/procedures?locale=en&status=draft', { headers: { 'x-preview-secret': PREVIEW_SECRET } });
    expect(preview.status).toBe(200);
    expect(await preview.text()).toContain('DRAFT-ONLY');
  });

  it('GraphQL serves published text, refuses drafts, and answers clinicLocales', async () => {
    const live = await graphql(OPERATIONS.published);
    expect(live.status).toBe(200);
    expect(((await live.json()) as any).data.clinicProcedures).toEqual([{ title: 'Vertebroplasty', summary: 'Cement that steadies a broken vertebra.' }]);

    const drafts = await graphql(OPERATIONS.drafts);
    expect(drafts.status).toBe(403);
    expect(await drafts.text()).not.toContain('DRAFT-ONLY');

    const locales = await graphql(OPERATIONS.locales);
    expect(((await locales.json()) as any).data.clinicLocales).toEqual([{ code: 'en', isDefault: true }, { code: 'es', isDefault: false }]);
  });

  it('GraphQL runs only the operations on the configured allowlist', async () => {
    const other = await graphql('{ clinicLocales { code } }');
    expect(other.status).toBe(400);
    expect(((await other.json()) as any).errors[0].message).toMatch(/not one of the site's own operations/);
  });
});

describe('admin panel', () => {
  it('serves the admin, built with the plugin\'s review page and panel', async () => {
    const page = await api('/admin');
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<div id="strapi"/);

    const built = path.join(appDir, 'dist/build');
    const bundle = readdirSync(built).filter((f) => f.endsWith('.js')).map((f) => readFileSync(path.join(built, f), 'utf8')).join('\n');
    // The review panel, the review page and their Spanish strings are in the built admin.
    expect(bundle).toContain('clinic-review-panel');
    expect(bundle).toContain('clinic-review-queue');
    expect(bundle).toContain('Submit for medical review');
    const es = JSON.parse(readFileSync(path.join(pluginDir, 'admin/src/translations/es.json'), 'utf8'));
    expect(bundle).toContain(es['panel.submit']);
  });
});
