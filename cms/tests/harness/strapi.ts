import path from 'path';
import request from 'supertest';
import { createStrapi } from '@strapi/strapi';
import { createTestDatabase, type TestDatabase } from './database';
import { ensureDemoAccounts, seedDemo } from '../../src/demo';

export const PREVIEW_SECRET = 'test-preview-secret';
export const DEMO_PASSWORD = 'ClinicTest2026';

export interface BootedCms {
  strapi: any;
  http: ReturnType<typeof request>;
  graphql(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<request.Response>;
  seedDemo(): Promise<void>;
  /** The demo admin accounts (admin, editor, physician), created on first use. */
  accounts(): Promise<Record<'admin' | 'editor' | 'physician', any>>;
  /** Medical content's only way live: the editor submits, the physician approves, then publish. */
  approveAndPublish(contentType: string, documentId: string, locale: string): Promise<void>;
  /**
   * What the admin's edit view does before a save: reads the draft at a Content Manager path and
   * names its version (the X-Clinic-Draft-Version header to send with the save; none when there
   * is no draft yet). A save over an existing draft without it is a 428.
   */
  draftVersion(path: string, locale: string, headers: Record<string, string>): Promise<Record<string, string>>;
  /** Stops Strapi and boots it again on the same database, as a restart does. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Waits (up to 10 s) until no query is running or waiting for a connection. Strapi emits its
 * own document events after a write without awaiting them (they read the entry back): stopping
 * under one aborts its query, and on PostgreSQL the abandoned acquire then fails the next test
 * file in the same process.
 */
async function untilDatabaseIdle(strapi: any, timeoutMs = 10_000) {
  const pool = strapi.db?.connection?.client?.pool;
  if (!pool) return;
  const busy = () => pool.numUsed() + pool.numPendingAcquires() + pool.numPendingCreates();
  for (const deadline = Date.now() + timeoutMs; busy() > 0 && Date.now() < deadline; ) await new Promise((resolve) => setTimeout(resolve, 20));
}

/** Boots Strapi once for a test file (see jest.config.js); call stop() in afterAll. `env` overrides the test defaults. */
export async function bootCms(env: Record<string, string> = {}): Promise<BootedCms> {
  const database: TestDatabase = await createTestDatabase();
  Object.assign(process.env, database.env, {
    STRAPI_TELEMETRY_DISABLED: 'true',
    PREVIEW_SECRET,
    DEMO_PASSWORD,
    NODE_ENV: 'test',
    STRAPI_LOG_LEVEL: process.env.STRAPI_LOG_LEVEL ?? 'error',
  }, env);
  const appDir = path.resolve(__dirname, '../..');
  const boot = async () => {
    const booted = await createStrapi({ appDir, distDir: path.join(appDir, 'dist'), serveAdminPanel: false } as any).load();
    booted.server.mount();
    return booted;
  };
  let strapi = await boot();
  let http = request(strapi.server.httpServer);
  const accounts = async () => {
    const byEmail = await ensureDemoAccounts(strapi, { password: DEMO_PASSWORD });
    return { admin: byEmail['admin@clinic.test'], editor: byEmail['editor@clinic.test'], physician: byEmail['physician@clinic.test'] };
  };

  return {
    get strapi() {
      return strapi;
    },
    get http() {
      return http;
    },
    graphql: (query, variables = {}, headers = {}) =>
      http.post('/graphql').set({ 'content-type': 'application/json', ...headers }).send({ query, variables }),
    seedDemo: () => seedDemo(strapi, { password: DEMO_PASSWORD }),
    accounts,
    async approveAndPublish(contentType, documentId, locale) {
      const { editor, physician } = await accounts();
      const reviews = strapi.plugin('clinic').service('reviews');
      const target = { contentType, documentId, locale };
      await reviews.submit(target, editor);
      await reviews.approve(target, physician, {});
      await strapi.documents(contentType).publish({ documentId, locale });
    },
    async draftVersion(path, locale, headers) {
      const res = await http.get(path).query({ locale }).set(headers);
      if (res.status >= 500) throw new Error(`reading the draft at ${path} before saving: ${res.status}`);
      const updatedAt = res.status === 200 ? res.body?.data?.updatedAt : undefined;
      return typeof updatedAt === 'string' ? { 'x-clinic-draft-version': updatedAt } : {};
    },
    async restart() {
      await untilDatabaseIdle(strapi);
      await strapi.destroy();
      strapi = await boot();
      http = request(strapi.server.httpServer);
    },
    async stop() {
      await untilDatabaseIdle(strapi);
      await strapi.destroy();
      await database.drop();
    },
  };
}
