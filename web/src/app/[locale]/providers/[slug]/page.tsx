import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getProvider } from '@/lib/cms';
import { missingPageMetadata, openPage } from '@/lib/localized-page';
import { paths } from '@/lib/seo/alternates';
import { SITE_URL } from '@/lib/site';
import { providerPageJsonLd } from '@/lib/structured-data/structured-data';
import { JsonLd } from '@/components/common/JsonLd';
import { Markdown } from '@/components/common/Markdown';
import { PageNotFound } from '@/components/errors/PageNotFound';
import { LanguageSwitcher } from '@/components/layout/LanguageSwitcher';
import { Byline } from '@/components/procedure/Byline';
import { ProcedureLinks } from '@/components/procedure/ProcedureLinks';

// Rendered on first request, then served from cache (see the locale layout).
export async function generateStaticParams() {
  return [];
}

type Params = { params: Promise<{ locale: string; slug: string }> };

async function findProvider(locale: string, { slug }: { slug: string }) {
  const provider = await getProvider(locale, slug);
  if (!provider) return null;
  const current = { locale, path: paths.provider(locale, provider.slug) };
  const published = [current, ...provider.alternates.map((a) => ({ locale: a.locale, path: paths.provider(a.locale, a.slug) }))];
  return { provider, versions: { current, published, fallbackPathFor: (l: string) => paths.provider(l, slug) } };
}

const open = (params: Params['params']) => openPage(params, findProvider);

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const page = await open(params);
  if (!page.found) return missingPageMetadata(page);
  const { provider, languages } = page;
  return { title: provider.displayName, description: provider.specialty ?? undefined, alternates: languages.alternates };
}

export default async function ProviderPage({ params }: Params) {
  const page = await open(params);
  if (!page.found) return <PageNotFound locale={page.locale} />;
  const { locale, provider, languages } = page;
  const t = await getTranslations('Provider');
  return (
    <>
      <LanguageSwitcher current={locale} links={languages.links} />
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
