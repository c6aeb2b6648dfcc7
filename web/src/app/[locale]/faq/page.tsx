import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { getFaqsByProcedure } from '@/lib/cms';
import { resolveLocale } from '@/lib/i18n-locale';
import { everyLocalePage } from '@/lib/page-languages';
import { paths } from '@/lib/seo/alternates';
import { faqPageJsonLd } from '@/lib/structured-data/structured-data';
import { JsonLd } from '@/components/common/JsonLd';
import { FaqList } from '@/components/faq/FaqList';
import { LanguageSwitcher } from '@/components/layout/LanguageSwitcher';

type Params = { params: Promise<{ locale: string }> };

const languages = (locale: string) => everyLocalePage(locale, paths.faq);

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { locale, valid } = await resolveLocale((await params).locale);
  if (!valid) return {};
  const t = await getTranslations({ locale, namespace: 'Faq' });
  return { title: t('title'), description: t('description'), alternates: (await languages(locale)).alternates };
}

export default async function FaqPage({ params }: Params) {
  const { locale, valid } = await resolveLocale((await params).locale);
  if (!valid) notFound();
  setRequestLocale(locale);
  const [t, groups, { links }] = await Promise.all([getTranslations('Faq'), getFaqsByProcedure(locale), languages(locale)]);
  return (
    <>
      <LanguageSwitcher current={locale} links={links} />
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
