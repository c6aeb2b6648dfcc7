import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getFaqPage } from '@/lib/cms';
import { inEveryLocale, missingPageMetadata, openPage } from '@/lib/localized-page';
import { paths } from '@/lib/seo/alternates';
import { faqPageJsonLd } from '@/lib/structured-data/structured-data';
import { JsonLd } from '@/components/common/JsonLd';
import { FaqList } from '@/components/faq/FaqList';
import { PageNotFound } from '@/components/errors/PageNotFound';
import { LanguageSwitcher } from '@/components/layout/LanguageSwitcher';
import { PageLinks } from '@/components/pagination/PageLinks';
import { pageNavigation, parsePageParam } from '@/lib/pagination/page-param';

type Params = { params: Promise<{ locale: string }>; searchParams: Promise<{ page?: string | string[] }> };

/** A page of procedures at a time (?page=N), each with its FAQs; a page that is not a plain number, or past the last, is not found. */
const open = async ({ params, searchParams }: Params) => {
  const page = await openPage(params, inEveryLocale(paths.faq));
  const number = parsePageParam((await searchParams).page);
  if (!page.found || number === null) return { found: false as const, locale: page.locale };
  const list = await getFaqPage(page.locale, number);
  const navigation = pageNavigation(number, list.pageCount);
  return navigation ? { ...page, list, navigation } : { found: false as const, locale: page.locale };
};

export async function generateMetadata(props: Params): Promise<Metadata> {
  const page = await open(props);
  if (!page.found) return missingPageMetadata(page);
  const { locale, languages } = page;
  const t = await getTranslations({ locale, namespace: 'Faq' });
  const title = page.navigation.page > 1 ? `${t('title')} (${page.navigation.page}/${page.navigation.pageCount})` : t('title');
  return { title, description: t('description'), alternates: page.navigation.page > 1 ? { canonical: `${languages.alternates.canonical}?page=${page.navigation.page}` } : languages.alternates };
}

export default async function FaqPage(props: Params) {
  const page = await open(props);
  if (!page.found) return <PageNotFound locale={page.locale} />;
  const { locale, languages, list, navigation } = page;
  const groups = list.items;
  const t = await getTranslations('Faq');
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
      <PageLinks path={paths.faq(locale)} navigation={navigation} />
      <JsonLd data={faqPageJsonLd(groups.flatMap((g) => g.faqs), locale)} />
    </>
  );
}
