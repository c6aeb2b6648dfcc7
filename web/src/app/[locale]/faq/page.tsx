import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getFaqsByProcedure } from '@/lib/cms';
import { inEveryLocale, missingPageMetadata, openPage } from '@/lib/localized-page';
import { paths } from '@/lib/seo/alternates';
import { faqPageJsonLd } from '@/lib/structured-data/structured-data';
import { JsonLd } from '@/components/common/JsonLd';
import { FaqList } from '@/components/faq/FaqList';
import { PageNotFound } from '@/components/errors/PageNotFound';
import { LanguageSwitcher } from '@/components/layout/LanguageSwitcher';

type Params = { params: Promise<{ locale: string }> };

const open = (params: Params['params']) => openPage(params, inEveryLocale(paths.faq));

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const page = await open(params);
  if (!page.found) return missingPageMetadata(page);
  const { locale, languages } = page;
  const t = await getTranslations({ locale, namespace: 'Faq' });
  return { title: t('title'), description: t('description'), alternates: languages.alternates };
}

export default async function FaqPage({ params }: Params) {
  const page = await open(params);
  if (!page.found) return <PageNotFound locale={page.locale} />;
  const { locale, languages } = page;
  const [t, groups] = await Promise.all([getTranslations('Faq'), getFaqsByProcedure(locale)]);
  return (
    <>
      <LanguageSwitcher current={locale} links={languages.links} />
      <h1>{t('title')}</h1>
      {groups.map((group) => (
        <section key={group.slug} aria-labelledby={`faq-${group.slug}`}>
          <h2 id={`faq-${group.slug}`}>
            <a href={paths.procedure(locale, group.slug)}>{t('about', { procedure: group.title })}</a>
          </h2>
          <FaqList faqs={group.faqs} />
        </section>
      ))}
      <JsonLd data={faqPageJsonLd(groups.flatMap((g) => g.faqs), locale)} />
    </>
  );
}
