import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { medicalActionRefusal, type MedicalLiveAction, type ReviewLogEntry } from 'clinic-domain';
import { currentAdminRoles, currentCaller, SUPER_ADMIN_ROLE_CODE } from '../draft-protection/request-caller';
import { defaultLocaleCode } from '../locales/locales';
import { localeScope } from '../locales/locale-scope';
import { clinicRepository, type Versions } from '../repository/clinic-repository';
import { PHYSICIAN_ROLE_CODE } from './roles';
import type { ReviewService } from './review-service';
import { liveChangeReason } from './workflow-context';

type DocumentAction = { uid: string; action: string; params: any };

const TAKE_DOWNS: Record<string, { action: MedicalLiveAction; logged: 'unpublished' | 'deleted' | 'discarded'; where: Versions }> = {
  unpublish: { action: 'unpublish', logged: 'unpublished', where: 'published' },
  delete: { action: 'delete', logged: 'deleted', where: 'any' },
  discardDraft: { action: 'discard', logged: 'discarded', where: 'draft' },
};

/**
 * The one gate on what is live of medical content. Every way to publish, unpublish, delete
 * or discard (the Content Manager and its bulk actions, plugins, code) ends in the Document
 * Service, so the checks live here:
 * - a locale goes live only when a physician approved exactly its current text, and then
 *   carries that approval's byline; on PostgreSQL the draft rows are locked from the check
 *   to the publish, so an edit saved in between waits and cannot go live unapproved;
 * - only physicians and super admins publish, unpublish, delete or discard, and each
 *   take-down is appended to the review log with who and why.
 */
export function publishGate(strapi: Core.Strapi, reviews: () => ReviewService) {
  const repository = clinicRepository(strapi);

  function refuseUnlessAllowed(action: MedicalLiveAction) {
    const caller = currentCaller(strapi);
    if (caller.kind === 'internal') return;
    const refusal = medicalActionRefusal(action, currentAdminRoles(strapi) ?? [], PHYSICIAN_ROLE_CODE, SUPER_ADMIN_ROLE_CODE);
    if (refusal) throw new errors.ValidationError(refusal);
  }

  async function publishApproved(ctx: DocumentAction, next: () => Promise<unknown>) {
    const documentId: string = ctx.params?.documentId;
    return repository.inTransaction(async () => {
      const locales = await localesOf(strapi, ctx.uid, documentId, ctx.params?.locale, 'draft');
      // Held until the publish commits: an edit saved in between waits and cannot go live unapproved.
      await repository.lockDrafts(ctx.uid, documentId, locales);
      const approvals: Array<{ locale: string; approval: ReviewLogEntry }> = [];
      for (const locale of locales) {
        approvals.push({ locale, approval: await reviews().approvalForPublish({ contentType: ctx.uid, documentId, locale }) });
      }
      refuseUnlessAllowed('publish');
      for (const { locale, approval } of approvals) await reviews().applyByline({ contentType: ctx.uid, documentId, locale }, approval);
      return next();
    });
  }

  async function takeDown(ctx: DocumentAction, next: () => Promise<unknown>) {
    const takeDown = TAKE_DOWNS[ctx.action]!;
    refuseUnlessAllowed(takeDown.action);
    const documentId: string = ctx.params?.documentId;
    const user = strapi.requestContext.get()?.state?.user as { id: number; firstname?: string; lastname?: string; email?: string } | undefined;
    const actor = user ? { id: String(user.id), name: [user.firstname, user.lastname].filter(Boolean).join(' ') || user.email || String(user.id) } : { id: 'system', name: 'The server (script or job)' };
    const reason = liveChangeReason() ?? `${takeDown.logged[0]!.toUpperCase()}${takeDown.logged.slice(1)} in the admin; no reason was given.`;
    return repository.inTransaction(async () => {
      for (const locale of await localesOf(strapi, ctx.uid, documentId, ctx.params?.locale, takeDown.where)) {
        await reviews().recordLiveChange({ contentType: ctx.uid, documentId, locale }, takeDown.logged, actor, reason);
      }
      return next();
    });
  }

  return async (ctx: DocumentAction, next: () => Promise<unknown>) => {
    if (!reviews().isMedical(ctx.uid)) return next();

    if ((ctx.action === 'create' || ctx.action === 'update') && ctx.params?.status === 'published') {
      throw new errors.ValidationError(
        'Medical content cannot be saved and published in one step: save it as a draft, submit it for medical review, and publish it once a physician has approved it.',
      );
    }
    if (ctx.action === 'publish') return publishApproved(ctx, next);
    if (ctx.action in TAKE_DOWNS && ctx.params?.documentId) return takeDown(ctx, next);
    return next();
  };
}

/** The locales an action touches, read as Strapi reads its `locale` (every one with such a version for '*'). */
async function localesOf(strapi: Core.Strapi, uid: string, documentId: string, locale: unknown, where: Versions): Promise<string[]> {
  const scope = localeScope(locale, true);
  if (scope.kind === 'some') return scope.locales;
  if (scope.kind === 'all') return clinicRepository(strapi).localesOf(uid, documentId, where);
  return [await defaultLocaleCode(strapi)];
}
