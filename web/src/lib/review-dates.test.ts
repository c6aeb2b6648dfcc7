import { reviewDates } from './review-dates';

const byline = { reviewerName: 'Thomas Stauss, MD', reviewerSlug: 'thomas-stauss', reviewedOn: '2025-11-03', nextReviewDue: '2026-11-03' };

describe('review dates on a patient page', () => {
  it('come from the approval: last reviewed and next review due', () => {
    expect(reviewDates(byline, { showOverdueReviewNotice: false }, '2026-05-01')).toEqual({ lastReviewed: '2025-11-03', nextReviewDue: '2026-11-03', overdueNotice: false });
  });

  it('carry the overdue notice only past the due date and only when the clinic turns it on', () => {
    expect(reviewDates(byline, { showOverdueReviewNotice: true }, '2026-11-04')?.overdueNotice).toBe(true);
    expect(reviewDates(byline, { showOverdueReviewNotice: true }, '2026-11-03')?.overdueNotice).toBe(false);
    expect(reviewDates(byline, { showOverdueReviewNotice: false }, '2026-11-04')?.overdueNotice).toBe(false);
    expect(reviewDates(byline, null, '2026-11-04')?.overdueNotice).toBe(false);
  });

  it('are absent from a page with no approval, and a missing due date is never overdue', () => {
    expect(reviewDates(null, { showOverdueReviewNotice: true }, '2026-11-04')).toBeNull();
    expect(reviewDates({ ...byline, nextReviewDue: null }, { showOverdueReviewNotice: true }, '2030-01-01')).toMatchObject({ nextReviewDue: null, overdueNotice: false });
  });
});
