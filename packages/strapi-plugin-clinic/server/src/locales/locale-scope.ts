/** The locales an action's `locale` parameter names, as Strapi reads it. */
export type LocaleScope = { kind: 'all' } | { kind: 'default' } | { kind: 'some'; locales: string[] };

export function localeScope(locale: unknown, localized: boolean): LocaleScope {
  if (!localized || locale === '*') return { kind: 'all' };
  if (typeof locale === 'string' && locale !== '') return { kind: 'some', locales: [locale] };
  if (Array.isArray(locale)) return { kind: 'some', locales: [...new Set(locale.filter((l): l is string => typeof l === 'string' && l !== ''))] };
  // Missing (undefined, null, ''): Strapi applies the default locale.
  return { kind: 'default' };
}
