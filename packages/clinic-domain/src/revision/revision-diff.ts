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

/** Longest-common-subsequence line diff; revisions are a few hundred lines at most. */
export function diffLines(before: readonly string[], after: readonly string[]): DiffLine[] {
  const n = before.length;
  const m = after.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = before[i] === after[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (before[i] === after[j]) {
      out.push({ kind: 'same', text: before[i]! });
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) out.push({ kind: 'removed', text: before[i++]! });
    else out.push({ kind: 'added', text: after[j++]! });
  }
  while (i < n) out.push({ kind: 'removed', text: before[i++]! });
  while (j < m) out.push({ kind: 'added', text: after[j++]! });
  return out;
}

export function revisionDiff(before: RevisionValue | null | undefined, after: RevisionValue): DiffLine[] {
  return diffLines(before ? revisionLines(before) : [], revisionLines(after));
}
