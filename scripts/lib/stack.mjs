import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mustRun } from './run.mjs';

/**
 * The running product for browser tests and the demo: the CMS (seeded) and the site, each
 * a server process of its own on its own port, stopped by PID.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

async function waitForUrl(url, { timeoutMs = 180_000, child } = {}) {
  const started = Date.now();
  for (;;) {
    if (child && child.exitCode !== null) throw new Error(`${url}: the server exited with ${child.exitCode} before it answered`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.status < 500) return;
    } catch {
      // not up yet
    }
    if (Date.now() - started > timeoutMs) throw new Error(`${url} did not answer within ${timeoutMs / 1000}s`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** A server child process, stopped by SIGTERM and, if it lingers past 10 s, SIGKILL. */
export function serverProcess(command, args, { cwd, env, logFile }) {
  const out = logFile ? openSync(logFile, 'a') : 'inherit';
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', out, out] });
  return {
    child,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await Promise.race([new Promise((r) => child.once('exit', r)), new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

/**
 * The secrets the CMS and the site share, fresh and random for each run unless set: both
 * servers are started here, nothing else needs them, and the site (always a production
 * build) refuses to start on a published demo value.
 */
export const secrets = {
  PREVIEW_SECRET: process.env.PREVIEW_SECRET || randomBytes(32).toString('hex'),
  CLINIC_WEBHOOK_SECRET: process.env.CLINIC_WEBHOOK_SECRET || randomBytes(32).toString('hex'),
};

export async function startCms({ port, siteUrl, databaseEnv, logFile, adminPanel = true, forTests = true, extraEnv = {} }) {
  const tmp = databaseEnv ? null : mkdtempSync(join(tmpdir(), 'clinic-cms-'));
  const env = {
    HOST: forTests ? '127.0.0.1' : '0.0.0.0',
    PORT: String(port),
    STRAPI_TELEMETRY_DISABLED: 'true',
    STRAPI_LOG_LEVEL: process.env.STRAPI_LOG_LEVEL ?? (forTests ? 'warn' : 'info'),
    SERVE_ADMIN_PANEL: adminPanel ? 'true' : 'false',
    SITE_URL: siteUrl,
    ...(forTests ? { ADMIN_RATE_LIMIT: 'false' } : {}),
    CLINIC_WEBHOOK_URLS: `${siteUrl}/api/revalidate`,
    ...secrets,
    ...(databaseEnv ?? { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: join(tmp, 'data.db') }),
    ...extraEnv,
  };
  const server = serverProcess('node', ['scripts/serve.js'], { cwd: join(root, 'cms'), env, logFile });
  const url = `http://127.0.0.1:${port}`;
  await waitForUrl(`${url}/_health`, { child: server.child });
  return {
    url,
    pid: server.child.pid,
    child: server.child,
    async stop() {
      await server.stop();
      if (tmp) rmSync(tmp, { recursive: true, force: true });
    },
  };
}

export async function buildSite({ cmsUrl, siteUrl }) {
  await mustRun('pnpm', ['exec', 'next', 'build'], { cwd: join(root, 'web'), env: { NEXT_TELEMETRY_DISABLED: '1', CMS_URL: cmsUrl, SITE_URL: siteUrl } });
}

export async function startSite({ port, cmsUrl, siteUrl, logFile, extraEnv = {} }) {
  const env = { NEXT_TELEMETRY_DISABLED: '1', CMS_URL: cmsUrl, SITE_URL: siteUrl, ...secrets, ...extraEnv };
  const host = new URL(siteUrl).hostname === 'localhost' ? '0.0.0.0' : '127.0.0.1';
  // web/server.mjs: Next's handler with the site's edge (security headers on every response, no 500 before the proxy).
  const server = serverProcess('node', ['server.mjs', '-p', String(port), '-H', host], { cwd: join(root, 'web'), env, logFile });
  await waitForUrl(`http://127.0.0.1:${port}/robots.txt`, { child: server.child });
  return { url: siteUrl, pid: server.child.pid, child: server.child, stop: () => server.stop() };
}
