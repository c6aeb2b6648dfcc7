import type { Core } from '@strapi/strapi';

/** The locales the site starts with; any further locale is added in the admin, no code needed. */
export const INITIAL_LOCALES = [
  { code: 'en', name: 'English (en)' },
  { code: 'es', name: 'Spanish (es)' },
] as const;

export const DEFAULT_LOCALE = 'en';

const localeService = (strapi: Core.Strapi) => strapi.plugin('i18n').service('locales');

export async function availableLocaleCodes(strapi: Core.Strapi): Promise<string[]> {
  const locales: Array<{ code: string }> = await localeService(strapi).find();
  return locales.map((l) => l.code);
}

/** Creates the initial locales once; never removes or renames locales an admin added. */
export async function ensureInitialLocales(strapi: Core.Strapi): Promise<void> {
  const service = localeService(strapi);
  for (const locale of INITIAL_LOCALES) {
    const existing = await service.findByCode(locale.code);
    if (!existing) await service.create({ ...locale });
  }
  const current = await service.getDefaultLocale();
  if (!current) await service.setDefaultLocale({ code: DEFAULT_LOCALE });
}
