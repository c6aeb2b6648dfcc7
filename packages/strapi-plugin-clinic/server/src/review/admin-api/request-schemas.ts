import { z } from 'zod';
import {
  REVIEWABLE,
  REVIEW_QUEUE_PAGE_SIZE,
  type ApproveRevision,
  type GetReviewStatus,
  type ReconfirmApproval,
  type RejectRevision,
  type ReviewableType,
  type SubmitForReview,
  type TargetParams,
  type UnpublishPage,
} from '../../../../shared/contracts/review';

/**
 * The review admin API's requests, parsed at the controller's edge. Each schema is typed
 * against the shared contract, so the admin and the server cannot drift apart; zod stays on
 * the server (the admin bundle does not need it).
 */
const reviewableTypes = Object.keys(REVIEWABLE) as [ReviewableType, ...ReviewableType[]];
const locale = z.string().min(2, 'locale is required').max(20);
const revisionHash = z.string().regex(/^[0-9a-f]{64}$/, 'revisionHash must be the hash of the revision you reviewed');

export const targetParams: z.ZodType<TargetParams> = z.object({
  type: z.enum(reviewableTypes, { errorMap: () => ({ message: `type must be one of: ${reviewableTypes.join(', ')}` }) }),
  documentId: z.string().min(1).max(64),
});

export const statusQuery: z.ZodType<GetReviewStatus.Request['query']> = z.object({ locale });
export const submitBody: z.ZodType<SubmitForReview.Request['body']> = z.object({ locale });
export const approveBody: z.ZodType<ApproveRevision.Request['body']> = z.object({ locale, revisionHash, comment: z.string().max(2000).optional().nullable() });
export const reconfirmBody: z.ZodType<ReconfirmApproval.Request['body']> = z.object({ locale, revisionHash, comment: z.string().max(2000).optional().nullable() });
export const rejectBody: z.ZodType<RejectRevision.Request['body']> = z.object({ locale, revisionHash, comment: z.string().max(2000) });
export const unpublishBody: z.ZodType<UnpublishPage.Request['body']> = z.object({
  locale,
  reason: z.string().trim().min(1, 'reason is required: say why the page is taken off the site').max(2000),
});

/** A whole number written plainly (no sign, fraction, exponent or leading zero) within bounds. */
const wholeNumber = (name: string, max: number) =>
  z
    .string({ invalid_type_error: `${name} must be given once` })
    .regex(/^[1-9][0-9]{0,8}$/, `${name} must be a whole number from 1 to ${max}`)
    .transform(Number)
    .refine((n) => n <= max, `${name} must be a whole number from 1 to ${max}`);

/** The queue's paging; any other parameter is refused (so a typo is not silently ignored). */
export const queueQuery = z
  .object({
    page: wholeNumber('page', 1_000_000).default('1'),
    pageSize: wholeNumber('pageSize', REVIEW_QUEUE_PAGE_SIZE.max).default(String(REVIEW_QUEUE_PAGE_SIZE.default)),
  })
  .strict();
