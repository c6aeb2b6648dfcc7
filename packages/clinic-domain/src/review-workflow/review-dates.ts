import { nextReviewDue, reviewDueState, toIsoDate, DUE_SOON_WINDOW_DAYS } from '../review-schedule/review-schedule';
import { currentTextApprovedSince, isReconfirmation, type ReviewLogEntry } from './review-state';

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

/**
 * When a translation was last approved as a translation: its latest approval that was not a
 * re-confirmation. Re-confirming says the text is still medically right, not that it still
 * follows the default-locale text, so it never clears the out-of-date flag; submitting the
 * translation and having it approved does.
 */
export function translationLastApprovedAt(localeEntries: readonly ReviewLogEntry[]): string | null {
  for (let i = localeEntries.length - 1; i >= 0; i--) {
    if (localeEntries[i]!.decision === 'approved' && !isReconfirmation(localeEntries, i)) return localeEntries[i]!.at;
  }
  return null;
}

/**
 * Whether a locale's text may lag behind the default locale, from both review logs: the default
 * text counts from its first approval (its re-confirmations change nothing to follow), the
 * translation from its latest approval that was not a re-confirmation.
 */
export function translationOutOfDateFromLogs(input: { locale: string; defaultLocale: string; defaultEntries: readonly ReviewLogEntry[]; localeEntries: readonly ReviewLogEntry[] }): boolean {
  return translationMayBeOutOfDate({
    locale: input.locale,
    defaultLocale: input.defaultLocale,
    defaultLocaleLastApprovedAt: currentTextApprovedSince(input.defaultEntries),
    localeLastApprovedAt: translationLastApprovedAt(input.localeEntries),
  });
}
