import { z } from 'zod';

/** Request shapes of the review admin API, parsed at the controller's edge. */
export const REVIEWABLE = { procedure: 'plugin::clinic.procedure', faq: 'plugin::clinic.faq', provider: 'plugin::clinic.provider' } as const;

const locale = z.string().min(2, 'locale is required').max(20);

export const targetParams = z.object({
  type: z.enum(Object.keys(REVIEWABLE) as [keyof typeof REVIEWABLE, ...Array<keyof typeof REVIEWABLE>], {
    errorMap: () => ({ message: `type must be one of: ${Object.keys(REVIEWABLE).join(', ')}` }),
  }),
  documentId: z.string().min(1).max(64),
});

export const statusQuery = z.object({ locale });
export const submitBody = z.object({ locale });
export const approveBody = z.object({ locale, revisionHash: z.string().regex(/^[0-9a-f]{64}$/, 'revisionHash must be the hash of the revision you reviewed'), comment: z.string().max(2000).optional().nullable() });
export const unpublishBody = z.object({ locale, reason: z.string().trim().min(1, 'reason is required: say why the page is taken off the site').max(2000) });
export const rejectBody = z.object({ locale, revisionHash: z.string().regex(/^[0-9a-f]{64}$/, 'revisionHash must be the hash of the revision you reviewed'), comment: z.string().max(2000) });

export type TargetParams = z.infer<typeof targetParams>;

/** Response shapes, shared with the admin panel (type-only imports). */
export type ReviewStatusName = 'not_submitted' | 'awaiting_review' | 'approved' | 'changed_since_approval' | 'rejected';
export interface ReviewEntryView {
  decision: 'submitted' | 'approved' | 'rejected' | 'unpublished' | 'deleted' | 'discarded';
  actorName: string;
  at: string;
  comment: string | null;
  revisionHash: string;
}
export interface ReviewStatusView {
  contentType: string;
  documentId: string;
  locale: string;
  revisionHash: string;
  status: ReviewStatusName;
  entry: ReviewEntryView | null;
  lastApproval: ReviewEntryView | null;
  translationOutOfDate: boolean;
  medical: boolean;
  /** Whether this locale has a published version patients can read. */
  live: boolean;
  history: ReviewEntryView[];
  diffSinceLastApproval: Array<{ kind: 'added' | 'removed'; text: string }>;
  can: { submit: boolean; decide: boolean };
}
export interface QueueItemView {
  contentType: string;
  documentId: string;
  locale: string;
  title: string;
  submittedBy: string;
  submittedAt: string;
  revisionHash: string;
}
export interface DueItemView {
  contentType: string;
  documentId: string;
  locale: string;
  title: string;
  lastReviewedOn: string | null;
  nextReviewDue: string;
  physician: string | null;
  dueState: 'overdue' | 'due-soon';
}
