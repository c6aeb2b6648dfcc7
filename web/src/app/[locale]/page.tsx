import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { getProcedureList, getProviderList, getSiteChrome } from '@/lib/cms';
import { resolveLocale } from '@/lib/i18n-locale';
import { everyLocalePage } from '@/lib/page-languages';
import { paths } from '@/lib/seo/alternates';
import { SITE_URL } from '@/lib/site';
import { organizationJsonLd } from '@/lib/structured-data/structured-data';
import { JsonLd } from '@/components/common/JsonLd';
import { LanguageSwitcher } from '@/components/layout/LanguageSwitcher';
import { ProviderList } from '@/components/provider/ProviderList';

type Params = { params: Promise<{ locale: string }> };

const languages = (locale: string) => everyLocalePage(locale, paths.home);

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { locale, valid } = await resolveLocale((await params).locale);
  if (!valid) return {};
  const t = await getTranslations({ locale, namespace: 'Home' });
  const { clinic } = await getSiteChrome(locale);
  return { title: clinic?.name ?? 'Clinic', description: t('intro'), alternates: (await languages(locale)).alternates };
}

export default async function HomePage({ params }: Params) {
  const { locale, valid } = await resolveLocale((await params).locale);
  if (!valid) notFound();
  setRequestLocale(locale);
  const [t, { clinic, notices }, procedures, providers, { links }] = await Promise.all([
    getTranslations('Home'),
    getSiteChrome(locale),
    getProcedureList(locale),
    getProviderList(locale),
    languages(locale),
  ]);
  const tel = clinic?.phone.replace(/[^+\d]/g, '');
  return (
    <>
      <LanguageSwitcher current={locale} links={links} />
      <h1>{t('title', { clinic: clinic?.name ?? '' })}</h1>
      <p>{t('intro')}</p>
      {clinic && (
        <p>{t.rich('contact', { phone: clinic.phone, tel: (chunks) => <a href={`tel:${tel}`}>{chunks}</a> })}</p>
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
