import { ALLOWED_IMAGE_TYPES, DEFAULT_UPLOAD_MAX_BYTES, detectImageType, judgeUpload, structuralProblemIn } from './upload-policy';

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

// Real 2×2 pictures made with sharp: the structure checks walk them to their end.
const b64 = (s: string) => Uint8Array.from(Buffer.from(s, 'base64'));
const REAL = {
  png: b64('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAEklEQVQImWM4wcV1gouLAUIBABsWA3F0RrYQAAAAAElFTkSuQmCC'),
  jpeg: b64('/9j/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wAARCAACAAIDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAf/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFQEBAQAAAAAAAAAAAAAAAAAABgf/xAAUEQEAAAAAAAAAAAAAAAAAAAAA/9oADAMBAAIRAxEAPwCXADS2v//Z'),
  webp: b64('UklGRjwAAABXRUJQVlA4IDAAAADQAQCdASoCAAIAAUAmJaACdLoB+AADsAD+9hNf/izkYjs83/4E78Cd+BO/8AAAAAA='),
  gif: b64('R0lGODlhAgACAIAAAExpccgKCiH5BAUAAAAALAAAAAACAAIAAAICjFMAOw=='),
  avif: b64('AAAAHGZ0eXBhdmlmAAAAAG1pZjFhdmlmbWlhZgAAANZtZXRhAAAAAAAAACFoZGxyAAAAAAAAAABwaWN0AAAAAAAAAAAAAAAAAAAAACJpbG9jAAAAAERAAAEAAQAAAAAA+gABAAAAAAAAACQAAAAjaWluZgAAAAAAAQAAABVpbmZlAgAAAAABAABhdjAxAAAAAA5waXRtAAAAAAABAAAAVmlwcnAAAAA4aXBjbwAAAAxhdjFDgSACAAAAABRpc3BlAAAAAAAAAAIAAAACAAAAEHBpeGkAAAAAAwgICAAAABZpcG1hAAAAAAAAAAEAAQOBAgMAAAAsbWRhdBIACgc4ADaQENBpMhcZQmMEwAA0AACQQMkcYUP+LbWn8nHy4A=='),
};
const IEND_AT = REAL.png.length - 12;
/** The real PNG with a chunk put before IEND (the walker does not check CRCs; the decoder does). */
const pngWithChunk = (type: string, data: number[] | string) => {
  const payload = bytes(data);
  return bytes([...REAL.png.subarray(0, IEND_AT)], [0, 0, 0, payload.length], type, [...payload], [0, 0, 0, 0], [...REAL.png.subarray(IEND_AT)]);
};

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
    expect(judge(REAL.png, 'portrait.png', 'image/png')).toEqual({ allowed: true, mime: 'image/png' });
    expect(judge(REAL.jpeg, 'portrait.JPG', 'image/jpg')).toEqual({ allowed: true, mime: 'image/jpeg' });
    expect(judge(REAL.webp, 'a.webp', 'application/octet-stream')).toEqual({ allowed: true, mime: 'image/webp' });
    expect(judge(REAL.avif, 'a.avif')).toEqual({ allowed: true, mime: 'image/avif' });
    expect(judge(REAL.gif, 'a.gif', 'image/gif')).toEqual({ allowed: true, mime: 'image/gif' });
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
    expect(judge(REAL.png, 'exact.png', 'image/png', REAL.png.length)).toMatchObject({ allowed: true });
  });

  it('refuses markup stored as UTF-16 or as an HTML event handler', () => {
    const utf16 = [...'<script>'].flatMap((c) => [c.charCodeAt(0), 0]);
    expect(judge(pngWithChunk('teXt', utf16), 'x.png')).toMatchObject({ reason: 'hidden-content' });
    expect(judge(pngWithChunk('prVt', '<img src=x onerror=alert(1)>'), 'x.png')).toMatchObject({ reason: 'hidden-content' });
  });

  it('refuses PNG text chunks of every kind, compressed ones included', () => {
    for (const type of ['tEXt', 'zTXt', 'iTXt']) {
      const decision = judge(pngWithChunk(type, [0x43, 0, 0, 0x78, 0x9c, 1, 2, 3]), 'x.png', 'image/png');
      expect(decision).toMatchObject({ allowed: false, reason: 'not-a-plain-image' });
      expect(!decision.allowed && decision.message).toContain(`PNG text chunk (${type})`);
    }
  });

  it('refuses anything after the end of the image, even bytes without markup', () => {
    const after = (image: Uint8Array, tail: number[]) => bytes([...image], tail);
    for (const [kind, image] of Object.entries(REAL)) {
      const name = `x.${ALLOWED_IMAGE_TYPES[kind as keyof typeof REAL].extensions[0]!.slice(1)}`;
      const decision = judge(after(image, [0, 0x3c, 0x73, 0, 1, 2, 3, 4, 5]), name);
      expect({ kind, decision }).toMatchObject({ kind, decision: { allowed: false, reason: 'not-a-plain-image' } });
    }
  });

  it('refuses JPEG and GIF comments and malformed or unterminated structures', () => {
    const jpegComment = bytes([...REAL.jpeg.subarray(0, 2)], [0xff, 0xfe, 0, 6], 'hey!', [...REAL.jpeg.subarray(2)]);
    expect(structuralProblemIn(jpegComment, ALLOWED_IMAGE_TYPES.jpeg)).toMatch(/JPEG comment/);
    const gifComment = bytes([...REAL.gif.subarray(0, REAL.gif.length - 1)], [0x21, 0xfe, 3], 'hey', [0, 0x3b]);
    expect(structuralProblemIn(gifComment, ALLOWED_IMAGE_TYPES.gif)).toMatch(/GIF text/);
    // The GIF/JavaScript polyglot: a GIF header whose "size" opens a JS comment, then script.
    const gifScript = bytes('GIF89a/*', [1, 0, 1, 0, 0, 0, 0], ';*/=1;alert(1)//');
    expect(judge(gifScript, 'x.gif', 'image/gif')).toMatchObject({ allowed: false, reason: 'not-a-plain-image' });
    expect(structuralProblemIn(REAL.png.subarray(0, IEND_AT), ALLOWED_IMAGE_TYPES.png)).toMatch(/no end/);
    expect(structuralProblemIn(REAL.jpeg.subarray(0, REAL.jpeg.length - 2), ALLOWED_IMAGE_TYPES.jpeg)).toMatch(/no end/);
    expect(structuralProblemIn(REAL.webp.subarray(0, 20), ALLOWED_IMAGE_TYPES.webp)).toMatch(/truncated/);
    expect(structuralProblemIn(REAL.avif.subarray(0, 100), ALLOWED_IMAGE_TYPES.avif)).toMatch(/malformed/);
    for (const fake of [PNG, JPEG, GIF, WEBP]) expect(structuralProblemIn(fake, detectImageType(fake)!)).not.toBeNull();
  });
});
