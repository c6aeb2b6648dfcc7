import fs from 'fs';
import os from 'os';
import path from 'path';
import zlib from 'zlib';
import { bootCms, DEMO_PASSWORD, type BootedCms } from './harness/strapi';

/**
 * The media library takes pictures only (JPEG, PNG, WebP, AVIF, GIF, recognised by their
 * bytes) up to the configured size, on every upload path and for every role. A refused file
 * leaves nothing behind: no row, no file in the uploads folder, an existing file untouched.
 * A picture must also decode fully and carry nothing else: no bytes after its end, no text chunks.
 */
let cms: BootedCms;
const tokens: Record<string, string> = {};
let apiToken: string;
const ROLES = ['admin', 'editor', 'physician'] as const;
type Role = (typeof ROLES)[number];
const MAX_BYTES = 10 * 1024 * 1024;

const b64 = (s: string) => Buffer.from(s, 'base64');
// 2×2 pictures made with sharp.
const GOOD: Record<string, { bytes: Buffer; ext: string; mime: string }> = {
  png: { ext: 'png', mime: 'image/png', bytes: b64('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAEklEQVQImWM4wcV1gouLAUIBABsWA3F0RrYQAAAAAElFTkSuQmCC') },
  jpeg: { ext: 'jpg', mime: 'image/jpeg', bytes: b64('/9j/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wAARCAACAAIDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAf/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFQEBAQAAAAAAAAAAAAAAAAAABgf/xAAUEQEAAAAAAAAAAAAAAAAAAAAA/9oADAMBAAIRAxEAPwCXADS2v//Z') },
  webp: { ext: 'webp', mime: 'image/webp', bytes: b64('UklGRjwAAABXRUJQVlA4IDAAAADQAQCdASoCAAIAAUAmJaACdLoB+AADsAD+9hNf/izkYjs83/4E78Cd+BO/8AAAAAA=') },
  gif: { ext: 'gif', mime: 'image/gif', bytes: b64('R0lGODlhAgACAIAAAExpccgKCiH5BAUAAAAALAAAAAACAAIAAAICjFMAOw==') },
  avif: { ext: 'avif', mime: 'image/avif', bytes: b64('AAAAHGZ0eXBhdmlmAAAAAG1pZjFhdmlmbWlhZgAAANZtZXRhAAAAAAAAACFoZGxyAAAAAAAAAABwaWN0AAAAAAAAAAAAAAAAAAAAACJpbG9jAAAAAERAAAEAAQAAAAAA+gABAAAAAAAAACQAAAAjaWluZgAAAAAAAQAAABVpbmZlAgAAAAABAABhdjAxAAAAAA5waXRtAAAAAAABAAAAVmlwcnAAAAA4aXBjbwAAAAxhdjFDgSACAAAAABRpc3BlAAAAAAAAAAIAAAACAAAAEHBpeGkAAAAAAwgICAAAABZpcG1hAAAAAAAAAAEAAQOBAgMAAAAsbWRhdBIACgc4ADaQENBpMhcZQmMEwAA0AACQQMkcYUP+LbWn8nHy4A==') },
};
const png = GOOD.png!.bytes;

// Attacks that once got through: valid-looking pictures carrying script, built with real CRCs.
const pngChunk = (type: string, data: Buffer) => {
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(typed));
  return Buffer.concat([length, typed, crc]);
};
const IEND_AT = png.length - 12;
const pngWith = (chunk: Buffer) => Buffer.concat([png.subarray(0, IEND_AT), chunk, png.subarray(IEND_AT)]);
const IDAT_AT = png.indexOf('IDAT') - 4;
const IDAT_LENGTH = png.readUInt32BE(IDAT_AT);
/** Structurally a PNG, but its pixel data does not inflate: only decoding catches it. */
const pngCorruptPixels = (() => {
  const data = Buffer.from(png.subarray(IDAT_AT + 8, IDAT_AT + 8 + IDAT_LENGTH));
  data[4] = data[4]! ^ 0xff;
  return Buffer.concat([png.subarray(0, IDAT_AT), pngChunk('IDAT', data), png.subarray(IDAT_AT + 12 + IDAT_LENGTH)]);
})();
const ATTACKS = {
  gifJsPolyglot: Buffer.concat([Buffer.from('GIF89a/*'), Buffer.from([1, 0, 1, 0, 0, 0, 0]), Buffer.from(';*/=1;alert(1)//')]),
  pngItxtImg: pngWith(pngChunk('iTXt', Buffer.from('Comment\0\0\0\0\0<img src=x onerror=alert(1)>', 'latin1'))),
  pngUtf16Script: pngWith(pngChunk('tEXt', Buffer.concat([Buffer.from('Comment\0'), Buffer.from('<script>alert(1)</script>', 'utf16le')]))),
  pngNulSplitAfterIend: Buffer.concat([png, Buffer.from('\0<scr\0ipt>alert(1)</scr\0ipt>', 'latin1')]),
  pngZtxtScript: pngWith(pngChunk('zTXt', Buffer.concat([Buffer.from('Comment\0\0'), zlib.deflateSync(Buffer.from('<script>alert(1)</script>'))]))),
  pngPlainText: pngWith(pngChunk('tEXt', Buffer.from('Software\0paint', 'latin1'))),
};

/** What must be refused, each with the status it earns and the name and type it is sent as. */
const BAD: { label: string; bytes: Buffer; ext: string; mime: string; status: number; message: RegExp }[] = [
  { label: 'svg', ext: 'svg', mime: 'image/svg+xml', status: 400, bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), message: /not a JPEG, PNG, WebP, AVIF or GIF/ },
  { label: 'svgAsPng', ext: 'png', mime: 'image/png', status: 400, bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), message: /not a JPEG, PNG/ },
  { label: 'html', ext: 'html', mime: 'text/html', status: 400, bytes: Buffer.from('<!doctype html><script>alert(1)</script>'), message: /not a JPEG, PNG/ },
  { label: 'htmlAsJpg', ext: 'jpg', mime: 'image/jpeg', status: 400, bytes: Buffer.from('<html><body>hi</body></html>'), message: /not a JPEG, PNG/ },
  { label: 'exe', ext: 'exe', mime: 'application/x-msdownload', status: 400, bytes: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 1)]), message: /not a JPEG, PNG/ },
  { label: 'elfAsGif', ext: 'gif', mime: 'image/gif', status: 400, bytes: Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46]), Buffer.alloc(200)]), message: /not a JPEG, PNG/ },
  { label: 'pngPolyglot', ext: 'png', mime: 'image/png', status: 400, bytes: Buffer.concat([png, Buffer.from('<script>alert(document.cookie)</script>')]), message: /contains "<script" markup/ },
  { label: 'gifPolyglot', ext: 'gif', mime: 'image/gif', status: 400, bytes: Buffer.concat([GOOD.gif!.bytes, Buffer.from('<html><body onload=alert(1)>')]), message: /markup/ },
  { label: 'pngNamedHtml', ext: 'html', mime: 'text/html', status: 400, bytes: png, message: /its name ends in "\.html"/ },
  { label: 'pngDeclaredHtml', ext: 'png', mime: 'text/html', status: 400, bytes: png, message: /sent as text\/html/ },
  { label: 'gifJsPolyglot', ext: 'gif', mime: 'image/gif', status: 400, bytes: ATTACKS.gifJsPolyglot, message: /GIF blocks are malformed/ },
  { label: 'pngItxtImg', ext: 'png', mime: 'image/png', status: 400, bytes: ATTACKS.pngItxtImg, message: /contains "<img" markup/ },
  { label: 'pngUtf16Script', ext: 'png', mime: 'image/png', status: 400, bytes: ATTACKS.pngUtf16Script, message: /contains "<script" markup/ },
  { label: 'pngNulSplitAfterIend', ext: 'png', mime: 'image/png', status: 400, bytes: ATTACKS.pngNulSplitAfterIend, message: /contains "<script" markup|data after the end of the image/ },
  { label: 'pngZtxtScript', ext: 'png', mime: 'image/png', status: 400, bytes: ATTACKS.pngZtxtScript, message: /PNG text chunk \(zTXt\)/ },
  { label: 'pngPlainText', ext: 'png', mime: 'image/png', status: 400, bytes: ATTACKS.pngPlainText, message: /PNG text chunk \(tEXt\)/ },
  { label: 'pngCorruptPixels', ext: 'png', mime: 'image/png', status: 400, bytes: pngCorruptPixels, message: /not a complete, decodable image/ },
  { label: 'tooLarge', ext: 'png', mime: 'image/png', status: 413, bytes: Buffer.concat([png, Buffer.alloc(MAX_BYTES + 1 - png.length)]), message: /over the 10 MB limit/ },
];
const ALLOWED_TEXT = /Allowed: JPEG, PNG, WebP, AVIF and GIF images .* up to 10 MB/;

let sequence = 0;
/** A file name of its own, so the uploads folder can be searched for anything it left. */
const uniqueName = (label: string, ext: string) => `lim${++sequence}x${label}.${ext}`;
const baseOf = (fileName: string) => fileName.slice(0, fileName.lastIndexOf('.'));
const uploadsDir = () => path.join(cms.strapi.dirs.static.public, 'uploads');
const leftOnDisk = (fileName: string) => (fs.existsSync(uploadsDir()) ? fs.readdirSync(uploadsDir()).filter((f) => f.startsWith(`${baseOf(fileName)}_`)) : []);
const fileRows = () => cms.strapi.db.query('plugin::upload.file').count();
const as = (who: Role) => ({ authorization: `Bearer ${tokens[who]}` });

beforeAll(async () => {
  cms = await bootCms();
  await cms.seedDemo();
  for (const who of ROLES) {
    const res = await cms.http.post('/admin/login').send({ email: `${who}@clinic.test`, password: DEMO_PASSWORD });
    expect(res.status).toBe(200);
    tokens[who] = res.body.data.token;
  }
  apiToken = (await cms.strapi.service('admin::api-token').create({ name: 'uploads-full', type: 'full-access', lifespan: null, description: '' })).accessKey;
});
afterAll(() => cms?.stop());

/** The ways to add a new file, as one caller. */
const NEW_FILE_PATHS: Record<string, (who: Role, bytes: Buffer, fileName: string, mime: string) => Promise<{ status: number; body: any }>> = {
  'admin POST /upload': (who, bytes, name, mime) => cms.http.post('/upload').set(as(who)).attach('files', bytes, { filename: name, contentType: mime }),
  'admin POST /upload/files': (who, bytes, name, mime) => cms.http.post('/upload/files').set(as(who)).attach('files', bytes, { filename: name, contentType: mime }),
};

describe('new uploads through the admin', () => {
  for (const [route, send] of Object.entries(NEW_FILE_PATHS)) {
    for (const who of ROLES) {
      it(`${route} as ${who}: refuses every non-picture and oversized file, leaving nothing behind`, async () => {
        for (const bad of BAD) {
          const name = uniqueName(bad.label, bad.ext);
          const rowsBefore = await fileRows();
          const res = await send(who, bad.bytes, name, bad.mime);
          // Physicians may not upload at all: refused before their file is looked at.
          if (who === 'physician') expect(res.status).toBe(403);
          else {
            expect({ file: bad.label, status: res.status }).toEqual({ file: bad.label, status: bad.status });
            expect(res.body.error.message).toMatch(bad.message);
            expect(res.body.error.message).toMatch(ALLOWED_TEXT);
          }
          expect(await fileRows()).toBe(rowsBefore);
          expect(leftOnDisk(name)).toEqual([]);
        }
      });

      it(`${route} as ${who}: takes each allowed picture type`, async () => {
        for (const [kind, good] of Object.entries(GOOD)) {
          const name = uniqueName(kind, good.ext);
          const res = await send(who, good.bytes, name, good.mime);
          if (who === 'physician') {
            expect(res.status).toBe(403);
            continue;
          }
          expect({ kind, status: res.status }).toEqual({ kind, status: 201 });
          const file = Array.isArray(res.body) ? res.body[0] : res.body;
          expect(file.mime).toBe(good.mime);
          expect(leftOnDisk(name).length).toBeGreaterThan(0);
        }
      });
    }
  }

  it('a batch with one bad file among good ones uploads none of them', async () => {
    const good = uniqueName('batchGood', 'png');
    const bad = uniqueName('batchBad', 'svg');
    const rowsBefore = await fileRows();
    const res = await cms.http.post('/upload').set(as('editor')).attach('files', png, { filename: good, contentType: 'image/png' }).attach('files', BAD[0]!.bytes, { filename: bad, contentType: 'image/svg+xml' });
    expect(res.status).toBe(400);
    expect(await fileRows()).toBe(rowsBefore);
    expect([...leftOnDisk(good), ...leftOnDisk(bad)]).toEqual([]);
  });
});

describe('replacing an existing file through the admin', () => {
  const REPLACE_PATHS: Record<string, (who: Role, id: number, bytes: Buffer, fileName: string, mime: string) => Promise<{ status: number; body: any }>> = {
    'POST /upload?id=': (who, id, bytes, name, mime) => cms.http.post(`/upload?id=${id}`).set(as(who)).attach('files', bytes, { filename: name, contentType: mime }),
    'POST /upload/files/:id/replace': (who, id, bytes, name, mime) => cms.http.post(`/upload/files/${id}/replace`).set(as(who)).attach('files', bytes, { filename: name, contentType: mime }),
  };
  for (const [route, send] of Object.entries(REPLACE_PATHS)) {
    for (const who of ROLES) {
      it(`${route} as ${who}: a bad file leaves the existing one untouched; a picture replaces it`, async () => {
        const original = uniqueName('original', 'png');
        const created = await cms.http.post('/upload').set(as('admin')).attach('files', png, { filename: original, contentType: 'image/png' });
        expect(created.status).toBe(201);
        const id = created.body[0].id;
        const row = () => cms.strapi.db.query('plugin::upload.file').findOne({ where: { id }, select: ['name', 'hash', 'ext', 'mime', 'size', 'url'] });
        const before = await row();
        const onDisk = () => fs.readFileSync(path.join(cms.strapi.dirs.static.public, before.url));
        const bytesBefore = onDisk();
        for (const bad of BAD) {
          const res = await send(who, id, bad.bytes, uniqueName(bad.label, bad.ext), bad.mime);
          if (who === 'physician') expect(res.status).toBe(403);
          else {
            expect({ file: bad.label, status: res.status }).toEqual({ file: bad.label, status: bad.status });
            expect(res.body.error.message).toMatch(ALLOWED_TEXT);
          }
          expect(await row()).toEqual(before);
          expect(onDisk().equals(bytesBefore)).toBe(true);
        }
        const res = await send(who, id, GOOD.webp!.bytes, uniqueName('replacement', 'webp'), 'image/webp');
        expect(res.status).toBe(who === 'physician' ? 403 : 200);
      });
    }
  }
});

describe('the content API and GraphQL', () => {
  it('/api/upload refuses anonymous callers, and with a full-access token takes pictures only', async () => {
    const anonymous = await cms.http.post('/api/upload').attach('files', png, { filename: uniqueName('anon', 'png'), contentType: 'image/png' });
    expect([401, 403]).toContain(anonymous.status);
    for (const bad of BAD) {
      const name = uniqueName(bad.label, bad.ext);
      const rowsBefore = await fileRows();
      const res = await cms.http.post('/api/upload').set({ authorization: `Bearer ${apiToken}` }).attach('files', bad.bytes, { filename: name, contentType: bad.mime });
      expect({ file: bad.label, status: res.status }).toEqual({ file: bad.label, status: bad.status });
      expect(res.body.error.message).toMatch(ALLOWED_TEXT);
      expect(await fileRows()).toBe(rowsBefore);
      expect(leftOnDisk(name)).toEqual([]);
    }
    const ok = await cms.http.post('/api/upload').set({ authorization: `Bearer ${apiToken}` }).attach('files', png, { filename: uniqueName('api', 'png'), contentType: 'image/png' });
    expect(ok.status).toBe(201);
  });

  it('GraphQL offers no upload at all', async () => {
    const res = await cms.graphql('mutation { uploadFile(data: {}) { documentId } }', {}, { authorization: `Bearer ${apiToken}` });
    expect(res.status).toBe(400);
    expect(res.body.data).toBeUndefined();
  });
});

describe('code calling the upload service', () => {
  const upload = () => cms.strapi.plugin('upload').service('upload');
  const onDiskFile = (bytes: Buffer, name: string, mime: string) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'upload-limits-'));
    const filepath = path.join(dir, name);
    fs.writeFileSync(filepath, bytes);
    return { filepath, originalFilename: name, mimetype: mime, size: bytes.length };
  };

  it('upload() and replace() refuse the same files with the same messages, writing nothing', async () => {
    const existing = (await upload().upload({ data: {}, files: onDiskFile(png, uniqueName('codeOriginal', 'png'), 'image/png') }))[0];
    for (const bad of BAD) {
      const name = uniqueName(bad.label, bad.ext);
      const rowsBefore = await fileRows();
      await expect(upload().upload({ data: {}, files: onDiskFile(bad.bytes, name, bad.mime) })).rejects.toMatchObject({ message: expect.stringMatching(bad.message) });
      await expect(upload().replace(existing.id, { data: {}, file: onDiskFile(bad.bytes, name, bad.mime) })).rejects.toMatchObject({ message: expect.stringMatching(ALLOWED_TEXT) });
      expect(await fileRows()).toBe(rowsBefore);
      expect(leftOnDisk(name)).toEqual([]);
    }
    for (const [kind, good] of Object.entries(GOOD)) {
      const [file] = await upload().upload({ data: {}, files: onDiskFile(good.bytes, uniqueName(kind, good.ext), good.mime) });
      expect(file.mime).toBe(good.mime);
    }
  });

  it('the limit is the plugin’s uploadMaxBytes', async () => {
    const config = cms.strapi.config.get('plugin::clinic');
    expect(config.uploadMaxBytes).toBe(MAX_BYTES);
    cms.strapi.config.set('plugin::clinic.uploadMaxBytes', 64);
    try {
      const res = await cms.http.post('/upload').set(as('editor')).attach('files', GOOD.avif!.bytes, { filename: uniqueName('smallLimit', 'avif'), contentType: 'image/avif' });
      expect(res.status).toBe(413);
      expect(res.body.error.message).toMatch(/over the 64 bytes limit/);
    } finally {
      cms.strapi.config.set('plugin::clinic.uploadMaxBytes', MAX_BYTES);
    }
  });
});
