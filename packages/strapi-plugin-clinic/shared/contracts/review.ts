/**
 * The review admin API's requests and responses, one namespace per endpoint. Imported by the
 * admin panel and the server alike, so plain types and constants only: no zod, no Strapi.
 * The server parses requests with zod schemas typed against these (server/src/review/admin-api/request-schemas.ts).
 */

/** The reviewable content types, by the short name the routes use (`/reviews/:type/:documentId`). */
export const REVIEWABLE = { procedure: 'plugin::clinic.procedure', faq: 'plugin::clinic.faq', provider: 'plugin::clinic.provider' } as const;
export type ReviewableType = keyof typeof REVIEWABLE;

export type ReviewStatusName = 'not_submitted' | 'awaiting_review' | 'approved' | 'changed_since_approval' | 'approval_superseded' | 'rejected';
export type ReviewDecision = 'submitted' | 'approved' | 'rejected' | 'unpublished' | 'deleted' | 'discarded';

/** One entry of the append-only review log, as the admin sees it. */
export interface ReviewEntryView {
  decision: ReviewDecision;
  actorName: string;
  at: string;
  comment: string | null;
  revisionHash: string;
  /** An approval that re-confirmed unchanged text (no submission before it). */
  reconfirmation?: boolean;
}

export interface ReviewStatusView {
  contentType: string;
  documentId: string;
  locale: string;
  revisionHash: string;
  status: ReviewStatusName;
  entry: ReviewEntryView | null;
  lastApproval: ReviewEntryView | null;
  /** `approval_superseded`: the later decision that replaced this text's approval. */
  supersededBy: ReviewEntryView | null;
  /** This exact text's last decision, when it was a rejection: approving over it needs a comment. */
  standingRejection: ReviewEntryView | null;
  /** The live version's review dates (null when nothing is live). */
  schedule: { lastReviewedOn: string | null; nextReviewDue: string | null; dueState: DueState | 'current' | 'never-reviewed' } | null;
  translationOutOfDate: boolean;
  medical: boolean;
  /** Whether this locale has a published version patients can read. */
  live: boolean;
  history: ReviewEntryView[];
  diffSinceLastApproval: Array<{ kind: 'added' | 'removed'; text: string }>;
  can: { submit: boolean; decide: boolean; reconfirm: boolean };
}

export interface QueueItemView {
  contentType: string;
  documentId: string;
  locale: string;
  title: string;
  submittedBy: string;
  submittedAt: string;
  revisionHash: string;
  /** Each text section's reading level against the clinic's target (a hint). */
  readingLevels: import('./reading-level').PageReadingLevelsView | null;
}

export interface DueItemView {
  contentType: string;
  documentId: string;
  locale: string;
  title: string;
  lastReviewedOn: string | null;
  nextReviewDue: string;
  physician: string | null;
  dueState: DueState;
  /** The draft's revision, sent back to re-confirm it. */
  revisionHash: string | null;
  /** Approved and unchanged: a physician can re-confirm it in one step. */
  reconfirmable: boolean;
}

export type DueState = 'overdue' | 'due-soon';

/** Every refusal (400, 403, 404, 409) has this body; `message` says what is wrong and what to do. */
export interface ErrorResponse {
  data: null;
  error: { status: number; name: string; message: string; details: Record<string, unknown> };
}

/** Path parameters shared by the per-document endpoints. */
export interface TargetParams {
  type: ReviewableType;
  documentId: string;
}

/** GET /clinic/reviews/:type/:documentId?locale= */
export declare namespace GetReviewStatus {
  interface Request {
    params: TargetParams;
    query: { locale: string };
  }
  interface Response {
    data: ReviewStatusView;
  }
}

/** POST /clinic/reviews/:type/:documentId/submit */
export declare namespace SubmitForReview {
  interface Request {
    params: TargetParams;
    body: { locale: string };
  }
  interface Response {
    data: ReviewEntryView;
  }
}

/** POST /clinic/reviews/:type/:documentId/approve: `revisionHash` is the revision the physician read. */
export declare namespace ApproveRevision {
  interface Request {
    params: TargetParams;
    body: { locale: string; revisionHash: string; comment?: string | null };
  }
  interface Response {
    data: ReviewEntryView;
  }
}

/**
 * POST /clinic/reviews/:type/:documentId/reconfirm: a physician re-confirms approved, unchanged
 * text in one step (a new approval of the same revision; a live page is published again with
 * the new review dates).
 */
export declare namespace ReconfirmApproval {
  interface Request {
    params: TargetParams;
    body: { locale: string; revisionHash: string; comment?: string | null };
  }
  interface Response {
    data: ReviewEntryView & { republished: boolean };
  }
}

/** POST /clinic/reviews/:type/:documentId/reject: a comment is required. */
export declare namespace RejectRevision {
  interface Request {
    params: TargetParams;
    body: { locale: string; revisionHash: string; comment: string };
  }
  interface Response {
    data: ReviewEntryView;
  }
}

/** POST /clinic/reviews/:type/:documentId/unpublish: a physician takes a page down, saying why. */
export declare namespace UnpublishPage {
  interface Request {
    params: TargetParams;
    body: { locale: string; reason: string };
  }
  interface Response {
    data: { documentId: string; locale: string; unpublished: true };
  }
}

/** The review queue's page sizes: the default, and the largest a request may ask for. */
export const REVIEW_QUEUE_PAGE_SIZE = { default: 25, max: 100 } as const;

/**
 * GET /clinic/review-queue?page=&pageSize=: one page of the submitted revisions, oldest first
 * (page from 1, pageSize 1 to 100; anything else is a 400). `total` counts the versions whose
 * latest decision is a submission; a page leaves out any edited since, so it may be shorter.
 */
export declare namespace GetReviewQueue {
  interface Request {
    query: { page?: string; pageSize?: string };
  }
  interface Response {
    data: QueueItemView[];
    meta: { pagination: { page: number; pageSize: number; pageCount: number; total: number } };
  }
}

/** GET /clinic/reviews-due: approved pages overdue or due within 30 days. */
export declare namespace GetReviewsDue {
  interface Response {
    data: DueItemView[];
  }
}
