/**
 * Optimistic concurrency for drafts: an editor's save names the version of the draft they
 * loaded (its updatedAt); when the draft has been saved since, the save is stale and must not
 * overwrite the other editor's text. A save that writes fields over an existing draft must name
 * the version it is based on: without one, nobody can tell it is not overwriting someone's text
 * (the admin always names one; a script names the updatedAt it read). Creating a draft, or a
 * save that writes nothing (a publish of the draft as it is), has nothing to overwrite.
 */

export type DraftSaveDecision =
  | { allowed: true }
  | { allowed: false; reason: 'stale' | 'gone' | 'malformed' | 'unversioned'; message: string };

const RELOAD = 'Reload the page to see the current text, then make your change again.';

export interface DraftSave {
  /** The updatedAt of the draft the save is based on, as the client sent it. */
  baseVersion: string | null | undefined;
  /** The draft's updatedAt now, read under lock; null when there is no draft. */
  currentVersion: string | Date | null | undefined;
  /** Whether the save sets any field (a publish of the draft as it is sets none). */
  writesFields: boolean;
}

export function judgeDraftSave({ baseVersion, currentVersion, writesFields }: DraftSave): DraftSaveDecision {
  if (baseVersion === null || baseVersion === undefined || baseVersion === '') {
    if (!writesFields || currentVersion === null || currentVersion === undefined) return { allowed: true };
    return {
      allowed: false,
      reason: 'unversioned',
      message:
        'This save does not say which version of the draft it is based on, so it could overwrite text someone else saved. Read the draft first and send its updatedAt, in the X-Clinic-Draft-Version header or as "updatedAt" in the body.',
    };
  }
  const base = Date.parse(baseVersion);
  if (Number.isNaN(base)) return { allowed: false, reason: 'malformed', message: `The draft version "${baseVersion.slice(0, 40)}" is not a date-time; send the updatedAt of the draft you loaded.` };
  if (currentVersion === null || currentVersion === undefined) {
    return { allowed: false, reason: 'gone', message: `This draft was deleted or discarded after you opened it, so your save was not applied. ${RELOAD}` };
  }
  const current = currentVersion instanceof Date ? currentVersion.getTime() : Date.parse(currentVersion);
  if (current === base) return { allowed: true };
  const when = Number.isNaN(current) ? '' : ` (saved ${new Date(current).toISOString()})`;
  return { allowed: false, reason: 'stale', message: `Someone else saved this draft after you opened it${when}; your save was not applied so as not to overwrite their text. ${RELOAD}` };
}
