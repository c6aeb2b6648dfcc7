import { UNKNOWN_START_MS, asRequest, revalidatedSince, workStartedAt } from './request-start.cjs';

describe('request-start: whether an entry was made by work begun before a revalidation', () => {
  it('knows when the request behind the work began, and assumes long ago outside one', async () => {
    const before = Date.now();
    const started = await asRequest(async () => {
      await new Promise((r) => setTimeout(r, 20));
      return workStartedAt();
    });
    expect(started).toBeGreaterThanOrEqual(before);
    expect(started).toBeLessThan(before + 15);
    expect(workStartedAt(1_000_000)).toBe(1_000_000 - UNKNOWN_START_MS);
  });

  it('a tag marked stale or expired after the start counts; before it, or expiring later, does not', () => {
    const now = 10_000;
    expect(revalidatedSince([{ stale: 5_001, expired: 5_001 }], 5_000, now)).toBe(true);
    expect(revalidatedSince([null, undefined, { expired: 6_000 }], 5_000, now)).toBe(true);
    expect(revalidatedSince([{ stale: 4_999, expired: 4_999 }], 5_000, now)).toBe(false);
    expect(revalidatedSince([{ expired: 20_000 }], 5_000, now)).toBe(false);
    expect(revalidatedSince([], 5_000, now)).toBe(false);
  });
});
