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

/** The best meetings with the admin's locked pairs kept: see {@link lockedBMatching}. */
export interface LockedBMatching {
  /** Chosen `[row, col]` pairs, locked pairs first. */
  edges: Array<[number, number]>;
  total: number;
  /** Locked pairs that could not be kept: their mentee or mentor had no degree left. */
  dropped: Array<[number, number]>;
}

/**
 * Maximum-cardinality, maximum-score b-matching (each pair at most once) that keeps the locked
 * pairs. Locked pairs are taken first, in order, while both ends have degree left (a repeat of a
 * kept pair is ignored); the rest is the exact b-matching of the remaining degrees without the
 * kept pairs — so the result is optimal among b-matchings that contain the kept locked pairs.
 */
export function lockedBMatching(grid: ScoreGrid, rowCapacity: Int32Array, colCapacity: Int32Array, locked: ReadonlyArray<readonly [number, number]> = []): LockedBMatching {
  const rowLeft = Int32Array.from(rowCapacity);
  const colLeft = Int32Array.from(colCapacity);
  const kept = new Set<number>();
  const edges: Array<[number, number]> = [];
  const dropped: Array<[number, number]> = [];
  let total = 0;
  for (const [i, j] of locked) {
    const k = i * grid.cols + j;
    if (kept.has(k)) continue;
    if (rowLeft[i]! <= 0 || colLeft[j]! <= 0) {
      dropped.push([i, j]);
      continue;
    }
    kept.add(k);
    rowLeft[i]!--;
    colLeft[j]!--;
    edges.push([i, j]);
    total += grid.scores[k]!;
  }
  const data = eligibleScores(grid, kept.size ? (i, j) => !kept.has(i * grid.cols + j) : undefined);
  const rest = solveBMatching({ rows: grid.rows, cols: grid.cols, data }, { rowCapacity: rowLeft, colCapacity: colLeft, maximize: true });
  edges.push(...rest.edges);
  return { edges, total: total + rest.total, dropped };
}

/**
 * Speed-mentoring timetable over `slots` time slots: every mentee meets up to `slots` distinct
 * mentors, at most one per slot, and every mentor sees at most one mentee per slot. Locked pairs
 * meet in some slot (those beyond a participant's `slots` meetings are returned in `dropped`).
 *
 * Exact, not a bound: the meetings are a maximum-cardinality, maximum-score bipartite b-matching
 * with degree ≤ slots on both sides (each pair at most once), and by König's edge-colouring
 * theorem any bipartite graph of maximum degree S splits into S matchings — one per slot — so
 * every optimal set of meetings can be timetabled. (Solving slot by slot, each an assignment
 * with earlier slots excluded, can only do as well or worse.)
 * Returns the meetings of each slot as `[row, col]` pairs.
 */
export function solveTimetable(grid: ScoreGrid, slots: number, locked: ReadonlyArray<readonly [number, number]> = []): { rounds: Array<Array<[number, number]>>; dropped: Array<[number, number]> } {
  const result = lockedBMatching(grid, new Int32Array(grid.rows).fill(slots), new Int32Array(grid.cols).fill(slots), locked);
  const { color } = colorBipartiteEdges(grid.rows, grid.cols, result.edges);
  const rounds: Array<Array<[number, number]>> = Array.from({ length: slots }, () => []);
  result.edges.forEach((edge, e) => rounds[color[e]!]!.push(edge));
  return { rounds, dropped: result.dropped };
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
