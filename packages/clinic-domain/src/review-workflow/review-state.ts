/**
 * The medical review of one document in one locale, derived from its append-only review
 * log and the hash of its current draft. Nothing here is stored as a "status": the state
 * follows from what was signed and what the text is now, so an edit after approval voids
 * the approval by itself.
 */

export type ReviewDecision = 'submitted' | 'approved' | 'rejected';
/** What else the log records: medical pages taken down or drafts thrown away, by whom and why. */
export type ReviewLogAction = ReviewDecision | 'unpublished' | 'deleted' | 'discarded';

/** The reviewing physician as they were when they approved (their bio may change later). */
export interface ReviewerSnapshot {
  fullName: string;
  credentials: string | null;
  specialty: string | null;
}

export interface ReviewLogEntry {
  decision: ReviewLogAction;
  revisionHash: string;
  actorId: string;
  actorName: string;
  /** ISO instant. */
  at: string;
  comment?: string | null;
  /** The Provider the approving physician is linked to (approvals only). */
  providerDocumentId?: string | null;
  reviewer?: ReviewerSnapshot | null;
}

const isDecision = (e: ReviewLogEntry) => e.decision === 'submitted' || e.decision === 'approved' || e.decision === 'rejected';

export type ReviewStatus = 'not_submitted' | 'awaiting_review' | 'approved' | 'changed_since_approval' | 'approval_superseded' | 'rejected';

export interface ReviewState {
  status: ReviewStatus;
  /** The entry that explains the status (the submission, approval or rejection), if any. */
  entry?: ReviewLogEntry;
  /** The latest approval of any revision of this document in this locale. */
  lastApproval?: ReviewLogEntry;
  /** `approval_superseded`: the later decision (on other text) that replaced the approval of this text. */
  supersededBy?: ReviewLogEntry;
  /**
   * The last decision on this exact text, when it was a rejection: shown to whoever reviews the
   * text again, who must say why in a comment to approve it over that rejection.
   */
  standingRejection?: ReviewLogEntry;
}

const latest = (entries: readonly ReviewLogEntry[], match: (e: ReviewLogEntry) => boolean) => {
  for (let i = entries.length - 1; i >= 0; i--) if (match(entries[i]!)) return entries[i];
  return undefined;
};

const isVerdict = (e: ReviewLogEntry) => e.decision === 'approved' || e.decision === 'rejected';

/**
 * `entries` in the order they were appended. Only the latest decision counts: an approval
 * holds while it is the latest approval or rejection of this document in this locale, and a
 * submission is pending while nothing was appended after it. So text that comes back after a
 * later approval of different text needs a new approval, and an older submission of the same
 * text does not put it back in front of a physician.
 */
export function reviewState(allEntries: readonly ReviewLogEntry[], currentHash: string): ReviewState {
  // Unpublishing or deleting a page says nothing about whether its text is approved.
  const entries = allEntries.filter(isDecision);
  const lastApproval = latest(entries, (e) => e.decision === 'approved');
  const latestVerdict = latest(entries, isVerdict);
  const latestEntry = entries.at(-1);
  const lastVerdictOnCurrent = latest(entries, (e) => isVerdict(e) && e.revisionHash === currentHash);
  const standingRejection = lastVerdictOnCurrent?.decision === 'rejected' ? lastVerdictOnCurrent : undefined;
  const known = { lastApproval, ...(standingRejection ? { standingRejection } : {}) };

  // Submitted after its approval (a translation flagged out of date, sent to be checked against
  // the new default text): it waits for that review, and is not approved until then.
  if (latestEntry?.decision === 'submitted' && latestEntry.revisionHash === currentHash) return { status: 'awaiting_review', entry: latestEntry, ...known };
  if (latestVerdict?.decision === 'approved' && latestVerdict.revisionHash === currentHash) return { status: 'approved', entry: latestVerdict, ...known };
  if (standingRejection) return { status: 'rejected', entry: standingRejection, ...known };
  // Signed once, but a later decision on other text replaced that signature.
  if (lastVerdictOnCurrent) return { status: 'approval_superseded', entry: lastVerdictOnCurrent, supersededBy: latestVerdict, ...known };
  if (lastApproval) return { status: 'changed_since_approval', entry: lastApproval, ...known };
  return { status: 'not_submitted', ...known };
}

/**
 * Whether the approval at `index` re-confirmed unchanged text: the entry before it (not
 * counting take-downs) approved the same text, so no one submitted anything in between.
 */
export function isReconfirmation(allEntries: readonly ReviewLogEntry[], index: number): boolean {
  const entry = allEntries[index];
  if (entry?.decision !== 'approved') return false;
  const before = latest(allEntries.slice(0, index), isDecision);
  return before?.decision === 'approved' && before.revisionHash === entry.revisionHash;
}

/**
 * When the text that is approved now was first approved: re-confirming unchanged text moves
 * its review dates, not the moment its text last changed (which translations are compared to).
 */
export function currentTextApprovedSince(allEntries: readonly ReviewLogEntry[]): string | null {
  const approvals = allEntries.filter((e) => e.decision === 'approved');
  const last = approvals.at(-1);
  if (!last) return null;
  let first = last;
  for (let i = approvals.length - 2; i >= 0 && approvals[i]!.revisionHash === last.revisionHash; i--) first = approvals[i]!;
  return first.at;
}

export interface Reviewer {
  id: string;
  name: string;
  isPhysician: boolean;
  providerDocumentId?: string | null;
  /** Their bio as it reads now, recorded with an approval. */
  snapshot?: ReviewerSnapshot | null;
}

/**
 * Why a decision was refused: `invalid` (the request itself is incomplete), `forbidden` (this
 * actor may not make it) or `conflict` (the revision's state has moved on). The plugin turns
 * the kind into its own errors and HTTP statuses.
 */
export type RefusalKind = 'invalid' | 'forbidden' | 'conflict';
export type Refusal = { ok: false; kind: RefusalKind; message: string };
export type Decided = { ok: true; entry: Omit<ReviewLogEntry, 'at'> };

/**
 * `translationOutOfDate`: the locale is flagged as a translation the default-locale text has moved
 * past; its approved text may then be submitted unchanged, for a physician to check it still
 * follows (a re-confirmation never clears that flag, an approval after this submission does).
 */
export function submitForReview(state: ReviewState, hash: string, actor: Reviewer, options: { translationOutOfDate?: boolean } = {}): Decided | Refusal {
  if (state.status === 'awaiting_review') return { ok: false, kind: 'conflict', message: 'This revision is already awaiting medical review.' };
  if (state.status === 'approved' && !options.translationOutOfDate) return { ok: false, kind: 'conflict', message: 'This revision is already approved; there is nothing new to review.' };
  return { ok: true, entry: { decision: 'submitted', revisionHash: hash, actorId: actor.id, actorName: actor.name } };
}

export function approveRevision(
  state: ReviewState,
  hash: string,
  actor: Reviewer,
  options: {
    allowSelfApproval: boolean;
    comment?: string | null;
    /** When the revision is a provider's bio: that provider, who approves it themselves … */
    bioOfProvider?: string | null;
    /** … unless the clinic lets any physician approve bios. */
    allowPeerBioApproval?: boolean;
  },
): Decided | Refusal {
  const physicianProblem = physicianRefusal(actor);
  if (physicianProblem) return physicianProblem;
  const pending = pendingRefusal(state, 'approved');
  if (pending) return pending;
  const bioProblem = bioRefusal(actor, options);
  if (bioProblem) return bioProblem;
  if (!options.allowSelfApproval && state.entry?.actorId === actor.id) {
    return { ok: false, kind: 'forbidden', message: 'You submitted this revision yourself; another physician must approve it (the clinic does not allow self-approval).' };
  }
  const overridden = state.standingRejection;
  if (overridden && !options.comment?.trim()) {
    return {
      ok: false,
      kind: 'invalid',
      message: `This exact text was rejected by ${overridden.actorName} on ${day(overridden.at)} ("${overridden.comment ?? ''}"). To approve it over that rejection, write a comment that says why.`,
    };
  }
  return approval(hash, actor, options.comment);
}

/**
 * A physician confirms, in one step, that text which is approved and unchanged is still right:
 * a new approval of the same revision, which moves its review dates (see bylineFromApproval).
 * `liveHash` is what patients read now (null when nothing is live): re-confirming never
 * publishes text that is not live yet.
 */
export function reconfirmApproval(
  state: ReviewState,
  hash: string,
  actor: Reviewer,
  options: { comment?: string | null; liveHash: string | null; bioOfProvider?: string | null; allowPeerBioApproval?: boolean },
): Decided | Refusal {
  const physicianProblem = physicianRefusal(actor);
  if (physicianProblem) return physicianProblem;
  if (state.status !== 'approved') {
    return { ok: false, kind: 'conflict', message: 'Only approved, unchanged text can be re-confirmed. This text is not approved as it stands: submit it for medical review.' };
  }
  if (options.liveHash && options.liveHash !== hash) {
    return { ok: false, kind: 'conflict', message: 'The approved draft is not what patients read yet: publish it first, then re-confirm the published text when it is due.' };
  }
  const bioProblem = bioRefusal(actor, options);
  if (bioProblem) return bioProblem;
  return approval(hash, actor, options.comment);
}

export function rejectRevision(state: ReviewState, hash: string, actor: Reviewer, comment: string | null | undefined): Decided | Refusal {
  const physicianProblem = physicianRefusal(actor);
  if (physicianProblem) return physicianProblem;
  if (!comment || !comment.trim()) return { ok: false, kind: 'invalid', message: 'A comment is required to reject a revision: tell the editor what to change.' };
  const pending = pendingRefusal(state, 'rejected');
  if (pending) return pending;
  return { ok: true, entry: { decision: 'rejected', revisionHash: hash, actorId: actor.id, actorName: actor.name, comment: comment.trim() } };
}

function physicianRefusal(actor: Reviewer): Refusal | null {
  if (!actor.isPhysician) return { ok: false, kind: 'forbidden', message: 'Only a physician reviewer can approve or reject medical content.' };
  if (!actor.providerDocumentId) {
    return { ok: false, kind: 'forbidden', message: 'Your account is not linked to a provider, so an approval could not name its reviewer. Ask an administrator to link it.' };
  }
  return null;
}

/** The log entry of an approval (a first one or a re-confirmation): the physician as they sign it. */
function approval(hash: string, actor: Reviewer, comment: string | null | undefined): Decided {
  return {
    ok: true,
    entry: {
      decision: 'approved',
      revisionHash: hash,
      actorId: actor.id,
      actorName: actor.name,
      providerDocumentId: actor.providerDocumentId!,
      reviewer: actor.snapshot ?? null,
      comment: comment?.trim() || null,
    },
  };
}

function bioRefusal(actor: Reviewer, options: { bioOfProvider?: string | null; allowPeerBioApproval?: boolean }): Refusal | null {
  if (options.bioOfProvider && options.bioOfProvider !== actor.providerDocumentId && !options.allowPeerBioApproval) {
    return { ok: false, kind: 'forbidden', message: 'A physician\'s bio is approved by that physician. The clinic does not let other physicians approve bios (Clinic: allow peer bio approval).' };
  }
  return null;
}

/** The calendar day of an ISO instant, as messages print it. */
const day = (iso: string) => iso.slice(0, 10);

function pendingRefusal(state: ReviewState, verb: 'approved' | 'rejected'): Refusal | null {
  if (state.status === 'awaiting_review') return null;
  if (state.status === 'approved') return { ok: false, kind: 'conflict', message: `This revision was already approved; it cannot be ${verb} again.` };
  if (state.status === 'rejected') return { ok: false, kind: 'conflict', message: `This revision was already rejected; it cannot be ${verb} again.` };
  return { ok: false, kind: 'conflict', message: `This revision has not been submitted for review, so it cannot be ${verb}. The text may have changed since it was submitted.` };
}

/** Why a locale may not be published, or null when its current text is approved. */
export function publishRefusal(state: ReviewState, locale: string): string | null {
  switch (state.status) {
    case 'approved':
      return null;
    case 'awaiting_review':
      return `Medical approval is missing: the ${locale} revision is awaiting review by a physician. Publish it once a physician has approved it.`;
    case 'rejected':
      return `Medical approval is missing: the ${locale} revision was rejected by ${state.entry?.actorName ?? 'a physician'} ("${state.entry?.comment ?? ''}"). Edit it and submit it for review again.`;
    case 'approval_superseded':
      return `Medical approval is missing: ${state.entry?.actorName ?? 'a physician'} approved this ${locale} text on ${day(state.entry?.at ?? '')}, but a later decision replaced that approval (${state.supersededBy?.actorName ?? 'a physician'} ${state.supersededBy?.decision ?? 'decided'} other text on ${day(state.supersededBy?.at ?? '')}). Only the latest decision counts: submit this text for medical review again.`;
    case 'changed_since_approval':
      return `Medical approval is missing: the ${locale} text changed since ${state.lastApproval?.actorName ?? 'a physician'} approved it. Submit the new revision for medical review.`;
    default:
      return `Medical approval is missing: the ${locale} revision has not been reviewed. Submit it for medical review; a physician must approve it before it is published.`;
  }
}

export type MedicalLiveAction = 'publish' | 'unpublish' | 'delete' | 'discard';

const WHY_NOT: Record<MedicalLiveAction, string> = {
  publish: 'Only a physician reviewer can publish medical content. Submit it for medical review; the approving physician publishes it.',
  unpublish: 'Only a physician reviewer can take medical content off the site. Ask a physician to unpublish it; the review log records who did and why.',
  delete: 'Only a physician reviewer can delete medical content. Ask a physician to delete it; the review log records who did and why.',
  discard: 'Only a physician reviewer can discard a draft of medical content, because the review log records what was thrown away. Edit the draft instead, or ask a physician.',
};

/**
 * Who may change what is live on a medical page from the admin: physician reviewers and
 * super admins. Editors are told why, instead of finding a button that silently does nothing.
 */
export function medicalActionRefusal(action: MedicalLiveAction, roleCodes: readonly string[], physicianRole: string, superAdminRole: string): string | null {
  if (roleCodes.includes(physicianRole) || roleCodes.includes(superAdminRole)) return null;
  return WHY_NOT[action];
}
