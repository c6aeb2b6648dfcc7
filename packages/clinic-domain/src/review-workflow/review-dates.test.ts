import { bylineFromApproval, reviewIntervalMonths, reviewsDue, reviewsDueThrough, translationLastApprovedAt, translationMayBeOutOfDate, translationOutOfDateFromLogs } from './review-dates';
import type { ReviewLogEntry } from './review-state';

describe('byline from the approval', () => {
  it('uses the approval date, not the publish date, and adds the interval', () => {
    expect(bylineFromApproval({ at: '2026-04-25T22:10:00.000Z', providerDocumentId: 'prov' }, 12)).toEqual({
      reviewedBy: 'prov',
      reviewedByName: null,
      reviewedByCredentials: null,
      reviewedBySpecialty: null,
      lastReviewedOn: '2026-04-25',
      nextReviewDue: '2027-04-25',
    });
  });

  it('names the reviewer exactly as the approval recorded them', () => {
    const reviewer = { fullName: 'Thomas Stauss', credentials: 'MD', specialty: 'Interventional radiology' };
    expect(bylineFromApproval({ at: '2026-04-25T10:00:00.000Z', providerDocumentId: 'prov', reviewer }, 12)).toMatchObject({
      reviewedByName: 'Thomas Stauss',
      reviewedByCredentials: 'MD',
      reviewedBySpecialty: 'Interventional radiology',
    });
  });

  it('lets a document override the clinic interval', () => {
    expect(reviewIntervalMonths(6, 12)).toBe(6);
    expect(reviewIntervalMonths(null, 24)).toBe(24);
    expect(reviewIntervalMonths(undefined, undefined)).toBe(12);
  });
});

describe('reviews due', () => {
  const items = [
    { title: 'later', nextReviewDue: '2027-01-01' },
    { title: 'soon', nextReviewDue: '2026-12-10' },
    { title: 'overdue', nextReviewDue: '2026-11-01' },
    { title: 'never', nextReviewDue: null },
    { title: 'tomorrow', nextReviewDue: '2026-11-25' },
  ];

  it('lists overdue and due within 30 days, soonest first', () => {
    expect(reviewsDue(items, '2026-11-24').map((i) => [i.title, i.dueState])).toEqual([
      ['overdue', 'overdue'],
      ['tomorrow', 'due-soon'],
      ['soon', 'due-soon'],
    ]);
  });
});

describe('translation drift', () => {
  const base = { defaultLocale: 'en', defaultLocaleLastApprovedAt: '2026-05-02T10:00:00.000Z' };
  it('flags a translation approved before the newest default-locale approval', () => {
    expect(translationMayBeOutOfDate({ ...base, locale: 'es', localeLastApprovedAt: '2026-05-01T10:00:00.000Z' })).toBe(true);
    expect(translationMayBeOutOfDate({ ...base, locale: 'es', localeLastApprovedAt: null })).toBe(true);
  });

  it('clears once the translation is approved again', () => {
    expect(translationMayBeOutOfDate({ ...base, locale: 'es', localeLastApprovedAt: '2026-05-03T10:00:00.000Z' })).toBe(false);
  });

  it('never flags the default locale itself, nor anything before any default approval', () => {
    expect(translationMayBeOutOfDate({ ...base, locale: 'en', localeLastApprovedAt: null })).toBe(false);
    expect(translationMayBeOutOfDate({ defaultLocale: 'en', locale: 'es', defaultLocaleLastApprovedAt: null })).toBe(false);
  });
});

describe('translation drift from the review logs', () => {
  const entry = (decision: ReviewLogEntry['decision'], revisionHash: string, at: string): ReviewLogEntry => ({ decision, revisionHash, actorId: '1', actorName: 'Dr', at: `2026-05-${at}T10:00:00.000Z` });
  // English text A approved on the 1st, Spanish approved on the 2nd, English text B approved on the 4th.
  const english = [entry('submitted', 'A', '01'), entry('approved', 'A', '01'), entry('submitted', 'B', '04'), entry('approved', 'B', '04')];
  const spanish = [entry('submitted', 'a', '02'), entry('approved', 'a', '02')];
  const outOfDate = (localeEntries: ReviewLogEntry[], defaultEntries = english) => translationOutOfDateFromLogs({ locale: 'es', defaultLocale: 'en', defaultEntries, localeEntries });

  it('flags the translation once the default text has a newer approval', () => {
    expect(outOfDate(spanish)).toBe(true);
    expect(outOfDate(spanish, english.slice(0, 2))).toBe(false);
  });

  it('stays flagged when the translation is re-confirmed: that says its text is still right, not that it follows the new default text', () => {
    const reconfirmed = [...spanish, entry('approved', 'a', '05')];
    expect(translationLastApprovedAt(reconfirmed)).toBe('2026-05-02T10:00:00.000Z');
    expect(outOfDate(reconfirmed)).toBe(true);
    expect(outOfDate([...reconfirmed, entry('unpublished', 'a', '06'), entry('approved', 'a', '07')])).toBe(true);
  });

  it('clears when the translation is submitted and approved again, changed or not', () => {
    expect(outOfDate([...spanish, entry('submitted', 'a', '05'), entry('approved', 'a', '05')])).toBe(false);
    expect(outOfDate([...spanish, entry('submitted', 'b', '05'), entry('approved', 'b', '05')])).toBe(false);
  });

  it('does not move when the default text is only re-confirmed', () => {
    const current = [...spanish, entry('submitted', 'a', '05'), entry('approved', 'a', '05')];
    expect(outOfDate(current, [...english, entry('approved', 'B', '09')])).toBe(false);
  });

  it('flags a translation never approved, once the default text is', () => {
    expect(outOfDate([entry('submitted', 'a', '02')])).toBe(true);
    expect(translationLastApprovedAt([])).toBeNull();
  });
});

describe('reviewsDueThrough', () => {
  it('is the last date reviewsDue still lists as due soon, across months and years', () => {
    expect(reviewsDueThrough('2026-11-24')).toBe('2026-12-24');
    expect(reviewsDueThrough('2026-12-15', 30)).toBe('2027-01-14');
    const today = '2026-02-10';
    const through = reviewsDueThrough(today);
    const listed = reviewsDue([{ nextReviewDue: through }, { nextReviewDue: reviewsDueThrough(through, 1) }], today);
    expect(listed.map((i) => i.nextReviewDue)).toEqual([through]);
  });
});
