import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { getProcedureList, getSiteChrome } from '@/lib/cms';
import { resolveLocale } from '@/lib/i18n-locale';
import { everyLocalePage } from '@/lib/page-languages';
import { paths } from '@/lib/seo/alternates';
import { LanguageSwitcher } from '@/components/layout/LanguageSwitcher';

type Params = { params: Promise<{ locale: string }> };

const languages = (locale: string) => everyLocalePage(locale, paths.procedures);

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { locale, valid } = await resolveLocale((await params).locale);
  if (!valid) return {};
  const t = await getTranslations({ locale, namespace: 'Procedures' });
  const { clinic } = await getSiteChrome(locale);
  return { title: t('title'), description: t('description', { clinic: clinic?.name ?? '' }), alternates: (await languages(locale)).alternates };
}

export default async function ProceduresPage({ params }: Params) {
  const { locale, valid } = await resolveLocale((await params).locale);
  if (!valid) notFound();
  setRequestLocale(locale);
  const [t, procedures, { links }] = await Promise.all([getTranslations('Procedures'), getProcedureList(locale), languages(locale)]);
  return (
    <>
      <LanguageSwitcher current={locale} links={links} />
      <h1>{t('title')}</h1>
      <ul className="cards">
        {procedures.map((p) => (
          <li key={p.documentId}>
            <h2>
              <a href={paths.procedure(locale, p.slug)}>{p.title}</a>
            </h2>
            {p.otherNames.length > 0 && <p>{t('alsoKnownAs', { names: p.otherNames.join(', ') })}</p>}
            <p>{p.summary}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
