import type { Core } from '@strapi/strapi';
import { judgeDraftSave } from 'clinic-domain';
import { errors } from '@strapi/utils';
import { defaultLocaleCode } from '../locales/locales';
import { clinicRepository } from '../repository/clinic-repository';

/** Sent by the plugin's admin with every Content Manager save: the updatedAt of the draft the editor loaded. */
export const DRAFT_VERSION_HEADER = 'x-clinic-draft-version';

/** Keys a save carries that are not the editor's fields (the Content Manager sets some itself). */
const NOT_FIELDS = new Set(['id', 'documentId', 'locale', 'localizations', 'createdAt', 'updatedAt', 'publishedAt', 'createdBy', 'updatedBy']);

/** The Content Manager handlers that save a draft's text (a save-and-publish saves first). */
const SAVING_HANDLERS = new Set(['collection-types.update', 'collection-types.publish', 'single-types.createOrUpdate', 'single-types.publish']);

/**
 * A refused save, answered with its own status and message (Strapi answers an error's own
 * status below 500): 409 when someone else saved the draft first, 428 when the save does not
 * say which version it is based on.
 */
export class DraftSaveRefused extends Error {
  readonly expose = true;
  constructor(
    readonly status: 409 | 428,
    message: string,
  ) {
    super(message);
    this.name = status === 409 ? 'ConflictError' : 'PreconditionRequiredError';
  }
}

type DocumentAction = { uid: string; action: string; params: any };

/**
 * Two editors saving the same draft: the second is told the text changed underneath it, and
 * nothing is overwritten. The Content Manager sends the whole document on save, so the check
 * is on the version the editor loaded, compared in the same transaction as the write (the
 * draft row is locked on PostgreSQL). The version comes from the X-Clinic-Draft-Version header
 * or, for a client that sends back the document it read, the body's updatedAt (which the Content
 * Manager drops before the write). A save without either is refused when it would write fields
 * over an existing draft. Only the write the request itself names is judged: our own follow-up
 * writes in the same request (bylines, flags) are not a second editor.
 */
export function draftVersionGuard(strapi: Core.Strapi) {
  const repository = clinicRepository(strapi);
  return async (ctx: DocumentAction, next: () => Promise<unknown>) => {
    if (ctx.action !== 'update') return next();
    const request = strapi.requestContext.get() as any;
    const route = request?.state?.route;
    if (!request || route?.info?.pluginName !== 'content-manager' || !SAVING_HANDLERS.has(route?.handler)) return next();
    if (request.state.clinicDraftVersionJudged) return next();
    if (request.params?.model !== ctx.uid || (request.params?.id && request.params.id !== ctx.params?.documentId)) return next();
    request.state.clinicDraftVersionJudged = true;
    const presented = presentedVersion(request);
    const data = ctx.params?.data;
    const writesFields = Boolean(data) && typeof data === 'object' && Object.keys(data).some((key) => !NOT_FIELDS.has(key));

    const documentId: string | undefined = ctx.params?.documentId;
    if (!documentId) return next();
    const model = strapi.getModel(ctx.uid as any) as any;
    const locale = model?.pluginOptions?.i18n?.localized ? (typeof ctx.params?.locale === 'string' ? ctx.params.locale : await defaultLocaleCode(strapi)) : null;
    return repository.inTransaction(async () => {
      const decision = judgeDraftSave({ baseVersion: presented, currentVersion: await repository.lockedDraftVersion(ctx.uid, documentId, locale), writesFields });
      if (!decision.allowed) {
        if (decision.reason === 'malformed') throw new errors.ValidationError(decision.message);
        if (decision.reason === 'unversioned') throw new DraftSaveRefused(428, decision.message);
        throw new DraftSaveRefused(409, decision.message);
      }
      return next();
    });
  };
}

/** The header wins; a body's updatedAt counts only as a string (anything else is no version). */
function presentedVersion(request: any): string | undefined {
  const header = request.request?.header?.[DRAFT_VERSION_HEADER];
  if (typeof header === 'string') return header;
  const fromBody = request.request?.body?.updatedAt;
  return typeof fromBody === 'string' ? fromBody : undefined;
}
