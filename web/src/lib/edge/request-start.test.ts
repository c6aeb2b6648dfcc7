import { UNKNOWN_START_MS, asRequest, workStartedAt } from './request-start.cjs';

describe('request-start: when the work storing an entry began', () => {
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

});
