import { judgeDraftSave } from './draft-version';

const loaded = '2026-11-24T07:00:00.123Z';

describe('draft save concurrency', () => {
  it('allows a save based on the current version, however the database spells the instant', () => {
    expect(judgeDraftSave(loaded, loaded)).toEqual({ allowed: true });
    expect(judgeDraftSave(loaded, new Date(loaded))).toEqual({ allowed: true });
    expect(judgeDraftSave(loaded, '2026-11-24 07:00:00.123+00')).toEqual({ allowed: true });
  });

  it('refuses a save based on an older version, saying what happened and what to do', () => {
    const decision = judgeDraftSave(loaded, '2026-11-24T07:00:05.000Z');
    expect(decision).toMatchObject({ allowed: false, reason: 'stale' });
    expect(!decision.allowed && decision.message).toMatch(/Someone else saved this draft after you opened it .*Reload the page/);
    // A version from the future is as stale as one from the past: only equality is current.
    expect(judgeDraftSave('2026-11-24T07:00:05.000Z', loaded)).toMatchObject({ allowed: false, reason: 'stale' });
  });

  it('refuses a save of a draft that is gone, and a version that is not a date', () => {
    expect(judgeDraftSave(loaded, null)).toMatchObject({ allowed: false, reason: 'gone' });
    expect(judgeDraftSave('yesterday', loaded)).toMatchObject({ allowed: false, reason: 'malformed' });
  });

  it('does not judge a save that names no version', () => {
    expect(judgeDraftSave(undefined, loaded)).toEqual({ allowed: true });
    expect(judgeDraftSave('', loaded)).toEqual({ allowed: true });
  });
});
