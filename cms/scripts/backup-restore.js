#!/usr/bin/env node
/**
 * `pnpm --filter cms backup -- --file <path> [--key <key>] [--force]` writes one archive of the
 * configured database: all content in every locale, media files, the review log, admin users, their
 * roles and permissions (the clinic roles are admin roles), API tokens and the core store, and a
 * manifest beside it (`<archive>.manifest.json`) of what the archive holds.
 * `pnpm --filter cms restore -- --file <archive> [--key <key>]` loads it onto an EMPTY database,
 * only when the archive matches its manifest, and checks the database against it afterwards.
 *
 * Both run Strapi's own data transfer engine. `strapi export` drops every `admin::` type (users,
 * roles, permissions); an archive without them cannot be logged into, so this calls the engine
 * without that filter. The engine writes with the query engine, below the Document Service, so the
 * publish gate and the review-log guard never see the import.
 */
const path = require('path');
const fs = require('fs');
const crypto = require('crypto');
const zlib = require('zlib');
const { pipeline } = require('stream/promises');
const { createRequire } = require('module');
const { compileStrapi, createStrapi } = require('@strapi/strapi');
const dataTransfer = require('@strapi/data-transfer');

const { createTransferEngine } = dataTransfer.engine;
const { createLocalStrapiSourceProvider, createLocalStrapiDestinationProvider } = dataTransfer.strapi.providers;
const { createLocalFileDestinationProvider, createLocalFileSourceProvider } = dataTransfer.file.providers;
const { createDecryptionCipher } = dataTransfer.utils.encryption;
// The tar reader the transfer engine itself reads archives with (no dependency of our own).
const { Parser: TarParser } = createRequire(require.resolve('@strapi/data-transfer'))('tar');
const STRAPI_VERSION = require('@strapi/strapi/package.json').version;
const MANIFEST_FORMAT = 'clinic-backup-manifest/1';

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
    if (flag === '--force') {
      options.force = true;
      continue;
    }
    if (flag !== '--file' && flag !== '--key') throw new Error(`Unknown option ${flag}. Use --file <path>, to encrypt --key <key>, and to replace an existing backup --force.`);
    const value = rest[i + 1];
    if (!value || value.startsWith('--')) throw new Error(`${flag} needs a value.`);
    options[flag.slice(2)] = value;
    i += 1;
  }
  if (mode !== 'backup' && mode !== 'restore') throw new Error('Usage: backup-restore.js backup|restore --file <path> [--key <key>] [--force]');
  if (!options.file) throw new Error('--file <path> is required.');
  if (options.force && mode !== 'backup') throw new Error('--force is for backup only: restore never replaces content.');
  // pnpm runs scripts in cms/; a relative path means where the operator typed the command.
  return { mode, file: path.resolve(process.env.INIT_CWD ?? process.cwd(), options.file), key: options.key, force: Boolean(options.force) };
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

const sha256 = () => crypto.createHash('sha256');
const manifestPathOf = (archive) => `${archive}.manifest.json`;

async function fileDigest(file) {
  const hash = sha256();
  let bytes = 0;
  for await (const chunk of fs.createReadStream(file)) {
    hash.update(chunk);
    bytes += chunk.length;
  }
  return { bytes, sha256: hash.digest('hex') };
}

/** Only what Strapi's archive writer writes; anything else was put there by someone else. */
const KNOWN_MEMBER = /^(metadata\.json|(schemas|entities|links|configuration)\/[\w-]+\.jsonl|assets\/(uploads|metadata)\/[^/]+)$/;

/**
 * Reads the whole archive (decrypted and unzipped as restore would) and says what it holds: each
 * member's size and sha256, the rows per content type, links, configuration rows and the metadata.
 * Any fault (a bad key, a cut file, a half line of JSON) is a refusal, not a guess.
 */
async function readArchive(file, key) {
  const members = {};
  const entities = Object.create(null);
  const counts = { links: 0, configuration: 0, schemas: 0 };
  let metadata = null;
  const problems = [];
  const parser = new TarParser({
    onReadEntry(entry) {
      const name = entry.path.replace(/^\.\//, '');
      if (entry.type === 'Directory') return entry.resume();
      if (!KNOWN_MEMBER.test(name)) problems.push(`${name} is not part of a Strapi backup`);
      const hash = sha256();
      const chunks = [];
      const keep = !name.startsWith('assets/uploads/');
      let bytes = 0;
      entry.on('data', (chunk) => {
        hash.update(chunk);
        bytes += chunk.length;
        if (keep) chunks.push(chunk);
      });
      entry.on('end', () => {
        members[name] = { bytes, sha256: hash.digest('hex') };
        if (!keep) return;
        const text = Buffer.concat(chunks).toString('utf8');
        try {
          if (name === 'metadata.json') metadata = JSON.parse(text);
          const folder = name.split('/')[0];
          if (!name.endsWith('.jsonl')) return;
          const lines = text.split('\n').filter((line) => line.trim() !== '');
          for (const line of lines) {
            const row = JSON.parse(line);
            if (folder === 'entities') entities[row.type] = (entities[row.type] ?? 0) + 1;
          }
          if (folder !== 'entities') counts[folder] += lines.length;
        } catch {
          problems.push(`${name} is not valid JSON (cut or edited)`);
        }
      });
    },
  });
  const streams = [fs.createReadStream(file)];
  if (key) streams.push(createDecryptionCipher(key));
  if (/\.gz(\.enc)?$/.test(file)) streams.push(zlib.createGunzip());
  try {
    await pipeline(...streams, parser);
  } catch (error) {
    throw new Error(`${file} cannot be read to its end (${error.message})${key ? '; is the key right?' : ''}.`);
  }
  if (!metadata) problems.push('metadata.json is missing');
  return { members, entities, ...counts, metadata, problems };
}

function strapiMajor(version) {
  const major = /^(\d+)\./.exec(String(version ?? ''));
  return major ? Number(major[1]) : null;
}

/** Every way `found` (an archive as read) differs from `expected` (its manifest), in words. */
function differences(expected, found) {
  const out = [...found.problems];
  const uids = new Set([...Object.keys(expected.entities), ...Object.keys(found.entities)]);
  for (const uid of [...uids].sort()) {
    const want = expected.entities[uid] ?? 0;
    const have = found.entities[uid] ?? 0;
    if (want !== have) out.push(`${uid}: ${have} row(s) in the archive, ${want} in the manifest`);
  }
  for (const part of ['links', 'configuration', 'schemas']) {
    if (expected[part] !== found[part]) out.push(`${part}: ${found[part]} in the archive, ${expected[part]} in the manifest`);
  }
  for (const [name, want] of Object.entries(expected.members)) {
    const have = found.members[name];
    if (!have) out.push(`${name} is missing`);
    else if (have.bytes !== want.bytes) out.push(`${name} has ${have.bytes} bytes, the manifest says ${want.bytes}`);
    else if (have.sha256 !== want.sha256) out.push(`${name} was changed (sha256 differs)`);
  }
  for (const name of Object.keys(found.members)) {
    if (!expected.members[name]) out.push(`${name} is not in the manifest`);
  }
  return out;
}

/** The rows of every content type, as the transfer engine streams them (all locales, drafts and published). */
async function countRows(app) {
  const counts = {};
  for (const uid of Object.keys(app.contentTypes).sort()) counts[uid] = await app.db.query(uid).count();
  return counts;
}

/** Media files the database names (originals and their formats); the archive must hold each. */
async function mediaFileNames(app) {
  const names = [];
  for (const file of await app.db.query('plugin::upload.file').findMany({ select: ['url', 'formats', 'provider'] })) {
    if (file.provider !== 'local') continue;
    for (const url of [file.url, ...Object.values(file.formats ?? {}).map((format) => format.url)]) {
      if (url) names.push(path.posix.basename(url));
    }
  }
  return names;
}

async function backup(app, { file, key, force }) {
  // The provider adds the extensions itself: .tar, .gz, and .enc when a key is given.
  const target = file.replace(/\.tar(\.gz)?(\.enc)?$/, '');
  const archive = `${target}.tar.gz${key ? '.enc' : ''}`;
  const manifestPath = manifestPathOf(archive);
  const existing = [archive, manifestPath].filter((name) => fs.existsSync(name));
  if (existing.length > 0 && !force) {
    throw new Error(`Refusing to overwrite ${existing.join(' and ')}: choose another --file, or add --force to replace it.`);
  }
  const folder = path.dirname(archive);
  if (!fs.existsSync(folder)) {
    fs.mkdirSync(folder, { recursive: true });
    console.log(`Created ${folder}`);
  }
  // Written under a temporary name, so a failed backup never replaces a good one.
  const partial = path.join(folder, `.${path.basename(target)}.partial-${process.pid}`);
  const partialArchive = `${partial}.tar.gz${key ? '.enc' : ''}`;
  try {
    const rows = await countRows(app);
    const media = await mediaFileNames(app);
    const source = createLocalStrapiSourceProvider({ getStrapi: async () => app, autoDestroy: false });
    const destination = createLocalFileDestinationProvider({
      file: { path: partial },
      compression: { enabled: true },
      encryption: { enabled: Boolean(key), key },
    });
    const results = await runEngine(createTransferEngine(source, destination, { versionStrategy: 'ignore', schemaStrategy: 'ignore' }));
    const written = results.destination?.file?.path;
    if (!written || path.resolve(written) !== partialArchive || !fs.existsSync(partialArchive)) throw new Error('The backup file was not written.');
    // The archive is read back as restore will read it and must hold every row and file the database has.
    const contents = await readArchive(partialArchive, key);
    const short = differences({ entities: rows, links: contents.links, configuration: contents.configuration, schemas: contents.schemas, members: {} }, { ...contents, members: {} });
    for (const name of media) if (!contents.members[`assets/uploads/${name}`]) short.push(`media file ${name} is missing`);
    if (short.length > 0) {
      // Strapi's export is not one snapshot: a running CMS that writes meanwhile (a sign-in, an announcement) makes the counts differ too.
      throw new Error(`The backup does not hold what the database held when it began, so it was not kept:\n  ${short.join('\n  ')}\nIf the CMS was running, it changed the database meanwhile: stop it and back up again.`);
    }
    const manifest = {
      format: MANIFEST_FORMAT,
      createdAt: new Date().toISOString(),
      strapiVersion: STRAPI_VERSION,
      archive: { name: path.basename(archive), encrypted: Boolean(key), ...(await fileDigest(partialArchive)) },
      entities: rows,
      links: contents.links,
      configuration: contents.configuration,
      schemas: contents.schemas,
      members: contents.members,
    };
    fs.writeFileSync(`${partial}.manifest.json`, `${JSON.stringify(manifest, null, 2)}\n`);
    fs.renameSync(partialArchive, archive);
    fs.renameSync(`${partial}.manifest.json`, manifestPath);
  } finally {
    fs.rmSync(partialArchive, { force: true });
    fs.rmSync(`${partial}.manifest.json`, { force: true });
  }
  console.log(`Backup written to ${archive} (manifest: ${manifestPath})`);
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

/**
 * Before anything is written: the archive must have the manifest its backup wrote, hold exactly
 * what that manifest lists, come from this Strapi major version and have admin accounts. Returns
 * the manifest, which the restored database is then checked against.
 */
async function verifyArchive(file, key) {
  const manifestPath = manifestPathOf(file);
  if (!fs.existsSync(manifestPath)) {
    throw new Error(`Refusing to restore: ${file} has no manifest (${path.basename(manifestPath)} beside it). Only archives written by \`pnpm backup\`, with their manifest, are restored.`);
  }
  let manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
  } catch {
    throw new Error(`Refusing to restore: ${manifestPath} is not valid JSON.`);
  }
  const valid =
    manifest?.format === MANIFEST_FORMAT &&
    manifest.archive && typeof manifest.archive.sha256 === 'string' &&
    manifest.entities && typeof manifest.entities === 'object' &&
    manifest.members && typeof manifest.members === 'object' &&
    ['links', 'configuration', 'schemas'].every((part) => Number.isInteger(manifest[part]));
  if (!valid) throw new Error(`Refusing to restore: ${manifestPath} is not a ${MANIFEST_FORMAT} manifest.`);
  const contents = await readArchive(file, key).catch((error) => {
    throw new Error(`Refusing to restore: ${error.message} Nothing was written.`);
  });
  // A different major version means a different content model and engine: never half-load one.
  const running = strapiMajor(STRAPI_VERSION);
  for (const [what, version] of [['archive', contents.metadata?.strapi?.version], ['manifest', manifest.strapiVersion]]) {
    if (strapiMajor(version) !== running) {
      throw new Error(`Refusing to restore: the ${what} names Strapi ${version ?? '(no version)'}, this CMS runs Strapi ${STRAPI_VERSION}. Restore only backups of Strapi ${running}.`);
    }
  }
  const problems = differences(manifest, contents);
  if (problems.length > 0) {
    const shown = problems.slice(0, 12);
    if (problems.length > shown.length) shown.push(`... and ${problems.length - shown.length} more`);
    throw new Error(`Refusing to restore: ${file} does not match its manifest; it is incomplete or was changed after the backup:\n  ${shown.join('\n  ')}\nNothing was written.`);
  }
  const digest = await fileDigest(file);
  if (digest.sha256 !== manifest.archive.sha256 || digest.bytes !== manifest.archive.bytes) {
    throw new Error(`Refusing to restore: ${file} (sha256 ${digest.sha256}) is not the archive its manifest describes (sha256 ${manifest.archive.sha256}); it was rebuilt or changed after the backup. Nothing was written.`);
  }
  // Without an admin account the first visitor of /admin could register as Super Admin.
  if (!(manifest.entities['admin::user'] > 0)) throw new Error('Refusing to restore: the backup has no admin account.');
  return manifest;
}

/**
 * A CMS running with this configuration answers its /_health (204 and Strapi's own header) on the
 * configured port; restoring under it would mix its writes and cached state with the restore's.
 */
async function assertCmsStopped(app) {
  const configured = app.config.get('server.host');
  const host = !configured || configured === '0.0.0.0' || configured === '::' ? '127.0.0.1' : configured;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${app.config.get('server.port')}/_health`;
  const answer = await fetch(url, { signal: AbortSignal.timeout(2000) }).catch(() => null);
  if (answer && answer.status === 204 && answer.headers.has('strapi')) {
    throw new Error(`Refusing to restore: a CMS answers at ${url} and may be using this database. Stop it first.`);
  }
}

/** Every table Strapi knows, join tables first: what a failed restore leaves behind is removed. */
async function emptyDatabase(app) {
  const entityTables = new Set();
  const joinTables = new Set();
  for (const meta of app.db.metadata.values()) {
    entityTables.add(meta.tableName);
    for (const attribute of Object.values(meta.attributes ?? {})) {
      if (attribute.joinTable?.name) joinTables.add(attribute.joinTable.name);
    }
  }
  await app.db.connection.transaction(async (trx) => {
    for (const table of [...joinTables, ...[...entityTables].filter((name) => !joinTables.has(name))]) {
      if (await trx.schema.hasTable(table)) await trx(table).del();
    }
  });
}

/** After the engine: the database and the uploads folder must hold what the manifest lists. */
async function verifyRestored(app, manifest) {
  const problems = [];
  const rows = await countRows(app);
  for (const uid of new Set([...Object.keys(manifest.entities), ...Object.keys(rows)])) {
    if ((rows[uid] ?? 0) !== (manifest.entities[uid] ?? 0)) problems.push(`${uid}: ${rows[uid] ?? 0} row(s) in the database, ${manifest.entities[uid] ?? 0} in the manifest`);
  }
  const uploads = path.join(app.dirs.static.public, 'uploads');
  for (const [member, want] of Object.entries(manifest.members)) {
    if (!member.startsWith('assets/uploads/')) continue;
    const restored = path.join(uploads, path.posix.basename(member));
    const have = fs.existsSync(restored) ? fs.statSync(restored).size : null;
    if (have !== want.bytes) problems.push(`${restored}: ${have === null ? 'missing' : `${have} bytes`}, the manifest says ${want.bytes}`);
  }
  return problems;
}

async function restore(app, { file, key }) {
  if (!fs.existsSync(file)) throw new Error(`No backup at ${file}.`);
  if (Boolean(key) !== file.endsWith('.enc')) throw new Error(key ? `${file} is not encrypted; drop --key.` : `${file} is encrypted; pass --key.`);
  await assertCmsStopped(app);
  await assertEmpty(app);
  const manifest = await verifyArchive(file, key);
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
  // Half a clinic must not start: whatever fails from here on empties it again, so the next
  // start is a fresh, uninitialised CMS.
  const emptyAgain = async () => {
    await emptyDatabase(app);
    const uploads = path.join(app.dirs.static.public, 'uploads');
    for (const name of fs.existsSync(uploads) ? fs.readdirSync(uploads) : []) if (!name.startsWith('.')) fs.rmSync(path.join(uploads, name), { recursive: true, force: true });
  };
  let problems;
  try {
    // Strict schemas: a backup from a different content model must not load half-way.
    await runEngine(
      createTransferEngine(source, destination, {
        versionStrategy: 'ignore',
        schemaStrategy: 'strict',
        transforms: { entities: [{ map: remember }] },
      }),
    );
    await restoreReviewLogIds(app, originalIdBySequenceKey);
    problems = await verifyRestored(app, manifest);
  } catch (error) {
    await emptyAgain();
    throw new Error(`Restore failed part-way (${error?.message ?? error}), so the database was emptied again.`);
  }
  if (problems.length > 0) {
    await emptyAgain();
    throw new Error(`Restore failed: the database does not hold what ${file} lists, so it was emptied again:\n  ${problems.join('\n  ')}`);
  }
  // The log names its actors by admin account id; say so if the engine renumbered accounts.
  for (const user of await app.db.query('admin::user').findMany({ select: ['id', 'email'] })) {
    const original = originalAdminIdByEmail.get(user.email);
    if (original !== undefined && original !== user.id) {
      console.warn(`warn: admin account ${user.email} was #${original} and is now #${user.id}; review log entries keep naming #${original}.`);
    }
  }
  console.log(`Restored ${file}: ${Object.values(manifest.entities).reduce((sum, count) => sum + count, 0)} rows, ${manifest.links} links and every media file match its manifest.`);
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
