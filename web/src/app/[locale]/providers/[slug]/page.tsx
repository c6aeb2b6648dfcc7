import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { getProvider, type Provider } from '@/lib/cms';
import { resolveLocale } from '@/lib/i18n-locale';
import { pageLanguages } from '@/lib/page-languages';
import { paths } from '@/lib/seo/alternates';
import { SITE_URL } from '@/lib/site';
import { providerPageJsonLd } from '@/lib/structured-data/structured-data';
import { JsonLd } from '@/components/common/JsonLd';
import { Markdown } from '@/components/common/Markdown';
import { LanguageSwitcher } from '@/components/layout/LanguageSwitcher';
import { Byline } from '@/components/procedure/Byline';
import { ProcedureLinks } from '@/components/procedure/ProcedureLinks';

// Rendered on first request, then served from cache (see the locale layout).
export async function generateStaticParams() {
  return [];
}

type Params = { params: Promise<{ locale: string; slug: string }> };

async function load(requested: string, slug: string) {
  const { locale, valid } = await resolveLocale(requested);
  if (!valid) return null;
  const provider = await getProvider(locale, slug);
  return provider ? { locale, provider } : null;
}

const versionsOf = (p: Provider) => [
  { locale: p.locale, path: paths.provider(p.locale, p.slug) },
  ...p.alternates.map((a) => ({ locale: a.locale, path: paths.provider(a.locale, a.slug) })),
];

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { locale, slug } = await params;
  const page = await load(locale, slug);
  if (!page) return {};
  const { alternates } = await pageLanguages(versionsOf(page.provider)[0]!, versionsOf(page.provider), (l) => paths.provider(l, slug));
  return { title: page.provider.displayName, description: page.provider.specialty ?? undefined, alternates };
}

export default async function ProviderPage({ params }: Params) {
  const { locale: requested, slug } = await params;
  const page = await load(requested, slug);
  if (!page) notFound();
  const { locale, provider } = page;
  setRequestLocale(locale);
  const t = await getTranslations('Provider');
  const { links } = await pageLanguages(versionsOf(provider)[0]!, versionsOf(provider), (l) => paths.provider(l, slug));
  return (
    <>
      <LanguageSwitcher current={locale} links={links} />
      <article>
        <h1>{provider.displayName}</h1>
        {provider.specialty && <p className="specialty">{provider.specialty}</p>}
        {/* eslint-disable-next-line @next/next/no-img-element */}
        {provider.photo && <img src={provider.photo.url} alt={provider.photo.alt} width={provider.photo.width ?? undefined} height={provider.photo.height ?? undefined} />}
        <p>{provider.acceptingNewPatients ? t('accepting') : t('notAccepting')}</p>
        <Byline byline={provider.byline} locale={locale} />
        <Markdown>{provider.biography}</Markdown>
        {provider.education && (
          <section aria-labelledby="education">
            <h2 id="education">{t('education')}</h2>
            <p>{provider.education}</p>
          </section>
        )}
        <ProcedureLinks id="procedures" heading={t('procedures')} procedures={provider.procedures} locale={locale} />
      </article>
      <JsonLd data={providerPageJsonLd(provider, `${SITE_URL}${paths.provider(locale, provider.slug)}`, locale)} />
    </>
  );
}
