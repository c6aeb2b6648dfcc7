import {
  approveRevision,
  currentTextApprovedSince,
  isReconfirmation,
  publishRefusal,
  reconfirmApproval,
  rejectRevision,
  reviewState,
  submitForReview,
  type ReviewLogEntry,
  type Reviewer,
} from './review-state';

const editor: Reviewer = { id: 'e1', name: 'Eva Editor', isPhysician: false };
const physician: Reviewer = { id: 'p1', name: 'Thomas Stauss', isPhysician: true, providerDocumentId: 'prov-stauss' };
const physician2: Reviewer = { id: 'p2', name: 'Maria Delgado', isPhysician: true, providerDocumentId: 'prov-delgado' };
const unlinkedPhysician: Reviewer = { id: 'p3', name: 'No Link', isPhysician: true, providerDocumentId: null };

let clock = 0;
const at = () => new Date(Date.UTC(2026, 0, 1) + clock++ * 60_000).toISOString();
function apply(log: ReviewLogEntry[], result: ReturnType<typeof submitForReview>) {
  if (!result.ok) throw new Error(result.message);
  return [...log, { ...result.entry, at: at() }];
}

describe('review state', () => {
  it('starts as not submitted', () => {
    expect(reviewState([], 'h1').status).toBe('not_submitted');
  });

  it('walks submit → approve, and an edit afterwards shows "changed since approval"', () => {
    let log = apply([], submitForReview(reviewState([], 'h1'), 'h1', editor));
    expect(reviewState(log, 'h1').status).toBe('awaiting_review');
    log = apply(log, approveRevision(reviewState(log, 'h1'), 'h1', physician, { allowSelfApproval: false }));
    expect(reviewState(log, 'h1')).toMatchObject({ status: 'approved', entry: { actorName: 'Thomas Stauss', providerDocumentId: 'prov-stauss' } });
    expect(reviewState(log, 'h2')).toMatchObject({ status: 'changed_since_approval', lastApproval: { revisionHash: 'h1' } });
    // Undoing the edit brings back exactly the text that was signed.
    expect(reviewState(log, 'h1').status).toBe('approved');
  });

  it('walks submit → reject with the comment, then resubmit after an edit', () => {
    let log = apply([], submitForReview(reviewState([], 'h1'), 'h1', editor));
    log = apply(log, rejectRevision(reviewState(log, 'h1'), 'h1', physician, 'Risks are missing'));
    expect(reviewState(log, 'h1')).toMatchObject({ status: 'rejected', entry: { comment: 'Risks are missing' } });
    expect(reviewState(log, 'h2').status).toBe('not_submitted');
    log = apply(log, submitForReview(reviewState(log, 'h2'), 'h2', editor));
    expect(reviewState(log, 'h2').status).toBe('awaiting_review');
  });

  it('lets a rejected revision be submitted again unchanged', () => {
    let log = apply([], submitForReview(reviewState([], 'h1'), 'h1', editor));
    log = apply(log, rejectRevision(reviewState(log, 'h1'), 'h1', physician, 'No'));
    expect(submitForReview(reviewState(log, 'h1'), 'h1', editor).ok).toBe(true);
  });

  it('a new submission of a changed text after approval awaits review again', () => {
    let log = apply([], submitForReview(reviewState([], 'h1'), 'h1', editor));
    log = apply(log, approveRevision(reviewState(log, 'h1'), 'h1', physician, { allowSelfApproval: false }));
    log = apply(log, submitForReview(reviewState(log, 'h2'), 'h2', editor));
    expect(reviewState(log, 'h2').status).toBe('awaiting_review');
    expect(reviewState(log, 'h1').status).toBe('approved');
  });
});

describe('a translation flagged out of date', () => {
  it('may be submitted unchanged: it awaits review (not approved, so not publishable) until a physician approves it again', () => {
    let log = apply([], submitForReview(reviewState([], 'h1'), 'h1', editor));
    log = apply(log, approveRevision(reviewState(log, 'h1'), 'h1', physician, { allowSelfApproval: false }));
    expect(submitForReview(reviewState(log, 'h1'), 'h1', editor)).toMatchObject({ ok: false, kind: 'conflict' });
    log = apply(log, submitForReview(reviewState(log, 'h1'), 'h1', editor, { translationOutOfDate: true }));
    expect(reviewState(log, 'h1').status).toBe('awaiting_review');
    expect(publishRefusal(reviewState(log, 'h1'), 'es')).not.toBeNull();
    log = apply(log, approveRevision(reviewState(log, 'h1'), 'h1', physician, { allowSelfApproval: false }));
    expect(reviewState(log, 'h1').status).toBe('approved');
    // An approval after a submission is a review, not a re-confirmation.
    expect(isReconfirmation(log, log.length - 1)).toBe(false);
  });
});

describe('refused transitions', () => {
  const submitted = apply([], submitForReview(reviewState([], 'h1'), 'h1', editor));
  const approved = apply(submitted, approveRevision(reviewState(submitted, 'h1'), 'h1', physician, { allowSelfApproval: false }));

  it('refuses to submit what is already awaiting review or approved', () => {
    expect(submitForReview(reviewState(submitted, 'h1'), 'h1', editor)).toMatchObject({ ok: false, kind: 'conflict' });
    expect(submitForReview(reviewState(approved, 'h1'), 'h1', editor)).toMatchObject({ ok: false, kind: 'conflict' });
  });

  it('refuses approval or rejection by anyone but a linked physician', () => {
    expect(approveRevision(reviewState(submitted, 'h1'), 'h1', editor, { allowSelfApproval: true })).toMatchObject({ ok: false, kind: 'forbidden' });
    expect(rejectRevision(reviewState(submitted, 'h1'), 'h1', editor, 'x')).toMatchObject({ ok: false, kind: 'forbidden' });
    expect(approveRevision(reviewState(submitted, 'h1'), 'h1', unlinkedPhysician, { allowSelfApproval: true })).toMatchObject({ ok: false, kind: 'forbidden', message: expect.stringMatching(/not linked to a provider/) });
  });

  it('refuses to decide a revision that was not submitted, or was already decided', () => {
    expect(approveRevision(reviewState([], 'h1'), 'h1', physician, { allowSelfApproval: false })).toMatchObject({ ok: false, kind: 'conflict' });
    expect(approveRevision(reviewState(submitted, 'h2'), 'h2', physician, { allowSelfApproval: false })).toMatchObject({ ok: false, kind: 'conflict' });
    expect(approveRevision(reviewState(approved, 'h1'), 'h1', physician2, { allowSelfApproval: false })).toMatchObject({ ok: false, kind: 'conflict' });
    expect(rejectRevision(reviewState(approved, 'h1'), 'h1', physician2, 'late')).toMatchObject({ ok: false, kind: 'conflict' });
  });

  it('requires a comment to reject', () => {
    expect(rejectRevision(reviewState(submitted, 'h1'), 'h1', physician, '  ')).toMatchObject({ ok: false, kind: 'invalid', message: expect.stringMatching(/comment is required/) });
  });

  it('refuses self-approval unless the clinic allows it', () => {
    const self = apply([], submitForReview(reviewState([], 'h1'), 'h1', physician));
    expect(approveRevision(reviewState(self, 'h1'), 'h1', physician, { allowSelfApproval: false })).toMatchObject({ ok: false, kind: 'forbidden', message: expect.stringMatching(/self-approval/) });
    expect(approveRevision(reviewState(self, 'h1'), 'h1', physician, { allowSelfApproval: true }).ok).toBe(true);
    expect(approveRevision(reviewState(self, 'h1'), 'h1', physician2, { allowSelfApproval: false }).ok).toBe(true);
  });
});

describe('publish refusal', () => {
  it('says what is missing and what to do, per state', () => {
    expect(publishRefusal({ status: 'approved' }, 'es')).toBeNull();
    expect(publishRefusal({ status: 'not_submitted' }, 'es')).toMatch(/Medical approval is missing.*es.*Submit it for medical review/);
    expect(publishRefusal({ status: 'awaiting_review' }, 'es')).toMatch(/awaiting review/);
    expect(publishRefusal({ status: 'changed_since_approval', lastApproval: { actorName: 'Thomas Stauss' } as ReviewLogEntry }, 'en')).toMatch(/changed since Thomas Stauss approved it/);
    expect(publishRefusal({ status: 'rejected', entry: { actorName: 'Thomas Stauss', comment: 'Add risks' } as ReviewLogEntry }, 'en')).toMatch(/rejected.*Add risks/);
  });
});

import { medicalActionRefusal } from './review-state';

describe('who may change what is live on a medical page', () => {
  it('allows physicians and super admins, and tells editors why not, for every action', () => {
    for (const action of ['publish', 'unpublish', 'delete', 'discard'] as const) {
      expect(medicalActionRefusal(action, ['physician'], 'physician', 'super')).toBeNull();
      expect(medicalActionRefusal(action, ['super'], 'physician', 'super')).toBeNull();
      expect(medicalActionRefusal(action, ['editor'], 'physician', 'super')).toMatch(/Only a physician reviewer/);
      expect(medicalActionRefusal(action, [], 'physician', 'super')).toMatch(/Only a physician reviewer/);
    }
  });
});

describe('bios', () => {
  it('are approved by the physician they describe, or by another where the clinic allows it', () => {
    const bio = apply([], submitForReview(reviewState([], 'b1'), 'b1', editor));
    expect(approveRevision(reviewState(bio, 'b1'), 'b1', physician, { allowSelfApproval: false, bioOfProvider: 'prov-stauss' }).ok).toBe(true);
    expect(approveRevision(reviewState(bio, 'b1'), 'b1', physician2, { allowSelfApproval: false, bioOfProvider: 'prov-stauss' })).toMatchObject({ ok: false, kind: 'forbidden', message: expect.stringMatching(/bio is approved by that physician/) });
    expect(approveRevision(reviewState(bio, 'b1'), 'b1', physician2, { allowSelfApproval: false, bioOfProvider: 'prov-stauss', allowPeerBioApproval: true }).ok).toBe(true);
  });

  it('record the reviewer as they were with the approval', () => {
    const bio = apply([], submitForReview(reviewState([], 'b1'), 'b1', editor));
    const snapshot = { fullName: 'Thomas Stauss', credentials: 'MD', specialty: null };
    const decided = approveRevision(reviewState(bio, 'b1'), 'b1', { ...physician, snapshot }, { allowSelfApproval: false });
    expect(decided.ok && decided.entry.reviewer).toEqual(snapshot);
  });
});

describe('taking a page down', () => {
  it('leaves the approval of its text as it was', () => {
    const submitted = apply([], submitForReview(reviewState([], 'h1'), 'h1', editor));
    const approved = apply(submitted, approveRevision(reviewState(submitted, 'h1'), 'h1', physician, { allowSelfApproval: false }));
    const approvedThenUnpublished = [...approved, { decision: 'unpublished' as const, revisionHash: 'h1', actorId: 'p1', actorName: 'Thomas Stauss', at: at(), comment: 'Outdated' }];
    expect(reviewState(approvedThenUnpublished, 'h1').status).toBe('approved');
  });
});

/** submit → approve of one text, by the editor and the first physician. */
function approvedText(log: ReviewLogEntry[], hash: string, by: Reviewer = physician) {
  log = apply(log, submitForReview(reviewState(log, hash), hash, editor));
  return apply(log, approveRevision(reviewState(log, hash), hash, by, { allowSelfApproval: false }));
}

describe('only the latest decision counts', () => {
  it('text A comes back after a later approval of text B: no longer approved, and publishing is refused', () => {
    const log = approvedText(approvedText([], 'A'), 'B');
    const state = reviewState(log, 'A');
    expect(state).toMatchObject({ status: 'approval_superseded', entry: { decision: 'approved', revisionHash: 'A' }, supersededBy: { decision: 'approved', revisionHash: 'B' } });
    expect(publishRefusal(state, 'en')).toMatch(/later decision replaced that approval.*Only the latest decision counts: submit this text for medical review again/);
    expect(reviewState(log, 'B').status).toBe('approved');
  });

  it('text A, superseded, needs a new submission and approval, which then counts', () => {
    let log = approvedText(approvedText([], 'A'), 'B');
    expect(approveRevision(reviewState(log, 'A'), 'A', physician2, { allowSelfApproval: false })).toMatchObject({ ok: false, kind: 'conflict' });
    log = approvedText(log, 'A', physician2);
    expect(reviewState(log, 'A')).toMatchObject({ status: 'approved', entry: { actorName: 'Maria Delgado' } });
    expect(reviewState(log, 'B').status).toBe('approval_superseded');
  });

  it('a later rejection of other text also replaces the approval', () => {
    let log = approvedText([], 'A');
    log = apply(log, submitForReview(reviewState(log, 'B'), 'B', editor));
    log = apply(log, rejectRevision(reviewState(log, 'B'), 'B', physician, 'Wrong dose'));
    expect(reviewState(log, 'A')).toMatchObject({ status: 'approval_superseded', supersededBy: { decision: 'rejected' } });
  });

  it('an edit undone before any later decision keeps the approval (a submission is no decision)', () => {
    let log = approvedText([], 'A');
    expect(reviewState(log, 'A').status).toBe('approved');
    log = apply(log, submitForReview(reviewState(log, 'B'), 'B', editor));
    expect(reviewState(log, 'A').status).toBe('approved');
  });

  it('a submission is pending only while nothing came after it', () => {
    let log = apply([], submitForReview(reviewState([], 'A'), 'A', editor));
    log = apply(log, submitForReview(reviewState(log, 'B'), 'B', editor));
    expect(reviewState(log, 'A').status).toBe('not_submitted');
    expect(approveRevision(reviewState(log, 'A'), 'A', physician, { allowSelfApproval: false })).toMatchObject({ ok: false, kind: 'conflict' });
    expect(reviewState(log, 'B').status).toBe('awaiting_review');
  });
});

describe('a rejection stands until someone approves over it, with a reason', () => {
  let log = apply([], submitForReview(reviewState([], 'A'), 'A', editor));
  log = apply(log, rejectRevision(reviewState(log, 'A'), 'A', physician, 'Risks are missing'));
  const resubmitted = apply(log, submitForReview(reviewState(log, 'A'), 'A', editor));

  it('text resubmitted unchanged shows the rejection to the next reviewer', () => {
    expect(reviewState(resubmitted, 'A')).toMatchObject({ status: 'awaiting_review', standingRejection: { actorName: 'Thomas Stauss', comment: 'Risks are missing' } });
  });

  it('approving it over the rejection requires a comment', () => {
    const refused = approveRevision(reviewState(resubmitted, 'A'), 'A', physician2, { allowSelfApproval: false });
    expect(refused).toMatchObject({ ok: false, kind: 'invalid', message: expect.stringMatching(/rejected by Thomas Stauss on \d{4}-\d{2}-\d{2} \("Risks are missing"\).*write a comment/) });
    expect(approveRevision(reviewState(resubmitted, 'A'), 'A', physician2, { allowSelfApproval: false, comment: '   ' })).toMatchObject({ ok: false, kind: 'invalid' });
    const allowed = approveRevision(reviewState(resubmitted, 'A'), 'A', physician2, { allowSelfApproval: false, comment: 'Risks are in the linked FAQ.' });
    expect(allowed).toMatchObject({ ok: true, entry: { comment: 'Risks are in the linked FAQ.' } });
  });

  it('does not follow edited text, and ends with the approval over it', () => {
    const edited = apply(log, submitForReview(reviewState(log, 'A2'), 'A2', editor));
    expect(reviewState(edited, 'A2').standingRejection).toBeUndefined();
    expect(approveRevision(reviewState(edited, 'A2'), 'A2', physician2, { allowSelfApproval: false }).ok).toBe(true);
    const overridden = apply(resubmitted, approveRevision(reviewState(resubmitted, 'A'), 'A', physician2, { allowSelfApproval: false, comment: 'Fine as is.' }));
    expect(reviewState(overridden, 'A')).toMatchObject({ status: 'approved' });
    expect(reviewState(overridden, 'A').standingRejection).toBeUndefined();
  });
});

describe('re-confirming unchanged text', () => {
  const log = approvedText([], 'A');

  it('is a new approval of the same revision, in one step, with no submission', () => {
    const decided = reconfirmApproval(reviewState(log, 'A'), 'A', physician2, { liveHash: 'A', comment: 'Still current.' });
    expect(decided).toMatchObject({ ok: true, entry: { decision: 'approved', revisionHash: 'A', actorName: 'Maria Delgado', providerDocumentId: 'prov-delgado', comment: 'Still current.' } });
    const after = apply(log, decided);
    // The newest approval is the one the byline (and its dates) comes from.
    expect(reviewState(after, 'A')).toMatchObject({ status: 'approved', entry: { actorName: 'Maria Delgado' } });
    expect(isReconfirmation(after, after.length - 1)).toBe(true);
    expect(isReconfirmation(after, after.length - 2)).toBe(false);
    expect(currentTextApprovedSince(after)).toBe(log.at(-1)!.at);
  });

  it('is refused for text that is not approved as it stands, or not what patients read', () => {
    expect(reconfirmApproval(reviewState(log, 'B'), 'B', physician, { liveHash: 'A' })).toMatchObject({ ok: false, kind: 'conflict', message: expect.stringMatching(/submit it for medical review/) });
    const superseded = approvedText(log, 'B');
    expect(reconfirmApproval(reviewState(superseded, 'A'), 'A', physician, { liveHash: 'A' })).toMatchObject({ ok: false, kind: 'conflict' });
    expect(reconfirmApproval(reviewState(superseded, 'B'), 'B', physician, { liveHash: 'A' })).toMatchObject({ ok: false, kind: 'conflict', message: expect.stringMatching(/publish it first/) });
    expect(reconfirmApproval(reviewState(superseded, 'B'), 'B', physician, { liveHash: null }).ok).toBe(true);
  });

  it('is a physician\'s, and a bio\'s own physician\'s unless the clinic allows peers', () => {
    expect(reconfirmApproval(reviewState(log, 'A'), 'A', editor, { liveHash: 'A' })).toMatchObject({ ok: false, kind: 'forbidden' });
    expect(reconfirmApproval(reviewState(log, 'A'), 'A', unlinkedPhysician, { liveHash: 'A' })).toMatchObject({ ok: false, kind: 'forbidden' });
    expect(reconfirmApproval(reviewState(log, 'A'), 'A', physician2, { liveHash: 'A', bioOfProvider: 'prov-stauss' })).toMatchObject({ ok: false, kind: 'forbidden' });
    expect(reconfirmApproval(reviewState(log, 'A'), 'A', physician2, { liveHash: 'A', bioOfProvider: 'prov-stauss', allowPeerBioApproval: true }).ok).toBe(true);
  });

  it('changed text counts from its own first approval, not from a re-confirmation', () => {
    const changed = approvedText(log, 'B');
    expect(currentTextApprovedSince(changed)).toBe(changed.at(-1)!.at);
    expect(currentTextApprovedSince([])).toBeNull();
  });
});
