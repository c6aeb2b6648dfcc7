import { readFileSync, readdirSync } from 'node:fs';
import autocannon from 'autocannon';

/**
 * One load run with autocannon: a fixed number of connections for a fixed time, every
 * response checked (a non-2xx or a socket error counts as an error, never as throughput).
 */
export async function load({ url, method = 'GET', headers, body, connections, seconds }) {
  const result = await autocannon({ url, method, headers, body, connections, duration: seconds });
  return {
    requests: result.requests.total,
    reqPerSec: result.requests.total / (result.duration || seconds),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

/**
 * Runs a workload beside its reference, alternating (reference, workload) for each round so
 * that both see the same background noise, and keeps each side's median round by req/s.
 */
export async function sideBySide({ rounds, warmupSeconds, seconds, connections, workload, reference, progress, afterRun = async () => ({}) }) {
  const runs = { workload: [], reference: [] };
  for (const [side, target] of [['reference', reference], ['workload', workload]]) {
    progress(`warming up ${target.name} (${warmupSeconds} s)`);
    await load({ ...target.request, connections, seconds: warmupSeconds });
  }
  for (let round = 1; round <= rounds; round += 1) {
    for (const [side, target] of [['reference', reference], ['workload', workload]]) {
      progress(`round ${round}/${rounds}: ${target.name} (${seconds} s, ${connections} connections)`);
      const before = (await target.before?.()) ?? {};
      const result = await load({ ...target.request, connections, seconds });
      runs[side].push({ ...result, ...(await target.after?.(before, result)), ...(await afterRun(side)) });
    }
  }
  const median = (list) => [...list].sort((a, b) => a.reqPerSec - b.reqPerSec)[Math.floor(list.length / 2)];
  return { workload: median(runs.workload), reference: median(runs.reference), rounds: runs };
}

/** Resident memory of a process and its descendants, in MB (Linux /proc; null elsewhere). */
export function residentMemoryMb(pid) {
  try {
    const parents = new Map();
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      } catch {
        // the process ended meanwhile
      }
    }
    const tree = new Set([pid]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const [child, parent] of parents) if (tree.has(parent) && !tree.has(child)) grew = tree.add(child);
    }
    let kb = 0;
    for (const member of tree) {
      const match = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${member}/status`, 'utf8'));
      if (match) kb += Number(match[1]);
    }
    return kb / 1024;
  } catch {
    return null;
  }
}
