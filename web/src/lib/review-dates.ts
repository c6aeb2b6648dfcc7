import { showsOverdueReviewNotice, toIsoDate } from 'clinic-domain';
import type { Byline, Clinic } from './cms/types';

export interface ReviewDates {
  /** YYYY-MM-DD, from the approval. */
  lastReviewed: string;
  nextReviewDue: string | null;
  /** Past its next review date, and the clinic tells patients so (the page stays live either way). */
  overdueNotice: boolean;
}

/**
 * What a page says about its medical review: the dates from the approval, and whether it
 * carries the overdue notice. `today` is a UTC calendar date; pages are re-rendered at least
 * hourly, so the notice appears within an hour of the due date passing.
 */
export function reviewDates(byline: Byline | null, clinic: Pick<Clinic, 'showOverdueReviewNotice'> | null, today: string = toIsoDate(new Date())): ReviewDates | null {
  if (!byline) return null;
  return {
    lastReviewed: byline.reviewedOn,
    nextReviewDue: byline.nextReviewDue,
    overdueNotice: showsOverdueReviewNotice({ nextReviewDue: byline.nextReviewDue, today, clinicShowsNotice: Boolean(clinic?.showOverdueReviewNotice) }),
  };
}
