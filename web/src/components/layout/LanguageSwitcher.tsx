import { getTranslations } from 'next-intl/server';
import { nativeLanguageName } from '@/lib/language-name';

export interface LanguageLink {
  locale: string;
  name: string;
  href: string;
}

/** Links to this same page in the other languages (each with its own localized slug). */
export async function LanguageSwitcher({ current, links }: { current: string; links: LanguageLink[] }) {
  const t = await getTranslations('Layout');
  const others = links.filter((l) => l.locale !== current);
  if (others.length === 0) return null;
  return (
    <nav aria-label={t('languages')} className="language-switcher">
      <ul>
        {others.map((link) => (
          <li key={link.locale}>
            <a href={link.href} hrefLang={link.locale} lang={link.locale}>
              {nativeLanguageName(link.locale, link.name)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
