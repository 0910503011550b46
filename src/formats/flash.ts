import { solveBMatching } from "../solvers/b-matching.js";
import { colorBipartiteEdges } from "../solvers/edge-coloring.js";

/** Scores and eligibility of a mentee × mentor matrix. */
export interface ScoreGrid {
  rows: number;
  cols: number;
  scores: Float64Array;
  eligible: Uint8Array;
}

/**
 * Solver weights of a score grid: the score where the pair is eligible (and `allow` agrees), −∞
 * (forbidden when maximising) elsewhere.
 */
export function eligibleScores(grid: ScoreGrid, allow?: (i: number, j: number) => boolean): Float64Array {
  const data = new Float64Array(grid.rows * grid.cols).fill(-Infinity);
  for (let i = 0; i < grid.rows; i++) {
    for (let j = 0; j < grid.cols; j++) {
      const k = i * grid.cols + j;
      if (grid.eligible[k] && (!allow || allow(i, j))) data[k] = grid.scores[k]!;
    }
  }
  return data;
}

/**
 * Speed-mentoring timetable over `slots` time slots: every mentee meets up to `slots` distinct
 * mentors, at most one per slot, and every mentor sees at most one mentee per slot.
 *
 * Exact, not a bound: the meetings are a maximum-cardinality, maximum-score bipartite b-matching
 * with degree ≤ slots on both sides (each pair at most once), and by König's edge-colouring
 * theorem any bipartite graph of maximum degree S splits into S matchings — one per slot — so
 * every optimal set of meetings can be timetabled. (Solving slot by slot, each an assignment
 * with earlier slots excluded, can only do as well or worse.)
 * Returns the meetings of each slot as `[row, col]` pairs.
 */
export function solveTimetable(grid: ScoreGrid, slots: number, rowCapacity?: Int32Array, colCapacity?: Int32Array): Array<Array<[number, number]>> {
  const data = eligibleScores(grid);
  const result = solveBMatching(
    { rows: grid.rows, cols: grid.cols, data },
    {
      rowCapacity: rowCapacity ?? new Int32Array(grid.rows).fill(slots),
      colCapacity: colCapacity ?? new Int32Array(grid.cols).fill(slots),
      maximize: true,
    },
  );
  const { color } = colorBipartiteEdges(grid.rows, grid.cols, result.edges);
  const rounds: Array<Array<[number, number]>> = Array.from({ length: slots }, () => []);
  result.edges.forEach((edge, e) => rounds[color[e]!]!.push(edge));
  return rounds;
}

/**
 * Capacity-aware shortlists: each mentee gets up to `k` eligible mentors, no mentor appears on
 * more than `limit[j]` shortlists, and the total score of all shortlists is the largest possible
 * (after giving as many mentees as many entries as possible). Exact b-matching.
 * Returns, per mentee, the shortlisted mentor columns, best score first.
 */
export function solveShortlists(grid: ScoreGrid, k: number, limit: Int32Array, allow?: (i: number, j: number) => boolean): number[][] {
  const data = eligibleScores(grid, allow);
  const result = solveBMatching({ rows: grid.rows, cols: grid.cols, data }, { rowCapacity: new Int32Array(grid.rows).fill(k), colCapacity: limit, maximize: true });
  const lists: number[][] = Array.from({ length: grid.rows }, () => []);
  for (const [i, j] of result.edges) lists[i]!.push(j);
  for (let i = 0; i < grid.rows; i++) lists[i]!.sort((a, b) => grid.scores[i * grid.cols + b]! - grid.scores[i * grid.cols + a]! || a - b);
  return lists;
}
