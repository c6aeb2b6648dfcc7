import { readFile, stat } from 'fs/promises';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { createRequire } from 'module';
import path from 'path';
import { allowedUploadsText, judgeUpload } from 'clinic-domain';
import type { ClinicPluginConfig } from '../config';

/** A file as the upload service receives it (formidable's shape, also what code passes). */
interface IncomingFile {
  filepath?: string;
  path?: string;
  buffer?: Uint8Array;
  originalFilename?: string | null;
  name?: string;
  mimetype?: string | null;
  type?: string;
  size?: number;
}

/**
 * Every upload path (the admin's /upload routes and their replace, the content API's
 * /api/upload, upload-from-URL, and code calling the service) ends in the upload service's
 * `upload` or `replace`. Checking there, before the original runs, means a refused file
 * never reaches the storage provider or the database: one check for every door.
 */
export function guardUploadTypes(strapi: Core.Strapi): void {
  const service = strapi.plugin('upload')?.service('upload') as Record<string, any> | undefined;
  if (!service) return;
  const sharp = loadStrapiSharp(strapi);
  const maxBytes = () => (strapi.config.get('plugin::clinic') as ClinicPluginConfig).uploadMaxBytes;
  const { upload, replace } = service;

  service.upload = async (input: { files?: IncomingFile | IncomingFile[] } | undefined, ...rest: unknown[]) => {
    const files = input?.files;
    // All or nothing: one refused file refuses the whole request, so nothing is half-uploaded.
    for (const file of Array.isArray(files) ? files : [files]) await refuseUnlessAllowed(file, maxBytes(), sharp);
    return upload.call(service, input, ...rest);
  };
  service.replace = async (id: unknown, input: { file?: IncomingFile } | undefined, ...rest: unknown[]) => {
    await refuseUnlessAllowed(input?.file, maxBytes(), sharp);
    return replace.call(service, id, input, ...rest);
  };
}

async function refuseUnlessAllowed(file: IncomingFile | undefined, maxBytes: number, sharp: Sharp): Promise<void> {
  if (!file) throw new errors.ValidationError('No file was sent.');
  const fileName = file.originalFilename ?? file.name ?? '';
  const location = file.filepath ?? file.path;
  const size = typeof file.size === 'number' ? file.size : file.buffer ? file.buffer.length : location ? (await stat(location)).size : 0;
  // The size first, so an oversized file is never read into memory.
  const bytes = size > maxBytes ? new Uint8Array() : file.buffer ?? (location ? await readFile(location) : new Uint8Array());
  const decision = judgeUpload({ fileName, declaredMime: file.mimetype ?? file.type ?? null, size, bytes }, maxBytes);
  const details = { allowed: 'image/jpeg, image/png, image/webp, image/avif, image/gif', maxBytes };
  if (!decision.allowed) {
    if (decision.reason === 'too-large') throw new errors.PayloadTooLargeError(decision.message, details);
    throw new errors.ValidationError(decision.message, details);
  }
  const undecodable = await whyNotDecodable(sharp, bytes, decision.mime);
  if (undecodable) throw new errors.ValidationError(`"${fileName || 'unnamed file'}" was not uploaded: ${undecodable}. ${allowedUploadsText(maxBytes)}`, details);
}

/** The part of sharp's API the guard uses. */
type Sharp = (input: Uint8Array, options: { failOn: 'error'; limitInputPixels: number }) => {
  metadata(): Promise<{ format?: string }>;
  stats(): Promise<unknown>;
};

/**
 * The sharp that Strapi's upload plugin already resizes with, reached through it (app ->
 * @strapi/strapi -> @strapi/upload -> sharp): no second libvips, and depending on sharp here
 * re-resolved the workspace's peer dependencies and broke the admin's React types. Loaded at
 * boot so a missing decoder stops the server instead of letting uploads through unchecked.
 */
function loadStrapiSharp(strapi: Core.Strapi): Sharp {
  const fromApp = createRequire(path.join(strapi.dirs.app.root, 'package.json'));
  const fromStrapi = createRequire(fromApp.resolve('@strapi/strapi/package.json'));
  const fromUpload = createRequire(fromStrapi.resolve('@strapi/upload/package.json'));
  const loaded = fromUpload('sharp');
  return (loaded.default ?? loaded) as Sharp;
}

// sharp's name for the format each allowed mime type decodes as (AVIF is read by libheif).
const SHARP_FORMATS: Record<string, string> = { 'image/jpeg': 'jpeg', 'image/png': 'png', 'image/webp': 'webp', 'image/gif': 'gif', 'image/avif': 'heif' };
/** Larger than any photo a clinic site shows; bounds the memory one decode may take. */
const MAX_DECODED_PIXELS = 40_000_000;

/**
 * Accepted only if the bytes fully decode, as the type they claim, to pixels: a header that
 * merely looks like an image (a GIF/JavaScript polyglot, a truncated or corrupt file) fails here.
 */
async function whyNotDecodable(sharp: Sharp, bytes: Uint8Array, mime: string): Promise<string | null> {
  try {
    const image = sharp(bytes, { failOn: 'error', limitInputPixels: MAX_DECODED_PIXELS });
    const { format } = await image.metadata();
    if (format !== SHARP_FORMATS[mime]) return `its content does not decode as ${mime}`;
    await image.stats();
    return null;
  } catch (error) {
    const why = error instanceof Error && /pixel limit/i.test(error.message) ? `it is larger than ${MAX_DECODED_PIXELS / 1_000_000} megapixels` : 'it is not a complete, decodable image';
    return `${why} (${mime})`;
  }
}
