import type { Core } from '@strapi/strapi';
import { contentTypes } from '@strapi/utils';
import { liveChangeOf, localeScope, type LiveChange, type LocaleScope } from './live-change';
import type { WebhookService } from './webhook-service';

// Every clinic type, present and future: a type the site does not show costs one refresh.
const CLINIC_TYPES = 'plugin::clinic.';

interface Version {
  documentId: string;
  locale: string | null;
}

/**
 * Tells the site about every change a patient would see (publish, unpublish, delete, and
 * saves that publish at once) of every clinic type, once per document and locale touched.
 * Sent only once the change is committed; a refused, failed or rolled-back action sends
 * nothing. Registered after the other middlewares, so it sees the parameters they settled.
 */
export function announceChanges(strapi: Core.Strapi, webhooks: () => WebhookService) {
  const defaultLocale = async (): Promise<string> => (await strapi.plugin('i18n').service('locales').getDefaultLocale()) ?? 'en';

  async function versions(uid: string, change: LiveChange, scope: LocaleScope, documentId: unknown): Promise<Version[]> {
    const where: Record<string, unknown> = {};
    // No documentId: Strapi applies the action to every document in scope, and so do we.
    if (typeof documentId === 'string' && documentId) where.documentId = documentId;
    if (scope.kind === 'some') where.locale = { $in: scope.locales };
    if (scope.kind === 'default') where.locale = await defaultLocale();
    if (change.rows === 'draft') where.publishedAt = { $null: true };
    if (change.rows === 'published') where.publishedAt = { $notNull: true };
    const rows: Version[] = await strapi.db.query(uid as any).findMany({ where, select: ['documentId', 'locale'] });
    const seen = new Set<string>();
    return rows.filter((r) => !seen.has(`${r.documentId}/${r.locale}`) && seen.add(`${r.documentId}/${r.locale}`));
  }

  /** Runs `send` when the enclosing transaction commits, or now when the action's own already has. */
  async function afterCommit(send: () => void) {
    if (!strapi.db.inTransaction()) return send();
    // Inside a caller's transaction this joins it: onCommit waits for the outermost commit,
    // and a rollback drops the callback.
    await strapi.db.transaction(({ onCommit }) => {
      onCommit(send);
    });
  }

  return async (ctx: { uid: string; action: string; params: any }, next: () => Promise<unknown>) => {
    if (!ctx.uid.startsWith(CLINIC_TYPES)) return next();
    const contentType = strapi.contentType(ctx.uid as any);
    const change = liveChangeOf(ctx.action, ctx.params, contentTypes.hasDraftAndPublish(contentType as any));
    if (!change) return next();
    const localized: boolean = strapi.plugin('i18n').service('content-types').isLocalizedContentType(contentType);
    const scope = localeScope(ctx.params?.locale, localized);

    let before: Version[] = [];
    if (change.lookUp === 'before') {
      try {
        before = await versions(ctx.uid, change, scope, ctx.params?.documentId);
      } catch (error) {
        // Never block the action over an announcement; tell the site about the document instead.
        strapi.log.warn(`[clinic] could not tell which locales ${ctx.action} changes: ${(error as Error).message}`);
        if (typeof ctx.params?.documentId === 'string') before = [{ documentId: ctx.params.documentId, locale: null }];
      }
    }

    const result = (await next()) as { documentId?: string } | null | undefined;
    if (change.lookUp === 'after' && !result?.documentId) return result;

    try {
      const changed = change.lookUp === 'before' ? before : await versions(ctx.uid, change, scope, result!.documentId);
      const fallbackLocale = await defaultLocale();
      const events = changed.map(({ documentId, locale }) => ({ event: change.event, contentType: ctx.uid, documentId, locale: locale ?? fallbackLocale }));
      await afterCommit(() => {
        for (const event of events) webhooks().announce(event);
      });
    } catch (error) {
      // The change is saved either way; the site's hourly expiry is the backstop.
      strapi.log.error(`[clinic] could not announce ${ctx.action} of ${ctx.uid}: ${(error as Error).message}`);
    }
    return result;
  };
}
