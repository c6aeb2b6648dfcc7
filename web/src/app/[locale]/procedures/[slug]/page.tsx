import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getLocales, getProcedure, getSiteChrome } from '@/lib/cms';
import { getRouting, missingPageMetadata, openPage } from '@/lib/localized-page';
import { paths } from '@/lib/seo/alternates';
import { SITE_URL } from '@/lib/site';
import { languageNameIn } from '@/lib/language-name';
import { procedurePageJsonLd, organizationJsonLd } from '@/lib/structured-data/structured-data';
import { JsonLd } from '@/components/common/JsonLd';
import { PageNotFound } from '@/components/errors/PageNotFound';
import { LanguageSwitcher } from '@/components/layout/LanguageSwitcher';
import { ProcedureArticle } from '@/components/procedure/ProcedureArticle';

// Rendered on first request, then served from cache (see the locale layout).
export async function generateStaticParams() {
  return [];
}

type Params = { params: Promise<{ locale: string; slug: string }> };

/**
 * The procedure in the requested locale; when it is not published there, the default
 * locale's version with a notice (and noindex) rather than a 404.
 */
async function findProcedure(locale: string, { slug }: { slug: string }) {
  const [own, { defaultLocale }] = await Promise.all([getProcedure(locale, slug), getRouting()]);
  const fallback = !own && locale !== defaultLocale;
  const procedure = fallback ? await getProcedure(defaultLocale, slug) : own;
  if (!procedure) return null;
  const shown = { locale: procedure.locale, path: paths.procedure(procedure.locale, procedure.slug) };
  const published = [shown, ...procedure.alternates.map((a) => ({ locale: a.locale, path: paths.procedure(a.locale, a.slug) }))];
  const current = fallback ? { locale, path: paths.procedure(locale, slug) } : shown;
  return { procedure, fallback, versions: { current, published, fallbackPathFor: (l: string) => paths.procedure(l, procedure.slug) } };
}

const open = (params: Params['params']) => openPage(params, findProcedure);

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const page = await open(params);
  if (!page.found) return missingPageMetadata(page);
  const { procedure, fallback, languages } = page;
  return {
    title: procedure.title,
    description: procedure.summary.slice(0, 300),
    alternates: fallback ? { canonical: `${SITE_URL}${paths.procedure(procedure.locale, procedure.slug)}` } : languages.alternates,
    ...(fallback ? { robots: { index: false, follow: true } } : {}),
  };
}

export default async function ProcedurePage({ params }: Params) {
  const page = await open(params);
  if (!page.found) return <PageNotFound locale={page.locale} />;
  const { locale, procedure, fallback, versions, languages } = page;
  const [t, { clinic, notices }, locales] = await Promise.all([getTranslations('Fallback'), getSiteChrome(locale), getLocales()]);
  const nameOf = (code: string) => languageNameIn(code, locale, locales.find((l) => l.code === code)?.name);
  const url = `${SITE_URL}${versions.current.path}`;

  return (
    <>
      <LanguageSwitcher current={locale} links={languages.links} />
      {fallback && (
        <p className="notice" role="note" data-testid="fallback-notice">
          {t('notice', { language: nameOf(locale), fallbackLanguage: nameOf(procedure.locale) })}
        </p>
      )}
      <ProcedureArticle procedure={procedure} clinic={clinic} linkLocale={locale} />
      <JsonLd data={procedurePageJsonLd({ procedure, url, locale: procedure.locale, siteUrl: SITE_URL, clinicName: clinic?.name })} />
      {clinic && <JsonLd data={organizationJsonLd(clinic, `${SITE_URL}/`, notices)} />}
    </>
  );
}
