import { isNoticeActive, windowProblem } from './rebrand-window';

const window = { startsAt: '2024-04-01T00:00:00.000Z', endsAt: '2024-10-01T00:00:00.000Z' };

describe('rebrand window', () => {
  it('is active from its start up to, not including, its end', () => {
    expect(isNoticeActive(window, new Date('2024-04-01T00:00:00.000Z'))).toBe(true);
    expect(isNoticeActive(window, new Date('2024-09-30T23:59:59.999Z'))).toBe(true);
    expect(isNoticeActive(window, new Date('2024-10-01T00:00:00.000Z'))).toBe(false);
    expect(isNoticeActive(window, new Date('2024-03-31T23:59:59.999Z'))).toBe(false);
  });

  it('explains what is wrong with a window', () => {
    expect(windowProblem(window)).toBeNull();
    expect(windowProblem({ startsAt: window.endsAt, endsAt: window.startsAt })).toMatch(/end after it starts/);
    expect(windowProblem({ startsAt: 'soon', endsAt: window.endsAt })).toMatch(/ISO 8601/);
    expect(windowProblem({ startsAt: window.startsAt })).toMatch(/both/);
  });

  it('never shows a notice whose window is invalid', () => {
    expect(isNoticeActive({ startsAt: window.endsAt, endsAt: window.startsAt }, new Date('2024-05-01'))).toBe(false);
  });
});
