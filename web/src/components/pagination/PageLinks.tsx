import { getTranslations } from 'next-intl/server';
import { pageHref, type PageNavigation } from '@/lib/pagination/page-param';

/**
 * Previous / next links of a paginated list, with rel=prev/next for crawlers. Nothing when
 * the list fits on one page.
 */
export async function PageLinks({ path, navigation }: { path: string; navigation: PageNavigation }) {
  if (navigation.pageCount <= 1) return null;
  const t = await getTranslations('Pagination');
  const { page, pageCount, previous, next } = navigation;
  return (
    <nav className="page-links" aria-label={t('label')}>
      {previous !== null && (
        <a href={pageHref(path, previous)} rel="prev">
          {t('previous')}
        </a>
      )}
      <span aria-current="page">{t('pageOf', { page, pageCount })}</span>
      {next !== null && (
        <a href={pageHref(path, next)} rel="next">
          {t('next')}
        </a>
      )}
    </nav>
  );
}
