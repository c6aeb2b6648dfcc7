import { cpSync, mkdirSync, rmSync, symlinkSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mustRun } from '../lib/run.mjs';

/**
 * The reference for the site's cached pages: a bare Next app of the site's own Next and
 * React (symlinked from web/), one static page of about the same HTML size, built here.
 */
export async function buildBareNextApp({ root, workDir, htmlBytes }) {
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(join(workDir, 'node_modules'), { recursive: true });
  cpSync(join(root, 'scripts/bench/bare-next-app'), workDir, { recursive: true });
  for (const name of ['next', 'react', 'react-dom']) symlinkSync(realpathSync(join(root, 'web/node_modules', name)), join(workDir, 'node_modules', name));
  // The text appears twice in the HTML (markup and the RSC payload), hence about half the size.
  const sentence = 'A bare page of static text, the same size as the procedure page, for reference. ';
  const paragraphs = [];
  for (let size = 0; size < htmlBytes / 2 - 1500; size += sentence.length * 6) paragraphs.push(sentence.repeat(6).trim());
  writeFileSync(join(workDir, 'content.json'), JSON.stringify({ title: 'Reference page', paragraphs }));
  await mustRun('node', [join(workDir, 'node_modules/next/dist/bin/next'), 'build'], { cwd: workDir, env: { NEXT_TELEMETRY_DISABLED: '1' } });
}
