import { getTranslations } from 'next-intl/server';
import type { ProviderSummary } from '@/lib/cms';
import { paths } from '@/lib/seo/alternates';

export async function ProviderList({ providers, locale }: { providers: ProviderSummary[]; locale: string }) {
  const t = await getTranslations('Provider');
  return (
    <ul className="cards">
      {providers.map((p) => (
        <li key={p.documentId}>
          <a href={paths.provider(locale, p.slug)}>{p.displayName}</a>
          {p.specialty && <div>{p.specialty}</div>}
          <div>{p.acceptingNewPatients ? t('accepting') : t('notAccepting')}</div>
        </li>
      ))}
    </ul>
  );
}
