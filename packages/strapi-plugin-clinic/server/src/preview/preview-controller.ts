import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import { REVIEWABLE } from '../../../shared/contracts/review';
import { CLINIC_CONTENT_TYPES, clinicUid, type ClinicContentTypeName } from '../content-api';
import { callerOf } from '../draft-protection/request-caller';
import { availableLocaleCodes } from '../locales/locales';
import type { PreviewService } from './preview-service';

const reviewableTypes = Object.keys(REVIEWABLE) as [keyof typeof REVIEWABLE, ...Array<keyof typeof REVIEWABLE>];
const clinicTypes = [...CLINIC_CONTENT_TYPES] as [ClinicContentTypeName, ...ClinicContentTypeName[]];
const documentId = z.string().regex(/^[a-z0-9]{1,64}$/, 'documentId must be a document id');
const locale = z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$/, 'locale must be a locale code');

const revisionLinkParams = z.object({ type: z.enum(reviewableTypes, { errorMap: () => ({ message: `type must be one of: ${reviewableTypes.join(', ')}` }) }), documentId });
const revisionLinkQuery = z.object({ locale, revisionHash: z.string().regex(/^[0-9a-f]{64}$/, 'revisionHash must be the hash of the revision under review') }).strict();
const currentRevisionParams = z.object({ type: z.enum(clinicTypes, { errorMap: () => ({ message: `type must be one of: ${clinicTypes.join(', ')}` }) }), documentId });
const currentRevisionQuery = z.object({ locale }).strict();

function parse<T extends z.ZodTypeAny>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value ?? {});
  if (!result.success) throw new errors.ValidationError(result.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; '));
  return result.data;
}

async function knownLocale(strapi: Core.Strapi, code: string) {
  const known = await availableLocaleCodes(strapi);
  if (!known.includes(code)) throw new errors.ValidationError(`Unknown locale "${code}". Available locales: ${known.join(', ')}.`);
}

/**
 * Preview of one revision. The admin asks for a signed link to the revision under review
 * (review panel); the site asks which revision a draft is at now, with the preview credential
 * only: a hash says nothing of the text, but which documents have drafts is not public either.
 */
export function previewController(strapi: Core.Strapi) {
  const previews = () => strapi.plugin('clinic').service('preview') as PreviewService;
  return {
    /** GET /clinic/previews/:type/:documentId?locale=&revisionHash= (admin, review read permission) */
    async revisionLink(ctx: any) {
      const params = parse(revisionLinkParams, ctx.params);
      const query = parse(revisionLinkQuery, ctx.query);
      await knownLocale(strapi, query.locale);
      // A link is signed only for a document of the named type with a draft in that locale (an FAQ
      // link for a procedure's documentId would otherwise open the FAQ page pinned to nothing).
      if (!(await previews().currentRevisionHash(REVIEWABLE[params.type], params.documentId, query.locale))) {
        throw new errors.NotFoundError(`There is no ${params.type} with documentId ${params.documentId} and a ${query.locale} draft to preview.`);
      }
      const url = await previews().revisionUrl(REVIEWABLE[params.type], params.documentId, query.locale, query.revisionHash);
      if (!url) throw new errors.NotFoundError('No preview for this document in this locale: is preview configured (the plugin\'s previewSecret and siteUrl)?');
      ctx.body = { data: { url } };
    },

    /** GET /api/clinic/preview-revisions/:type/:documentId?locale= (public route, preview credential required) */
    async currentRevision(ctx: any) {
      const caller = callerOf(strapi, ctx);
      if (caller.kind !== 'public' || !caller.preview) {
        ctx.status = 401;
        ctx.body = { data: null, error: { status: 401, name: 'UnauthorizedError', message: 'The preview credential (X-Preview-Secret) is required.', details: {} } };
        return;
      }
      const params = parse(currentRevisionParams, ctx.params);
      const query = parse(currentRevisionQuery, ctx.query);
      await knownLocale(strapi, query.locale);
      // Checked above; the revision is then loaded as the server (the public read rules would refuse its full populate), and only its hash leaves.
      let revisionHash: string | null = null;
      await strapi.requestContext.run(undefined as any, async () => {
        revisionHash = await previews().currentRevisionHash(clinicUid(params.type), params.documentId, query.locale);
      });
      ctx.set('Cache-Control', 'private, no-store');
      ctx.body = { data: { revisionHash } };
    },
  };
}
