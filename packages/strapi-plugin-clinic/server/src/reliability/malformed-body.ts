/**
 * Strapi's body parser throws on a body it cannot read (a gzip header over plain bytes, a
 * multipart body without its boundary, an unknown charset), and Strapi answers those with a
 * 500. They are the client's mistake: a 400 (or 415) that says so. Mounted just before
 * `strapi::body` (cms/config/middlewares.ts); every other error passes through untouched.
 */
const ZLIB_ERROR = /^Z_[A-Z_]+_ERROR$/;
// Node's brotli decoder names its failures ERR__ERROR_FORMAT_…, ERR_BROTLI_… and the like.
const BROTLI_ERROR = /^ERR__ERROR_|^ERR_BROTLI/;

/** The status for an error the body parser raised about the body itself, or null for any other error. */
export function malformedBodyStatus(error: unknown): 400 | 415 | null {
  if (!error || typeof error !== 'object') return null;
  const { code, type, name, message, httpCode } = error as Record<string, unknown>;
  // koa-body hands on a thrown value that is not `instanceof Error` (e.g. a zlib error from
  // another realm, as under Jest) as an Error named "object" whose message is its JSON.
  if (name === 'object' && typeof message === 'string' && message.startsWith('{')) {
    try {
      return malformedBodyStatus(JSON.parse(message));
    } catch {
      return null;
    }
  }
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') return 415;
  // inflation (under co-body) for a Content-Encoding it has no decoder for, e.g. "gzip, br".
  if (typeof message === 'string' && /^Unsupported Content-Encoding/i.test(message)) return 415;
  if (typeof code === 'string' && (ZLIB_ERROR.test(code) || BROTLI_ERROR.test(code))) return 400;
  if (message === 'Decompression failed') return 400;
  if (type === 'request.size.invalid' || type === 'entity.parse.failed' || type === 'request.aborted') return 400;
  // formidable (multipart): its own error class and parser messages.
  if (name === 'FormidableError' || typeof httpCode === 'number' || (typeof message === 'string' && /^MultipartParser|^bad content-type header|no multipart boundary/i.test(message))) return 400;
  return null;
}

export const malformedBodyMiddleware = () => async (ctx: any, next: () => Promise<unknown>) => {
  try {
    await next();
  } catch (error) {
    const status = malformedBodyStatus(error);
    if (!status || ctx.state.clinicBodyRead) throw error;
    ctx.status = status;
    ctx.body = { data: null, error: { status, name: 'BadRequestError', message: status === 415 ? 'The request body’s encoding or charset is not supported.' : 'The request body could not be read: it does not match its Content-Type or Content-Encoding.', details: {} } };
  }
};

const SENDS_A_BODY = new Set(['POST', 'PUT', 'PATCH']);

/** Whether an upload's `fileInfo` form field (JSON text, one per file) is text JSON cannot read: Strapi's upload handler answered it with a 500. */
export function unreadableFileInfo(body: unknown): boolean {
  if (!body || typeof body !== 'object' || !('fileInfo' in body)) return false;
  const info = (body as { fileInfo: unknown }).fileInfo;
  return (Array.isArray(info) ? info : [info]).some((entry) => {
    if (typeof entry !== 'string') return false;
    try {
      JSON.parse(entry);
      return false;
    } catch {
      return true;
    }
  });
}

/**
 * Mounted just after `strapi::body`: from here on, errors are not the body parser's. Except on
 * the GraphQL endpoint itself, whose body Strapi leaves to the GraphQL route's own parser.
 * A write that came without a body gets an empty one: Strapi's sign-in, password and admin
 * registration handlers destructure the body and answered its absence with a 500; with an
 * empty one they answer their own 400 naming the missing fields.
 */
export const bodyReadMiddleware = (_config: unknown, { strapi }: { strapi: any }) => {
  const graphqlEndpoint = strapi.plugin('graphql')?.config('endpoint');
  return async (ctx: any, next: () => Promise<unknown>) => {
    if (ctx.url !== graphqlEndpoint) {
      ctx.state.clinicBodyRead = true;
      if (SENDS_A_BODY.has(ctx.method) && (ctx.request.body === undefined || ctx.request.body === null)) ctx.request.body = {};
      if (unreadableFileInfo(ctx.request.body)) {
        ctx.status = 400;
        ctx.body = { data: null, error: { status: 400, name: 'ValidationError', message: 'The fileInfo field is not valid JSON: send one JSON object per file (name, alternativeText, caption).', details: {} } };
        return;
      }
    }
    await next();
  };
};
