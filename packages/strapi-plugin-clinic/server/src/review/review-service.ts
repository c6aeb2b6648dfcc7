import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  approveRevision,
  liveChangeKeepsApproval,
  reconfirmApproval,
  type RevisionValue,
  bylineFromApproval,
  publishRefusal,
  rejectRevision,
  reviewIntervalMonths,
  reviewsDue,
  reviewsDueThrough,
  reviewState,
  submitForReview,
  toIsoDate,
  translationOutOfDateFromLogs,
  type Refusal,
  type Reviewer,
  type ReviewLogEntry,
  type ReviewState,
} from 'clinic-domain';
import { loadDraftRevision, loadRevision, revisionLinkTargets, UnsignableRevisionError, type Revision } from './revision-loader';
import { ReviewConflictError, reviewLog, type StoredReviewEntry } from './review-log';
import { asWorkflow, withLiveChangeReason } from './workflow-context';
import { PHYSICIAN_ROLE_CODE } from './roles';
import { medicalContentTypesOf, type ClinicPluginConfig } from '../config';
import { defaultLocaleCode } from '../locales/locales';
import { documentTitle } from './document-title';
import { clinicRepository } from '../repository/clinic-repository';
import { readingLevels } from './reading-levels';
import { REVIEWABLE } from '../../../shared/contracts/review';

/** Content types with review fields (medical or not: see the plugin's medicalContentTypes). */
export const REVIEWABLE_TYPES: string[] = Object.values(REVIEWABLE);

export interface Target {
  contentType: string;
  documentId: string;
  locale: string;
}

export interface AdminUser {
  id: number | string;
  email: string;
  firstname?: string | null;
  lastname?: string | null;
  roles?: Array<{ code: string }>;
}

/** The domain's refusal as the error Strapi answers with: 403, 409 (see ConflictError) or 400. */
const httpError = (refusal: Refusal) => {
  switch (refusal.kind) {
    case 'forbidden':
      return new errors.PolicyError(refusal.message);
    case 'conflict':
      return new ConflictError(refusal.message);
    case 'invalid':
      return new errors.ValidationError(refusal.message);
  }
};

/** 409: the request was valid but the revision's state has moved on (the admin API answers it). */
export class ConflictError extends Error {
  readonly status = 409;
  constructor(message: string) {
    super(message);
    this.name = 'ConflictError';
  }
}

/**
 * Thin orchestration of the approval workflow: load the revision and the log, let the pure
 * rules decide, append the decision. Everything that decides lives in clinic-domain.
 */
export function reviewService(strapi: Core.Strapi) {
  const log = reviewLog(strapi);
  const repository = clinicRepository(strapi);
  const config = () => strapi.config.get('plugin::clinic') as ClinicPluginConfig;
  const defaultLocale = () => defaultLocaleCode(strapi);

  async function revisionOf(target: Target): Promise<Revision> {
    if (!REVIEWABLE_TYPES.includes(target.contentType)) throw new errors.ValidationError(`${target.contentType} has no medical review.`);
    const revision = await loadDraftRevision(strapi, target.contentType, target.documentId, target.locale).catch((error) => {
      throw error instanceof UnsignableRevisionError ? new errors.ValidationError(error.message) : error;
    });
    if (!revision) throw new errors.NotFoundError(`No ${target.locale} draft of document ${target.documentId} exists.`);
    return revision;
  }

  /**
   * The physician an admin account speaks for: the provider whose reviewerAccountId a super
   * admin set to that account (never an email address, which users change themselves).
   * `locale` picks the bio whose specialty is recorded with an approval in that locale.
   */
  async function reviewerFor(user: AdminUser, locale?: string): Promise<Reviewer> {
    const provider = await repository.providerOfReviewerAccount(Number(user.id) || -1, locale);
    return {
      id: String(user.id),
      name: [user.firstname, user.lastname].filter(Boolean).join(' ') || user.email,
      isPhysician: (user.roles ?? []).some((role) => role.code === PHYSICIAN_ROLE_CODE),
      providerDocumentId: provider?.documentId ?? null,
      snapshot: provider ? { fullName: provider.fullName, credentials: provider.credentials ?? null, specialty: provider.specialty ?? null } : null,
    };
  }

  async function clinicSettings() {
    const clinic = await repository.clinicSettings();
    return {
      allowSelfApproval: Boolean(clinic?.allowSelfApproval),
      allowPeerBioApproval: Boolean(clinic?.allowPeerBioApproval),
      defaultReviewIntervalMonths: clinic?.defaultReviewIntervalMonths ?? 12,
    };
  }

  async function append(target: Target, entries: StoredReviewEntry[], entry: Omit<ReviewLogEntry, 'at'>, revision: Revision, at?: Date) {
    try {
      return await log.append(target, entries.at(-1)?.id ?? null, { ...entry, revision: revision.content }, at);
    } catch (error) {
      if (error instanceof ReviewConflictError) throw new ConflictError(error.message);
      throw error;
    }
  }

  function expectHash(revision: Revision, presented: string | undefined) {
    if (presented && presented !== revision.hash) {
      throw new ConflictError('The text changed after you opened it: review the current revision before deciding.');
    }
  }

  /**
   * Flags translations whose own approval predates the default text's (see
   * translationOutOfDateFromLogs: re-confirmations, of either, never clear a flag).
   */
  async function refreshTranslationDrift(contentType: string, documentId: string) {
    const fallback = await defaultLocale();
    const entries = await log.entriesFor(contentType, documentId);
    const defaultEntries = entries.filter((e) => e.locale === fallback);
    for (const locale of await repository.localesOf(contentType, documentId, 'any')) {
      const outOfDate = translationOutOfDateFromLogs({ locale, defaultLocale: fallback, defaultEntries, localeEntries: entries.filter((e) => e.locale === locale) });
      await repository.setTranslationOutOfDate(contentType, documentId, locale, outOfDate);
    }
  }

  /**
   * The latest submissions still waiting, oldest first: each with its draft as it is now. A text
   * edited after submission (or a draft that is gone) is no longer the revision that was submitted.
   */
  async function stillWaiting(entries: StoredReviewEntry[]) {
    const waiting = [];
    for (const entry of entries) {
      if (entry.decision !== 'submitted') continue;
      const revision = await loadDraftRevision(strapi, entry.contentType, entry.reviewedDocumentId, entry.locale);
      if (revision && revision.hash === entry.revisionHash) waiting.push({ entry, revision });
    }
    return waiting.sort((a, b) => a.entry.at.localeCompare(b.entry.at));
  }

  /** What the queue shows of each waiting revision. */
  async function queueItems(waiting: Awaited<ReturnType<typeof stillWaiting>>) {
    const readingTarget = await readingLevels(strapi).target();
    const items = [];
    for (const { entry, revision } of waiting) {
      items.push({ contentType: entry.contentType, documentId: entry.reviewedDocumentId, locale: entry.locale, title: documentTitle(revision.entry), submittedBy: entry.actorName, submittedAt: entry.at, revisionHash: entry.revisionHash, readingLevels: await readingLevels(strapi).of(entry.contentType, revision.entry, entry.locale, readingTarget) });
    }
    return items;
  }

  return {
    isMedical: (uid: string) => medicalContentTypesOf(config()).includes(uid),

    async stateOf(target: Target): Promise<{ revision: Revision; state: ReviewState; entries: StoredReviewEntry[] }> {
      const revision = await revisionOf(target);
      const entries = await log.entriesFor(target.contentType, target.documentId, target.locale);
      return { revision, state: reviewState(entries, revision.hash), entries };
    },

    reviewerFor,

    /** `at` is only for importing reviews that happened elsewhere (the demo's history). */
    async submit(target: Target, user: AdminUser, at?: Date) {
      const { revision, state, entries } = await this.stateOf(target);
      const decided = submitForReview(state, revision.hash, await reviewerFor(user), { translationOutOfDate: await repository.draftTranslationOutOfDate(target) });
      if (!decided.ok) throw httpError(decided);
      return append(target, entries, decided.entry, revision, at);
    },

    async approve(target: Target, user: AdminUser, input: { revisionHash?: string; comment?: string | null; at?: Date }) {
      const { revision, state, entries } = await this.stateOf(target);
      expectHash(revision, input.revisionHash);
      const settings = await clinicSettings();
      const decided = approveRevision(state, revision.hash, await reviewerFor(user, target.locale), {
        allowSelfApproval: settings.allowSelfApproval,
        allowPeerBioApproval: settings.allowPeerBioApproval,
        bioOfProvider: target.contentType === 'plugin::clinic.provider' ? target.documentId : null,
        comment: input.comment,
      });
      if (!decided.ok) throw httpError(decided);
      // The approval and the translation flags it moves are written together or not at all
      // (a database restart between them left an approval whose translations looked current).
      return repository.inTransaction(async () => {
        const entry = await append(target, entries, decided.entry, revision, input.at);
        await refreshTranslationDrift(target.contentType, target.documentId);
        return entry;
      });
    },

    /**
     * A physician re-confirms approved, unchanged text in one step: a new approval of the same
     * revision and, when it is live, a publish through the gate, which moves the page's review
     * dates. Both or neither.
     */
    async reconfirm(target: Target, user: AdminUser, input: { revisionHash?: string; comment?: string | null }) {
      const { revision, state, entries } = await this.stateOf(target);
      expectHash(revision, input.revisionHash);
      const live = await this.publishedRevision(target);
      const settings = await clinicSettings();
      const decided = reconfirmApproval(state, revision.hash, await reviewerFor(user, target.locale), {
        comment: input.comment,
        liveHash: live?.hash ?? null,
        allowPeerBioApproval: settings.allowPeerBioApproval,
        bioOfProvider: target.contentType === 'plugin::clinic.provider' ? target.documentId : null,
      });
      if (!decided.ok) throw httpError(decided);
      const entry = await repository.inTransaction(async () => {
        const appended = await append(target, entries, decided.entry, revision);
        if (live) await repository.publish(target);
        await refreshTranslationDrift(target.contentType, target.documentId);
        return appended;
      });
      return { entry, republished: Boolean(live) };
    },

    /** Whether a physician could re-confirm this locale as it stands (approved, and live text is that text). */
    async reconfirmable(target: Target): Promise<boolean> {
      const { revision, state } = await this.stateOf(target);
      const live = await this.publishedRevision(target);
      return state.status === 'approved' && (!live || live.hash === revision.hash);
    },

    async reject(target: Target, user: AdminUser, input: { revisionHash?: string; comment?: string | null }) {
      const { revision, state, entries } = await this.stateOf(target);
      expectHash(revision, input.revisionHash);
      const decided = rejectRevision(state, revision.hash, await reviewerFor(user), input.comment);
      if (!decided.ok) throw httpError(decided);
      return append(target, entries, decided.entry, revision);
    },

    /**
     * Whether what is live of a document in a locale is its latest approved revision, as far
     * as it can be live (links to pages that are not published yet are not shown). Null when
     * nothing is live.
     */
    /**
     * Whether what is live of a page, after a change that altered it, still keeps to its
     * latest approval (see liveChangeKeepsApproval). `before` is what was live before.
     */
    async liveChangeKeepsApproval(target: Target, before: RevisionValue | null, allowRemovals: boolean): Promise<boolean> {
      const live = await loadRevision(strapi, target.contentType, target.documentId, target.locale, 'published');
      if (!live) return true;
      const entries = await log.entriesFor(target.contentType, target.documentId, target.locale);
      const approval = entries.filter((e) => e.decision === 'approved').at(-1);
      if (!approval) return false;
      if (approval.revisionHash === live.hash) return true;
      if (!approval.revision) return false;
      return liveChangeKeepsApproval({ approved: approval.revision, before, after: live.content, linkKeys: [...revisionLinkTargets(strapi, target.contentType).keys()], allowRemovals });
    },

    /** The published version's revision, or null when nothing is live in that locale. */
    publishedRevision: (target: Target) => loadRevision(strapi, target.contentType, target.documentId, target.locale, 'published'),

    /**
     * A medical page taken off the site, deleted, or its draft thrown away: appended to the log
     * with who and why, in the same transaction as the change itself.
     */
    async recordLiveChange(target: Target, action: 'unpublished' | 'deleted' | 'discarded', actor: { id: string; name: string }, reason: string) {
      const entries = await log.entriesFor(target.contentType, target.documentId, target.locale);
      const version = (await loadRevision(strapi, target.contentType, target.documentId, target.locale, 'published')) ?? (await loadDraftRevision(strapi, target.contentType, target.documentId, target.locale));
      try {
        return await log.append(target, entries.at(-1)?.id ?? null, { decision: action, revisionHash: version?.hash ?? 'none', actorId: actor.id, actorName: actor.name, comment: reason, revision: version?.content });
      } catch (error) {
        if (error instanceof ReviewConflictError) throw new ConflictError(error.message);
        throw error;
      }
    },

    /** The publish gate's question: may this locale go live, and with which byline? */
    async approvalForPublish(target: Target): Promise<ReviewLogEntry> {
      const { state } = await this.stateOf(target);
      const refusal = publishRefusal(state, target.locale);
      if (refusal) throw new errors.ValidationError(refusal);
      return state.entry!;
    },

    async applyByline(target: Target, approval: ReviewLogEntry) {
      const byline = bylineFromApproval(approval, reviewIntervalMonths(await repository.draftReviewInterval(target), (await clinicSettings()).defaultReviewIntervalMonths));
      // Relations join versions of the same locale: a reviewer without a bio in this locale
      // cannot be linked yet (the dates still are); translating the bio links it.
      const reviewerHere = byline.reviewedBy && (await repository.providerHasBioIn(byline.reviewedBy, target.locale));
      if (!reviewerHere) {
        strapi.log.warn(`[clinic] reviewer ${byline.reviewedBy} has no ${target.locale} bio; ${target.documentId} (${target.locale}) is published without a linked reviewer`);
        byline.reviewedBy = null;
      }
      await asWorkflow(() => repository.updateDraft(target, byline));
    },

    /** Whether this locale's draft is flagged as a translation that may be out of date. */
    translationOutOfDate: (target: Target) => repository.draftTranslationOutOfDate(target),

    /** A physician takes a page off the site, saying why; the publish gate checks and logs it with the reason. */
    async takeDown(target: Target, reason: string): Promise<void> {
      if (!(await this.publishedRevision(target))) throw new errors.NotFoundError(`Nothing of document ${target.documentId} is published in ${target.locale}.`);
      await withLiveChangeReason(reason, () => repository.unpublish(target));
    },

    /**
     * One page of the revisions awaiting a physician, oldest first, and how many await. A page
     * leaves out a submission whose text was edited after it (no longer the submitted revision),
     * so it may hold fewer than `pageSize`.
     */
    /**
     * A page of the queue. The heads still name submissions edited since, which wait for no one:
     * they are checked and skipped before paging (only the latest submissions are read, never the
     * log), so every page is full and the total counts what waits; only the page's items get their
     * reading levels.
     */
    async queuePage({ page, pageSize }: { page: number; pageSize: number }) {
      const waiting = await stillWaiting((await log.latestSubmissions({ offset: 0, limit: null })).entries);
      const total = waiting.length;
      const items = await queueItems(waiting.slice((page - 1) * pageSize, page * pageSize));
      return { items, pagination: { page, pageSize, pageCount: Math.max(1, Math.ceil(total / pageSize)), total } };
    },

    /** Every revision awaiting a physician, oldest first (the daily digest). */
    async queue() {
      return queueItems(await stillWaiting((await log.latestSubmissions({ offset: 0, limit: null })).entries));
    },

    /** Published pages whose review is overdue or due within 30 days, soonest first. */
    async due(today = toIsoDate(new Date())) {
      const rows = [];
      for (const contentType of REVIEWABLE_TYPES) {
        const titleFields = ['title', 'question', 'fullName'].filter((f) => f in (strapi.getModel(contentType as any)?.attributes ?? {}));
        const published = await repository.publishedWithReviewer(contentType, ['documentId', 'locale', 'nextReviewDue', 'lastReviewedOn', ...titleFields], reviewsDueThrough(today));
        for (const row of published) {
          rows.push({ contentType, documentId: row.documentId, locale: row.locale, title: documentTitle(row), lastReviewedOn: row.lastReviewedOn, nextReviewDue: row.nextReviewDue, physician: row.reviewedBy ? `${row.reviewedBy.fullName}${row.reviewedBy.credentials ? `, ${row.reviewedBy.credentials}` : ''}` : null });
        }
      }
      const due = reviewsDue(rows, today);
      // What a physician can re-confirm from the list in one step: approved text that patients read as approved.
      return Promise.all(
        due.map(async (item) => {
          const target = { contentType: item.contentType, documentId: item.documentId, locale: item.locale };
          const revision = await loadDraftRevision(strapi, item.contentType, item.documentId, item.locale).catch(() => null);
          return { ...item, revisionHash: revision?.hash ?? null, reconfirmable: Boolean(revision) && (await this.reconfirmable(target).catch(() => false)) };
        }),
      );
    },

    refreshTranslationDrift,
    log,
  };
}


export type ReviewService = ReturnType<typeof reviewService>;
