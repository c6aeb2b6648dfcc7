import type { MetadataRoute } from 'next';
import { getSiteChrome, getSitemapDocuments } from '@/lib/cms';
import { getRouting } from '@/lib/localized-page';
import { alternatesFor, paths } from '@/lib/seo/alternates';
import { SITE_URL } from '@/lib/site';

// Rendered on request (its CMS reads are cached), so building the site never needs the CMS.
export const dynamic = 'force-dynamic';

/** Every published page, once per locale, each with its hreflang alternates. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  // Every CMS read at once: on an uncached render each is a round trip, and none needs another's answer.
  const routing = getRouting();
  const [{ locales, defaultLocale }, documents, chromes] = await Promise.all([
    routing,
    getSitemapDocuments(),
    routing.then(({ locales }) => Promise.all(locales.map(async (locale) => ({ locale, chrome: await getSiteChrome(locale) })))),
  ]);
  const entries: MetadataRoute.Sitemap = [];
  const add = (versions: Array<{ locale: string; path: string }>, lastModified?: string | null) => {
    for (const version of versions) {
      const { canonical, languages } = alternatesFor({ siteUrl: SITE_URL, current: version, published: versions, defaultLocale });
      entries.push({ url: canonical, ...(lastModified ? { lastModified } : {}), alternates: { languages } });
    }
  };
  for (const page of [paths.home, paths.procedures, paths.faq]) add(locales.map((locale) => ({ locale, path: page(locale) })));
  // The language assistance page exists (is not a 404) only in a locale whose clinic details have taglines.
  const withTaglines = chromes.filter(({ chrome }) => chrome.clinic?.languageAssistance.length).map(({ locale }) => locale);
  if (withTaglines.length) add(withTaglines.map((locale) => ({ locale, path: paths.languageAssistance(locale) })));
  for (const doc of documents) {
    const pathOf = doc.kind === 'procedure' ? paths.procedure : paths.provider;
    add(doc.versions.map((v) => ({ locale: v.locale, path: pathOf(v.locale, v.slug) })), doc.updatedAt);
  }
  return entries;
}
