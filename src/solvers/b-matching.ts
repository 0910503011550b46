import { MatchInputError, type MatchIssue } from "../errors.js";
import { readCounts, readDenseCost, type CostInput } from "./cost-input.js";
import { OptionReader } from "../guard.js";
import { orientDual, successiveShortestPaths, type BMatchingDual } from "./sparse-b-matching.js";

/**
 * Options for {@link solveBMatching}.
 * @remarks Since 0.1.0
 */
export interface BMatchingOptions {
  /** Most edges at each row (non-negative integers, one per row). */
  rowCapacity: ArrayLike<number>;
  /** Most edges at each column (non-negative integers, one per column). */
  colCapacity: ArrayLike<number>;
  /** Maximise the total instead of minimising it. Default `false`. */
  maximize?: boolean;
}

/**
 * A b-matching: each edge (row, col) used at most once.
 * @remarks Since 0.1.0
 */
export interface BMatchingResult {
  /** Chosen edges as `[row, col]`, sorted by row then column. */
  edges: Array<[number, number]>;
  /** Edges at each row. */
  rowLoad: Int32Array;
  /** Edges at each column. */
  colLoad: Int32Array;
  /** Sum of the chosen entries. */
  total: number;
  /**
   * Dual potentials proving the optimum (see {@link BMatchingDual}); forbidden pairs have none.
   * @remarks Since 0.2.0
   */
  dual: BMatchingDual;
}

/**
 * Maximum-cardinality, optimal-weight bipartite b-matching on a dense matrix: every row takes at
 * most `rowCapacity[i]` columns, every column at most `colCapacity[j]` rows, and each pair at
 * most once. Among all b-matchings with the most edges it returns one of optimal total.
 * Forbidden pairs are `+Infinity` (minimising) or `-Infinity` (maximising), as in
 * `solveAssignment`.
 *
 * The allowed pairs become a sparse graph solved as in {@link solveSparseBMatching}: successive
 * shortest paths with node potentials (R. K. Ahuja, T. L. Magnanti, J. B. Orlin, "Network
 * Flows", 1993, §9.7), one search per unit of the scarcer side, each stopping as soon as it
 * reaches a free partner, so a search touches a few rows and columns instead of the matrix.
 * Memory: about 13 bytes per allowed pair besides the input.
 * @remarks Since 0.1.0
 */
export function solveBMatching(cost: CostInput, options: BMatchingOptions): BMatchingResult {
  if (options === null || typeof options !== "object" || Array.isArray(options)) {
    throw new MatchInputError([{ path: ["options"], code: "type", message: "expected { rowCapacity, colCapacity, maximize? }" }]);
  }
  const read = new OptionReader(["options"]);
  const maximize = read.boolean(options as unknown as Record<string, unknown>, "maximize", false);
  read.done();
  // The matrix, then one Int32 column index, one Float64 cost and one flag per allowed pair.
  const { rows: n, cols: m, data } = readDenseCost(cost, "cost", 21);
  const issues: MatchIssue[] = [];
  const rowCap = readCounts(options.rowCapacity, "rowCapacity", n, issues, false, "row");
  const colCap = readCounts(options.colCapacity, "colCapacity", m, issues, false, "column");
  const forbidden = maximize ? -Infinity : Infinity;
  const rowDegree = new Int32Array(n);
  const colDegree = new Int32Array(m);
  for (let k = 0; k < n * m; k++) {
    const v = data[k]!;
    if (v === forbidden) continue;
    if (!Number.isFinite(v)) {
      if (issues.length < 20) {
        issues.push({
          path: ["cost", Math.floor(k / m), k % m],
          code: Number.isNaN(v) ? "nan" : "wrong-infinity",
          message: Number.isNaN(v) ? "is NaN" : `is ${v}; forbidden pairs are ${forbidden} when ${maximize ? "maximising" : "minimising"}`,
        });
      }
      continue;
    }
    rowDegree[Math.floor(k / m)]!++;
    colDegree[k % m]!++;
  }
  if (issues.length > 0) throw new MatchInputError(issues);

  let rowUnits = 0;
  let colUnits = 0;
  for (let i = 0; i < n; i++) rowUnits += Math.min(rowCap[i]!, rowDegree[i]!);
  for (let j = 0; j < m; j++) colUnits += Math.min(colCap[j]!, colDegree[j]!);
  const sign = maximize ? -1 : 1;
  // Build the graph from the driving side (the one with fewer units), allowed pairs only.
  const fromColumns = colUnits < rowUnits;
  const nA = fromColumns ? m : n;
  const nB = fromColumns ? n : m;
  const degree = fromColumns ? colDegree : rowDegree;
  const start = new Int32Array(nA + 1);
  for (let a = 0; a < nA; a++) start[a + 1] = start[a]! + degree[a]!;
  const to = new Int32Array(start[nA]!);
  const c = new Float64Array(start[nA]!);
  // One row-major pass either way (a column-major read of the matrix is cache-bound).
  const fill = start.slice(0, nA);
  for (let i = 0, k = 0; i < n; i++) {
    for (let j = 0; j < m; j++, k++) {
      const v = data[k]!;
      if (v === forbidden) continue;
      const e = fromColumns ? fill[j]!++ : fill[i]!++;
      to[e] = fromColumns ? i : j;
      c[e] = sign * v;
    }
  }
  const zeroA = new Int32Array(nA);
  const zeroB = new Int32Array(nB);
  const out = fromColumns
    ? successiveShortestPaths({ nA, nB, start, to, cost: c, capA: colCap, minA: zeroA, capB: rowCap, minB: zeroB })
    : successiveShortestPaths({ nA, nB, start, to, cost: c, capA: rowCap, minA: zeroA, capB: colCap, minB: zeroB });
  const dual: BMatchingDual = { row: new Float64Array(n), col: new Float64Array(m), rowTier: new Float64Array(n), colTier: new Float64Array(m) };
  orientDual(dual, out, fromColumns);

  const edges: Array<[number, number]> = [];
  const rowLoad = new Int32Array(n);
  const colLoad = new Int32Array(m);
  for (let a = 0; a < nA; a++) {
    for (let e = start[a]!; e < start[a + 1]!; e++) {
      if (!out.used[e]) continue;
      const i = fromColumns ? to[e]! : a;
      const j = fromColumns ? a : to[e]!;
      edges.push([i, j]);
      rowLoad[i]!++;
      colLoad[j]!++;
    }
  }
  edges.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  let total = 0;
  for (const [i, j] of edges) total += data[i * m + j]!;
  return { edges, rowLoad, colLoad, total, dual };
}
