import { allowedUploadsText, formatBytes } from 'clinic-domain';
import type { ClinicPluginConfig } from '../config';

/**
 * The upload service judges each file's size only after the body parser has written the whole
 * request to a temporary file: a 200 MB upload was read in full before its 413. These rules let
 * the request be refused from its headers, or cut off as its bytes arrive, instead.
 */

/** The admin sends every picture chosen in one dialog in one request; ten pictures at the limit fit. */
export const FILES_PER_UPLOAD_REQUEST = 10;
/** Room for a part's own headers (name, file name, type) and a form field such as fileInfo. */
export const PART_OVERHEAD_BYTES = 16 * 1024;

/** The most a multipart request may carry: ten files at the limit, with their headers. */
export const uploadRequestBudget = (maxBytes: number) => FILES_PER_UPLOAD_REQUEST * (maxBytes + PART_OVERHEAD_BYTES);

export const isMultipart = (contentType: unknown) => typeof contentType === 'string' && /^\s*multipart\//i.test(contentType);

/** The boundary named by a multipart Content-Type, or null when it names none. */
export function multipartBoundaryOf(contentType: string): string | null {
  const match = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType);
  return match ? (match[1] ?? match[2] ?? null) : null;
}

/** Why a request declaring this Content-Length cannot be accepted, or null when it may be read. */
export function declaredLengthProblem(contentLength: string | undefined, maxBytes: number): string | null {
  if (contentLength === undefined || !/^\d+$/.test(contentLength.trim())) return null;
  const declared = Number(contentLength);
  const budget = uploadRequestBudget(maxBytes);
  if (declared <= budget) return null;
  return `The upload is ${formatBytes(declared)}, more than one request may carry (${formatBytes(budget)}: up to ${FILES_PER_UPLOAD_REQUEST} pictures of at most ${formatBytes(maxBytes)} each); it was refused before it was read. ${allowedUploadsText(maxBytes)}`;
}

/**
 * Counts a multipart body's bytes as they arrive: the whole request, and the part being read
 * (a file with its headers, up to the next boundary). Files never contain their request's
 * boundary, so the part restarts at each one; a boundary split across two chunks is found by
 * keeping the previous chunk's last bytes.
 */
export class MultipartMeter {
  private readonly delimiter: Buffer | null;
  private carry = Buffer.alloc(0);
  partBytes = 0;
  totalBytes = 0;

  constructor(boundary: string | null) {
    this.delimiter = boundary ? Buffer.from(`--${boundary}`, 'latin1') : null;
  }

  write(chunk: Buffer): void {
    this.totalBytes += chunk.length;
    if (!this.delimiter) {
      this.partBytes += chunk.length;
      return;
    }
    const data = this.carry.length ? Buffer.concat([this.carry, chunk]) : chunk;
    let partStart = -1;
    for (let at = data.indexOf(this.delimiter); at !== -1; at = data.indexOf(this.delimiter, partStart)) partStart = at + this.delimiter.length;
    this.partBytes = partStart === -1 ? this.partBytes + chunk.length : data.length - partStart;
    const keepFrom = Math.max(partStart, data.length - (this.delimiter.length - 1), 0);
    this.carry = Buffer.from(data.subarray(keepFrom));
  }

  /** Why the body read so far cannot be accepted, or null while it may go on. */
  problem(maxBytes: number): string | null {
    if (this.partBytes > maxBytes + PART_OVERHEAD_BYTES) return `A file in the upload is over the ${formatBytes(maxBytes)} limit; reading stopped there and nothing was stored. ${allowedUploadsText(maxBytes)}`;
    const budget = uploadRequestBudget(maxBytes);
    if (this.totalBytes > budget) return `The upload is more than one request may carry (${formatBytes(budget)}: up to ${FILES_PER_UPLOAD_REQUEST} pictures of at most ${formatBytes(maxBytes)} each); reading stopped there and nothing was stored. ${allowedUploadsText(maxBytes)}`;
    return null;
  }
}

/** Raised into the body parser, which drops its temporary files and hands the error back here. */
class UploadCutOff extends Error {
  override name = 'UploadCutOff';
}

const tooLarge = (ctx: any, message: string, maxBytes: number) => {
  ctx.status = 413;
  // What is left of the body is not read: the connection ends with the answer.
  ctx.set('Connection', 'close');
  ctx.body = { data: null, error: { status: 413, name: 'PayloadTooLargeError', message, details: { maxBytes, maxRequestBytes: uploadRequestBudget(maxBytes) } } };
};

/**
 * Mounted before `strapi::body` (cms/config/middlewares.ts). A multipart request (every upload
 * path: the admin's, /api/upload, replace) declaring more than the budget is answered 413 from
 * its headers, its body never read; one sent in chunks, or longer than the files it may hold,
 * is cut off the moment a file passes the limit or the request passes the budget.
 */
export const uploadRequestSizeMiddleware = (_config: unknown, { strapi }: { strapi: any }) => async (ctx: any, next: () => Promise<unknown>) => {
  const contentType = ctx.get('content-type');
  if (!isMultipart(contentType)) return next();
  const maxBytes = (strapi.config.get('plugin::clinic') as ClinicPluginConfig).uploadMaxBytes;
  const declared = declaredLengthProblem(ctx.get('content-length') || undefined, maxBytes);
  if (declared) return tooLarge(ctx, declared, maxBytes);

  const req = ctx.req;
  const meter = new MultipartMeter(multipartBoundaryOf(contentType));
  let cutOff: string | null = null;
  // Prepended, and not `on`: counting must not start the stream before the parser listens.
  const count = (chunk: Buffer) => {
    if (cutOff) return;
    meter.write(chunk);
    cutOff = meter.problem(maxBytes);
    if (!cutOff) return;
    req.pause();
    // The parser listens for the request's errors: it stops, removes its temporary files and fails.
    if (req.listenerCount('error') > 0) req.emit('error', new UploadCutOff(cutOff));
  };
  req.prependListener('data', count);
  try {
    await next();
  } catch (error) {
    if (!cutOff) throw error;
    // Nothing more is read for the parser that gave up.
    req.removeAllListeners('data');
    req.pause();
    return tooLarge(ctx, cutOff, maxBytes);
  } finally {
    req.removeListener('data', count);
  }
  if (cutOff) tooLarge(ctx, cutOff, maxBytes);
};
