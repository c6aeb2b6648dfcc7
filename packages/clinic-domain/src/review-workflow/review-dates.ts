import { nextReviewDue, reviewDueState, toIsoDate, DUE_SOON_WINDOW_DAYS } from '../review-schedule/review-schedule';
import type { ReviewLogEntry } from './review-state';

/**
 * The byline a published page carries comes from the approval, not from the clock at
 * publish: a page approved on Monday and published on Friday was reviewed on Monday.
 */
export function bylineFromApproval(approval: Pick<ReviewLogEntry, 'at' | 'providerDocumentId' | 'reviewer'>, intervalMonths: number) {
  const lastReviewedOn = toIsoDate(new Date(approval.at));
  return {
    reviewedBy: approval.providerDocumentId ?? null,
    // The reviewer as the approval recorded them: a later edit of the bio never rewrites a byline.
    reviewedByName: approval.reviewer?.fullName ?? null,
    reviewedByCredentials: approval.reviewer?.credentials ?? null,
    reviewedBySpecialty: approval.reviewer?.specialty ?? null,
    lastReviewedOn,
    nextReviewDue: nextReviewDue(lastReviewedOn, intervalMonths),
  };
}

/** A document's own interval wins over the clinic's default. */
export function reviewIntervalMonths(documentInterval: number | null | undefined, clinicDefault: number | null | undefined): number {
  return documentInterval ?? clinicDefault ?? 12;
}

export interface DueItem {
  nextReviewDue: string | null;
}

/**
 * The last due date the reviews-due page lists (today plus the window): the database is asked
 * only for pages due by then, not for every published page.
 */
export function reviewsDueThrough(today: string, windowDays = DUE_SOON_WINDOW_DAYS): string {
  return toIsoDate(new Date(Date.parse(`${today}T00:00:00.000Z`) + windowDays * 86_400_000));
}

/** What the reviews-due page lists: overdue or due within the window, soonest first. */
export function reviewsDue<T extends DueItem>(items: readonly T[], today: string, windowDays = DUE_SOON_WINDOW_DAYS) {
  return items
    .map((item) => ({ ...item, dueState: reviewDueState(item.nextReviewDue, today, windowDays) }))
    .filter((item) => item.dueState === 'overdue' || item.dueState === 'due-soon')
    .sort((a, b) => (a.nextReviewDue! < b.nextReviewDue! ? -1 : a.nextReviewDue! > b.nextReviewDue! ? 1 : 0));
}

/**
 * A translation may be out of date when the default-locale text has an approval newer
 * than the translation's own latest approval. It stays flagged until it is approved again.
 */
export function translationMayBeOutOfDate(input: {
  locale: string;
  defaultLocale: string;
  defaultLocaleLastApprovedAt?: string | null;
  localeLastApprovedAt?: string | null;
}): boolean {
  if (input.locale === input.defaultLocale || !input.defaultLocaleLastApprovedAt) return false;
  if (!input.localeLastApprovedAt) return true;
  return Date.parse(input.localeLastApprovedAt) < Date.parse(input.defaultLocaleLastApprovedAt);
}
