import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The review fields (reviewed by, reviewed on, next due, drift flag) are written only by the
 * approval workflow. Its own writes run inside `asWorkflow`; every other write has those
 * fields removed before it reaches the database (see review-fields-middleware.ts).
 */
const storage = new AsyncLocalStorage<true>();

export const asWorkflow = <T>(work: () => Promise<T>): Promise<T> => storage.run(true, work);
export const isWorkflowWrite = (): boolean => storage.getStore() === true;

export const REVIEW_FIELDS = ['reviewedBy', 'reviewedByName', 'reviewedByCredentials', 'reviewedBySpecialty', 'lastReviewedOn', 'nextReviewDue', 'translationOutOfDate'] as const;

/** Why a physician takes a medical page down, carried to the gate that logs it. */
const reasons = new AsyncLocalStorage<string>();

export const withLiveChangeReason = <T>(reason: string, work: () => Promise<T>): Promise<T> => reasons.run(reason, work);
export const liveChangeReason = (): string | undefined => reasons.getStore();
