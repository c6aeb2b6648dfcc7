import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getProcedureList, getSiteChrome } from '@/lib/cms';
import { inEveryLocale, missingPageMetadata, openPage } from '@/lib/localized-page';
import { paths } from '@/lib/seo/alternates';
import { PageNotFound } from '@/components/errors/PageNotFound';
import { LanguageSwitcher } from '@/components/layout/LanguageSwitcher';

type Params = { params: Promise<{ locale: string }> };

const open = (params: Params['params']) => openPage(params, inEveryLocale(paths.procedures));

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const page = await open(params);
  if (!page.found) return missingPageMetadata(page);
  const { locale, languages } = page;
  const [t, { clinic }] = await Promise.all([getTranslations({ locale, namespace: 'Procedures' }), getSiteChrome(locale)]);
  return { title: t('title'), description: t('description', { clinic: clinic?.name ?? '' }), alternates: languages.alternates };
}

export default async function ProceduresPage({ params }: Params) {
  const page = await open(params);
  if (!page.found) return <PageNotFound locale={page.locale} />;
  const { locale, languages } = page;
  const [t, procedures] = await Promise.all([getTranslations('Procedures'), getProcedureList(locale)]);
  return (
    <>
      <LanguageSwitcher current={locale} links={languages.links} />
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
