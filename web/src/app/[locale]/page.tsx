import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getProcedureList, getProviderList, getSiteChrome } from '@/lib/cms';
import { inEveryLocale, missingPageMetadata, openPage } from '@/lib/localized-page';
import { paths } from '@/lib/seo/alternates';
import { telHref } from '@/lib/tel-href';
import { SITE_URL } from '@/lib/site';
import { organizationJsonLd } from '@/lib/structured-data/structured-data';
import { JsonLd } from '@/components/common/JsonLd';
import { PageNotFound } from '@/components/errors/PageNotFound';
import { LanguageSwitcher } from '@/components/layout/LanguageSwitcher';
import { ProviderList } from '@/components/provider/ProviderList';

type Params = { params: Promise<{ locale: string }> };

const open = (params: Params['params']) => openPage(params, inEveryLocale(paths.home));

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const page = await open(params);
  if (!page.found) return missingPageMetadata(page);
  const { locale, languages } = page;
  const [t, { clinic }] = await Promise.all([getTranslations({ locale, namespace: 'Home' }), getSiteChrome(locale)]);
  return { title: clinic?.name ?? 'Clinic', description: t('intro'), alternates: languages.alternates };
}

export default async function HomePage({ params }: Params) {
  const page = await open(params);
  if (!page.found) return <PageNotFound locale={page.locale} />;
  const { locale, languages } = page;
  const [t, { clinic, notices }, procedures, providers] = await Promise.all([getTranslations('Home'), getSiteChrome(locale), getProcedureList(locale), getProviderList(locale)]);
  const tel = clinic ? telHref(clinic.phone) : null;
  return (
    <>
      <LanguageSwitcher current={locale} links={languages.links} />
      <h1>{t('title', { clinic: clinic?.name ?? '' })}</h1>
      <p>{t('intro')}</p>
      {clinic && (
        <p>{t.rich('contact', { phone: clinic.phone, tel: (chunks) => (tel ? <a href={tel}>{chunks}</a> : chunks) })}</p>
      )}
      <h2>{t('procedures')}</h2>
      <ul>
        {procedures.map((p) => (
          <li key={p.documentId}>
            <a href={paths.procedure(locale, p.slug)}>{p.title}</a>
          </li>
        ))}
      </ul>
      <p>
        <a href={paths.procedures(locale)}>{t('allProcedures')}</a>
      </p>
      <h2>{t('providers')}</h2>
      <ProviderList providers={providers} locale={locale} />
      {clinic && <JsonLd data={organizationJsonLd(clinic, `${SITE_URL}/`, notices)} />}
    </>
  );
}
