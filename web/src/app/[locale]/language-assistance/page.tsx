import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getSiteChrome } from '@/lib/cms';
import { inEveryLocale, openPage } from '@/lib/localized-page';
import { paths } from '@/lib/seo/alternates';
import { LanguageSwitcher } from '@/components/layout/LanguageSwitcher';
import { TaglineText } from '@/components/language-assistance/TaglineText';

type Params = { params: Promise<{ locale: string }> };

const open = async (params: Params['params']) => {
  const page = await openPage(params, inEveryLocale(paths.languageAssistance));
  // A locale the CMS does not have is a missing page.
  if (!('languages' in page)) notFound();
  return page;
};

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { locale, languages } = await open(params);
  const t = await getTranslations({ locale, namespace: 'LanguageAssistance' });
  return { title: t('title'), description: t('description'), alternates: languages.alternates };
}

/**
 * The full language assistance notice (US: Section 1557, 45 CFR 92.11): free help, said in
 * the page's language, then every tagline in its own language, each marked with its lang and
 * dir so that screen readers speak it in that language and right-to-left scripts read right.
 */
export default async function LanguageAssistancePage({ params }: Params) {
  const { locale, languages } = await open(params);
  const [t, { clinic }] = await Promise.all([getTranslations('LanguageAssistance'), getSiteChrome(locale)]);
  if (!clinic?.languageAssistance.length) notFound();
  return (
    <>
      <LanguageSwitcher current={locale} links={languages.links} />
      <h1>{t('title')}</h1>
      <p className="lead">
        <TaglineText text={t('intro', { phone: '{phone}' })} phone={clinic.phone} />
      </p>
      <ul className="taglines" data-testid="taglines">
        {clinic.languageAssistance.map((tagline) => (
          <li key={tagline.language} id={`tagline-${tagline.language}`} lang={tagline.language} dir={tagline.direction} className="tagline">
            <h2>{tagline.languageName}</h2>
            <p>
              <TaglineText text={tagline.text} phone={clinic.phone} />
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
