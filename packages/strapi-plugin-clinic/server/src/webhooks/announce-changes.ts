import type { Core } from '@strapi/strapi';
import { contentTypes } from '@strapi/utils';
import { clinicRepository } from '../repository/clinic-repository';
import { defaultLocaleCode } from '../locales/locales';
import { localeScope, type LocaleScope } from '../locales/locale-scope';
import { liveChangeOf, type LiveChange } from './live-change';
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
 * The announcements are written to the outbox in the change's own transaction, so a refused,
 * failed or rolled-back action sends nothing and a committed one is sent even across a
 * restart. Registered after the other middlewares, so it sees the parameters they settled.
 */
export function announceChanges(strapi: Core.Strapi, webhooks: () => WebhookService) {
  const repository = clinicRepository(strapi);
  const defaultLocale = () => defaultLocaleCode(strapi);

  async function versions(uid: string, change: LiveChange, scope: LocaleScope, documentId: unknown): Promise<Version[]> {
    const rows: Version[] = await repository.versionsOf(uid, {
      // No documentId: Strapi applies the action to every document in scope, and so do we.
      documentId: typeof documentId === 'string' && documentId ? documentId : undefined,
      locales: scope.kind === 'some' ? scope.locales : scope.kind === 'default' ? [await defaultLocale()] : undefined,
      versions: change.rows,
    });
    const seen = new Set<string>();
    return rows.filter((r) => !seen.has(`${r.documentId}/${r.locale}`) && seen.add(`${r.documentId}/${r.locale}`));
  }

  return async (ctx: { uid: string; action: string; params: any }, next: () => Promise<unknown>) => {
    if (!ctx.uid.startsWith(CLINIC_TYPES)) return next();
    const contentType = strapi.contentType(ctx.uid as any);
    const change = liveChangeOf(ctx.action, ctx.params, contentTypes.hasDraftAndPublish(contentType as any));
    if (!change) return next();
    const localized: boolean = strapi.plugin('i18n').service('content-types').isLocalizedContentType(contentType);
    const scope = localeScope(ctx.params?.locale, localized);

    // One transaction for the change and its announcements (Strapi's own joins it): both are
    // saved, or neither; the delivery worker sends them once it commits.
    return repository.inTransaction(async () => {
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

      let changed: Version[];
      try {
        changed = change.lookUp === 'before' ? before : await versions(ctx.uid, change, scope, result!.documentId);
      } catch (error) {
        strapi.log.warn(`[clinic] could not tell which locales ${ctx.action} changed: ${(error as Error).message}`);
        changed = [{ documentId: result!.documentId!, locale: null }];
      }
      const fallbackLocale = await defaultLocale();
      await webhooks().announce(changed.map(({ documentId, locale }) => ({ event: change.event, contentType: ctx.uid, documentId, locale: locale ?? fallbackLocale })));
      return result;
    });
  };
}
