import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { getDefaultLocale, getLocales, getProcedure, getSiteChrome, type Procedure } from '@/lib/cms';
import { resolveLocale } from '@/lib/i18n-locale';
import { pageLanguages } from '@/lib/page-languages';
import { paths } from '@/lib/seo/alternates';
import { SITE_URL } from '@/lib/site';
import { languageNameIn } from '@/lib/language-name';
import { procedurePageJsonLd, organizationJsonLd } from '@/lib/structured-data/structured-data';
import { JsonLd } from '@/components/common/JsonLd';
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
async function load(requestedLocale: string, slug: string) {
  const { locale, valid } = await resolveLocale(requestedLocale);
  if (!valid) return null;
  const own = await getProcedure(locale, slug);
  if (own) return { locale, procedure: own, fallback: false };
  const defaultLocale = await getDefaultLocale();
  if (locale === defaultLocale) return null;
  const fallback = await getProcedure(defaultLocale, slug);
  return fallback ? { locale, procedure: fallback, fallback: true } : null;
}

const versionsOf = (procedure: Procedure) => [
  { locale: procedure.locale, path: paths.procedure(procedure.locale, procedure.slug) },
  ...procedure.alternates.map((a) => ({ locale: a.locale, path: paths.procedure(a.locale, a.slug) })),
];

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { locale: requested, slug } = await params;
  const page = await load(requested, slug);
  if (!page) return {};
  const { procedure, locale, fallback } = page;
  const current = fallback ? { locale, path: paths.procedure(locale, slug) } : versionsOf(procedure)[0]!;
  const { alternates } = await pageLanguages(current, versionsOf(procedure), (l) => paths.procedure(l, procedure.slug));
  return {
    title: procedure.title,
    description: procedure.summary.slice(0, 300),
    alternates: fallback ? { canonical: `${SITE_URL}${paths.procedure(procedure.locale, procedure.slug)}` } : alternates,
    ...(fallback ? { robots: { index: false, follow: true } } : {}),
  };
}

export default async function ProcedurePage({ params }: Params) {
  const { locale: requested, slug } = await params;
  const page = await load(requested, slug);
  if (!page) notFound();
  const { procedure, locale, fallback } = page;
  setRequestLocale(locale);
  const [t, { clinic, notices }, locales] = await Promise.all([getTranslations('Fallback'), getSiteChrome(locale), getLocales()]);
  const nameOf = (code: string) => languageNameIn(code, locale, locales.find((l) => l.code === code)?.name);
  const current = fallback ? { locale, path: paths.procedure(locale, slug) } : versionsOf(procedure)[0]!;
  const { links } = await pageLanguages(current, versionsOf(procedure), (l) => paths.procedure(l, procedure.slug));
  const url = `${SITE_URL}${current.path}`;

  return (
    <>
      <LanguageSwitcher current={locale} links={links} />
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
