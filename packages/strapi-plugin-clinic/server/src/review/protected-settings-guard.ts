import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { changedSettings, settingsRefusal, settingsRoleOf, settingsWithheldFrom } from 'clinic-domain';
import { SUPER_ADMIN_ROLE_CODE } from '../draft-protection/request-caller';
import { clinicRepository } from '../repository/clinic-repository';
import { PHYSICIAN_ROLE_CODE } from './roles';
import { REVIEW_FIELDS } from './workflow-context';

const UNGUARDED = Symbol.for('clinic.protected-settings.unguarded');
// The review fields the approval writes, which no save changes (whoever sends it). The reviewer
// link is a relation the form sends as connect/disconnect, not a value: it is still dropped
// silently by review-fields-middleware.
const WORKFLOW_WRITTEN: readonly string[] = REVIEW_FIELDS.filter((field) => field !== 'reviewedBy');

/** Where each Content Manager handler that saves a body finds the document it writes. */
type DocumentFrom = 'new' | 'id' | 'sourceId' | 'single';
const SAVES: Record<string, Record<string, DocumentFrom>> = {
  'collection-types': { create: 'new', update: 'id', publish: 'id', clone: 'sourceId' },
  'single-types': { createOrUpdate: 'single', publish: 'single' },
};

/**
 * The Content Manager drops the fields a role may not update before anything else sees the
 * save, and answers 200: an editor who set the reading-level target believed it was set. So its
 * saving handlers first compare the protected fields of the body with the stored draft, and a
 * save that would change one the caller may not change is a 403 saying so. Repeating the stored
 * value (the admin form sends every field it shows back) saves the rest as before; the review
 * fields the approval writes (review dates, the reviewer's name, the drift flag) no save changes,
 * a super admin's neither. The Document
 * Service middleware (review-fields-middleware) still drops them on every other path.
 */
export function refuseProtectedSettingChanges(strapi: Core.Strapi): void {
  const contentManager = strapi.plugin('content-manager');
  if (!contentManager) return;
  for (const [name, handlers] of Object.entries(SAVES)) {
    const controller = contentManager.controller(name) as Record<string, any> | undefined;
    for (const [handler, from] of Object.entries(handlers)) {
      // The Content Manager's controllers are module-level objects: a second Strapi in the same
      // process (a restart in tests) wraps the original again, never the first instance's wrapper.
      const original = controller?.[handler]?.[UNGUARDED] ?? controller?.[handler];
      if (typeof original !== 'function') continue;
      const checkedSave = async function checkedSave(this: unknown, ctx: any, ...rest: unknown[]) {
        await refuseChangedSettings(strapi, ctx, from);
        return original.call(this, ctx, ...rest);
      };
      controller![handler] = Object.assign(checkedSave, { [UNGUARDED]: original });
    }
  }
}

async function refuseChangedSettings(strapi: Core.Strapi, ctx: any, from: DocumentFrom): Promise<void> {
  const model = ctx.params?.model;
  const attributes = typeof model === 'string' && model.startsWith('plugin::clinic.') ? (strapi.getModel(model as any)?.attributes as Record<string, any> | undefined) : undefined;
  const body = ctx.request?.body;
  if (!attributes || !body || typeof body !== 'object' || Array.isArray(body)) return;
  const roleCodes: string[] = (ctx.state?.user?.roles ?? []).map((role: { code?: unknown }) => String(role?.code));
  const role = settingsRoleOf(roleCodes, { superAdmin: SUPER_ADMIN_ROLE_CODE, physician: PHYSICIAN_ROLE_CODE });
  const withheld = [...settingsWithheldFrom(role), ...WORKFLOW_WRITTEN].filter((field) => field in attributes && body[field] !== undefined);
  if (withheld.length === 0) return;
  const stored = await storedDraft(strapi, model, ctx, from);
  const defaults = Object.fromEntries(withheld.map((field) => [field, attributes[field]?.default ?? null]));
  const refusal = settingsRefusal(changedSettings({ withheld, sent: body, stored, defaults }), role, WORKFLOW_WRITTEN);
  // A PolicyError (403) keeps its message; Strapi replaces a ForbiddenError's with "Forbidden".
  if (refusal) throw new errors.PolicyError(refusal);
}

/** The draft the save writes over: the requested locale's, else another locale's (the protected fields are not localized), else none. */
async function storedDraft(strapi: Core.Strapi, model: string, ctx: any, from: DocumentFrom): Promise<Record<string, unknown> | null> {
  const repository = clinicRepository(strapi);
  const documentId: unknown =
    from === 'id' ? ctx.params?.id : from === 'sourceId' ? ctx.params?.sourceId : from === 'single' ? (await repository.versionsOf(model, { versions: 'draft' }))[0]?.documentId : undefined;
  if (typeof documentId !== 'string' || !documentId) return null;
  const requested = ctx.request?.body?.locale ?? ctx.query?.locale;
  const locales = [...(typeof requested === 'string' ? [requested] : []), ...(await repository.localesOf(model, documentId, 'draft'))];
  for (const locale of locales) {
    const draft = await repository.findVersion(model, documentId, locale, 'draft', {});
    if (draft) return draft;
  }
  return null;
}
