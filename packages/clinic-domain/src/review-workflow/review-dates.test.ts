import { bylineFromApproval, reviewIntervalMonths, reviewsDue, reviewsDueThrough, translationMayBeOutOfDate } from './review-dates';

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
