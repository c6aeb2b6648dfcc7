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

export type ReviewStatus = 'not_submitted' | 'awaiting_review' | 'approved' | 'changed_since_approval' | 'rejected';

export interface ReviewState {
  status: ReviewStatus;
  /** The entry that explains the status (the submission, approval or rejection), if any. */
  entry?: ReviewLogEntry;
  /** The latest approval of any revision of this document in this locale. */
  lastApproval?: ReviewLogEntry;
}

const latest = (entries: readonly ReviewLogEntry[], match: (e: ReviewLogEntry) => boolean) => {
  for (let i = entries.length - 1; i >= 0; i--) if (match(entries[i]!)) return entries[i];
  return undefined;
};

/** `entries` in the order they were appended. */
export function reviewState(allEntries: readonly ReviewLogEntry[], currentHash: string): ReviewState {
  // Unpublishing or deleting a page says nothing about whether its text is approved.
  const entries = allEntries.filter(isDecision);
  const lastApproval = latest(entries, (e) => e.decision === 'approved');
  const forCurrent = latest(entries, (e) => e.revisionHash === currentHash);
  // Text a physician signed stays approved, even if it comes back after an edit was undone.
  const approvalOfCurrent = latest(entries, (e) => e.decision === 'approved' && e.revisionHash === currentHash);
  if (approvalOfCurrent) return { status: 'approved', entry: approvalOfCurrent, lastApproval };
  if (forCurrent?.decision === 'submitted') return { status: 'awaiting_review', entry: forCurrent, lastApproval };
  if (forCurrent?.decision === 'rejected') return { status: 'rejected', entry: forCurrent, lastApproval };
  if (lastApproval) return { status: 'changed_since_approval', entry: lastApproval, lastApproval };
  return { status: 'not_submitted', lastApproval };
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

export function submitForReview(state: ReviewState, hash: string, actor: Reviewer): Decided | Refusal {
  if (state.status === 'awaiting_review') return { ok: false, kind: 'conflict', message: 'This revision is already awaiting medical review.' };
  if (state.status === 'approved') return { ok: false, kind: 'conflict', message: 'This revision is already approved; there is nothing new to review.' };
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
  if (options.bioOfProvider && options.bioOfProvider !== actor.providerDocumentId && !options.allowPeerBioApproval) {
    return { ok: false, kind: 'forbidden', message: 'A physician\'s bio is approved by that physician. The clinic does not let other physicians approve bios (Clinic: allow peer bio approval).' };
  }
  if (!options.allowSelfApproval && state.entry?.actorId === actor.id) {
    return { ok: false, kind: 'forbidden', message: 'You submitted this revision yourself; another physician must approve it (the clinic does not allow self-approval).' };
  }
  return {
    ok: true,
    entry: {
      decision: 'approved',
      revisionHash: hash,
      actorId: actor.id,
      actorName: actor.name,
      providerDocumentId: actor.providerDocumentId!,
      reviewer: actor.snapshot ?? null,
      comment: options.comment?.trim() || null,
    },
  };
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
