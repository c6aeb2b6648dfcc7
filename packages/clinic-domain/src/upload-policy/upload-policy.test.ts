import { DEFAULT_UPLOAD_MAX_BYTES, detectImageType, judgeUpload } from './upload-policy';

const bytes = (...parts: (number[] | string)[]) =>
  Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? [...part].map((c) => c.charCodeAt(0)) : part)));

const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], [0, 0, 0, 13], 'IHDR', new Array(40).fill(7));
const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0], new Array(40).fill(1));
const GIF = bytes('GIF89a', new Array(20).fill(0));
const WEBP = bytes('RIFF', [0x20, 0, 0, 0], 'WEBPVP8 ', new Array(20).fill(0));
const AVIF = bytes([0, 0, 0, 0x1c], 'ftyp', 'avif', [0, 0, 0, 0], 'avifmif1miaf', new Array(8).fill(0));
const HEIC = bytes([0, 0, 0, 0x18], 'ftyp', 'heic', [0, 0, 0, 0], 'mif1heic');
const SVG = bytes('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
const HTML = bytes('<!DOCTYPE html><html><body>hi</body></html>');
const ELF = bytes([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1], new Array(20).fill(0));

const judge = (content: Uint8Array, fileName: string, declaredMime?: string, max = DEFAULT_UPLOAD_MAX_BYTES) =>
  judgeUpload({ fileName, declaredMime, size: content.length, bytes: content }, max);

describe('upload policy', () => {
  it('recognises each allowed image type by its bytes', () => {
    expect(detectImageType(PNG)?.mime).toBe('image/png');
    expect(detectImageType(JPEG)?.mime).toBe('image/jpeg');
    expect(detectImageType(GIF)?.mime).toBe('image/gif');
    expect(detectImageType(WEBP)?.mime).toBe('image/webp');
    expect(detectImageType(AVIF)?.mime).toBe('image/avif');
    expect(detectImageType(HEIC)).toBeNull();
    expect(detectImageType(SVG)).toBeNull();
    expect(detectImageType(new Uint8Array())).toBeNull();
  });

  it('accepts a picture whose name, declared type and bytes agree', () => {
    expect(judge(PNG, 'portrait.png', 'image/png')).toEqual({ allowed: true, mime: 'image/png' });
    expect(judge(JPEG, 'portrait.JPG', 'image/jpg')).toEqual({ allowed: true, mime: 'image/jpeg' });
    expect(judge(WEBP, 'a.webp', 'application/octet-stream')).toEqual({ allowed: true, mime: 'image/webp' });
    expect(judge(AVIF, 'a.avif')).toEqual({ allowed: true, mime: 'image/avif' });
    expect(judge(GIF, 'a.gif', 'image/gif')).toEqual({ allowed: true, mime: 'image/gif' });
  });

  it('refuses SVG, HTML and executables whatever they are called, naming what is allowed', () => {
    for (const [content, name, mime] of [
      [SVG, 'logo.svg', 'image/svg+xml'],
      [SVG, 'logo.png', 'image/png'],
      [HTML, 'page.jpg', 'image/jpeg'],
      [ELF, 'tool.gif', 'image/gif'],
      [HEIC, 'photo.avif', 'image/avif'],
    ] as const) {
      const decision = judge(content, name, mime);
      expect(decision).toMatchObject({ allowed: false, reason: 'not-an-allowed-image' });
      expect(!decision.allowed && decision.message).toMatch(/Allowed: JPEG, PNG, WebP, AVIF and GIF images .* up to 10 MB/);
    }
  });

  it('refuses a picture renamed to another type or sent as another type', () => {
    expect(judge(PNG, 'portrait.html', 'text/html')).toMatchObject({ allowed: false, reason: 'name-mismatch' });
    expect(judge(PNG, 'portrait', 'image/png')).toMatchObject({ allowed: false, reason: 'name-mismatch' });
    expect(judge(PNG, 'portrait.jpg', 'image/jpeg')).toMatchObject({ allowed: false, reason: 'name-mismatch' });
    expect(judge(PNG, 'portrait.png', 'text/html')).toMatchObject({ allowed: false, reason: 'declared-mismatch' });
  });

  it('refuses polyglots: a real image header carrying markup, a PDF or a ZIP archive', () => {
    expect(judge(bytes([...GIF], '<script>alert(1)</script>'), 'x.gif')).toMatchObject({ reason: 'hidden-content' });
    expect(judge(bytes([...JPEG], '<HTML><BODY onload=x>'), 'x.jpg')).toMatchObject({ reason: 'hidden-content' });
    expect(judge(bytes([...PNG], '%PDF-1.7'), 'x.png')).toMatchObject({ reason: 'hidden-content' });
    expect(judge(bytes([...JPEG], 'PK', [5, 6], new Array(18).fill(0)), 'x.jpg')).toMatchObject({ reason: 'hidden-content' });
  });

  it('refuses files over the limit and empty files, with the limit in the message', () => {
    const decision = judgeUpload({ fileName: 'big.png', declaredMime: 'image/png', size: 2 * 1024 * 1024 + 1, bytes: PNG }, 2 * 1024 * 1024);
    expect(decision).toMatchObject({ allowed: false, reason: 'too-large' });
    expect(!decision.allowed && decision.message).toMatch(/over the 2 MB limit.*up to 2 MB/);
    expect(judge(new Uint8Array(), 'empty.png')).toMatchObject({ allowed: false, reason: 'empty' });
    expect(judge(PNG, 'exact.png', 'image/png', PNG.length)).toMatchObject({ allowed: true });
  });
});
