import { getLocale, getTranslations } from 'next-intl/server';
import { NotFoundContent } from '@/components/errors/NotFoundContent';

/** The 404 the browser shows after hydration (the server HTML has the same body: see PageNotFound). */
export default async function NotFound() {
  const locale = await getLocale();
  const t = await getTranslations({ locale, namespace: 'errors' });
  return (
    <>
      {/* React hoists this into <head>: a 404 has a title too. */}
      <title>{t('notFoundTitle')}</title>
      <meta name="robots" content="noindex" />
      <NotFoundContent locale={locale} />
    </>
  );
}
