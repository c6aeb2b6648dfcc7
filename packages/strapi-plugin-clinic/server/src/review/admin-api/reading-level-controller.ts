import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { z } from 'zod';
import { REVIEWABLE } from '../../../../shared/contracts/review';
import { statusQuery, targetParams } from './request-schemas';
import { loadDraftRevision, UnsignableRevisionError } from '../revision-loader';
import { readingLevels } from '../reading-levels';

function parse<T extends z.ZodTypeAny>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value ?? {});
  if (!result.success) throw new errors.ValidationError(result.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; '));
  return result.data;
}

export function readingLevelController(strapi: Core.Strapi) {
  return {
    /** The draft's text sections scored against the clinic's target (the panel's reading level hint). */
    async show(ctx: any) {
      const { type, documentId } = parse(targetParams, ctx.params);
      const { locale } = parse(statusQuery, ctx.query);
      const contentType = REVIEWABLE[type];
      const revision = await loadDraftRevision(strapi, contentType, documentId, locale).catch((error) => {
        throw error instanceof UnsignableRevisionError ? new errors.ValidationError(error.message) : error;
      });
      if (!revision) throw new errors.NotFoundError(`No ${locale} draft of document ${documentId} exists.`);
      ctx.body = { data: await readingLevels(strapi).of(contentType, revision.entry, locale) };
    },
  };
}
