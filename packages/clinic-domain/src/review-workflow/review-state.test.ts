import { approveRevision, publishRefusal, rejectRevision, reviewState, submitForReview, type ReviewLogEntry, type Reviewer } from './review-state';

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
