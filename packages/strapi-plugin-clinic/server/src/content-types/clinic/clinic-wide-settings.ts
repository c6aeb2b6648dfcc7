import type { Core } from '@strapi/strapi';
import { defaultLocaleCode } from '../../locales/locales';
import { clinicRepository } from '../../repository/clinic-repository';

const CLINIC_UID = 'plugin::clinic.clinic';

/**
 * The clinic's review rules hold for the whole clinic, not one language: stored on each locale's
 * row of the clinic details (the type is localized for its address) but never localized. Strapi's
 * own copy of non-localized fields missed the published rows (publishing English left the Spanish
 * site without the overdue notice), so each save and publish copies them to the other locales'
 * versions of the same kind: a draft's settings to the other drafts, a published one's to the
 * other published versions.
 */
export const CLINIC_WIDE_SETTINGS = ['defaultReviewIntervalMonths', 'readingLevelTarget', 'allowSelfApproval', 'allowPeerBioApproval', 'showOverdueReviewNotice'] as const;

const settingsOf = (strapi: Core.Strapi) => CLINIC_WIDE_SETTINGS.filter((field) => field in (strapi.getModel(CLINIC_UID as any)?.attributes ?? {}));

async function sourceLocale(strapi: Core.Strapi, locale: unknown): Promise<string> {
  if (typeof locale === 'string' && locale !== '*') return locale;
  if (Array.isArray(locale) && typeof locale[0] === 'string') return locale[0];
  return defaultLocaleCode(strapi);
}

export function clinicWideSettingsMiddleware(strapi: Core.Strapi) {
  const repository = clinicRepository(strapi);
  return async (ctx: { uid: string; action: string; params: any }, next: () => Promise<any>) => {
    if (ctx.uid !== CLINIC_UID || !['create', 'update', 'publish'].includes(ctx.action)) return next();
    const result = await next();
    const documentId = ctx.params?.documentId ?? result?.documentId ?? result?.entries?.[0]?.documentId;
    if (typeof documentId !== 'string') return result;
    const from = await sourceLocale(strapi, ctx.params?.locale);
    await repository.copyFieldsToOtherLocales(CLINIC_UID, documentId, from, ctx.action === 'publish' ? 'published' : 'draft', settingsOf(strapi));
    return result;
  };
}

/**
 * Databases saved before the settings were kept equal may hold different values per locale:
 * at start, the most recently saved version (draft, then published) speaks for all of its kind.
 */
export async function alignClinicWideSettings(strapi: Core.Strapi): Promise<void> {
  const repository = clinicRepository(strapi);
  for (const versions of ['draft', 'published'] as const) {
    const latest = await repository.latestSavedVersion(CLINIC_UID, versions);
    if (latest?.locale) await repository.copyFieldsToOtherLocales(CLINIC_UID, latest.documentId, latest.locale, versions, settingsOf(strapi));
  }
}
