import { sparseBMatchingSteps, type SparseBipartiteGraph } from "../solvers/sparse-b-matching.js";
import { runSteps, STEP_WORK, type Steps } from "../steps.js";

/** A mentee × mentor problem in numbers, built by `match()` from a compatibility matrix. */
export interface PairProblem {
  rows: number;
  cols: number;
  /** Composite scores, row-major. */
  scores: Float64Array;
  /** 1 where the pair may be matched (locked pairs included). */
  eligible: Uint8Array;
  capacity: Int32Array;
  minimum: Int32Array;
  /** Rows flagged as priority (objective `priority`). */
  priority: Uint8Array;
  /** Admin-locked pairs, kept as given. */
  locked: ReadonlyArray<readonly [number, number]>;
}

/** The solved problem: an assignment and how it was found. */
export interface PairSolution {
  rowToCol: Int32Array;
  load: Int32Array;
  unmetMinimum: number[];
  /** Lowest score the solution was restricted to (objective `maxMin`), else null. */
  threshold: number | null;
  solver: string;
  optimal: boolean;
}

/**
 * Solves one-on-one (and reverse) programmes exactly. Locked pairs are fixed first; the rest is a
 * capacitated assignment solved by min-cost flow, lexicographically: most mentees matched, then
 * mentor minimums met, then the objective:
 * - `maxTotal`: the largest total score;
 * - `maxMin`: the largest possible lowest score (bottleneck) among the solutions with the most
 *   mentees matched and, among those, the most minimum seats filled — found by binary search over
 *   the sorted distinct scores, each step one exact flow solve — then the largest total among
 *   matchings whose every free pair reaches it (so the order is: most matched, mentor minimums,
 *   best lowest score, total). Minimum loads are commitments to mentors, so they come before
 *   the worst score;
 * - `priority`: as many priority mentees as possible, then the largest total. Exact because the
 *   rows a bipartite matching can cover form a matroid (so the most-matched and the most-priority
 *   goals never conflict) and a bonus of rows + 1 per priority mentee outweighs any score sum.
 */
export function solvePairs(problem: PairProblem, objective: "maxTotal" | "maxMin" | "priority"): PairSolution {
  return runSteps(solvePairsSteps(problem, objective));
}

/** {@link solvePairs} as a resumable computation (see `src/steps.ts`), for `match()`. */
export function* solvePairsSteps(problem: PairProblem, objective: "maxTotal" | "maxMin" | "priority"): Steps<PairSolution> {
  const { rows, cols, scores, eligible } = problem;
  const { rowToCol, capacity, minimum, freeRows } = fixLockedPairs(rows, cols, problem);
  const n = freeRows.length;

  // Eligible free pairs as a sparse graph (row r = freeRows[r]); a threshold or a bonus only
  // filters or shifts weights, so the structure is built once per call.
  // (`match()` runs this in slices: a checkpoint about every STEP_WORK cells read.)
  const rowStart = new Int32Array(n + 1);
  for (let r = 0, work = 0; r < n; r++) {
    const base = freeRows[r]! * cols;
    let d = 0;
    for (let j = 0; j < cols; j++) d += eligible[base + j]!;
    rowStart[r + 1] = rowStart[r]! + d;
    if ((work += cols) >= STEP_WORK) { work = 0; yield; }
  }
  const E = rowStart[n]!;
  const colOf = new Int32Array(E);
  const scoreOf = new Float64Array(E);
  for (let r = 0, e = 0, work = 0; r < n; r++) {
    const base = freeRows[r]! * cols;
    for (let j = 0; j < cols; j++) if (eligible[base + j]) { colOf[e] = j; scoreOf[e++] = scores[base + j]!; }
    if ((work += cols) >= STEP_WORK) { work = 0; yield; }
  }
  function* solve(threshold: number, bonus: number) {
    let graph: SparseBipartiteGraph = { rows: n, cols, rowStart, col: colOf, weight: scoreOf };
    if (threshold > -Infinity || bonus > 0) {
      // Two passes (count, then fill typed arrays) with checkpoints between rows.
      const start = new Int32Array(n + 1);
      for (let r = 0; r < n; r++) {
        let kept = 0;
        for (let e = rowStart[r]!; e < rowStart[r + 1]!; e++) if (scoreOf[e]! >= threshold) kept++;
        start[r + 1] = start[r]! + kept;
        if (r % 256 === 255) yield;
      }
      const col = new Int32Array(start[n]!);
      const weight = new Float64Array(start[n]!);
      for (let r = 0, t = 0; r < n; r++) {
        const extra = bonus > 0 && problem.priority[freeRows[r]!] ? bonus : 0;
        for (let e = rowStart[r]!; e < rowStart[r + 1]!; e++) if (scoreOf[e]! >= threshold) { col[t] = colOf[e]!; weight[t++] = scoreOf[e]! + extra; }
        if (r % 256 === 255) yield;
      }
      graph = { rows: n, cols, rowStart: start, col, weight };
    }
    const out = yield* sparseBMatchingSteps(graph, { rowCapacity: new Int32Array(n).fill(1), colCapacity: capacity, colMinimum: minimum, maximize: true });
    const map = new Int32Array(n).fill(-1);
    for (let r = 0; r < n; r++) for (let e = graph.rowStart[r]!; e < graph.rowStart[r + 1]!; e++) if (out.used[e]) map[r] = graph.col[e]!;
    return { rowToCol: map };
  }
  const matched = (rowMap: Int32Array) => rowMap.reduce((c, j) => (j >= 0 ? c + 1 : c), 0);
  /** Minimum seats filled (Σ_j min(load_j, minimum_j) over the free part). */
  const filled = (rowMap: Int32Array) => {
    const load = new Int32Array(cols);
    for (const j of rowMap) if (j >= 0) load[j]!++;
    let seats = 0;
    for (let j = 0; j < cols; j++) seats += Math.min(load[j]!, minimum[j]!);
    return seats;
  };

  let best = yield* solve(-Infinity, objective === "priority" ? rows + 1 : 0);
  let threshold: number | null = null;
  if (objective === "maxMin" && n > 0) {
    const target = matched(best.rowToCol);
    const seats = filled(best.rowToCol);
    const distinct = new Set<number>();
    for (let e = 0; e < E; e++) {
      distinct.add(scoreOf[e]!);
      if (e % STEP_WORK === STEP_WORK - 1) yield;
    }
    const sorted = Float64Array.from(distinct).sort();
    // Largest index whose threshold still lets `target` mentees be matched with `seats` minimum
    // seats filled; index 0 always does. (Raising the threshold only removes pairs, so the best
    // (matched, seats) it allows never rises: the test is monotone and bisection is exact.)
    let lo = 0;
    let hi = sorted.length - 1;
    let at = best;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      const trial = yield* solve(sorted[mid]!, 0);
      if (matched(trial.rowToCol) === target && filled(trial.rowToCol) === seats) {
        lo = mid;
        at = trial;
      } else hi = mid - 1;
    }
    if (sorted.length > 0) {
      threshold = sorted[lo]!;
      best = lo === 0 ? best : at;
    }
  }
  for (let r = 0; r < n; r++) rowToCol[freeRows[r]!] = best.rowToCol[r]!;
  const load = new Int32Array(cols);
  for (let i = 0; i < rows; i++) if (rowToCol[i]! >= 0) load[rowToCol[i]!]!++;
  const unmetMinimum: number[] = [];
  for (let j = 0; j < cols; j++) if (load[j]! < problem.minimum[j]!) unmetMinimum.push(j);
  return { rowToCol, load, unmetMinimum, threshold, solver: objective === "maxMin" ? "min-cost-flow+bottleneck-search" : "min-cost-flow", optimal: true };
}

/**
 * Total of the free (unlocked) part of a solution, for comparisons in `explainWhyNot`.
 */
export function totalScore(problem: PairProblem, rowToCol: Int32Array): number {
  let total = 0;
  for (let i = 0; i < problem.rows; i++) {
    const j = rowToCol[i]!;
    if (j >= 0) total += problem.scores[i * problem.cols + j]!;
  }
  return total;
}

/**
 * Locked pairs placed first: each locked row takes its column, and every column keeps the seats
 * and minimum that remain for the free rows.
 * @internal
 */
export function fixLockedPairs(
  rows: number,
  cols: number,
  problem: { capacity: ArrayLike<number>; minimum: ArrayLike<number>; locked: ReadonlyArray<readonly [number, number]> },
): { rowToCol: Int32Array; capacity: Int32Array; minimum: Int32Array; freeRows: number[] } {
  const rowToCol = new Int32Array(rows).fill(-1);
  const capacity = Int32Array.from(problem.capacity);
  const minimum = Int32Array.from(problem.minimum);
  const fixedLoad = new Int32Array(cols);
  for (const [i, j] of problem.locked) {
    rowToCol[i] = j;
    fixedLoad[j]!++;
  }
  for (let j = 0; j < cols; j++) {
    capacity[j] = Math.max(0, capacity[j]! - fixedLoad[j]!);
    minimum[j] = Math.max(0, Math.min(capacity[j]!, minimum[j]! - fixedLoad[j]!));
  }
  const freeRows: number[] = [];
  for (let i = 0; i < rows; i++) if (rowToCol[i] === -1) freeRows.push(i);
  return { rowToCol, capacity, minimum, freeRows };
}
