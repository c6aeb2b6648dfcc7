import { randomBytes } from 'crypto';
import os from 'os';
import path from 'path';
import fs from 'fs';
import { Client } from 'pg';

/** A database of the test file's own, so files never see each other's rows. */
export interface TestDatabase {
  env: Record<string, string>;
  drop(): Promise<void>;
}

const adminClient = () =>
  new Client({
    host: process.env.DATABASE_HOST ?? '127.0.0.1',
    port: Number(process.env.DATABASE_PORT ?? 5432),
    user: process.env.DATABASE_USERNAME ?? 'postgres',
    password: process.env.DATABASE_PASSWORD ?? '',
    database: 'postgres',
  });

export async function createTestDatabase(): Promise<TestDatabase> {
  const suffix = randomBytes(6).toString('hex');
  if (process.env.DATABASE_CLIENT === 'postgres') {
    const name = `clinic_test_${suffix}`;
    const client = adminClient();
    await client.connect();
    await client.query(`CREATE DATABASE ${name}`);
    await client.end();
    return {
      env: { DATABASE_NAME: name },
      async drop() {
        const c = adminClient();
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clinic-test-'));
  return {
    env: { DATABASE_FILENAME: path.join(dir, 'data.db') },
    async drop() {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
