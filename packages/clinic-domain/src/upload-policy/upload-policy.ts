/**
 * What the media library accepts: pictures only, recognised by their bytes. A file's name and
 * declared type are the uploader's claims; the bytes are what a browser will sniff and what
 * the image pipeline will parse, so all three must agree on one allowed image type.
 */

export interface ImageType {
  mime: string;
  /** Extensions a served file of this type may have (the file server derives Content-Type from it). */
  extensions: string[];
  /** Other spellings of the mime type that clients send. */
  aliases?: string[];
}

export const ALLOWED_IMAGE_TYPES: Record<'jpeg' | 'png' | 'webp' | 'avif' | 'gif', ImageType> = {
  jpeg: { mime: 'image/jpeg', extensions: ['.jpg', '.jpeg'], aliases: ['image/jpg', 'image/pjpeg'] },
  png: { mime: 'image/png', extensions: ['.png'] },
  webp: { mime: 'image/webp', extensions: ['.webp'] },
  avif: { mime: 'image/avif', extensions: ['.avif'] },
  gif: { mime: 'image/gif', extensions: ['.gif'] },
};

export const DEFAULT_UPLOAD_MAX_BYTES = 10 * 1024 * 1024;

/** The sentence every refusal ends with, so the uploader learns what would be accepted. */
export function allowedUploadsText(maxBytes: number): string {
  const extensions = Object.values(ALLOWED_IMAGE_TYPES).flatMap((type) => type.extensions.map((ext) => ext.slice(1).toUpperCase()));
  return `Allowed: JPEG, PNG, WebP, AVIF and GIF images (${extensions.join(', ')}) up to ${formatBytes(maxBytes)}.`;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${round(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
const round = (n: number) => String(Math.round(n * 10) / 10);

const ascii = (bytes: Uint8Array, start: number, length: number) => String.fromCharCode(...bytes.subarray(start, start + length));
const startsWith = (bytes: Uint8Array, signature: number[], at = 0) => signature.every((byte, i) => bytes[at + i] === byte);

const AVIF_BRANDS = new Set(['avif', 'avis']);

/** The allowed image type the file's first bytes announce, or null for anything else. */
export function detectImageType(bytes: Uint8Array): ImageType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return ALLOWED_IMAGE_TYPES.jpeg;
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return ALLOWED_IMAGE_TYPES.png;
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return ALLOWED_IMAGE_TYPES.gif;
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return ALLOWED_IMAGE_TYPES.webp;
  if (ascii(bytes, 4, 4) === 'ftyp' && isAvifFileTypeBox(bytes)) return ALLOWED_IMAGE_TYPES.avif;
  return null;
}

// An ISO-BMFF file names its brands in the leading 'ftyp' box; HEIC, MP4 and others share the
// container, so only a major or compatible brand of avif/avis counts.
function isAvifFileTypeBox(bytes: Uint8Array): boolean {
  if (bytes.length < 16) return false;
  const boxSize = ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0;
  const end = Math.min(boxSize, bytes.length, 256);
  if (AVIF_BRANDS.has(ascii(bytes, 8, 4))) return true;
  for (let at = 16; at + 4 <= end; at += 4) if (AVIF_BRANDS.has(ascii(bytes, at, 4))) return true;
  return false;
}

/**
 * Markers of another format hidden inside a picture (a polyglot): markup a browser could
 * render as a page, script, or an archive/PDF a reader would open. Real photographs do not
 * carry them; their metadata (EXIF, XMP) uses none of these.
 */
const MARKUP_MARKERS = ['<script', '<img', 'onerror=', 'onload=', '<html', '<!doctype', '<svg', '<?php', '<iframe', '<body', '<object', '<embed', '<meta', 'javascript:'];

export function hiddenContentIn(bytes: Uint8Array): string | null {
  const text = new TextDecoder('latin1').decode(bytes).toLowerCase();
  // Without the NULs, markup stored as UTF-16 (e.g. in EXIF's XP fields) reads as ASCII too.
  const withoutNuls = text.replace(/\u0000/g, '');
  const marker = MARKUP_MARKERS.find((m) => text.includes(m) || withoutNuls.includes(m));
  if (marker) return `it contains "${marker}" markup`;
  // PDF readers look for the header within the first 1024 bytes.
  if (text.slice(0, 1024).includes('%pdf-')) return 'it also holds a PDF document';
  // ZIP readers (and so JAR, DOCX, APK) read the archive from its end record, within the last 64 KB.
  if (text.slice(-65_557).includes('pk\u0005\u0006')) return 'it also holds a ZIP archive';
  return null;
}

export interface UploadCandidate {
  fileName: string;
  /** The Content-Type the client sent for the part, if any. */
  declaredMime?: string | null;
  size: number;
  /** The file's content (all of it: polyglot markers may sit anywhere). */
  bytes: Uint8Array;
}

export type UploadDecision =
  | { allowed: true; mime: string }
  | { allowed: false; reason: 'too-large' | 'empty' | 'not-an-allowed-image' | 'name-mismatch' | 'declared-mismatch' | 'hidden-content' | 'not-a-plain-image'; message: string };

const GENERIC_MIMES = new Set(['', 'application/octet-stream']);

export function judgeUpload(file: UploadCandidate, maxBytes: number): UploadDecision {
  const name = file.fileName || 'unnamed file';
  const refuse = (reason: Exclude<UploadDecision, { allowed: true }>['reason'], why: string): UploadDecision => ({
    allowed: false,
    reason,
    message: `"${name}" was not uploaded: ${why}. ${allowedUploadsText(maxBytes)}`,
  });
  if (file.size > maxBytes) return refuse('too-large', `it is ${formatBytes(file.size)}, over the ${formatBytes(maxBytes)} limit`);
  if (file.size <= 0 || file.bytes.length === 0) return refuse('empty', 'it is empty');

  const type = detectImageType(file.bytes);
  if (!type) return refuse('not-an-allowed-image', 'its content is not a JPEG, PNG, WebP, AVIF or GIF image');

  const ext = extensionOf(name);
  if (!type.extensions.includes(ext)) {
    return refuse('name-mismatch', `its content is ${type.mime} but its name ${ext ? `ends in "${ext}"` : 'has no extension'}; name it ${type.extensions.map((e) => `*${e}`).join(' or ')}`);
  }
  const declared = (file.declaredMime ?? '').toLowerCase().split(';')[0]!.trim();
  if (!GENERIC_MIMES.has(declared) && declared !== type.mime && !type.aliases?.includes(declared)) {
    return refuse('declared-mismatch', `it was sent as ${declared} but its content is ${type.mime}`);
  }
  const hidden = hiddenContentIn(file.bytes);
  if (hidden) return refuse('hidden-content', `${hidden}, which a picture never needs`);
  const structural = structuralProblemIn(file.bytes, type);
  if (structural) return refuse('not-a-plain-image', structural);
  return { allowed: true, mime: type.mime };
}

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(dot).toLowerCase() : '';
}

const u32 = (bytes: Uint8Array, at: number) => ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0;
const u32le = (bytes: Uint8Array, at: number) => (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)) >>> 0;

/**
 * Why the file's structure is not that of a plain picture of `type`, or null when it is.
 * Deny by default: the container must end exactly where the image ends (nothing after PNG's
 * IEND, JPEG's EOI, GIF's trailer, WebP's RIFF length or AVIF's last box), and free-text
 * metadata is refused outright (PNG tEXt/zTXt/iTXt, JPEG comments, GIF comments), because
 * text there can be compressed or re-encoded past any markup scan and a picture never needs it.
 * EXIF and colour profiles stay allowed (cameras and editors always write them); the markup
 * scan still reads them in ASCII and UTF-16.
 */
export function structuralProblemIn(bytes: Uint8Array, type: ImageType): string | null {
  switch (type) {
    case ALLOWED_IMAGE_TYPES.png:
      return pngProblem(bytes);
    case ALLOWED_IMAGE_TYPES.jpeg:
      return jpegProblem(bytes);
    case ALLOWED_IMAGE_TYPES.gif:
      return gifProblem(bytes);
    case ALLOWED_IMAGE_TYPES.webp:
      return webpProblem(bytes);
    case ALLOWED_IMAGE_TYPES.avif:
      return isoBoxesProblem(bytes);
    default:
      return 'its image type is unknown';
  }
}

const TRAILING = 'it has data after the end of the image';
const PNG_TEXT_CHUNKS = new Set(['tEXt', 'zTXt', 'iTXt']);

function pngProblem(bytes: Uint8Array): string | null {
  let at = 8;
  while (at + 12 <= bytes.length) {
    const length = u32(bytes, at);
    const chunk = ascii(bytes, at + 4, 4);
    if (!/^[A-Za-z]{4}$/.test(chunk)) return 'its PNG chunks are malformed';
    if (PNG_TEXT_CHUNKS.has(chunk)) return `it carries a PNG text chunk (${chunk}); save it without text metadata`;
    const next = at + 12 + length;
    if (next > bytes.length) return 'its PNG chunks are truncated';
    if (chunk === 'IEND') return next === bytes.length ? null : TRAILING;
    at = next;
  }
  return 'its PNG has no end (IEND)';
}

function jpegProblem(bytes: Uint8Array): string | null {
  let at = 2;
  for (;;) {
    if (at + 2 > bytes.length) return 'its JPEG has no end (EOI)';
    if (bytes[at] !== 0xff) return 'its JPEG segments are malformed';
    const marker = bytes[at + 1]!;
    if (marker === 0xff) { at += 1; continue; } // fill byte
    if (marker === 0xd9) return at + 2 === bytes.length ? null : TRAILING;
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) { at += 2; continue; } // no length
    if (marker === 0xfe) return 'it carries a JPEG comment; save it without comments';
    if (at + 4 > bytes.length) return 'its JPEG segments are truncated';
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    if (length < 2) return 'its JPEG segments are malformed';
    at += 2 + length;
    if (marker === 0xda) {
      // Entropy-coded data runs to the next marker that is not a stuffed 0xFF00 or a restart marker.
      while (at + 1 < bytes.length && !(bytes[at] === 0xff && bytes[at + 1] !== 0 && !(bytes[at + 1]! >= 0xd0 && bytes[at + 1]! <= 0xd7))) at += 1;
    }
  }
}

function gifProblem(bytes: Uint8Array): string | null {
  if (bytes.length < 13) return 'its GIF is truncated';
  const colorTable = (flags: number) => (flags & 0x80 ? 3 * (1 << ((flags & 0x07) + 1)) : 0);
  let at = 13 + colorTable(bytes[10]!);
  const skipSubBlocks = () => {
    while (at < bytes.length && bytes[at] !== 0) at += 1 + bytes[at]!;
    at += 1;
  };
  while (at < bytes.length) {
    const block = bytes[at]!;
    if (block === 0x3b) return at + 1 === bytes.length ? null : TRAILING;
    if (block === 0x2c) {
      if (at + 10 > bytes.length) return 'its GIF is truncated';
      at += 10 + colorTable(bytes[at + 9]!) + 1; // descriptor, local colours, LZW code size
      skipSubBlocks();
    } else if (block === 0x21) {
      const label = bytes[at + 1];
      if (label === 0xfe || label === 0x01) return 'it carries GIF text (a comment or plain-text block); save it without comments';
      at += 2;
      skipSubBlocks();
    } else return 'its GIF blocks are malformed';
  }
  return 'its GIF has no end (trailer)';
}

function webpProblem(bytes: Uint8Array): string | null {
  if (bytes.length < 12) return 'its WebP is truncated';
  const riffEnd = 8 + u32le(bytes, 4);
  if (riffEnd > bytes.length) return 'its WebP is truncated';
  return riffEnd === bytes.length ? null : TRAILING;
}

function isoBoxesProblem(bytes: Uint8Array): string | null {
  let at = 0;
  while (at < bytes.length) {
    if (at + 8 > bytes.length) return TRAILING;
    const size = u32(bytes, at);
    const boxSize = size === 1 ? (at + 16 <= bytes.length ? u32(bytes, at + 8) * 2 ** 32 + u32(bytes, at + 12) : 0) : size === 0 ? bytes.length - at : size;
    if (boxSize < 8 || at + boxSize > bytes.length) return 'its AVIF boxes are malformed';
    at += boxSize;
  }
  return null;
}
