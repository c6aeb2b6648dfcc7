import { readFile, stat } from 'fs/promises';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { judgeUpload } from 'clinic-domain';
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
  const maxBytes = () => (strapi.config.get('plugin::clinic') as ClinicPluginConfig).uploadMaxBytes;
  const { upload, replace } = service;

  service.upload = async (input: { files?: IncomingFile | IncomingFile[] } | undefined, ...rest: unknown[]) => {
    const files = input?.files;
    // All or nothing: one refused file refuses the whole request, so nothing is half-uploaded.
    for (const file of Array.isArray(files) ? files : [files]) await refuseUnlessAllowed(file, maxBytes());
    return upload.call(service, input, ...rest);
  };
  service.replace = async (id: unknown, input: { file?: IncomingFile } | undefined, ...rest: unknown[]) => {
    await refuseUnlessAllowed(input?.file, maxBytes());
    return replace.call(service, id, input, ...rest);
  };
}

async function refuseUnlessAllowed(file: IncomingFile | undefined, maxBytes: number): Promise<void> {
  if (!file) throw new errors.ValidationError('No file was sent.');
  const fileName = file.originalFilename ?? file.name ?? '';
  const location = file.filepath ?? file.path;
  const size = typeof file.size === 'number' ? file.size : file.buffer ? file.buffer.length : location ? (await stat(location)).size : 0;
  // The size first, so an oversized file is never read into memory.
  const bytes = size > maxBytes ? new Uint8Array() : file.buffer ?? (location ? await readFile(location) : new Uint8Array());
  const decision = judgeUpload({ fileName, declaredMime: file.mimetype ?? file.type ?? null, size, bytes }, maxBytes);
  if (decision.allowed) return;
  if (decision.reason === 'too-large') throw new errors.PayloadTooLargeError(decision.message, { allowed: 'image/jpeg, image/png, image/webp, image/avif, image/gif', maxBytes });
  throw new errors.ValidationError(decision.message, { allowed: 'image/jpeg, image/png, image/webp, image/avif, image/gif', maxBytes });
}
