import { addMonths, nextReviewDue, parseIsoDate, reviewDueState, showsOverdueReviewNotice } from './review-schedule';

describe('review schedule', () => {
  it('adds the clinic interval to the review date', () => {
    expect(nextReviewDue('2024-04-25', 12)).toBe('2025-04-25');
    expect(nextReviewDue('2024-11-30', 3)).toBe('2025-02-28');
  });

  it('clamps to the end of a shorter month, including leap years', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2024-08-31', 1)).toBe('2024-09-30');
  });

  it('refuses intervals that are not whole positive months', () => {
    expect(() => addMonths('2024-01-01', 0)).toThrow(RangeError);
    expect(() => addMonths('2024-01-01', 1.5)).toThrow(/whole number/);
  });

  it('refuses dates that do not exist', () => {
    expect(() => parseIsoDate('2024-02-30')).toThrow(/real calendar date/);
    expect(() => parseIsoDate('25/04/2024')).toThrow(/YYYY-MM-DD/);
  });

  it('classifies due dates against today', () => {
    expect(reviewDueState('2024-05-01', '2024-05-02')).toBe('overdue');
    expect(reviewDueState('2024-05-31', '2024-05-01')).toBe('due-soon');
    expect(reviewDueState('2024-06-01', '2024-05-01')).toBe('current');
    expect(reviewDueState(null, '2024-05-01')).toBe('never-reviewed');
  });
});

describe('overdue notice for patients', () => {
  it('shows only after the due date, and only when the clinic turns it on', () => {
    expect(showsOverdueReviewNotice({ nextReviewDue: '2026-11-03', today: '2026-11-24', clinicShowsNotice: true })).toBe(true);
    expect(showsOverdueReviewNotice({ nextReviewDue: '2026-11-03', today: '2026-11-24', clinicShowsNotice: false })).toBe(false);
  });

  it('is not shown on the due date itself, before it, or on a page never reviewed', () => {
    expect(showsOverdueReviewNotice({ nextReviewDue: '2026-11-24', today: '2026-11-24', clinicShowsNotice: true })).toBe(false);
    expect(showsOverdueReviewNotice({ nextReviewDue: '2027-01-01', today: '2026-11-24', clinicShowsNotice: true })).toBe(false);
    expect(showsOverdueReviewNotice({ nextReviewDue: null, today: '2026-11-24', clinicShowsNotice: true })).toBe(false);
  });
});
