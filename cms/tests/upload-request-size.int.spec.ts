import fs from 'fs';
import http from 'http';
import { once } from 'events';
import path from 'path';
import { createRequire } from 'module';
import { bootCms, DEMO_PASSWORD, type BootedCms } from './harness/strapi';

/**
 * An upload over the size limit is refused without being read: from its declared
 * Content-Length at once, or, sent in chunks, the moment a file passes the limit. Nothing is
 * stored either way, and uploads within the limit are taken as before.
 */
let cms: BootedCms;
let editorToken: string;
const PORT = 15711;
const MB = 1024 * 1024;
const MAX_BYTES = 10 * MB;
const BOUNDARY = '----clinicUploadSizeTest';

beforeAll(async () => {
  cms = await bootCms();
  await cms.seedDemo();
  // Listening on a port of its own, so raw requests can send headers without a body.
  await new Promise<void>((resolve) => cms.strapi.server.httpServer.listen(PORT, '127.0.0.1', resolve));
  const res = await cms.http.post('/admin/login').send({ email: 'editor@clinic.test', password: DEMO_PASSWORD });
  expect(res.status).toBe(200);
  editorToken = res.body.data.token;
});
afterAll(() => cms?.stop());

const fileRows = () => cms.strapi.db.query('plugin::upload.file').count();
const uploadsDir = () => path.join(cms.strapi.dirs.static.public, 'uploads');
const leftOnDisk = (base: string) => (fs.existsSync(uploadsDir()) ? fs.readdirSync(uploadsDir()).filter((f) => f.includes(base)) : []);
const partHead = (fileName: string) => Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="files"; filename="${fileName}"\r\nContent-Type: image/png\r\n\r\n`);

interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: any;
  ms: number;
}

/** Sends headers (and, with `body`, chunks from it while the server listens); resolves with the answer. */
function rawUpload(headers: Record<string, string | number>, body?: { first: Buffer; chunk: Buffer; maxBytes: number }) {
  const started = Date.now();
  let sent = 0;
  const req = http.request({ host: '127.0.0.1', port: PORT, method: 'POST', path: '/upload', headers: { authorization: `Bearer ${editorToken}`, 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, ...headers } });
  // A refused upload ends the connection: writing after that fails, which is expected.
  req.on('error', () => undefined);
  const answer = new Promise<RawAnswer>((resolve, reject) => {
    req.on('response', async (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      await once(res, 'end');
      const text = Buffer.concat(chunks).toString('utf8');
      resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text ? JSON.parse(text) : null, ms: Date.now() - started });
    });
    req.on('close', () => setTimeout(() => reject(new Error(`connection closed without an answer after ${sent} bytes`)), 100));
  });
  let answered = false;
  answer.then(() => (answered = true), () => (answered = true));
  const sending = (async () => {
    req.flushHeaders();
    if (!body) return;
    req.write(body.first);
    sent += body.first.length;
    while (!answered && !req.destroyed && sent < body.maxBytes) {
      sent += body.chunk.length;
      if (!req.write(body.chunk)) await Promise.race([once(req, 'drain'), answer.catch(() => undefined), new Promise((r) => setTimeout(r, 1000))]);
    }
  })();
  return { answer, sentWhenAnswered: async () => (await answer.catch(() => undefined), await sending.catch(() => undefined), sent), destroy: () => req.destroy() };
}

describe('an upload over the size limit', () => {
  it('declared at 200 MB, is a 413 at once, with only its headers sent', async () => {
    const rowsBefore = await fileRows();
    const upload = rawUpload({ 'content-length': 200 * MB });
    const answer = await upload.answer;
    upload.destroy();
    expect(answer.status).toBe(413);
    expect(answer.ms).toBeLessThan(2000);
    expect(answer.headers.connection).toBe('close');
    expect(answer.body.error).toMatchObject({ status: 413, name: 'PayloadTooLargeError', details: { maxBytes: MAX_BYTES } });
    expect(answer.body.error.message).toMatch(/^The upload is 200 MB, more than one request may carry .* it was refused before it was read\. Allowed: JPEG, PNG, WebP, AVIF and GIF images .* up to 10 MB\.$/);
    expect(await fileRows()).toBe(rowsBefore);
  });

  it('declared at 200 MB, is refused before authentication is even looked at', async () => {
    const upload = rawUpload({ 'content-length': 200 * MB, authorization: 'Bearer not-a-token' });
    const answer = await upload.answer;
    upload.destroy();
    expect(answer.status).toBe(413);
  });

  it('sent in chunks without a length, is cut off with the 413 soon after the file passes the limit, storing nothing', async () => {
    const rowsBefore = await fileRows();
    const name = `chunkedHuge${Date.now()}`;
    const png = Buffer.from('89504e470d0a1a0a', 'hex');
    const upload = rawUpload({ 'transfer-encoding': 'chunked' }, { first: Buffer.concat([partHead(`${name}.png`), png]), chunk: Buffer.alloc(256 * 1024, 7), maxBytes: 200 * MB });
    const answer = await upload.answer;
    const sent = await upload.sentWhenAnswered();
    upload.destroy();
    expect(answer.status).toBe(413);
    expect(answer.body.error.message).toMatch(/^A file in the upload is over the 10 MB limit; reading stopped there and nothing was stored\. Allowed: JPEG/);
    // The limit, plus what the sockets' buffers held when the answer came: far from the 200 MB on offer.
    expect(sent).toBeGreaterThan(MAX_BYTES);
    expect(sent).toBeLessThan(MAX_BYTES + 16 * MB);
    expect(await fileRows()).toBe(rowsBefore);
    expect(leftOnDisk(name)).toEqual([]);
  });

  it('one file just over the limit, within what a request may carry, is still read and refused by the upload guard, as before', async () => {
    const rowsBefore = await fileRows();
    const res = await cms.http.post('/upload').set({ authorization: `Bearer ${editorToken}` }).attach('files', Buffer.alloc(MAX_BYTES + 1, 1), { filename: 'exactlyOver.png', contentType: 'image/png' });
    // Within the request budget: read, then judged file by file by the upload guard, as before.
    expect(res.status).toBe(413);
    expect(res.body.error.message).toMatch(/over the 10 MB limit/);
    expect(await fileRows()).toBe(rowsBefore);
  });
});

describe('uploads within the limit', () => {
  // sharp as Strapi's upload plugin has it: noise does not compress, so each picture is about its pixel count.
  const sharp = (() => {
    const fromApp = createRequire(path.resolve(__dirname, '..', 'package.json'));
    const fromStrapi = createRequire(fromApp.resolve('@strapi/strapi/package.json'));
    const fromUpload = createRequire(fromStrapi.resolve('@strapi/upload/package.json'));
    return fromUpload('sharp');
  })();
  const noisePng = (side: number) => sharp(Buffer.from(Array.from({ length: side * side * 3 }, () => Math.floor(Math.random() * 256))), { raw: { width: side, height: side, channels: 3 } }).png({ compressionLevel: 0 }).toBuffer();

  it('several pictures in one request, together over the per-file limit, are all taken', async () => {
    const limit = 64 * 1024;
    cms.strapi.config.set('plugin::clinic.uploadMaxBytes', limit);
    try {
      const pictures: Buffer[] = await Promise.all([120, 120, 120].map(noisePng));
      for (const picture of pictures) expect(picture.length).toBeLessThan(limit);
      expect(pictures.reduce((sum, p) => sum + p.length, 0)).toBeGreaterThan(limit);
      let request = cms.http.post('/upload').set({ authorization: `Bearer ${editorToken}` });
      pictures.forEach((picture, i) => (request = request.attach('files', picture, { filename: `batchWithin${i}.png`, contentType: 'image/png' })));
      const res = await request;
      expect(res.status).toBe(201);
      expect(res.body).toHaveLength(3);
    } finally {
      cms.strapi.config.set('plugin::clinic.uploadMaxBytes', MAX_BYTES);
    }
  });

  it('a request that is not multipart is not metered', async () => {
    const res = await cms.http.post('/admin/login').send({ email: 'editor@clinic.test', password: DEMO_PASSWORD });
    expect(res.status).toBe(200);
  });
});
