import { getLocale, getTranslations } from 'next-intl/server';
import { paths } from '@/lib/seo/alternates';

export default async function NotFound() {
  const t = await getTranslations('NotFound');
  const locale = await getLocale();
  return (
    <>
      {/* React hoists this into <head>: a 404 has a title too. */}
      <title>{t('title')}</title>
      <meta name="robots" content="noindex" />
      <h1>{t('title')}</h1>
      <p>{t('body')}</p>
      <p>
        <a href={paths.home(locale)}>{t('home')}</a>
      </p>
    </>
  );
}
