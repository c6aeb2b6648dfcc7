import { existsSync } from 'node:fs';
import { mustRun } from './run.mjs';

/**
 * Installs the workspace exactly as locked. better-sqlite3 compiles from source where no
 * prebuilt binary can be fetched; point node-gyp at the machine's Node headers when it has
 * them, so it does not try to download them.
 */
export async function installWorkspace(root) {
  const env = {};
  if (!process.env.npm_config_nodedir && existsSync('/usr/include/node/node.h')) env.npm_config_nodedir = '/usr';
  await mustRun('pnpm', ['install', '--frozen-lockfile', '--prefer-offline'], { cwd: root, env });
}

export async function buildPackages(root) {
  await mustRun('pnpm', ['run', 'build:packages'], { cwd: root });
}
