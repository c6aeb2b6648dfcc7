import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getProcedureListPage, getSiteChrome } from '@/lib/cms';
import { inEveryLocale, missingPageMetadata, openPage } from '@/lib/localized-page';
import { paths } from '@/lib/seo/alternates';
import { PageNotFound } from '@/components/errors/PageNotFound';
import { LanguageSwitcher } from '@/components/layout/LanguageSwitcher';
import { PageLinks } from '@/components/pagination/PageLinks';
import { pageNavigation, parsePageParam } from '@/lib/pagination/page-param';

type Params = { params: Promise<{ locale: string }>; searchParams: Promise<{ page?: string | string[] }> };

/** The list a page at a time (?page=N); a page that is not a plain number, or past the last, is not found. */
const open = async ({ params, searchParams }: Params) => {
  const page = await openPage(params, inEveryLocale(paths.procedures));
  const number = parsePageParam((await searchParams).page);
  if (!page.found || number === null) return { found: false as const, locale: page.locale };
  const list = await getProcedureListPage(page.locale, number);
  const navigation = pageNavigation(number, list.pageCount);
  return navigation ? { ...page, list, navigation } : { found: false as const, locale: page.locale };
};

export async function generateMetadata(props: Params): Promise<Metadata> {
  const page = await open(props);
  if (!page.found) return missingPageMetadata(page);
  const { locale, languages } = page;
  const [t, { clinic }] = await Promise.all([getTranslations({ locale, namespace: 'Procedures' }), getSiteChrome(locale)]);
  const title = page.navigation.page > 1 ? `${t('title')} (${page.navigation.page}/${page.navigation.pageCount})` : t('title');
  return { title, description: t('description', { clinic: clinic?.name ?? '' }), alternates: page.navigation.page > 1 ? { canonical: `${languages.alternates.canonical}?page=${page.navigation.page}` } : languages.alternates };
}

export default async function ProceduresPage(props: Params) {
  const page = await open(props);
  if (!page.found) return <PageNotFound locale={page.locale} />;
  const { locale, languages, list, navigation } = page;
  const t = await getTranslations('Procedures');
  return (
    <>
      <LanguageSwitcher current={locale} links={languages.links} />
      <h1>{t('title')}</h1>
      <ul className="cards">
        {list.items.map((p) => (
          <li key={p.documentId}>
            <h2>
              <a href={paths.procedure(locale, p.slug)}>{p.title}</a>
            </h2>
            {p.otherNames.length > 0 && <p>{t('alsoKnownAs', { names: p.otherNames.join(', ') })}</p>}
            <p>{p.summary}</p>
          </li>
        ))}
      </ul>
      <PageLinks path={paths.procedures(locale)} navigation={navigation} />
    </>
  );
}
