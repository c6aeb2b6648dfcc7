import type { Metadata } from 'next';
import { permanentRedirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getProcedureListPage, getSiteChrome } from '@/lib/cms';
import { inEveryLocale, missingPageMetadata, openPage } from '@/lib/localized-page';
import { pageHref, pageNavigation, parsePageParam } from '@/lib/pagination/page-param';
import { paths } from '@/lib/seo/alternates';
import { PageNotFound } from '@/components/errors/PageNotFound';
import { LanguageSwitcher } from '@/components/layout/LanguageSwitcher';
import { PageLinks } from '@/components/pagination/PageLinks';

/** What the procedures list's routes pass: the locale, and the page segment when there is one. */
export interface ProcedureListRoute {
  params: Promise<{ locale: string; page?: string }>;
}

/** The list a page at a time; a page that is not a plain number, or past the last, is not found. */
async function open({ params }: ProcedureListRoute) {
  const page = await openPage(params, inEveryLocale(paths.procedures));
  const raw = (await params).page;
  // Page 1 has one address, the list's own.
  if (page.found && raw === '1') permanentRedirect(paths.procedures(page.locale));
  const number = parsePageParam(raw);
  if (!page.found || number === null) return { found: false as const, locale: page.locale };
  const list = await getProcedureListPage(page.locale, number);
  const navigation = pageNavigation(number, list.pageCount);
  return navigation ? { ...page, list, navigation } : { found: false as const, locale: page.locale };
}

export async function procedureListMetadata(route: ProcedureListRoute): Promise<Metadata> {
  const page = await open(route);
  if (!page.found) return missingPageMetadata(page);
  const { locale, languages, navigation } = page;
  const [t, { clinic }] = await Promise.all([getTranslations({ locale, namespace: 'Procedures' }), getSiteChrome(locale)]);
  const description = t('description', { clinic: clinic?.name ?? '' });
  if (navigation.page === 1) return { title: t('title'), description, alternates: languages.alternates };
  return { title: `${t('title')} (${navigation.page}/${navigation.pageCount})`, description, alternates: { canonical: pageHref(languages.alternates.canonical, navigation.page) } };
}

export async function ProcedureListPage(route: ProcedureListRoute) {
  const page = await open(route);
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
