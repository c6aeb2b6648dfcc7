import { diffArrays } from 'diff';
import type { RevisionValue } from './revision-hash';

/**
 * What changed between two revisions, as a physician reads it: each piece of text on its
 * own line, labelled with where it sits ("sections 3 › body"), then a line diff.
 */
export function revisionLines(content: RevisionValue, path: string[] = []): string[] {
  if (content === null || content === undefined) return [];
  if (Array.isArray(content)) return content.flatMap((item, i) => revisionLines(item, [...path, String(i + 1)]));
  if (typeof content === 'object') return Object.keys(content).sort().flatMap((key) => revisionLines(content[key]!, [...path, key]));
  const label = path.join(' › ');
  return String(content)
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => `${label}: ${line}`);
}

export type DiffLine = { kind: 'same' | 'added' | 'removed'; text: string };

/** A line diff (jsdiff's Myers diff over whole lines): what was removed, added or kept, in reading order. */
export function diffLines(before: readonly string[], after: readonly string[]): DiffLine[] {
  return diffArrays([...before], [...after]).flatMap((change) => {
    const kind: DiffLine['kind'] = change.added ? 'added' : change.removed ? 'removed' : 'same';
    return change.value.map((text) => ({ kind, text }));
  });
}

export function revisionDiff(before: RevisionValue | null | undefined, after: RevisionValue): DiffLine[] {
  return diffLines(before ? revisionLines(before) : [], revisionLines(after));
}
