import { existsSync, mkdtempSync, readdirSync, rmSync, chownSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mustRun, run } from './run.mjs';

/**
 * A throw-away PostgreSQL server for the integration suite, from the machine's own
 * PostgreSQL binaries (Debian: apt-get install postgresql), on a port of its own.
 * Returns null when PostgreSQL is not installed.
 */
export function findPostgresBin() {
  const root = '/usr/lib/postgresql';
  if (process.env.PG_BIN) return process.env.PG_BIN;
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : null;
}

/** Whether nothing listens on 127.0.0.1:`port`. */
function portFree(port) {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/** `port`, or the first free one of the nine after it: a server left by other work on the machine must not fail the run. */
async function freePortFrom(port) {
  for (let candidate = port; candidate < port + 10; candidate += 1) if (await portFree(candidate)) return candidate;
  throw new Error(`PostgreSQL: ports ${port}-${port + 9} are all in use on 127.0.0.1`);
}

export async function startPostgres({ port: wanted }) {
  const bin = findPostgresBin();
  if (!bin) return null;
  const port = await freePortFrom(wanted);
  if (port !== wanted) console.log(`PostgreSQL: port ${wanted} is in use, using ${port}`);
  const isRoot = process.getuid?.() === 0;
  // PostgreSQL refuses to run as root: run it as the postgres user, in a folder that user owns.
  const asServerUser = (cmd, args) => (isRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args]);
  const dataDir = mkdtempSync(join(tmpdir(), 'clinic-pg-'));
  if (isRoot) {
    const { uid, gid } = await postgresIds();
    chownSync(dataDir, uid, gid);
  }
  await mustRun(...asServerUser(join(bin, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-locale']), { stdio: 'ignore' });
  await mustRun(
    ...asServerUser(join(bin, 'pg_ctl'), ['-D', dataDir, '-l', join(dataDir, 'server.log'), '-w', '-o', `-p ${port} -k ${dataDir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=200`, 'start']),
    { stdio: 'ignore' },
  );
  return {
    env: {
      DATABASE_CLIENT: 'postgres', DATABASE_HOST: '127.0.0.1', DATABASE_PORT: String(port), DATABASE_USERNAME: 'postgres', DATABASE_PASSWORD: '',
      // What cms/tests/postgres-restart.int.spec.ts needs to restart this very server mid-test.
      TEST_POSTGRES_DATA_DIR: dataDir, TEST_POSTGRES_BIN: bin, TEST_POSTGRES_RUN_AS: isRoot ? 'postgres' : '',
    },
    async stop() {
      await run(...asServerUser(join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'fast', '-w', 'stop']), { stdio: 'ignore' });
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function postgresIds() {
  const { execFileSync } = await import('node:child_process');
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  return { uid, gid };
}
