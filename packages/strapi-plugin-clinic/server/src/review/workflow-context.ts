import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The review fields (reviewed by, reviewed on, next due, drift flag) are written only by the
 * approval workflow. Its own writes run inside `asWorkflow`; every other write has those
 * fields removed before it reaches the database (see review-fields-middleware.ts).
 */
const storage = new AsyncLocalStorage<true>();

export const asWorkflow = <T>(work: () => Promise<T>): Promise<T> => storage.run(true, work);
export const isWorkflowWrite = (): boolean => storage.getStore() === true;

export const REVIEW_FIELDS = ['reviewedBy', 'lastReviewedOn', 'nextReviewDue', 'translationOutOfDate'] as const;
