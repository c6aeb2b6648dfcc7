#!/usr/bin/env node
/**
 * `pnpm scale`: fills the configured database (DATABASE_* as for the CMS; meant for
 * PostgreSQL) with a clinic at size: the demo clinic and its accounts, a third locale (fr),
 * then 1,000 procedures, 200 providers and 5,000 FAQs in en, es and fr, each submitted,
 * approved by the demo physician and published through the clinic plugin's review service
 * and publish gate. Refuses a database that already holds generated content.
 *   SCALE_PROCEDURES, SCALE_PROVIDERS, SCALE_FAQS: other sizes; SCALE_CONCURRENCY (6).
 */
const path = require('path');
const { compileStrapi, createStrapi } = require('@strapi/strapi');
const { demoPassword } = require('./demo-password');

const count = (name, fallback) => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d{1,6}$/.test(raw)) throw new Error(`${name} must be a whole number, not ${JSON.stringify(raw)}`);
  return Number(raw);
};

/** One line redrawn in place on a terminal; a line every 10 % in a log. */
function progressBar(label, total) {
  const started = Date.now();
  const tty = process.stdout.isTTY;
  let lastTenth = -1;
  return (done) => {
    const share = total ? done / total : 1;
    const seconds = (Date.now() - started) / 1000;
    const rate = done / Math.max(seconds, 0.001);
    const eta = rate > 0 ? Math.round((total - done) / rate) : 0;
    const bar = '#'.repeat(Math.round(share * 30)).padEnd(30, '-');
    const line = `${label.padEnd(10)} [${bar}] ${String(done).padStart(5)}/${total}  ${rate.toFixed(1)}/s  ${done === total ? `${seconds.toFixed(0)} s` : `eta ${eta} s`}`;
    if (tty) process.stdout.write(`\r${line}${done === total ? '\n' : ''}`);
    else if (Math.floor(share * 10) !== lastTenth || done === total) {
      lastTenth = Math.floor(share * 10);
      console.log(line);
    }
  };
}

async function main() {
  const size = { procedures: count('SCALE_PROCEDURES', 1000), providers: count('SCALE_PROVIDERS', 200), faqs: count('SCALE_FAQS', 5000) };
  const concurrency = Math.max(1, count('SCALE_CONCURRENCY', 6));
  const password = demoPassword();
  const appDir = path.resolve(__dirname, '..');
  const ctx = process.env.STRAPI_SKIP_COMPILE === 'true' ? { appDir, distDir: path.join(appDir, 'dist') } : await compileStrapi({ appDir });
  const { seedDemo, ensureDemoAccounts } = require(path.join(ctx.distDir, 'src/demo'));
  const { generateScaleContent, countScaleDocuments } = require(path.join(ctx.distDir, 'src/scale'));
  const app = await createStrapi({ ...ctx, serveAdminPanel: false }).load();
  const started = Date.now();
  try {
    if ((await countScaleDocuments(app)) > 0) {
      console.error('This database already holds generated scale content (procedures whose slug starts with "scale-"). Generate into a new, empty database.');
      process.exitCode = 2;
      return;
    }
    if ((await app.documents('plugin::clinic.procedure').count({ locale: 'en' })) === 0) {
      console.log('Seeding the demo clinic (its accounts approve the generated content)');
      await seedDemo(app, { password });
    }
    const accounts = await ensureDemoAccounts(app, { password });
    console.log(`Generating ${size.procedures} procedures, ${size.providers} providers and ${size.faqs} FAQs in en, es and fr (${concurrency} at a time), each approved and published through the review gate`);
    const bars = {};
    await generateScaleContent(app, {
      size,
      concurrency,
      accounts: { editor: accounts['editor@clinic.test'], physician: accounts['physician@clinic.test'] },
      onProgress: (step, done, total) => (bars[step] ??= progressBar(step, total))(done),
    });
    console.log(`Done in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
  } finally {
    // Let what publishing set off (announcements to the site) settle before the pool closes.
    await new Promise((r) => setTimeout(r, 2000));
    await app.destroy().catch((error) => console.warn(`Closing the CMS: ${error.message}`));
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
