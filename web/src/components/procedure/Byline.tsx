import { getFormatter, getTranslations } from 'next-intl/server';
import type { Byline as BylineData } from '@/lib/cms';
import { paths } from '@/lib/seo/alternates';

/** "Medically reviewed by Thomas Stauss, MD · 25 April 2026", from the approval fields only. */
export async function Byline({ byline, locale }: { byline: BylineData | null; locale: string }) {
  const t = await getTranslations('Procedure');
  const format = await getFormatter();
  if (!byline) return <p className="byline">{t('notReviewed')}</p>;
  const date = format.dateTime(new Date(`${byline.reviewedOn}T00:00:00Z`), { dateStyle: 'long', timeZone: 'UTC' });
  const slug = byline.reviewerSlug;
  return (
    <p className="byline" data-testid="byline">
      {t.rich('reviewedBy', {
        name: byline.reviewerName,
        date,
        reviewer: (chunks) => (slug ? <a href={paths.provider(locale, slug)}>{chunks}</a> : chunks),
      })}
    </p>
  );
}
