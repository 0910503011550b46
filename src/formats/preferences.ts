import { stableMatching } from "../solvers/deferred-acceptance.js";
import { runSteps, STEP_WORK, type Steps } from "../steps.js";

/**
 * Preferences of both sides over eligible partners: the participant's own ranked list first
 * (in their order), then every other eligible partner by score, best first, ties by index (which
 * `match()` orders by id).
 */
export interface PreferenceProblem {
  rows: number;
  cols: number;
  scores: Float64Array;
  eligible: Uint8Array;
  /** rowRank[i].get(j) = position of col j in row i's ranked list. */
  rowRank: ReadonlyArray<ReadonlyMap<number, number> | undefined>;
  /** colRank[j].get(i) = position of row i in col j's ranked list. */
  colRank: ReadonlyArray<ReadonlyMap<number, number> | undefined>;
  capacity: Int32Array;
}

/** Negative when row i prefers col a to col b. */
function rowPrefers(p: PreferenceProblem, i: number, a: number, b: number): number {
  const rank = p.rowRank[i];
  const ra = rank?.get(a);
  const rb = rank?.get(b);
  if (ra !== undefined || rb !== undefined) return (ra ?? Infinity) - (rb ?? Infinity) || a - b;
  const sa = p.scores[i * p.cols + a]!;
  const sb = p.scores[i * p.cols + b]!;
  return sb - sa || a - b;
}

/** Negative when col j prefers row a to row b. */
function colPrefers(p: PreferenceProblem, j: number, a: number, b: number): number {
  const rank = p.colRank[j];
  const ra = rank?.get(a);
  const rb = rank?.get(b);
  if (ra !== undefined || rb !== undefined) return (ra ?? Infinity) - (rb ?? Infinity) || a - b;
  const sa = p.scores[a * p.cols + j]!;
  const sb = p.scores[b * p.cols + j]!;
  return sb - sa || a - b;
}

/** Complete preference lists (eligible partners only) for deferred acceptance. */
export function preferenceLists(p: PreferenceProblem): { rowPrefs: number[][]; colPrefs: number[][] } {
  const rowPrefs: number[][] = [];
  const colPrefs: number[][] = Array.from({ length: p.cols }, () => []);
  for (let i = 0; i < p.rows; i++) {
    const list: number[] = [];
    for (let j = 0; j < p.cols; j++) {
      if (p.eligible[i * p.cols + j]) {
        list.push(j);
        colPrefs[j]!.push(i);
      }
    }
    list.sort((a, b) => rowPrefers(p, i, a, b));
    rowPrefs.push(list);
  }
  colPrefs.forEach((list, j) => list.sort((a, b) => colPrefers(p, j, a, b)));
  return { rowPrefs, colPrefs };
}

/**
 * Mentee-proposing deferred acceptance over the completed preference lists, with mentor
 * capacities (Gale & Shapley 1962; Roth 1984 for capacities). Returns row → col (−1 unmatched).
 */
export function solveStable(p: PreferenceProblem): Int32Array {
  const { rowPrefs, colPrefs } = preferenceLists(p);
  return stableMatching(rowPrefs, colPrefs, { capacities: p.capacity }).proposerTo;
}

/**
 * Counts blocking pairs of an assignment under the completed preferences: an eligible pair
 * (i, j), not matched together, where mentee i is unmatched or prefers j to their mentor, and
 * mentor j has a free seat or prefers i to the least preferred mentee they hold. O(rows · cols).
 */
export function countBlockingPairs(p: PreferenceProblem, rowToCol: Int32Array): number {
  return runSteps(countBlockingPairsSteps(p, rowToCol));
}

/** {@link countBlockingPairs} as a resumable computation (yields between rows). */
export function* countBlockingPairsSteps(p: PreferenceProblem, rowToCol: Int32Array): Steps<number> {
  const load = new Int32Array(p.cols);
  const worst = new Int32Array(p.cols).fill(-1);
  for (let i = 0; i < p.rows; i++) {
    const j = rowToCol[i]!;
    if (j < 0) continue;
    load[j]!++;
    if (worst[j] === -1 || colPrefers(p, j, i, worst[j]!) > 0) worst[j] = i;
  }
  const blockingInRow = (i: number): number => {
    let count = 0;
    const current = rowToCol[i]!;
    for (let j = 0; j < p.cols; j++) {
      if (j === current || !p.eligible[i * p.cols + j]) continue;
      if (current >= 0 && rowPrefers(p, i, j, current) >= 0) continue;
      if (load[j]! < p.capacity[j]! || (worst[j]! >= 0 && colPrefers(p, j, i, worst[j]!) < 0)) count++;
    }
    return count;
  };
  let count = 0;
  for (let i = 0, work = 0; i < p.rows; i++) {
    count += blockingInRow(i);
    if ((work += p.cols) >= STEP_WORK) {
      work = 0;
      yield;
    }
  }
  return count;
}
