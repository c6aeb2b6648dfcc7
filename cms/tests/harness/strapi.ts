import path from 'path';
import request from 'supertest';
import { createStrapi } from '@strapi/strapi';
import { createTestDatabase, type TestDatabase } from './database';

export const PREVIEW_SECRET = 'test-preview-secret';
export const DEMO_PASSWORD = 'ClinicTest2026';

export interface BootedCms {
  strapi: any;
  http: ReturnType<typeof request>;
  graphql(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<request.Response>;
  seedDemo(): Promise<void>;
  stop(): Promise<void>;
}

/** Boots Strapi once for a test file (see jest.config.js); call stop() in afterAll. */
export async function bootCms(): Promise<BootedCms> {
  const database: TestDatabase = await createTestDatabase();
  Object.assign(process.env, database.env, {
    STRAPI_TELEMETRY_DISABLED: 'true',
    PREVIEW_SECRET,
    DEMO_PASSWORD,
    NODE_ENV: 'test',
    STRAPI_LOG_LEVEL: process.env.STRAPI_LOG_LEVEL ?? 'error',
  });
  const appDir = path.resolve(__dirname, '../..');
  const strapi = await createStrapi({ appDir, distDir: path.join(appDir, 'dist'), serveAdminPanel: false } as any).load();
  strapi.server.mount();
  const http = request(strapi.server.httpServer);

  return {
    strapi,
    http,
    graphql: (query, variables = {}, headers = {}) =>
      http.post('/graphql').set({ 'content-type': 'application/json', ...headers }).send({ query, variables }),
    seedDemo: () => strapi.plugin('clinic').service('demo').seed(strapi, { password: DEMO_PASSWORD }),
    async stop() {
      await strapi.destroy();
      await database.drop();
    },
  };
}
