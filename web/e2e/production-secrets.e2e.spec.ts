import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

/**
 * The production build the other journeys use, started again with published or missing
 * secrets: the site's server (web/server.mjs, as in production) must exit with a message naming them instead of serving.
 */
function nextStart(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['server.mjs', '-p', '3191', '-H', '127.0.0.1'], {
    cwd: join(__dirname, '..'),
    // The build the other journeys use: the same directory (NEXT_DIST_DIR when the test scripts set it).
    env: { PATH: process.env.PATH ?? '', NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production', ...(process.env.NEXT_DIST_DIR ? { NEXT_DIST_DIR: process.env.NEXT_DIST_DIR } : {}), ...env },
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

test('the site refuses to start in production on the demo preview secret or without a webhook secret', async ({ request }) => {
  const refused = await nextStart({ PREVIEW_SECRET: 'local-demo-preview-secret', CLINIC_WEBHOOK_SECRET: '' });
  expect(refused.code).toBe(1);
  expect(refused.output).toContain('Refusing to start the site with NODE_ENV=production: set PREVIEW_SECRET (demo value), CLINIC_WEBHOOK_SECRET (empty).');

  // The same build, started by the test runner with this run's own random secrets, serves.
  expect((await request.get('/robots.txt')).status()).toBe(200);
});
