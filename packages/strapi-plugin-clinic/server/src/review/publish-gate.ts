import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { medicalPublishRefusal, type ReviewLogEntry } from 'clinic-domain';
import { PHYSICIAN_ROLE_CODE } from './roles';
import type { ReviewService } from './review-service';
import type { WebhookService } from '../webhooks/webhook-service';

/**
 * The one publish gate. Every way to publish (the Content Manager's publish and bulk
 * publish, REST, GraphQL, plugins, code) ends in the Document Service, so the check lives
 * here: a locale of medical content goes live only when a physician approved exactly its
 * current text, and then carries that approval's byline.
 */
export function publishGate(strapi: Core.Strapi, reviews: () => ReviewService, webhooks: () => WebhookService) {
  return async (ctx: { uid: string; action: string; params: any }, next: () => Promise<unknown>) => {
    if (!reviews().isMedical(ctx.uid)) return next();

    if ((ctx.action === 'create' || ctx.action === 'update') && ctx.params?.status === 'published') {
      throw new errors.ValidationError(
        'Medical content cannot be saved and published in one step: save it as a draft, submit it for medical review, and publish it once a physician has approved it.',
      );
    }
    if (ctx.action !== 'publish') return next();

    const documentId: string = ctx.params?.documentId;
    const locales = await localesToPublish(strapi, ctx.uid, documentId, ctx.params?.locale);
    const approvals: Array<{ locale: string; approval: ReviewLogEntry }> = [];
    for (const locale of locales) {
      approvals.push({ locale, approval: await reviews().approvalForPublish({ contentType: ctx.uid, documentId, locale }) });
    }
    // An admin user publishing: only physicians (and super admins) put medical text live.
    const adminUser = strapi.requestContext.get()?.state?.user as { roles?: Array<{ code: string }> } | undefined;
    if (adminUser?.roles) {
      const refusal = medicalPublishRefusal(adminUser.roles.map((r) => r.code), PHYSICIAN_ROLE_CODE, 'strapi-super-admin');
      if (refusal) throw new errors.ValidationError(refusal);
    }
    for (const { locale, approval } of approvals) await reviews().applyByline({ contentType: ctx.uid, documentId, locale }, approval);

    const result = await next();
    for (const { locale } of approvals) webhooks().announce({ event: 'publish', contentType: ctx.uid, documentId, locale });
    return result;
  };
}

/** The locales a publish call touches: one, a list, or every locale that has a draft ('*'). */
async function localesToPublish(strapi: Core.Strapi, uid: string, documentId: string, locale: unknown): Promise<string[]> {
  if (typeof locale === 'string' && locale !== '*') return [locale];
  if (Array.isArray(locale)) return locale.map(String);
  if (locale === '*') {
    const drafts: Array<{ locale: string }> = await strapi.db.query(uid as any).findMany({ where: { documentId, publishedAt: null }, select: ['locale'] });
    return [...new Set(drafts.map((d) => d.locale))];
  }
  return [(await strapi.plugin('i18n').service('locales').getDefaultLocale()) ?? 'en'];
}
