import type { Metadata } from 'next';
import { permanentRedirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getFaqPage, getGeneralFaqs } from '@/lib/cms';
import { inEveryLocale, missingPageMetadata, openPage } from '@/lib/localized-page';
import { pageHref, pageNavigation, parsePageParam } from '@/lib/pagination/page-param';
import { paths } from '@/lib/seo/alternates';
import { faqPageJsonLd } from '@/lib/structured-data/structured-data';
import { JsonLd } from '@/components/common/JsonLd';
import { FaqList } from '@/components/faq/FaqList';
import { PageNotFound } from '@/components/errors/PageNotFound';
import { LanguageSwitcher } from '@/components/layout/LanguageSwitcher';
import { PageLinks } from '@/components/pagination/PageLinks';

/** What the FAQ page's routes pass: the locale, and the page segment when there is one. */
export interface FaqRoute {
  params: Promise<{ locale: string; page?: string }>;
}

/** A page of procedures at a time, each with its FAQs; a page that is not a plain number, or past the last, is not found. */
async function open({ params }: FaqRoute) {
  const page = await openPage(params, inEveryLocale(paths.faq));
  const raw = (await params).page;
  // Page 1 has one address, the FAQ page's own.
  if (page.found && raw === '1') permanentRedirect(paths.faq(page.locale));
  const number = parsePageParam(raw);
  if (!page.found || number === null) return { found: false as const, locale: page.locale };
  const [list, general] = await Promise.all([getFaqPage(page.locale, number), number === 1 ? getGeneralFaqs(page.locale) : []]);
  const navigation = pageNavigation(number, list.pageCount);
  return navigation ? { ...page, list, general, navigation } : { found: false as const, locale: page.locale };
}

export async function faqPageMetadata(route: FaqRoute): Promise<Metadata> {
  const page = await open(route);
  if (!page.found) return missingPageMetadata(page);
  const { locale, languages, navigation } = page;
  const t = await getTranslations({ locale, namespace: 'Faq' });
  if (navigation.page === 1) return { title: t('title'), description: t('description'), alternates: languages.alternates };
  return { title: `${t('title')} (${navigation.page}/${navigation.pageCount})`, description: t('description'), alternates: { canonical: pageHref(languages.alternates.canonical, navigation.page) } };
}

export async function FaqListPage(route: FaqRoute) {
  const page = await open(route);
  if (!page.found) return <PageNotFound locale={page.locale} />;
  const { locale, languages, list, general, navigation } = page;
  const groups = list.items;
  const t = await getTranslations('Faq');
  const tGeneral = await getTranslations('FaqGeneral');
  return (
    <>
      <LanguageSwitcher current={locale} links={languages.links} />
      <h1>{t('title')}</h1>
      {general.length > 0 && (
        <section aria-labelledby="faq-general">
          <h2 id="faq-general">{tGeneral('title')}</h2>
          <FaqList faqs={general} />
        </section>
      )}
      {groups.map((group) => (
        <section key={group.slug} aria-labelledby={`faq-${group.slug}`}>
          <h2 id={`faq-${group.slug}`}>
            <a href={paths.procedure(locale, group.slug)}>{t('about', { procedure: group.title })}</a>
          </h2>
          <FaqList faqs={group.faqs} />
        </section>
      ))}
      <PageLinks path={paths.faq(locale)} navigation={navigation} />
      <JsonLd data={faqPageJsonLd([...general, ...groups.flatMap((g) => g.faqs)], locale)} />
    </>
  );
}
