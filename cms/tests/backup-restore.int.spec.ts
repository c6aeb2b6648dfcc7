import { execFile } from 'child_process';
import os from 'os';
import path from 'path';
import fs from 'fs';
import http from 'http';
import net from 'net';
import { promisify } from 'util';
import { bootCms, DEMO_PASSWORD, type BootedCms } from './harness/strapi';
import { createTestDatabase, type TestDatabase } from './harness/database';

const run = promisify(execFile);
const SCRIPT = path.resolve(__dirname, '../scripts/backup-restore.js');
const TYPES = [
  { uid: 'plugin::clinic.procedure', rest: 'procedures' },
  { uid: 'plugin::clinic.provider', rest: 'providers' },
  { uid: 'plugin::clinic.faq', rest: 'faqs' },
  { uid: 'plugin::clinic.rebrand-notice', rest: 'rebrand-notices' },
  { uid: 'plugin::clinic.clinic', rest: 'clinic' },
];
const LOCALES = ['en', 'es'];
const ACCOUNTS = ['admin@clinic.test', 'editor@clinic.test', 'physician@clinic.test'];
const REJECTION = 'Dosage wording must match the leaflet.';
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const UPLOADS = path.resolve(__dirname, '../public/uploads');

/** Both CMSs share this app's public/uploads; whatever was there is put aside and back. */
function moveUploads(from: string, to: string) {
  fs.mkdirSync(to, { recursive: true });
  if (!fs.existsSync(from)) return;
  for (const name of fs.readdirSync(from).filter((entry) => !entry.startsWith('.'))) fs.renameSync(path.join(from, name), path.join(to, name));
}

const NESTED = new Set(['relation', 'component', 'dynamiczone', 'media']);

/** Every relation, component and picture of a type, one level deep (`populate=*` would ask for other locales). */
function populateAll(cms: BootedCms, uid: string): string {
  const attributes: Record<string, { type: string; private?: boolean; target?: string }> = cms.strapi.contentType(uid).attributes;
  return Object.entries(attributes)
    .filter(([name, attribute]) => NESTED.has(attribute.type) && name !== 'localizations' && !attribute.private && !attribute.target?.startsWith('admin::'))
    .map(([name]) => `&populate[${name}]=true`)
    .join('');
}

/**
 * Strapi's transfer engine renumbers database rows, so the REST `id` (a row number) differs after
 * a restore; `documentId`, which the site links by, and everything else must not.
 */
function withoutRowIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutRowIds);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'id').map(([key, inner]) => [key, withoutRowIds(inner)]));
  }
  return value;
}

/** What patients and auditors can see: every public page, every live revision, the whole review log. */
async function snapshot(cms: BootedCms) {
  const pages: Record<string, unknown> = {};
  const hashes: Record<string, string | null> = {};
  const reviews = cms.strapi.plugin('clinic').service('reviews');
  for (const type of TYPES) {
    for (const locale of LOCALES) {
      const url = `/api/clinic/${type.rest}?locale=${locale}${populateAll(cms, type.uid)}${type.rest === 'clinic' ? '' : '&pagination[pageSize]=100&sort=documentId:asc'}`;
      const res = await cms.http.get(url);
      if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${JSON.stringify(res.body)}`);
      pages[`${type.rest}:${locale}`] = withoutRowIds(res.body);
      const published = await cms.strapi.documents(type.uid).findMany({ locale, status: 'published', fields: ['documentId'] });
      for (const { documentId } of published) {
        const revision = await reviews.publishedRevision({ contentType: type.uid, documentId, locale });
        hashes[`${type.uid}:${documentId}:${locale}`] = revision?.hash ?? null;
      }
    }
  }
  const rows = await cms.strapi.db.query('plugin::clinic.review-entry').findMany({ orderBy: [{ id: 'asc' }] });
  const log = rows.map((row: any) => ({
    id: row.id,
    sequenceKey: row.sequenceKey,
    contentType: row.contentType,
    documentId: row.reviewedDocumentId,
    locale: row.locale,
    decision: row.decision,
    revisionHash: row.revisionHash,
    actorId: row.actorId,
    actorName: row.actorName,
    comment: row.comment,
    decidedAt: new Date(row.decidedAt).toISOString(),
  }));
  const admins = (await cms.strapi.db.query('admin::user').findMany({ populate: ['roles'], orderBy: [{ id: 'asc' }] })).map((user: any) => ({
    id: user.id,
    email: user.email,
    roles: user.roles.map((role: any) => role.code).sort(),
  }));
  const files = (await cms.strapi.db.query('plugin::upload.file').findMany({ orderBy: [{ id: 'asc' }] })).map((file: any) => ({
    name: file.name,
    hash: file.hash,
    url: file.url,
    bytes: fs.readFileSync(path.join(UPLOADS, path.basename(file.url))).toString('base64'),
  }));
  return { pages, hashes, log, admins, files };
}

/** A port nothing answers on, so a CMS someone runs on 1337 meanwhile cannot refuse our restores. */
async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

let quietPort = 0;
const commandEnv = (database: Record<string, string>, extra: Record<string, string> = {}) => ({
  ...process.env,
  ...database,
  PORT: String(quietPort),
  STRAPI_LOG_LEVEL: 'error',
  ...extra,
});
const CMS_DIR = path.resolve(__dirname, '..');

/** Runs the script; its exit status and output, whatever they are. */
async function attempt(args: string[], env: NodeJS.ProcessEnv) {
  return run(process.execPath, [SCRIPT, ...args], { env, cwd: CMS_DIR }).then(
    ({ stdout, stderr }) => ({ ok: true, stdout, stderr }),
    (error) => ({ ok: false, stdout: String(error.stdout), stderr: String(error.stderr) }),
  );
}

/**
 * The attacks: a real backup unpacked, changed and packed again with its original manifest beside
 * it (or none), the way an archive cut short or edited would arrive.
 */
const TAMPERED: Record<string, { change: (dir: string) => void; manifest?: false; refusal: RegExp }> = {
  'no links folder': {
    change: (dir) => fs.rmSync(path.join(dir, 'links'), { recursive: true }),
    refusal: /links: 0 in the archive, \d+ in the manifest/,
  },
  'entities cut at a line boundary': {
    change: (dir) => editJsonl(dir, 'entities', (lines) => lines.slice(0, Math.floor(lines.length / 2))),
    refusal: /: \d+ row\(s\) in the archive, \d+ in the manifest/,
  },
  'no review entries': {
    change: (dir) => editJsonl(dir, 'entities', (lines) => lines.filter((line) => JSON.parse(line).type !== 'plugin::clinic.review-entry')),
    refusal: /plugin::clinic.review-entry: 0 row\(s\) in the archive, \d+ in the manifest/,
  },
  'a media file missing': {
    change: (dir) => fs.rmSync(path.join(dir, 'assets/uploads', fs.readdirSync(path.join(dir, 'assets/uploads'))[0]!)),
    refusal: /assets\/uploads\/\S+ is missing/,
  },
  'a media file truncated': {
    change: (dir) => {
      const file = path.join(dir, 'assets/uploads', fs.readdirSync(path.join(dir, 'assets/uploads'))[0]!);
      fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2));
    },
    refusal: /assets\/uploads\/\S+ has \d+ bytes, the manifest says \d+/,
  },
  'metadata of Strapi 4.15.0': {
    change: (dir) => {
      const file = path.join(dir, 'metadata.json');
      const metadata = JSON.parse(fs.readFileSync(file, 'utf8'));
      fs.writeFileSync(file, JSON.stringify({ ...metadata, strapi: { ...metadata.strapi, version: '4.15.0' } }));
    },
    refusal: /the archive names Strapi 4\.15\.0, this CMS runs Strapi 5\./,
  },
  'no manifest': { change: () => {}, manifest: false, refusal: /has no manifest/ },
  'repacked unchanged': { change: () => {}, refusal: /is not the archive its manifest describes .*it was rebuilt or changed after the backup/ },
};

function editJsonl(dir: string, folder: string, edit: (lines: string[]) => string[]) {
  for (const name of fs.readdirSync(path.join(dir, folder))) {
    const file = path.join(dir, folder, name);
    const lines = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean);
    fs.writeFileSync(file, edit(lines).map((line) => `${line}\n`).join(''));
  }
}

async function tamper(archive: string, into: string, change: (dir: string) => void, withManifest: boolean) {
  const unpacked = path.join(into, 'unpacked');
  fs.mkdirSync(unpacked, { recursive: true });
  await run('tar', ['-xzf', archive, '-C', unpacked]);
  change(unpacked);
  const rebuilt = path.join(into, 'clinic.tar.gz');
  await run('tar', ['-czf', rebuilt, '-C', unpacked, ...fs.readdirSync(unpacked)]);
  if (withManifest) fs.copyFileSync(`${archive}.manifest.json`, `${rebuilt}.manifest.json`);
  return rebuilt;
}

let before: Awaited<ReturnType<typeof snapshot>>;
let after: Awaited<ReturnType<typeof snapshot>>;
let restored: BootedCms;
let target: TestDatabase;
let encryptedTarget: TestDatabase | undefined;
let refusal: string;
let overwrite: Awaited<ReturnType<typeof attempt>>;
let whileRunning: Awaited<ReturnType<typeof attempt>>;
let goodRestore: Awaited<ReturnType<typeof attempt>>;
let encryptedRestore: Awaited<ReturnType<typeof attempt>>;
const tampered: Record<string, Awaited<ReturnType<typeof attempt>>> = {};
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clinic-backup-'));
// Not there yet: the backup makes it, as on a fresh clone.
const backups = path.join(workDir, 'backups');
const archive = path.join(backups, 'clinic.tar.gz');
const stash = path.join(workDir, 'uploads-before');

beforeAll(async () => {
  quietPort = await freePort();
  moveUploads(UPLOADS, stash);
  const source = await bootCms();
  try {
    await source.seedDemo();
    const login = await source.http.post('/admin/login').send({ email: 'admin@clinic.test', password: DEMO_PASSWORD });
    const upload = await source.http.post('/upload').set({ authorization: `Bearer ${login.body.data.token}` }).attach('files', PNG, 'waiting-room.png');
    expect(upload.status).toBe(201);
    const { editor, physician } = await source.accounts();
    const reviews = source.strapi.plugin('clinic').service('reviews');
    // An approval of a new revision, a rejection with a comment, and a draft edit left unpublished.
    const procedure = await source.strapi.documents('plugin::clinic.procedure').findFirst({ locale: 'en', status: 'published' });
    await source.strapi.documents('plugin::clinic.procedure').update({ documentId: procedure.documentId, locale: 'en', data: { title: `${procedure.title} (revised)` } });
    await source.approveAndPublish('plugin::clinic.procedure', procedure.documentId, 'en');
    const faq = await source.strapi.documents('plugin::clinic.faq').findFirst({ locale: 'es', status: 'published' });
    await source.strapi.documents('plugin::clinic.faq').update({ documentId: faq.documentId, locale: 'es', data: { question: `${faq.question} (borrador)` } });
    const rejected = { contentType: 'plugin::clinic.faq', documentId: faq.documentId, locale: 'es' };
    await reviews.submit(rejected, editor);
    await reviews.reject(rejected, physician, { comment: REJECTION });
    const provider = await source.strapi.documents('plugin::clinic.provider').findFirst({ locale: 'en', status: 'published' });
    await source.strapi.documents('plugin::clinic.provider').update({ documentId: provider.documentId, locale: 'en', data: { credentials: `${provider.credentials} (draft)` } });
    before = await snapshot(source);

    const env = commandEnv({});
    const written = await attempt(['backup', '--file', path.join(backups, 'clinic')], env);
    expect(written).toMatchObject({ ok: true });
    overwrite = await attempt(['backup', '--file', path.join(backups, 'clinic')], env);
    await run(process.execPath, [SCRIPT, 'backup', '--file', path.join(workDir, 'encrypted', 'clinic'), '--key', 'a passphrase'], { env, cwd: CMS_DIR });
    // A live database is never merged into.
    refusal = await run(process.execPath, [SCRIPT, 'restore', '--file', archive], { env, cwd: CMS_DIR }).then(
      () => 'restored',
      (error) => String(error.stderr),
    );
  } finally {
    await source.stop();
  }
  // The source clinic is gone; its files with it.
  moveUploads(UPLOADS, path.join(workDir, 'uploads-of-source'));

  target = await createTestDatabase();
  // Every bad archive is refused before anything is written: the good restore that follows, into
  // the same database, passes its emptiness check only if none of them left a row or a file.
  for (const [name, attack] of Object.entries(TAMPERED)) {
    const rebuilt = await tamper(archive, fs.mkdtempSync(path.join(workDir, 'tampered-')), attack.change, attack.manifest !== false);
    tampered[name] = await attempt(['restore', '--file', rebuilt], commandEnv(target.env));
  }
  // Something answering /_health as Strapi does on the configured port is a CMS using the database.
  const fakeCms = http.createServer((req, res) => res.writeHead(req.url === '/_health' ? 204 : 404, { strapi: 'You are so French!' }).end());
  await new Promise<void>((resolve) => fakeCms.listen(0, '127.0.0.1', resolve));
  whileRunning = await attempt(['restore', '--file', archive], commandEnv(target.env, { PORT: String((fakeCms.address() as net.AddressInfo).port), HOST: '127.0.0.1' }));
  await new Promise((resolve) => fakeCms.close(resolve));

  goodRestore = await attempt(['restore', '--file', archive], commandEnv(target.env));
  expect(goodRestore).toMatchObject({ ok: true });
  restored = await bootCms(target.env);
  after = await snapshot(restored);
  // Each restore attempt loads a Strapi of its own: ten of them take minutes.
}, 600_000);

afterAll(async () => {
  await restored?.stop();
  await target?.drop();
  await encryptedTarget?.drop();
  moveUploads(UPLOADS, path.join(workDir, 'uploads-restored'));
  moveUploads(stash, UPLOADS);
  fs.rmSync(workDir, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('creates the missing folder and writes one compressed archive and its manifest', () => {
    expect(fs.readdirSync(backups).sort()).toEqual(['clinic.tar.gz', 'clinic.tar.gz.manifest.json']);
    const manifest = JSON.parse(fs.readFileSync(`${archive}.manifest.json`, 'utf8'));
    expect(manifest.entities['admin::user']).toBe(ACCOUNTS.length);
    expect(manifest.entities['plugin::clinic.review-entry']).toBe(before.log.length);
    expect(manifest.links).toBeGreaterThan(0);
    expect(Object.keys(manifest.members).filter((name) => name.startsWith('assets/uploads/'))).not.toHaveLength(0);
  });

  it('refuses to overwrite an existing backup without --force', () => {
    expect(overwrite.ok).toBe(false);
    expect(overwrite.stderr).toMatch(/Refusing to overwrite .*clinic\.tar\.gz.*add --force to replace it/);
  });

  it.each(Object.keys(TAMPERED))('refuses an archive with %s, writing nothing', (name) => {
    const result = tampered[name]!;
    expect(result.ok).toBe(false);
    expect(result.stderr).toMatch(TAMPERED[name]!.refusal);
    expect(result.stdout).not.toMatch(/Restored/);
  });

  it('refuses to restore while a CMS answers on the configured port', () => {
    expect(whileRunning.ok).toBe(false);
    expect(whileRunning.stderr).toMatch(/a CMS answers at .*\/_health and may be using this database/);
  });

  it('says the restored database matches the manifest', () => {
    expect(goodRestore.stdout).toMatch(/Restored .*every media file match its manifest/);
  });

  it('restores an encrypted backup with its key', async () => {
    encryptedTarget = await createTestDatabase();
    const env = commandEnv(encryptedTarget.env);
    // The uploads folder must be empty for a restore; the booted restore's files are put aside meanwhile.
    moveUploads(UPLOADS, path.join(workDir, 'uploads-restored'));
    try {
      encryptedRestore = await attempt(['restore', '--file', path.join(workDir, 'encrypted', 'clinic.tar.gz.enc'), '--key', 'a passphrase'], env);
      expect(encryptedRestore.stderr).toBe('');
      expect(encryptedRestore.ok).toBe(true);
    } finally {
      moveUploads(UPLOADS, path.join(workDir, 'uploads-encrypted'));
      moveUploads(path.join(workDir, 'uploads-restored'), UPLOADS);
    }
  }, 120_000);

  it('refuses to restore onto a database that has content', () => {
    expect(refusal).toMatch(/Refusing to restore: the target database already has content/);
  });

  it('restores every public page of every type and locale unchanged', () => {
    expect(Object.keys(before.pages)).toHaveLength(TYPES.length * LOCALES.length);
    expect(after.pages).toEqual(before.pages);
  });

  it('restores the same published revision hashes', () => {
    expect(Object.keys(before.hashes).length).toBeGreaterThan(20);
    expect(after.hashes).toEqual(before.hashes);
  });

  it('restores the review log row for row, the rejection comment included', () => {
    expect(before.log.some((row: { decision: string; comment: string | null }) => row.decision === 'rejected' && row.comment === REJECTION)).toBe(true);
    expect(after.log).toEqual(before.log);
  });

  it('restores the media library: records and files', () => {
    expect(before.files).toHaveLength(1);
    expect(after.files).toEqual(before.files);
  });

  it('keeps unpublished draft edits as drafts', async () => {
    const drafts = await restored.strapi.documents('plugin::clinic.provider').findMany({ locale: 'en', status: 'draft', filters: { credentials: { $endsWith: '(draft)' } } });
    expect(drafts).toHaveLength(1);
  });

  it('restores the admin accounts and their roles: each logs in with its password', async () => {
    expect(after.admins).toEqual(before.admins);
    for (const email of ACCOUNTS) {
      const res = await restored.http.post('/admin/login').send({ email, password: DEMO_PASSWORD });
      expect(res.status).toBe(200);
      const user = await restored.strapi.service('admin::user').findOneByEmail(email, ['roles']);
      expect(user.roles.length).toBeGreaterThan(0);
    }
  });

  it('goes on appending to the review log after the restore', async () => {
    const documents = restored.strapi.documents('plugin::clinic.procedure');
    const procedure = await documents.findFirst({ locale: 'es', status: 'published' });
    await documents.update({ documentId: procedure.documentId, locale: 'es', data: { title: `${procedure.title} (tras restaurar)` } });
    await restored.approveAndPublish('plugin::clinic.procedure', procedure.documentId, 'es');
    const res = await restored.http.get(`/api/clinic/procedures/${procedure.documentId}?locale=es`);
    expect(res.body.data.title).toBe(`${procedure.title} (tras restaurar)`);
  });
});
