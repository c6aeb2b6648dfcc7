/**
 * When a medical review falls due. Dates are calendar dates (YYYY-MM-DD) in UTC:
 * a review is signed on a day, not at an instant, and the byline prints that day.
 * Calendar arithmetic is date-fns's, on UTC dates (@date-fns/utc), whatever the server's time zone.
 */
import { UTCDate } from '@date-fns/utc';
import { addMonths as addCalendarMonths, differenceInCalendarDays } from 'date-fns';

export type ReviewDueState = 'overdue' | 'due-soon' | 'current' | 'never-reviewed';

export const DUE_SOON_WINDOW_DAYS = 30;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseIsoDate(value: string): Date {
  const match = ISO_DATE.exec(value);
  if (!match) throw new RangeError(`"${value}" is not a calendar date (YYYY-MM-DD)`);
  const [, y, m, d] = match;
  const date = new UTCDate(Number(y), Number(m) - 1, Number(d));
  if (toIsoDate(date) !== value) throw new RangeError(`"${value}" is not a real calendar date`);
  return date;
}

export function toIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * Adds whole months, clamping to the last day of the target month so that a review
 * signed on 31 January with a one-month interval is due on 28/29 February, not in March.
 */
export function addMonths(isoDate: string, months: number): string {
  if (!Number.isInteger(months) || months < 1) {
    throw new RangeError(`A review interval must be a whole number of months (got ${months})`);
  }
  // date-fns clamps to the target month's last day, as a review schedule wants.
  return toIsoDate(addCalendarMonths(parseIsoDate(isoDate), months));
}

export function nextReviewDue(lastReviewedOn: string, intervalMonths: number): string {
  return addMonths(lastReviewedOn, intervalMonths);
}

export function reviewDueState(
  nextReviewDueOn: string | null | undefined,
  today: string,
  windowDays = DUE_SOON_WINDOW_DAYS,
): ReviewDueState {
  if (!nextReviewDueOn) return 'never-reviewed';
  const daysLeft = differenceInCalendarDays(parseIsoDate(nextReviewDueOn), parseIsoDate(today));
  if (daysLeft < 0) return 'overdue';
  return daysLeft <= windowDays ? 'due-soon' : 'current';
}

/**
 * Whether a live page tells patients that its review is overdue: only once the due date has
 * passed, and only when the clinic chooses to say so (the page stays live either way).
 */
export function showsOverdueReviewNotice(input: { nextReviewDue: string | null | undefined; today: string; clinicShowsNotice: boolean }): boolean {
  return input.clinicShowsNotice && reviewDueState(input.nextReviewDue, input.today) === 'overdue';
}
