/**
 * The daily review reminder: who is told what. Physicians hear of the pages they signed whose
 * review is overdue or due soon, and of revisions waiting for a physician; editors hear of
 * their submissions a physician rejected (with the physician's comment). Someone with nothing
 * to do gets no message.
 */
import { reviewsDue } from '../review-workflow/review-dates';
import type { ReviewDueState } from '../review-schedule/review-schedule';

export interface DigestAccount {
  id: string;
  email: string;
  name: string;
  /** The account's admin interface language, when it chose one. */
  language: string | null;
}

export interface DigestPhysician extends DigestAccount {
  /** The provider (bio) this account signs as; null when a super admin has not linked one. */
  providerDocumentId: string | null;
}

export interface DigestPageRef {
  contentType: string;
  documentId: string;
  locale: string;
  title: string;
}

export interface DuePage extends DigestPageRef {
  nextReviewDue: string | null;
  /** The provider who signed the live version. */
  reviewerProviderDocumentId: string | null;
}

export interface WaitingRevision extends DigestPageRef {
  submittedBy: string;
  submittedAt: string;
}

export interface StandingRejection extends DigestPageRef {
  /** The account that submitted the rejected revision. */
  submitterId: string;
  physicianName: string;
  comment: string | null;
  rejectedAt: string;
}

export interface DigestLogEntry {
  contentType: string;
  documentId: string;
  locale: string;
  decision: string;
  actorId: string;
  actorName: string;
  at: string;
  comment: string | null;
}

export type ReviewDigest =
  | { role: 'physician'; recipient: DigestAccount; language: string; due: Array<DuePage & { dueState: Extract<ReviewDueState, 'overdue' | 'due-soon'> }>; waiting: WaitingRevision[] }
  | { role: 'editor'; recipient: DigestAccount; language: string; rejected: StandingRejection[] };

const PROVIDER = 'plugin::clinic.provider';
const targetKey = (e: { contentType: string; documentId: string; locale: string }) => `${e.contentType}|${e.documentId}|${e.locale}`;

/**
 * Rejections that still stand: the latest decision on a locale is a rejection, with the
 * account that submitted what was rejected (the last submission before it). Log in append order.
 */
export function standingRejections(entries: readonly DigestLogEntry[]): Array<Omit<StandingRejection, 'title'>> {
  const byTarget = new Map<string, DigestLogEntry[]>();
  for (const entry of entries) byTarget.set(targetKey(entry), [...(byTarget.get(targetKey(entry)) ?? []), entry]);
  const standing: Array<Omit<StandingRejection, 'title'>> = [];
  for (const history of byTarget.values()) {
    const last = history.at(-1)!;
    if (last.decision !== 'rejected') continue;
    const submission = history.filter((e) => e.decision === 'submitted').at(-1);
    if (!submission) continue;
    standing.push({ contentType: last.contentType, documentId: last.documentId, locale: last.locale, submitterId: submission.actorId, physicianName: last.actorName, comment: last.comment, rejectedAt: last.at });
  }
  return standing.sort((a, b) => a.rejectedAt.localeCompare(b.rejectedAt));
}

/** The recipient's admin language when the digest speaks it, else the clinic's default, else the first supported. */
export function digestLanguage(accountLanguage: string | null, clinicDefault: string, supported: readonly string[]): string {
  const language = (code: string | null) => (code ? code.toLowerCase().split(/[-_]/)[0]! : '');
  return [language(accountLanguage), language(clinicDefault)].find((code) => supported.includes(code)) ?? supported[0]!;
}

export interface DigestInput {
  today: string;
  physicians: readonly DigestPhysician[];
  editors: readonly DigestAccount[];
  duePages: readonly DuePage[];
  waiting: readonly WaitingRevision[];
  rejections: readonly StandingRejection[];
  /** The clinic's rule: may a physician approve another physician's bio? */
  allowPeerBioApproval: boolean;
  clinicLanguage: string;
  languages: readonly string[];
}

export function buildReviewDigests(input: DigestInput): ReviewDigest[] {
  const due = reviewsDue(input.duePages, input.today) as Array<DuePage & { dueState: 'overdue' | 'due-soon' }>;
  const signers = new Set(input.physicians.map((p) => p.providerDocumentId).filter(Boolean));
  const language = (account: DigestAccount) => digestLanguage(account.language, input.clinicLanguage, input.languages);
  const digests: ReviewDigest[] = [];

  for (const physician of input.physicians) {
    // A page whose signer has no account here would be nobody's: every physician hears of it.
    const theirs = due.filter((page) => (page.reviewerProviderDocumentId && signers.has(page.reviewerProviderDocumentId) ? page.reviewerProviderDocumentId === physician.providerDocumentId : true));
    // Without peer approval a bio waits for the physician it describes only.
    const waiting = input.waiting.filter((revision) => input.allowPeerBioApproval || revision.contentType !== PROVIDER || revision.documentId === physician.providerDocumentId);
    if (theirs.length || waiting.length) digests.push({ role: 'physician', recipient: physician, language: language(physician), due: theirs, waiting: [...waiting] });
  }
  for (const editor of input.editors) {
    const rejected = input.rejections.filter((rejection) => rejection.submitterId === editor.id);
    if (rejected.length) digests.push({ role: 'editor', recipient: editor, language: language(editor), rejected });
  }
  return digests;
}

/** One digest per recipient per day: the key under which a sent digest is recorded. */
export const digestDeliveryKey = (day: string, recipientId: string) => `${day}|${recipientId}`;

/** The calendar day (YYYY-MM-DD) an instant falls on in a time zone: the clinic's "today". */
export function calendarDayIn(instant: Date, timeZone: string): string {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}
