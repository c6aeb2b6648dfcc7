import type { Core } from '@strapi/strapi';
import type { ReviewLogEntry, RevisionValue } from 'clinic-domain';
import { clinicRepository, REVIEW_ENTRY_UID } from '../repository/clinic-repository';

export { REVIEW_ENTRY_UID };

export interface StoredReviewEntry extends ReviewLogEntry {
  id: number;
  contentType: string;
  reviewedDocumentId: string;
  locale: string;
  revision?: RevisionValue;
}

export class ReviewConflictError extends Error {}

const WITHOUT_REVISION = ['id', 'contentType', 'reviewedDocumentId', 'locale', 'decision', 'revisionHash', 'actorId', 'actorName', 'decidedAt', 'comment', 'providerDocumentId', 'reviewer'];

const toDomain = (row: any): StoredReviewEntry => ({
  id: row.id,
  contentType: row.contentType,
  reviewedDocumentId: row.reviewedDocumentId,
  locale: row.locale,
  decision: row.decision,
  revisionHash: row.revisionHash,
  actorId: row.actorId,
  actorName: row.actorName,
  at: new Date(row.decidedAt).toISOString(),
  comment: row.comment ?? null,
  providerDocumentId: row.providerDocumentId ?? null,
  reviewer: row.reviewer ?? null,
  revision: row.revision ?? undefined,
});

/**
 * The append-only review log. Appends are optimistic: each names the last entry its author
 * saw (the sequence key), and a unique index lets only one of two concurrent decisions on
 * the same state through; the other gets a conflict instead of a second, contradictory entry.
 */
export function reviewLog(strapi: Core.Strapi) {
  const repository = clinicRepository(strapi);

  return {
    /** The log's indexes, and its heads (each version's latest entry, which the queue pages through). */
    async ensureSequenceIndex(): Promise<void> {
      await repository.ensureReviewLogSequenceIndex();
      await repository.ensureReviewHeads();
    },

    async entriesFor(contentType: string, documentId: string, locale?: string): Promise<StoredReviewEntry[]> {
      const rows = await repository.reviewLogRows({ contentType, reviewedDocumentId: documentId, ...(locale ? { locale } : {}) });
      return rows.map(toDomain);
    },

    /** Every entry without the revisions they carry. */
    async allEntries(where: Record<string, unknown> = {}): Promise<StoredReviewEntry[]> {
      const rows = await repository.reviewLogRows(where, WITHOUT_REVISION);
      return rows.map(toDomain);
    },

    /** Latest entries that are submissions, oldest first: a page of them (all when `limit` is null), and how many there are. */
    async latestSubmissions(page: { offset: number; limit: number | null }): Promise<{ entries: StoredReviewEntry[]; total: number }> {
      const { rows, total } = await repository.latestSubmissions(WITHOUT_REVISION, page);
      return { entries: rows.map(toDomain), total };
    },

    async append(
      target: { contentType: string; documentId: string; locale: string },
      seenLastEntryId: number | null,
      entry: Omit<ReviewLogEntry, 'at'> & { revision?: RevisionValue },
      at: Date = new Date(),
    ): Promise<StoredReviewEntry> {
      const sequenceKey = `${target.contentType}|${target.documentId}|${target.locale}|after:${seenLastEntryId ?? 0}`;
      try {
        const row = await repository.appendReviewLogRow({
          contentType: target.contentType,
          reviewedDocumentId: target.documentId,
          locale: target.locale,
          revisionHash: entry.revisionHash,
          decision: entry.decision,
          comment: entry.comment ?? null,
          actorId: entry.actorId,
          actorName: entry.actorName,
          providerDocumentId: entry.providerDocumentId ?? null,
          reviewer: entry.reviewer ?? null,
          decidedAt: at,
          revision: entry.revision ?? null,
          sequenceKey,
        });
        return toDomain(row);
      } catch (error) {
        if (/unique|duplicate/i.test(String((error as Error)?.message))) {
          throw new ReviewConflictError('Someone else decided on this revision at the same moment. Reload to see the current state.');
        }
        throw error;
      }
    },
  };
}
