import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { clinicRepository } from '../repository/clinic-repository';

/** The locales the site starts with; any further locale is added in the admin, no code needed. */
export const INITIAL_LOCALES = [
  { code: 'en', name: 'English (en)' },
  { code: 'es', name: 'Spanish (es)' },
] as const;

export const DEFAULT_LOCALE = 'en';

const localeService = (strapi: Core.Strapi) => strapi.plugin('i18n').service('locales');

/** The locale Strapi applies when an action names none. */
export async function defaultLocaleCode(strapi: Core.Strapi): Promise<string> {
  return (await localeService(strapi).getDefaultLocale()) ?? DEFAULT_LOCALE;
}

// Every public read checks its locale, so the list is cached and dropped when a locale changes.
const cachedCodes = new WeakMap<Core.Strapi, Promise<string[]>>();

export function availableLocaleCodes(strapi: Core.Strapi): Promise<string[]> {
  const cached = cachedCodes.get(strapi);
  if (cached) return cached;
  const fresh: Promise<string[]> = localeService(strapi)
    .find()
    .then((locales: Array<{ code: string }>) => locales.map((l) => l.code));
  fresh.catch(() => cachedCodes.delete(strapi));
  cachedCodes.set(strapi, fresh);
  return fresh;
}

/**
 * Deleting a language deletes every entry written in it, below the Document Service, with no
 * take-down logged. While medical pages are live in it, a physician takes them down first
 * (each logged with who and why); then the language can go.
 */
export function guardLocaleDeletion(strapi: Core.Strapi, medicalTypes: () => string[]): void {
  const service = localeService(strapi) as Record<string, any>;
  const remove = service.delete;
  service.delete = async (params: { id?: unknown }, ...rest: unknown[]) => {
    const repository = clinicRepository(strapi);
    const code = await repository.localeCode(params?.id);
    if (code && (await repository.anyPublishedIn(medicalTypes(), code))) {
      throw new errors.ValidationError(`Medical pages are published in ${code}. A physician takes them down first (the review log records it); then the language can be deleted.`);
    }
    return remove.call(service, params, ...rest);
  };
}

export function forgetLocalesOnChange(strapi: Core.Strapi): void {
  clinicRepository(strapi).onLocalesChange(() => {
    cachedCodes.delete(strapi);
  });
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
