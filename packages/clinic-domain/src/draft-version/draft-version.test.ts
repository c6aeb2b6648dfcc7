import { judgeDraftSave } from './draft-version';

const loaded = '2026-11-24T07:00:00.123Z';
const save = (baseVersion: string | null | undefined, currentVersion: string | Date | null | undefined, writesFields = true) =>
  judgeDraftSave({ baseVersion, currentVersion, writesFields });

describe('draft save concurrency', () => {
  it('allows a save based on the current version, however the database spells the instant', () => {
    expect(save(loaded, loaded)).toEqual({ allowed: true });
    expect(save(loaded, new Date(loaded))).toEqual({ allowed: true });
    expect(save(loaded, '2026-11-24 07:00:00.123+00')).toEqual({ allowed: true });
  });

  it('refuses a save based on an older version, saying what happened and what to do', () => {
    const decision = save(loaded, '2026-11-24T07:00:05.000Z');
    expect(decision).toMatchObject({ allowed: false, reason: 'stale' });
    expect(!decision.allowed && decision.message).toMatch(/Someone else saved this draft after you opened it .*Reload the page/);
    // A version from the future is as stale as one from the past: only equality is current.
    expect(save('2026-11-24T07:00:05.000Z', loaded)).toMatchObject({ allowed: false, reason: 'stale' });
  });

  it('refuses a save of a draft that is gone, and a version that is not a date', () => {
    expect(save(loaded, null)).toMatchObject({ allowed: false, reason: 'gone' });
    expect(save('yesterday', loaded)).toMatchObject({ allowed: false, reason: 'malformed' });
  });

  it('refuses a save that writes over an existing draft without naming a version, saying how to name one', () => {
    for (const missing of [undefined, null, '']) {
      const decision = save(missing, loaded);
      expect(decision).toMatchObject({ allowed: false, reason: 'unversioned' });
      expect(!decision.allowed && decision.message).toMatch(/X-Clinic-Draft-Version.*updatedAt/);
    }
  });

  it('lets a save without a version through when it has nothing to overwrite: no draft yet, or no field set', () => {
    expect(save(undefined, null)).toEqual({ allowed: true });
    expect(save(undefined, loaded, false)).toEqual({ allowed: true });
    // A version that is named is judged even when no field is set.
    expect(save('2026-11-24T07:00:05.000Z', loaded, false)).toMatchObject({ allowed: false, reason: 'stale' });
  });
});
