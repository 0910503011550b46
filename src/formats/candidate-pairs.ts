import { solveSubgraphBMatching, type SparseBipartiteGraph } from "../solvers/sparse-b-matching.js";
import { fixLockedPairs, type PairSolution } from "./one-on-one.js";

/**
 * A one-on-one problem given by each mentee's candidate mentors instead of a dense matrix, with
 * what the optimality certificate needs about the pairs left out.
 * @internal
 */
export interface CandidatePairProblem {
  rows: number;
  cols: number;
  /** Candidate pairs (eligible or locked), row-major CSR with scores. */
  rowStart: Int32Array;
  col: Int32Array;
  score: Float64Array;
  /** Eligible pairs per row and per column in the full problem. */
  eligibleCount: Int32Array;
  colEligibleCount: Int32Array;
  /** Per row, an upper bound on the score of every eligible pair left out (−Infinity: none). */
  cutoff: Float64Array;
  capacity: Int32Array;
  minimum: Int32Array;
  priority: Uint8Array;
  locked: ReadonlyArray<readonly [number, number]>;
  /**
   * Scores of row i against columns `js[0 .. count)` into `scores[t]`, and 1/0 eligibility into
   * `eligible[t]` (rows with a locked pair are never asked).
   */
  rescore(i: number, js: Int32Array, count: number, scores: Float64Array, eligible: Uint8Array): void;
}

/**
 * How the sparse optimum was proved optimal for the full problem.
 * @remarks Since 0.2.0
 */
export interface CandidateCertificate {
  /** True when no eligible pair left out could improve the result (it is optimal for the full cohort). */
  certified: boolean;
  /** Candidate pairs the first solve used, and pairs the certificate added afterwards. */
  candidates: number;
  added: number;
  /** Solves run (1 when the first candidate set was already enough). */
  rounds: number;
  /** Rows whose pairs had to be scored again because the cutoff bound alone did not settle them. */
  rowsRescored: number;
  /** Left-out pairs with negative reduced cost when the round limit stopped the loop (0 when certified). */
  violations: number;
}

/** Solution of {@link solveCandidatePairs}: a pair solution and its certificate. */
export interface CandidatePairSolution extends PairSolution {
  certificate: CandidateCertificate;
}

/**
 * Solves one-on-one on candidate pairs and certifies the result for the full problem.
 *
 * Locked pairs are fixed first, as in `solvePairs`. The free rows are a b-matching (rows take one
 * column) solved with {@link solveSubgraphBMatching}, whose lexicographic objective (most rows
 * matched, then minimum seats, then score, with `priority` as a bonus of rows + 1 per priority
 * mentee) is the dense path's. Its duals (π, tiers) give every pair a reduced cost
 * rc(i, j) = (tier_i − tier_j, −w_ij + π_i − π_j), and every arc of the candidate flow network has
 * rc ≥ 0 at the optimum (Ahuja, Magnanti, Orlin, "Network Flows", 1993, §9.3, reduced-cost
 * optimality). Adding a left-out pair with rc ≥ 0 creates no negative cycle, so if every eligible
 * pair passes, the sparse optimum is optimal for the full problem — cardinality and minimum seats
 * included, since those are the tier part of the same reduced cost.
 *
 * The check is streamed and mostly arithmetic: every left-out pair of row i scores at most
 * `cutoff[i]`, so only columns whose dual exceeds π_i − cutoff_i (or whose tier is above the row's)
 * can hold a violation; those pairs alone are scored again, nothing is stored per pair. Pairs that fail are added and the problem solved
 * again, up to `maxRounds` solves.
 * @internal
 */
export function solveCandidatePairs(problem: CandidatePairProblem, objective: "maxTotal" | "priority", maxRounds = 25): CandidatePairSolution {
  const { rows, cols } = problem;
  const { rowToCol, capacity, minimum, freeRows } = fixLockedPairs(rows, cols, problem);
  const n = freeRows.length;
  const bonus = objective === "priority" ? rows + 1 : 0;
  const extraOf = (i: number) => (bonus > 0 && problem.priority[i] ? bonus : 0);
  const fullRowDegree = Int32Array.from(freeRows, (i) => problem.eligibleCount[i]!);
  // Pairs added by the certificate, per free row.
  const added: number[][] = Array.from({ length: n }, () => []);
  const addedScore: number[][] = Array.from({ length: n }, () => []);
  let addedCount = 0;
  const initial = freeRows.reduce((s, i) => s + problem.rowStart[i + 1]! - problem.rowStart[i]!, 0);

  const build = (): SparseBipartiteGraph => {
    const rowStart = new Int32Array(n + 1);
    for (let r = 0; r < n; r++) {
      const i = freeRows[r]!;
      rowStart[r + 1] = rowStart[r]! + problem.rowStart[i + 1]! - problem.rowStart[i]! + added[r]!.length;
    }
    const col = new Int32Array(rowStart[n]!);
    const weight = new Float64Array(rowStart[n]!);
    for (let r = 0; r < n; r++) {
      const i = freeRows[r]!;
      const extra = extraOf(i);
      let e = rowStart[r]!;
      for (let k = problem.rowStart[i]!; k < problem.rowStart[i + 1]!; k++, e++) { col[e] = problem.col[k]!; weight[e] = problem.score[k]! + extra; }
      const more = added[r]!;
      for (let t = 0; t < more.length; t++, e++) { col[e] = more[t]!; weight[e] = addedScore[r]![t]! + extra; }
    }
    return { rows: n, cols, rowStart, col, weight };
  };

  const scores = new Float64Array(cols);
  const eligible = new Uint8Array(cols);
  const inGraph = new Int32Array(cols).fill(-1);
  const check = new Int32Array(cols);
  let rounds = 0;
  let rowsRescored = 0;
  let violations: number;
  let graph = build();
  let solution = solveSubgraphBMatching(graph, { rowCapacity: new Int32Array(n).fill(1), colCapacity: capacity, colMinimum: minimum, maximize: true }, fullRowDegree, problem.colEligibleCount);
  for (;;) {
    rounds++;
    const { row: pi, col: pj, rowTier, colTier } = solution.dual;
    const eps = 1e-9 * (1 + bonus);
    // Columns that can take someone, grouped by tier, each group by decreasing dual: a left-out
    // pair (r, j) scoring at most w can only have negative reduced cost if π_j > π_r − w.
    const byTier = new Map<number, number[]>();
    for (let j = 0; j < cols; j++) {
      if (capacity[j] === 0) continue;
      const list = byTier.get(colTier[j]!);
      if (list) list.push(j); else byTier.set(colTier[j]!, [j]);
    }
    const tiers = [...byTier].map(([t, list]) => ({ t, list: Int32Array.from(list.sort((x, y) => pj[y]! - pj[x]! || x - y)) }));
    let found = 0;
    for (let r = 0; r < n; r++) {
      const i = freeRows[r]!;
      const degree = graph.rowStart[r + 1]! - graph.rowStart[r]!;
      if (problem.eligibleCount[i]! <= degree) continue;
      const wMax = problem.cutoff[i]! + extraOf(i);
      const stamp = r + rounds * n;
      let marked = false;
      let count = 0;
      for (const { t, list } of tiers) {
        const p = rowTier[r]! - t;
        if (p > 0) continue;
        for (let q = 0; q < list.length; q++) {
          const j = list[q]!;
          if (p === 0 && !(-wMax + pi[r]! - pj[j]! < -eps)) break;
          if (!marked) {
            for (let e = graph.rowStart[r]!; e < graph.rowStart[r + 1]!; e++) inGraph[graph.col[e]!] = stamp;
            marked = true;
          }
          if (inGraph[j] !== stamp) check[count++] = j;
        }
      }
      if (count === 0) continue;
      rowsRescored++;
      problem.rescore(i, check, count, scores, eligible);
      for (let q = 0; q < count; q++) {
        if (!eligible[q]) continue;
        const j = check[q]!;
        const w = scores[q]! + extraOf(i);
        const p = rowTier[r]! - colTier[j]!;
        if (p < 0 || (p === 0 && -w + pi[r]! - pj[j]! < -eps)) {
          added[r]!.push(j);
          addedScore[r]!.push(scores[q]!);
          found++;
        }
      }
    }
    violations = found;
    if (found === 0 || rounds >= maxRounds) break;
    addedCount += found;
    graph = build();
    solution = solveSubgraphBMatching(graph, { rowCapacity: new Int32Array(n).fill(1), colCapacity: capacity, colMinimum: minimum, maximize: true }, fullRowDegree, problem.colEligibleCount);
  }

  for (let r = 0; r < n; r++) {
    for (let e = graph.rowStart[r]!; e < graph.rowStart[r + 1]!; e++) if (solution.used[e]) rowToCol[freeRows[r]!] = graph.col[e]!;
  }
  const load = new Int32Array(cols);
  for (let i = 0; i < rows; i++) if (rowToCol[i]! >= 0) load[rowToCol[i]!]!++;
  const unmetMinimum: number[] = [];
  for (let j = 0; j < cols; j++) if (load[j]! < problem.minimum[j]!) unmetMinimum.push(j);
  const certified = violations === 0;
  return {
    rowToCol, load, unmetMinimum, threshold: null, solver: "sparse-min-cost-flow", optimal: certified,
    certificate: { certified, candidates: initial, added: addedCount, rounds, rowsRescored, violations },
  };
}
