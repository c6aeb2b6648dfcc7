#!/usr/bin/env node
/**
 * `pnpm --filter cms backup -- --file <path> [--key <key>]` writes one archive of the configured
 * database: all content in every locale, media files, the review log, admin users, their roles and
 * permissions (the clinic roles are admin roles), API tokens and the core store.
 * `pnpm --filter cms restore -- --file <archive> [--key <key>]` loads it onto an EMPTY database.
 *
 * Both run Strapi's own data transfer engine. `strapi export` drops every `admin::` type (users,
 * roles, permissions); an archive without them cannot be logged into, so this calls the engine
 * without that filter. The engine writes with the query engine, below the Document Service, so the
 * publish gate and the review-log guard never see the import.
 */
const path = require('path');
const fs = require('fs');
const { compileStrapi, createStrapi } = require('@strapi/strapi');
const dataTransfer = require('@strapi/data-transfer');

const { createTransferEngine } = dataTransfer.engine;
const { createLocalStrapiSourceProvider, createLocalStrapiDestinationProvider } = dataTransfer.strapi.providers;
const { createLocalFileDestinationProvider, createLocalFileSourceProvider } = dataTransfer.file.providers;

/** Rows in any of these mean the database is in use: restoring would merge two clinics. */
const IN_USE_WHEN_ANY_ROWS = (app) => [
  'admin::user',
  'plugin::upload.file',
  ...Object.keys(app.contentTypes).filter((uid) => uid.startsWith('api::') || uid.startsWith('plugin::clinic.')),
];

function parseArgs(argv) {
  const [mode, ...rest] = argv;
  const options = {};
  for (let i = 0; i < rest.length; i += 1) {
    const flag = rest[i];
    if (flag === '--') continue;
    if (flag !== '--file' && flag !== '--key') throw new Error(`Unknown option ${flag}. Use --file <path> and, to encrypt, --key <key>.`);
    const value = rest[i + 1];
    if (!value || value.startsWith('--')) throw new Error(`${flag} needs a value.`);
    options[flag.slice(2)] = value;
    i += 1;
  }
  if (mode !== 'backup' && mode !== 'restore') throw new Error('Usage: backup-restore.js backup|restore --file <path> [--key <key>]');
  if (!options.file) throw new Error('--file <path> is required.');
  // pnpm runs scripts in cms/; a relative path means where the operator typed the command.
  return { mode, file: path.resolve(process.env.INIT_CWD ?? process.cwd(), options.file), key: options.key };
}

async function loadStrapi() {
  const ctx = await compileStrapi({ appDir: path.resolve(__dirname, '..') });
  const app = await createStrapi({ ...ctx, serveAdminPanel: false }).load();
  app.log.level = 'error';
  return app;
}

async function runEngine(engine) {
  engine.diagnostics.onDiagnostic((diagnostic) => {
    if (diagnostic.kind === 'error') console.error(diagnostic.details?.message ?? diagnostic.details);
  });
  return engine.transfer();
}

async function backup(app, { file, key }) {
  // The provider adds the extensions itself: .tar, .gz, and .enc when a key is given.
  const target = file.replace(/\.tar(\.gz)?(\.enc)?$/, '');
  const source = createLocalStrapiSourceProvider({ getStrapi: async () => app, autoDestroy: false });
  const destination = createLocalFileDestinationProvider({
    file: { path: target },
    compression: { enabled: true },
    encryption: { enabled: Boolean(key), key },
  });
  const results = await runEngine(createTransferEngine(source, destination, { versionStrategy: 'ignore', schemaStrategy: 'ignore' }));
  const written = results.destination?.file?.path;
  if (!written || !fs.existsSync(written)) throw new Error('The backup file was not written.');
  console.log(`Backup written to ${written}`);
}

async function assertEmpty(app) {
  const inUse = [];
  for (const uid of IN_USE_WHEN_ANY_ROWS(app)) {
    const count = await app.db.query(uid).count();
    if (count > 0) inUse.push(`${uid} (${count})`);
  }
  if (inUse.length > 0) {
    throw new Error(`Refusing to restore: the target database already has content: ${inUse.join(', ')}. Restore only onto an empty database.`);
  }
  // Strapi replaces the whole uploads folder with the backup's files; never throw away files silently.
  const uploads = path.join(app.dirs.static.public, 'uploads');
  const present = fs.existsSync(uploads) ? fs.readdirSync(uploads).filter((name) => !name.startsWith('.')) : [];
  if (present.length > 0) {
    throw new Error(`Refusing to restore: ${uploads} already holds ${present.length} file(s), which the restore would replace. Move them away first.`);
  }
}

const REVIEW_ENTRY = 'plugin::clinic.review-entry';

/**
 * The transfer engine gives every row a new id. The review log chains its entries by id (each
 * sequenceKey names the id of the entry before it), so its rows get their own ids back: the
 * sequenceKey is unique, which tells each row apart. No other table points at review entries.
 */
async function restoreReviewLogIds(app, originalIdBySequenceKey) {
  const { tableName, attributes } = app.db.metadata.get(REVIEW_ENTRY);
  const keyColumn = attributes.sequenceKey.columnName ?? 'sequence_key';
  await app.db.connection.transaction(async (trx) => {
    // Negative first, so no row ever takes an id another row still holds.
    await trx(tableName).update({ id: trx.raw('-id') });
    for (const [sequenceKey, id] of originalIdBySequenceKey) {
      await trx(tableName).where(keyColumn, sequenceKey).update({ id });
    }
    // New entries continue after the highest restored id.
    if (app.db.dialect.client === 'postgres') {
      await trx.raw(`SELECT setval(pg_get_serial_sequence(?, 'id'), COALESCE((SELECT MAX(id) FROM ??), 0) + 1, false)`, [tableName, tableName]);
    } else if (app.db.dialect.client === 'sqlite') {
      await trx.raw(`UPDATE sqlite_sequence SET seq = (SELECT COALESCE(MAX(id), 0) FROM ??) WHERE name = ?`, [tableName, tableName]);
    }
  });
}

async function restore(app, { file, key }) {
  if (!fs.existsSync(file)) throw new Error(`No backup at ${file}.`);
  if (Boolean(key) !== file.endsWith('.enc')) throw new Error(key ? `${file} is not encrypted; drop --key.` : `${file} is encrypted; pass --key.`);
  await assertEmpty(app);
  const source = createLocalFileSourceProvider({
    file: { path: file },
    compression: { enabled: /\.gz(\.enc)?$/.test(file) },
    encryption: { enabled: Boolean(key), key },
  });
  const destination = createLocalStrapiDestinationProvider({
    getStrapi: async () => app,
    autoDestroy: false,
    strategy: 'restore',
    // Everything, admin types included: the bootstrap's default roles are replaced by the backup's.
    restore: { entities: { exclude: [] }, assets: true, configuration: { coreStore: true, webhook: true } },
  });
  const originalIdBySequenceKey = new Map();
  const originalAdminIdByEmail = new Map();
  const remember = (entity) => {
    if (entity.type === REVIEW_ENTRY) originalIdBySequenceKey.set(entity.data.sequenceKey, entity.id);
    if (entity.type === 'admin::user') originalAdminIdByEmail.set(entity.data.email, entity.id);
    return entity;
  };
  // Strict schemas: a backup from a different content model must not load half-way.
  await runEngine(
    createTransferEngine(source, destination, {
      versionStrategy: 'ignore',
      schemaStrategy: 'strict',
      transforms: { entities: [{ map: remember }] },
    }),
  );
  await restoreReviewLogIds(app, originalIdBySequenceKey);
  // The log names its actors by admin account id; say so if the engine renumbered accounts.
  for (const user of await app.db.query('admin::user').findMany({ select: ['id', 'email'] })) {
    const original = originalAdminIdByEmail.get(user.email);
    if (original !== undefined && original !== user.id) {
      console.warn(`warn: admin account ${user.email} was #${original} and is now #${user.id}; review log entries keep naming #${original}.`);
    }
  }
  console.log(`Restored ${file}`);
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const app = await loadStrapi();
  try {
    await (args.mode === 'backup' ? backup(app, args) : restore(app, args));
  } finally {
    await app.destroy();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
