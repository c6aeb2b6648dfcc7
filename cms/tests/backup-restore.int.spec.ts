import { execFile } from 'child_process';
import os from 'os';
import path from 'path';
import fs from 'fs';
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

const commandEnv = (database: Record<string, string>) => ({ ...process.env, ...database, STRAPI_LOG_LEVEL: 'error' });

let before: Awaited<ReturnType<typeof snapshot>>;
let after: Awaited<ReturnType<typeof snapshot>>;
let restored: BootedCms;
let target: TestDatabase;
let refusal: string;
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clinic-backup-'));
const stash = path.join(workDir, 'uploads-before');

beforeAll(async () => {
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
    await run(process.execPath, [SCRIPT, 'backup', '--file', path.join(workDir, 'clinic')], { env, cwd: path.resolve(__dirname, '..') });
    // A live database is never merged into.
    refusal = await run(process.execPath, [SCRIPT, 'restore', '--file', path.join(workDir, 'clinic.tar.gz')], { env, cwd: path.resolve(__dirname, '..') }).then(
      () => 'restored',
      (error) => String(error.stderr),
    );
  } finally {
    await source.stop();
  }
  // The source clinic is gone; its files with it.
  moveUploads(UPLOADS, path.join(workDir, 'uploads-of-source'));

  target = await createTestDatabase();
  await run(process.execPath, [SCRIPT, 'restore', '--file', path.join(workDir, 'clinic.tar.gz')], { env: commandEnv(target.env), cwd: path.resolve(__dirname, '..') });
  restored = await bootCms(target.env);
  after = await snapshot(restored);
});

afterAll(async () => {
  await restored?.stop();
  await target?.drop();
  moveUploads(UPLOADS, path.join(workDir, 'uploads-restored'));
  moveUploads(stash, UPLOADS);
  fs.rmSync(workDir, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('writes one compressed archive', () => {
    expect(fs.readdirSync(workDir).filter((name) => !name.startsWith('uploads-'))).toEqual(['clinic.tar.gz']);
  });

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
