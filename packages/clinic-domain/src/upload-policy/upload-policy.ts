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
const MARKUP_MARKERS = ['<script', '<html', '<!doctype', '<svg', '<?php', '<iframe', '<body', '<object', '<embed', '<meta', 'javascript:'];

export function hiddenContentIn(bytes: Uint8Array): string | null {
  const text = new TextDecoder('latin1').decode(bytes).toLowerCase();
  const marker = MARKUP_MARKERS.find((m) => text.includes(m));
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
  | { allowed: false; reason: 'too-large' | 'empty' | 'not-an-allowed-image' | 'name-mismatch' | 'declared-mismatch' | 'hidden-content'; message: string };

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
  return { allowed: true, mime: type.mime };
}

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(dot).toLowerCase() : '';
}
