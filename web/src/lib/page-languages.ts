import { getLocales, getDefaultLocale } from './cms';
import { alternatesFor, type LocalizedVersion } from './seo/alternates';
import { SITE_URL } from './site';
import type { LanguageLink } from '@/components/layout/LanguageSwitcher';

/**
 * Everything a page needs about its other languages: hreflang alternates (only where it is
 * published), the canonical URL, and the language switcher's links (every locale; where
 * the page is not published the link leads to the fallback page, which says so).
 */
export async function pageLanguages(current: LocalizedVersion, published: LocalizedVersion[], fallbackPathFor: (locale: string) => string) {
  const [locales, defaultLocale] = await Promise.all([getLocales(), getDefaultLocale()]);
  const alternates = alternatesFor({ siteUrl: SITE_URL, current, published, defaultLocale });
  const links: LanguageLink[] = locales.map((l) => ({
    locale: l.code,
    name: l.name,
    href: published.find((p) => p.locale === l.code)?.path ?? (l.code === current.locale ? current.path : fallbackPathFor(l.code)),
  }));
  return { alternates, links, locales, defaultLocale };
}

/** A page that exists in every locale at the same path (home, lists, FAQ). */
export async function everyLocalePage(locale: string, pathFor: (locale: string) => string) {
  const versions = (await getLocales()).map((l) => ({ locale: l.code, path: pathFor(l.code) }));
  return pageLanguages({ locale, path: pathFor(locale) }, versions, pathFor);
}
