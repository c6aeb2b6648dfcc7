/**
 * Optimistic concurrency for drafts: an editor's save names the version of the draft they
 * loaded (its updatedAt); when the draft has been saved since, the save is stale and must not
 * overwrite the other editor's text. A save that names no version is not judged here (scripts
 * and older clients); the admin always names one.
 */

export type DraftSaveDecision =
  | { allowed: true }
  | { allowed: false; reason: 'stale' | 'gone' | 'malformed'; message: string };

const RELOAD = 'Reload the page to see the current text, then make your change again.';

export function judgeDraftSave(baseVersion: string | null | undefined, currentVersion: string | Date | null | undefined): DraftSaveDecision {
  if (baseVersion === null || baseVersion === undefined || baseVersion === '') return { allowed: true };
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
