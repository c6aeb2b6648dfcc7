import { getTranslations } from 'next-intl/server';
import type { Clinic } from '@/lib/cms';
import { paths } from '@/lib/seo/alternates';

/**
 * At the foot of every page: free language help, said in the page's language, and the name
 * of every language it is offered in (each in that language, marked with its lang and dir),
 * linking to the full notice.
 */
export async function LanguageAssistanceNotice({ locale, clinic }: { locale: string; clinic: Clinic | null }) {
  if (!clinic?.languageAssistance.length) return null;
  const t = await getTranslations('LanguageAssistance');
  const page = paths.languageAssistance(locale);
  return (
    <section className="language-assistance-notice" aria-labelledby="language-assistance-notice-title" data-testid="language-assistance-notice">
      <h2 id="language-assistance-notice-title">{t('title')}</h2>
      <p>
        {t('summary', { phone: clinic.phone })} <a href={page}>{t('allLanguages', { count: clinic.languageAssistance.length })}</a>
      </p>
      <ul className="language-assistance-languages">
        {clinic.languageAssistance.map((tagline) => (
          <li key={tagline.language} lang={tagline.language} dir={tagline.direction}>
            <a href={`${page}#tagline-${tagline.language}`} hrefLang={tagline.language}>
              {tagline.languageName}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
