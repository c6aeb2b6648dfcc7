import { getFormatter, getTranslations } from 'next-intl/server';
import { getSiteChrome, type Byline as BylineData } from '@/lib/cms';
import { reviewDates } from '@/lib/review-dates';
import { paths } from '@/lib/seo/alternates';

/**
 * "Medically reviewed by Thomas Stauss, MD · 25 April 2026", then when it was last reviewed and
 * when the next review is due, from the approval fields only; past that date, and when the
 * clinic chooses to say so, a notice that the review is overdue (the page stays live).
 */
export async function Byline({ byline, locale }: { byline: BylineData | null; locale: string }) {
  const t = await getTranslations('Procedure');
  const format = await getFormatter();
  if (!byline) return <p className="byline">{t('notReviewed')}</p>;
  const [review, { clinic }] = await Promise.all([getTranslations('ReviewDates'), getSiteChrome(locale)]);
  const day = (isoDate: string) => format.dateTime(new Date(`${isoDate}T00:00:00Z`), { dateStyle: 'long', timeZone: 'UTC' });
  const dates = reviewDates(byline, clinic)!;
  const slug = byline.reviewerSlug;
  return (
    <>
      <p className="byline" data-testid="byline">
        {t.rich('reviewedBy', {
          name: byline.reviewerName,
          date: day(byline.reviewedOn),
          reviewer: (chunks) => (slug ? <a href={paths.provider(locale, slug)}>{chunks}</a> : chunks),
        })}
      </p>
      <p className="review-dates" data-testid="review-dates">
        {review('lastReviewed', { date: day(dates.lastReviewed) })}
        {dates.nextReviewDue && <> · {review('nextReviewDue', { date: day(dates.nextReviewDue) })}</>}
      </p>
      {dates.overdueNotice && dates.nextReviewDue && (
        <p className="notice" role="note" data-testid="review-overdue-notice">
          {review('overdueNotice', { date: day(dates.nextReviewDue) })}
        </p>
      )}
    </>
  );
}
