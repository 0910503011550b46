import { maxWeightMatchingSteps } from "../solvers/blossom.js";
import { runSteps, type Steps } from "../steps.js";

/** A peer pool in numbers: an n × n symmetric score matrix with eligibility. */
export interface PeerProblem {
  n: number;
  scores: Float64Array;
  eligible: Uint8Array;
  /** Locked pairs, kept as given (a pair may be listed in both orientations; it is kept once). */
  locked: ReadonlyArray<readonly [number, number]>;
}

/** Peer groups: pairs, and at most one triad per left-over participant when asked. */
export interface PeerSolution {
  groups: number[][];
  leftOut: number[];
  /** Locked pairs not kept because a member is already locked to someone else. */
  lockConflicts: Array<[number, number]>;
  solver: string;
  optimal: boolean;
}

/**
 * Pairs a peer pool exactly: maximum-cardinality, maximum-weight general matching (Edmonds'
 * blossom algorithm) over eligible pairs, after fixing locked pairs. A pair is eligible only when
 * both directions are. With `oddPolicy: "triad"` each participant left over joins the pair where
 * they add the most (both new pairs eligible), one extra per pair: the pairs are optimal, the
 * triads are the best completion of them, not a joint optimum.
 */
export function solvePeers(problem: PeerProblem, oddPolicy: "leave-out" | "triad"): PeerSolution {
  return runSteps(solvePeersSteps(problem, oddPolicy));
}

/** {@link solvePeers} as a resumable computation (see `src/steps.ts`), for `match()`. */
export function* solvePeersSteps(problem: PeerProblem, oddPolicy: "leave-out" | "triad"): Steps<PeerSolution> {
  const { n, scores, eligible } = problem;
  const taken = new Uint8Array(n);
  const groups: number[][] = [];
  const lockConflicts: Array<[number, number]> = [];
  // The matrix lists a locked peer pair in both orientations: keep it once.
  const partner = new Int32Array(n).fill(-1);
  for (const [a, b] of problem.locked) {
    if (partner[a] === b) continue;
    if (taken[a] || taken[b]) {
      lockConflicts.push([a, b]);
      continue;
    }
    partner[a] = b;
    partner[b] = a;
    taken[a] = 1;
    taken[b] = 1;
    groups.push([Math.min(a, b), Math.max(a, b)]);
  }
  const ok = (a: number, b: number) => eligible[a * n + b] === 1 && eligible[b * n + a] === 1;
  const edges: Array<[number, number, number]> = [];
  for (let a = 0; a < n; a++) {
    if (taken[a]) continue;
    for (let b = a + 1; b < n; b++) if (!taken[b] && ok(a, b)) edges.push([a, b, scores[a * n + b]!]);
    if (a % 256 === 255) yield;
  }
  const { mate } = yield* maxWeightMatchingSteps(n, edges, { maxCardinality: true });
  for (let a = 0; a < n; a++) if (!taken[a] && mate[a]! > a) groups.push([a, mate[a]!]);
  let leftOut: number[] = [];
  for (let a = 0; a < n; a++) if (!taken[a] && mate[a] === -1) leftOut.push(a);

  if (oddPolicy === "triad" && leftOut.length > 0) {
    const grown = new Uint8Array(groups.length);
    const still: number[] = [];
    for (const x of leftOut) {
      let best = -1;
      let bestGain = -Infinity;
      groups.forEach((g, k) => {
        if (grown[k] || g.length !== 2) return;
        const [a, b] = g as [number, number];
        if (!ok(x, a) || !ok(x, b)) return;
        const gain = scores[x * n + a]! + scores[x * n + b]!;
        if (gain > bestGain) {
          bestGain = gain;
          best = k;
        }
      });
      if (best === -1) still.push(x);
      else {
        grown[best] = 1;
        groups[best] = [...groups[best]!, x].sort((p, q) => p - q);
      }
    }
    leftOut = still;
  }
  groups.sort((g, h) => g[0]! - h[0]!);
  return { groups, leftOut, lockConflicts, solver: "blossom", optimal: true };
}
