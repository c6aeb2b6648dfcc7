/**
 * hreflang alternates and canonical of a page: absolute URLs, reciprocal (every published
 * version lists all the others and itself), x-default on the default locale's version.
 */
export interface LocalizedVersion {
  locale: string;
  /** Path of this version, e.g. "/es/procedures/vertebroplastia-y-cifoplastia". */
  path: string;
}

export function alternatesFor(input: { siteUrl: string; current: LocalizedVersion; published: readonly LocalizedVersion[]; defaultLocale: string }) {
  const base = input.siteUrl.replace(/\/$/, '');
  const versions = [...input.published];
  if (!versions.some((v) => v.locale === input.current.locale)) versions.push(input.current);
  versions.sort((a, b) => a.locale.localeCompare(b.locale));
  const languages: Record<string, string> = {};
  for (const v of versions) languages[v.locale] = `${base}${v.path}`;
  const fallback = versions.find((v) => v.locale === input.defaultLocale) ?? input.current;
  languages['x-default'] = `${base}${fallback.path}`;
  return { canonical: `${base}${input.current.path}`, languages };
}

export const paths = {
  home: (locale: string) => `/${locale}`,
  procedures: (locale: string) => `/${locale}/procedures`,
  procedure: (locale: string, slug: string) => `/${locale}/procedures/${encodeURIComponent(slug)}`,
  provider: (locale: string, slug: string) => `/${locale}/providers/${encodeURIComponent(slug)}`,
  faq: (locale: string) => `/${locale}/faq`,
  languageAssistance: (locale: string) => `/${locale}/language-assistance`,
};
