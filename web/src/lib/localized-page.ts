/**
 * How every page and the layout start: the URL's locale, checked against the CMS's locales
 * and set for next-intl, then the page's languages (hreflang alternates and the language
 * switcher's links).
 */
import { cache } from 'react';
import type { Metadata } from 'next';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import type { LanguageLink } from '@/components/layout/LanguageSwitcher';
import { siteRouting } from '@/i18n/routing';
import { getLocales } from './cms';
import { alternatesFor, type LocalizedVersion } from './seo/alternates';
import { SITE_URL } from './site';

/** The site's routing with the CMS's locales as pages read them (from Next's cache, so also while the CMS is down). */
export const getRouting = cache(async () => siteRouting(await getLocales()));

/** Where a page is published. */
export interface PageVersions {
  /** The version this URL shows (a fallback page: the requested locale, at the requested path). */
  current: LocalizedVersion;
  /** Every locale the page is published in; only these get hreflang links. */
  published: LocalizedVersion[];
  /** Where the switcher leads in a locale the page is not published in (its fallback page, which says so). */
  fallbackPathFor: (locale: string) => string;
}

export interface PageLanguages {
  alternates: ReturnType<typeof alternatesFor>;
  links: LanguageLink[];
}

async function pageLanguages({ current, published, fallbackPathFor }: PageVersions): Promise<PageLanguages> {
  const [locales, { defaultLocale }] = await Promise.all([getLocales(), getRouting()]);
  const alternates = alternatesFor({ siteUrl: SITE_URL, current, published, defaultLocale });
  const links = locales.map((l) => ({
    locale: l.code,
    name: l.name,
    href: published.find((p) => p.locale === l.code)?.path ?? (l.code === current.locale ? current.path : fallbackPathFor(l.code)),
  }));
  return { alternates, links };
}

/** A page that is not there: the page renders PageNotFound (a 404 with its body in the server HTML). */
export interface MissingPage {
  found: false;
  locale: string;
}

/**
 * The start of every page (and of its generateMetadata): a locale the CMS does not have, or
 * a page `find` does not find, is a missing page (in the layout's language); otherwise the
 * locale is set for next-intl and the page gets what `find` found with its languages.
 */
export async function openPage<P extends { locale: string }, Found extends { versions: PageVersions }>(
  params: Promise<P>,
  find: (locale: string, params: P) => Promise<Found | null>,
): Promise<(Found & { found: true; locale: string; languages: PageLanguages }) | MissingPage> {
  const requested = await params;
  const { locales, defaultLocale } = await getRouting();
  if (!hasLocale(locales, requested.locale)) {
    setRequestLocale(defaultLocale);
    return { found: false, locale: defaultLocale };
  }
  const locale = requested.locale;
  setRequestLocale(locale);
  const found = await find(locale, requested);
  if (!found) return { found: false, locale };
  return { ...found, found: true, locale, languages: await pageLanguages(found.versions) };
}

/** The metadata of a missing page: its title, never indexed. */
export async function missingPageMetadata({ locale }: MissingPage): Promise<Metadata> {
  const t = await getTranslations({ locale, namespace: 'errors' });
  return { title: t('notFoundTitle'), robots: { index: false, follow: true } };
}

/** `find` for a page at the same path in every locale (home, lists, FAQ). */
export function inEveryLocale(pathFor: (locale: string) => string) {
  return async (locale: string): Promise<{ versions: PageVersions }> => {
    const published = (await getLocales()).map((l) => ({ locale: l.code, path: pathFor(l.code) }));
    return { versions: { current: { locale, path: pathFor(locale) }, published, fallbackPathFor: pathFor } };
  };
}

/**
 * The layout's locale: the URL's when the CMS has it. Otherwise (a locale removed since the
 * proxy last asked) the default, so that the page's 404 still has a language.
 */
export async function openLayout(params: Promise<{ locale: string }>): Promise<string> {
  const [{ locale: requested }, { locales, defaultLocale }] = await Promise.all([params, getRouting()]);
  const locale = hasLocale(locales, requested) ? requested : defaultLocale;
  setRequestLocale(locale);
  return locale;
}
