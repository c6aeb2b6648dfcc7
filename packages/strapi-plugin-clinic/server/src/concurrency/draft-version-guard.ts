import type { Core } from '@strapi/strapi';
import { judgeDraftSave } from 'clinic-domain';
import { errors } from '@strapi/utils';
import { defaultLocaleCode } from '../locales/locales';
import { clinicRepository } from '../repository/clinic-repository';

/** Sent by the plugin's admin with every Content Manager save: the updatedAt of the draft the editor loaded. */
export const DRAFT_VERSION_HEADER = 'x-clinic-draft-version';

/** The Content Manager handlers that save a draft's text (a save-and-publish saves first). */
const SAVING_HANDLERS = new Set(['collection-types.update', 'collection-types.publish', 'single-types.createOrUpdate', 'single-types.publish']);

/** 409: someone else saved the draft first (Strapi answers an error's own status below 500). */
export class DraftChangedError extends Error {
  readonly status = 409;
  readonly expose = true;
  constructor(message: string) {
    super(message);
    this.name = 'ConflictError';
  }
}

type DocumentAction = { uid: string; action: string; params: any };

/**
 * Two editors saving the same draft: the second is told the text changed underneath it, and
 * nothing is overwritten. The Content Manager sends the whole document on save, so the check
 * is on the version the editor loaded, compared in the same transaction as the write (the
 * draft row is locked on PostgreSQL). Only the write the request itself names is judged:
 * our own follow-up writes in the same request (bylines, flags) are not a second editor.
 */
export function draftVersionGuard(strapi: Core.Strapi) {
  const repository = clinicRepository(strapi);
  return async (ctx: DocumentAction, next: () => Promise<unknown>) => {
    if (ctx.action !== 'update') return next();
    const request = strapi.requestContext.get() as any;
    const route = request?.state?.route;
    if (!request || route?.info?.pluginName !== 'content-manager' || !SAVING_HANDLERS.has(route?.handler)) return next();
    const presented = request.request?.header?.[DRAFT_VERSION_HEADER];
    if (typeof presented !== 'string' || request.state.clinicDraftVersionJudged) return next();
    if (request.params?.model !== ctx.uid || (request.params?.id && request.params.id !== ctx.params?.documentId)) return next();
    request.state.clinicDraftVersionJudged = true;

    const documentId: string | undefined = ctx.params?.documentId;
    if (!documentId) return next();
    const model = strapi.getModel(ctx.uid as any) as any;
    const locale = model?.pluginOptions?.i18n?.localized ? (typeof ctx.params?.locale === 'string' ? ctx.params.locale : await defaultLocaleCode(strapi)) : null;
    return repository.inTransaction(async () => {
      const decision = judgeDraftSave(presented, await repository.lockedDraftVersion(ctx.uid, documentId, locale));
      if (!decision.allowed) {
        if (decision.reason === 'malformed') throw new errors.ValidationError(decision.message);
        throw new DraftChangedError(decision.message);
      }
      return next();
    });
  };
}
