import { MatchInputError, type MatchIssue } from "../errors.js";
import { readDenseCost, type CostInput, type DenseCost } from "./cost-input.js";
import { OptionReader, readNumberArray, readOptions } from "../guard.js";

function readAssignment(result: unknown): { rowToCol: ArrayLike<number>; colToRow: ArrayLike<number>; total: number } {
  const r = readOptions<AssignmentResult>(result ?? null, "result") as Record<string, unknown>;
  const read = new OptionReader(["result"]);
  const total = read.number(r, "total", Number.NaN, -Infinity, Infinity);
  read.done();
  return { rowToCol: readNumberArray(r["rowToCol"], ["result", "rowToCol"]), colToRow: readNumberArray(r["colToRow"], ["result", "colToRow"]), total };
}

/**
 * Options of {@link solveAssignment} and {@link verifyAssignment}.
 * @remarks Since 0.1.0
 */
export interface AssignmentOptions {
  /**
   * Maximise the total instead of minimising it. Forbidden pairs are then marked `-Infinity`.
   * @defaultValue false
   */
  maximize?: boolean;
}

/**
 * An assignment of rows to columns. `-1` marks an unassigned row or column.
 * @remarks Since 0.1.0
 */
export interface AssignmentResult {
  /** `rowToCol[i]` is the column assigned to row `i`, or `-1`. */
  rowToCol: Int32Array;
  /** `colToRow[j]` is the row assigned to column `j`, or `-1`. */
  colToRow: Int32Array;
  /** Sum of the original entries over assigned pairs only (0 when nothing is assigned). */
  total: number;
}

/**
 * What {@link verifyAssignment} found.
 * @remarks Since 0.1.0
 */
export interface AssignmentCheck {
  /** True when `problems` is empty. */
  valid: boolean;
  /** One sentence per problem found. */
  problems: string[];
}

interface Resolved {
  maximize: boolean;
}

const DEFAULTS: Resolved = { maximize: false };

function resolveOptions(options: AssignmentOptions | undefined): Resolved {
  const o = readOptions<AssignmentOptions>(options, "options") as Record<string, unknown>;
  const read = new OptionReader(["options"]);
  const maximize = read.boolean(o, "maximize", DEFAULTS.maximize);
  read.done();
  return { maximize };
}

const MAX_ISSUES = 20;

/**
 * Rectangular linear sum assignment by shortest augmenting paths with dual potentials.
 *
 * `cost` may be `number[][]`, an ml-matrix `Matrix`, or `{ rows, cols, data }` (row-major). It
 * is rectangular in either direction and is never modified. `+Infinity` marks a forbidden pair
 * (`-Infinity` when `options.maximize` is true, default false); NaN or the opposite infinity is
 * an input error.
 *
 * The result assigns `min(rows, cols)` pairs whenever that is possible without forbidden pairs;
 * otherwise it assigns as many pairs as possible and, among all such maximum-cardinality
 * assignments, minimises (maximises) the total. A forbidden pair is never used.
 *
 * How it works: the problem is transposed internally when `rows > cols`. When forbidden pairs
 * exist, Hopcroft–Karp on the allowed pairs gives the maximum cardinality `k`; rows and columns
 * with no allowed pair are dropped, the rest is oriented with rows ≤ columns, and if `k` is
 * still short of the row count `r`, `r − k` dummy columns open to every row at one common cost
 * are appended. Every row-complete assignment of that extended problem is then a
 * maximum-cardinality assignment of the original, with the same cost plus a constant — exact,
 * with no "big-M" penalty and no magnitude beyond the input's. The extended problem is solved
 * by the Jonker–Volgenant method (column reduction, reduction transfer and augmenting row
 * reduction for square problems; a row-minimum start for rectangular ones, as in Crouse 2016)
 * followed by Dijkstra shortest augmenting paths on flat `Float64Array`/`Int32Array` data.
 *
 * Precision: all arithmetic is IEEE-754 double. Forbidden-pair handling and cardinality are
 * combinatorial and exact. Costs are never combined with a penalty, so magnitudes are not
 * inflated; for integer costs whose path sums stay below 2^53 (about `min(rows, cols) · max|c| <
 * 2^51`) the result is exactly optimal. For general floats, reduced costs carry rounding error,
 * so two assignments whose totals differ by less than a few ulps of `min(rows, cols) · max|c|`
 * may be ranked either way. `total` is the plain left-to-right sum of the chosen original
 * entries in row order. Ties are resolved deterministically: the same input gives the same
 * answer.
 *
 * Reference: R. Jonker, A. Volgenant, "A shortest augmenting path algorithm for dense and sparse
 * linear assignment problems", Computing 38, 1987; D. F. Crouse, "On implementing 2D
 * rectangular assignment algorithms", IEEE TAES 52(4), 2016; J. E. Hopcroft, R. M. Karp, "An
 * n^5/2 algorithm for maximum matchings in bipartite graphs", 1973.
 *
 * @param cost - the cost (or, with `maximize`, score) matrix.
 * @param options - `maximize` (default false).
 * @returns `{ rowToCol, colToRow, total }` with `-1` for unassigned rows and columns.
 * @throws MatchInputError with path `["cost", i, j]` and code `"nan"` or `"wrong-infinity"`
 *   for a bad entry, or the shape codes of {@link toDenseCost}.
 * @remarks Since 0.1.0
 */
export function solveAssignment(cost: CostInput, options?: AssignmentOptions): AssignmentResult {
  const { maximize } = resolveOptions(options);
  // The matrix, a working copy (negated or transposed) and the solver's per-column arrays.
  const dense = readDenseCost(cost, "cost", 24);
  const { rows, cols, data } = dense;
  const rowToCol = new Int32Array(rows).fill(-1);
  const colToRow = new Int32Array(cols).fill(-1);
  const transposed = rows > cols;
  const nr = transposed ? cols : rows;
  const ncReal = transposed ? rows : cols;
  const { w, forbidden } = workingMatrix(dense, maximize, transposed);
  if (nr === 0) return { rowToCol, colToRow, total: 0 };

  let x: Int32Array;
  if (forbidden === 0) x = lapjv(nr, ncReal, w);
  else {
    const k = maxCardinality(nr, ncReal, w, Infinity, null, null);
    if (k === 0) return { rowToCol, colToRow, total: 0 };
    x = solveWithForbidden(nr, ncReal, w, k);
  }

  let total = 0;
  for (let r = 0; r < nr; r++) {
    const j = x[r]!;
    if (j < 0 || w[r * ncReal + j] === Infinity) continue;
    if (transposed) {
      rowToCol[j] = r;
      colToRow[r] = j;
    } else {
      rowToCol[r] = j;
      colToRow[j] = r;
    }
  }
  for (let i = 0; i < rows; i++) {
    const j = rowToCol[i]!;
    if (j >= 0) total += data[i * cols + j]!;
  }
  return { rowToCol, colToRow, total };
}

/**
 * Checks an assignment against its cost matrix, cheaply: array lengths and index ranges,
 * `rowToCol`/`colToRow` consistency, no forbidden pair used (`+Infinity`, or `-Infinity` when
 * `options.maximize`, default false), no NaN entry, maximum cardinality (no augmenting path
 * through allowed pairs exists — Berge's theorem, one O(rows·cols) search), and `total` equal to
 * the recomputed sum (within a relative 1e-9 of the sum of absolute values). It does not prove
 * that the total is optimal.
 *
 * @param cost - the matrix the assignment was computed for, in any {@link CostInput} form.
 * @param result - an assignment, e.g. from {@link solveAssignment}.
 * @param options - `maximize` (default false): which infinity is forbidden.
 * @returns `{ valid, problems }`; `valid` is true when no problem was found.
 * @throws MatchInputError only when `cost` is not a matrix at all (see {@link toDenseCost}).
 * @remarks Since 0.1.0
 */
export function verifyAssignment(
  cost: CostInput,
  result: AssignmentResult,
  options?: AssignmentOptions,
): AssignmentCheck {
  const { maximize } = resolveOptions(options);
  const { rows, cols, data } = readDenseCost(cost, "cost", 8);
  const forbiddenValue = maximize ? -Infinity : Infinity;
  const problems: string[] = [];
  const { rowToCol, colToRow, total } = readAssignment(result);
  if (rowToCol.length !== rows) problems.push(`rowToCol has length ${rowToCol.length}, expected ${rows}`);
  if (colToRow.length !== cols) problems.push(`colToRow has length ${colToRow.length}, expected ${cols}`);
  if (problems.length > 0) return { valid: false, problems };

  let sum = 0;
  let scale = 0;
  let assigned = 0;
  for (let i = 0; i < rows; i++) {
    const j = rowToCol[i]!;
    if (j === -1) continue;
    if (!Number.isInteger(j) || j < 0 || j >= cols) {
      problems.push(`rowToCol[${i}] = ${j} is not a column index or -1`);
      continue;
    }
    if (colToRow[j] !== i) problems.push(`rowToCol[${i}] = ${j} but colToRow[${j}] = ${colToRow[j]}`);
    const v = data[i * cols + j]!;
    if (v === forbiddenValue) problems.push(`pair (${i}, ${j}) is forbidden (${v})`);
    else if (Number.isNaN(v)) problems.push(`pair (${i}, ${j}) has a NaN cost`);
    sum += v;
    scale += Math.abs(v);
    assigned++;
  }
  for (let j = 0; j < cols; j++) {
    const i = colToRow[j]!;
    if (i === -1) continue;
    if (!Number.isInteger(i) || i < 0 || i >= rows) problems.push(`colToRow[${j}] = ${i} is not a row index or -1`);
    else if (rowToCol[i] !== j) problems.push(`colToRow[${j}] = ${i} but rowToCol[${i}] = ${rowToCol[i]}`);
  }
  if (!(Math.abs(sum - total) <= 1e-9 * Math.max(scale, 1)) && !(sum === total)) {
    problems.push(`total is ${total} but the assigned entries sum to ${sum}`);
  }
  if (problems.length === 0) {
    // Maximum cardinality (Berge): try to grow the given matching along augmenting paths.
    const best = maxCardinality(rows, cols, data, forbiddenValue, new Int32Array(rowToCol), new Int32Array(colToRow));
    if (best > assigned) {
      problems.push(`${assigned} pairs assigned but ${best} can be assigned without forbidden pairs`);
    }
  }
  return { valid: problems.length === 0, problems };
}

/**
 * Builds the working minimisation matrix (nr ≤ nc, `+Infinity` = forbidden), validating every
 * entry once. Aliases the caller's data when no sign change or transposition is needed.
 */
function workingMatrix(
  dense: DenseCost,
  maximize: boolean,
  transposed: boolean,
): { w: Float64Array; forbidden: number } {
  const { rows, cols, data } = dense;
  const n = rows * cols;
  const wrongInf = maximize ? Infinity : -Infinity;
  let forbidden = 0;
  let issues: MatchIssue[] | null = null;
  for (let k = 0; k < n; k++) {
    const v = data[k]!;
    if (v - v !== 0) {
      // NaN or ±Infinity (v - v is NaN for both).
      if (v === wrongInf || v !== v) {
        issues ??= [];
        const i = Math.floor(k / cols);
        const j = k - i * cols;
        issues.push(v !== v
          ? { path: ["cost", i, j], code: "nan", message: "is NaN; use a finite cost, or " + (maximize ? "-Infinity" : "Infinity") + " to forbid the pair" }
          : { path: ["cost", i, j], code: "wrong-infinity", message: `is ${v}, but forbidden pairs are ${maximize ? "-Infinity when maximising" : "Infinity when minimising"}` });
        if (issues.length >= MAX_ISSUES) break;
      } else forbidden++;
    }
  }
  if (issues !== null) throw new MatchInputError(issues);
  if (!maximize && !transposed) return { w: data, forbidden };
  const w = new Float64Array(n);
  if (!transposed) {
    for (let k = 0; k < n; k++) w[k] = -data[k]!;
    return { w, forbidden };
  }
  // w[j * rows + i] = ±data[i * cols + j], in cache-friendly blocks.
  const s = maximize ? -1 : 1;
  const B = 32;
  for (let i0 = 0; i0 < rows; i0 += B) {
    const i1 = Math.min(rows, i0 + B);
    for (let j0 = 0; j0 < cols; j0 += B) {
      const j1 = Math.min(cols, j0 + B);
      for (let i = i0; i < i1; i++) {
        const src = i * cols;
        for (let j = j0; j < j1; j++) w[j * rows + i] = s * data[src + j]!;
      }
    }
  }
  return { w, forbidden };
}

/**
 * Max-cardinality, then min-cost assignment when some pairs are forbidden and `k` pairs at most
 * can be made. Rows and columns without any allowed pair are dropped, and `r − k` dummy columns
 * are appended for the `r` remaining rows, each allowed for every row at one common cost: every
 * row-complete assignment of the reduced problem then uses exactly `r − k` dummies, so it is a
 * maximum-cardinality assignment of the original with the same real cost plus a constant. The
 * dummy cost is the largest allowed entry, so rows try real columns first and the extended
 * problem has no magnitude beyond the input's. Returns working row → working column or −1.
 * (Dummies are correct for either orientation; the reduced problem is transposed when that
 * needs fewer of them.)
 */
function solveWithForbidden(nr: number, nc: number, w: Float64Array, k: number): Int32Array {
  const colUsed = new Uint8Array(nc);
  const rowIdx = new Int32Array(nr);
  let nr2 = 0;
  let dummyCost = -Infinity;
  for (let i = 0; i < nr; i++) {
    const base = i * nc;
    let any = false;
    for (let j = 0; j < nc; j++) {
      const a = w[base + j]!;
      if (a !== Infinity) {
        any = true;
        colUsed[j] = 1;
        if (a > dummyCost) dummyCost = a;
      }
    }
    if (any) rowIdx[nr2++] = i;
  }
  const colIdx = new Int32Array(nc);
  let nc2 = 0;
  for (let j = 0; j < nc; j++) if (colUsed[j] === 1) colIdx[nc2++] = j;
  if (k === nr && nc2 === nc) return lapjv(nr, nc, w);

  // Orient the reduced problem so that it has no more rows than columns: often (one side
  // entirely matchable) no dummy is needed at all.
  const flip = nr2 > nc2;
  const R = flip ? nc2 : nr2;
  const C = flip ? nr2 : nc2;
  const dummies = R - k;
  const ncTot = C + dummies; // ≥ R because k ≤ C
  const c = new Float64Array(R * ncTot);
  for (let a = 0; a < R; a++) {
    const dst = a * ncTot;
    if (flip) {
      const j = colIdx[a]!;
      for (let b = 0; b < C; b++) c[dst + b] = w[rowIdx[b]! * nc + j]!;
    } else {
      const src = rowIdx[a]! * nc;
      for (let b = 0; b < C; b++) c[dst + b] = w[src + colIdx[b]!]!;
    }
    if (dummies > 0) c.fill(dummyCost, dst + C, dst + ncTot);
  }
  // Identical dummy columns defeat JV column reduction (they all go to one row), so a problem
  // with dummies starts from row minima instead.
  const x2 = lapjv(R, ncTot, c, dummies === 0);
  const x = new Int32Array(nr).fill(-1);
  for (let a = 0; a < R; a++) {
    const b = x2[a]!;
    if (b >= C) continue;
    if (flip) x[rowIdx[b]!] = colIdx[a]!;
    else x[rowIdx[a]!] = colIdx[b]!;
  }
  return x;
}

/**
 * Maximum bipartite matching on the allowed entries (neither `forbidden` nor NaN) of a dense
 * nr × nc matrix (Hopcroft–Karp), starting from the given matching (`mr`, `mc`, updated in
 * place) or from a greedy one.
 * Reference: J. E. Hopcroft, R. M. Karp, SIAM J. Comput. 2(4), 1973.
 */
function maxCardinality(
  nr: number,
  nc: number,
  w: Float64Array,
  forbidden: number,
  mrIn: Int32Array | null,
  mcIn: Int32Array | null,
): number {
  const mr = mrIn ?? new Int32Array(nr).fill(-1);
  const mc = mcIn ?? new Int32Array(nc).fill(-1);
  let size = 0;
  if (mrIn === null) {
    for (let i = 0; i < nr; i++) {
      const base = i * nc;
      for (let j = 0; j < nc; j++) {
        const a = w[base + j]!;
        if (a !== forbidden && a === a && mc[j]! < 0) {
          mr[i] = j;
          mc[j] = i;
          size++;
          break;
        }
      }
    }
  } else {
    for (let i = 0; i < nr; i++) if (mr[i]! >= 0) size++;
  }
  if (size === Math.min(nr, nc)) return size;
  const INF = 0x7fffffff;
  const dist = new Int32Array(nr);
  const queue = new Int32Array(nr);
  const next = new Int32Array(nr);
  const stackRow = new Int32Array(nr + 1);
  const stackCol = new Int32Array(nr + 1);
  for (;;) {
    let head = 0;
    let tail = 0;
    for (let i = 0; i < nr; i++) {
      if (mr[i]! < 0) {
        dist[i] = 0;
        queue[tail++] = i;
      } else dist[i] = INF;
    }
    let found = false;
    while (head < tail) {
      const i = queue[head++]!;
      const base = i * nc;
      const di = dist[i]! + 1;
      for (let j = 0; j < nc; j++) {
        const a = w[base + j]!;
        if (a === forbidden || a !== a) continue;
        const i2 = mc[j]!;
        if (i2 < 0) found = true;
        else if (dist[i2] === INF) {
          dist[i2] = di;
          queue[tail++] = i2;
        }
      }
    }
    if (!found) return size;
    next.fill(0);
    for (let root = 0; root < nr; root++) {
      if (mr[root]! >= 0) continue;
      let top = 0;
      stackRow[0] = root;
      while (top >= 0) {
        const i = stackRow[top]!;
        const base = i * nc;
        let j = next[i]!;
        let advanced = false;
        for (; j < nc; j++) {
          const a = w[base + j]!;
        if (a === forbidden || a !== a) continue;
          const i2 = mc[j]!;
          if (i2 < 0) {
            stackCol[top] = j;
            for (let t = top; t >= 0; t--) {
              const r = stackRow[t]!;
              const cc = stackCol[t]!;
              mr[r] = cc;
              mc[cc] = r;
            }
            size++;
            top = -1;
            advanced = true;
            break;
          }
          if (dist[i2] === dist[i]! + 1) {
            next[i] = j + 1;
            stackCol[top] = j;
            stackRow[++top] = i2;
            advanced = true;
            break;
          }
        }
        if (!advanced) {
          next[i] = nc;
          dist[i] = INF;
          top--;
        }
      }
    }
  }
}

/**
 * Row-complete minimum-cost assignment of an nr × nc matrix (nr ≤ nc, `+Infinity` = forbidden),
 * assumed feasible. Returns row → column.
 *
 * Dual convention (Jonker–Volgenant): only column prices `v` are stored; the row dual of an
 * assigned row i is implicitly `c[i][x[i]] − v[x[i]]`, and the invariant is that `x[i]`
 * minimises `c[i][j] − v[j]` over j. For rectangular problems every free column keeps the
 * largest price (0), which is what makes the result optimal (Crouse 2016, §IV).
 */
function lapjv(nr: number, nc: number, c: Float64Array, columnReduction = true): Int32Array {
  const x = new Int32Array(nr).fill(-1);
  const y = new Int32Array(nc).fill(-1);
  const v = new Float64Array(nc);
  const free = new Int32Array(nr);
  let numFree: number;
  if (nr === nc && columnReduction) numFree = initSquare(nr, c, v, x, y, free);
  else numFree = initRectangular(nr, nc, c, x, y, free);
  numFree = augmentingRowReduction(nr, nc, c, v, x, y, free, numFree);
  augmentShortestPaths(nc, c, v, x, y, free, numFree);
  return x;
}

/** JV column reduction and reduction transfer (square only). Returns the number of free rows. */
function initSquare(n: number, c: Float64Array, v: Float64Array, x: Int32Array, y: Int32Array, free: Int32Array): number {
  // Column minima in one row-major pass (cache friendly); first minimal row wins ties.
  const colArg = new Int32Array(n).fill(-1);
  v.fill(Infinity);
  for (let i = 0; i < n; i++) {
    const base = i * n;
    for (let j = 0; j < n; j++) {
      const h = c[base + j]!;
      if (h < v[j]!) {
        v[j] = h;
        colArg[j] = i;
      }
    }
  }
  const matches = new Int32Array(n);
  for (let j = n - 1; j >= 0; j--) {
    const i = colArg[j]!;
    const m = matches[i]!;
    matches[i] = m + 1;
    if (m === 0) {
      x[i] = j;
      y[j] = i;
    }
  }
  let numFree = 0;
  for (let i = 0; i < n; i++) {
    const m = matches[i]!;
    if (m === 0) free[numFree++] = i;
    else if (m === 1) {
      // Reduction transfer: lower v[j1] so that j1 ties with the row's second-best column.
      const j1 = x[i]!;
      const base = i * n;
      let min = Infinity;
      for (let j = 0; j < n; j++) {
        if (j === j1) continue;
        const h = c[base + j]! - v[j]!;
        if (h < min) min = h;
      }
      if (min !== Infinity) v[j1] = v[j1]! - min;
    }
  }
  return numFree;
}

/** Rectangular start (v = 0): each row takes its cheapest column if that column is still free. */
function initRectangular(nr: number, nc: number, c: Float64Array, x: Int32Array, y: Int32Array, free: Int32Array): number {
  let numFree = 0;
  for (let i = 0; i < nr; i++) {
    const base = i * nc;
    let min = Infinity;
    let arg = -1;
    for (let j = 0; j < nc; j++) {
      const h = c[base + j]!;
      if (h < min) {
        min = h;
        arg = j;
      }
    }
    if (arg >= 0 && y[arg]! < 0) {
      x[i] = arg;
      y[arg] = i;
    } else free[numFree++] = i;
  }
  return numFree;
}

/**
 * JV augmenting row reduction, two passes. Rows whose step cannot be taken safely (a single
 * allowed column, or a price change lost to rounding) are left for the Dijkstra phase, and the
 * total work is capped so adversarial floats cannot make it loop for long.
 */
function augmentingRowReduction(
  nr: number,
  nc: number,
  c: Float64Array,
  v: Float64Array,
  x: Int32Array,
  y: Int32Array,
  free: Int32Array,
  numFreeIn: number,
): number {
  let numFree = numFreeIn;
  for (let pass = 0; pass < 2 && numFree > 0; pass++) {
    let k = 0;
    const prevNumFree = numFree;
    numFree = 0;
    let budget = 4 * nr + 16;
    while (k < prevNumFree) {
      const i = free[k++]!;
      if (budget-- <= 0) {
        free[numFree++] = i;
        continue;
      }
      const base = i * nc;
      let umin = c[base]! - v[0]!;
      let j1 = 0;
      let usubmin = Infinity;
      let j2 = -1;
      for (let j = 1; j < nc; j++) {
        const h = c[base + j]! - v[j]!;
        if (h < usubmin) {
          if (h >= umin) {
            usubmin = h;
            j2 = j;
          } else {
            usubmin = umin;
            umin = h;
            j2 = j1;
            j1 = j;
          }
        }
      }
      if (usubmin === Infinity) {
        // Only one allowed column: leave this row to the shortest-path phase.
        free[numFree++] = i;
        continue;
      }
      let i0 = y[j1]!;
      const strict = umin < usubmin;
      if (strict) {
        const nv = v[j1]! - (usubmin - umin);
        if (nv === v[j1]) {
          // The price change vanished in rounding: leave the row to the shortest-path phase.
          free[numFree++] = i;
          continue;
        }
        v[j1] = nv;
      } else if (i0 >= 0) {
        // Minimum and second minimum tie: take j2, which may be free.
        j1 = j2;
        i0 = y[j2]!;
      }
      x[i] = j1;
      y[j1] = i;
      if (i0 >= 0) {
        x[i0] = -1;
        if (strict) free[--k] = i0; // continue the augmenting path from i0 right away
        else free[numFree++] = i0;
      }
    }
  }
  return numFree;
}

/**
 * Dijkstra augmentation for every remaining free row (JV phase 3), one fused relax-and-select
 * sweep per scanned column, preferring a free column on ties (as SciPy does). A scanned column
 * gets `v = −Infinity` and `d = +Infinity` until the path is found, so it can neither improve nor
 * be selected and the sweep needs no "scanned" test; its real price is restored afterwards.
 */
function augmentShortestPaths(
  nc: number,
  c: Float64Array,
  v: Float64Array,
  x: Int32Array,
  y: Int32Array,
  free: Int32Array,
  numFree: number,
): void {
  const d = new Float64Array(nc);
  const pred = new Int32Array(nc);
  const scanned = new Int32Array(nc);
  const scannedD = new Float64Array(nc);
  const savedV = new Float64Array(nc);
  const todo = new Int32Array(nc);
  for (let f = 0; f < numFree; f++) {
    const freeRow = free[f]!;
    d.fill(Infinity);
    let ns = 0;
    let i = freeRow;
    let h = 0;
    let minVal: number;
    let sink: number;
    // Sweep all columns while few are scanned (sequential access is fastest); once a quarter
    // are scanned, sweep a compacted list of the unscanned ones instead (long paths).
    let nTodo = -1;
    let nextCompact = nc >> 2;
    for (;;) {
      const base = i * nc;
      let lowest = Infinity;
      let idx = -1;
      if (nTodo < 0) {
        for (let j = 0; j < nc; j++) {
          let dj = d[j]!;
          const r = c[base + j]! - v[j]! - h;
          if (r < dj) {
            d[j] = r;
            pred[j] = i;
            dj = r;
          }
          if (dj <= lowest && (dj < lowest || y[j]! < 0)) {
            lowest = dj;
            idx = j;
          }
        }
      } else {
        for (let k = 0; k < nTodo; k++) {
          const j = todo[k]!;
          let dj = d[j]!;
          const r = c[base + j]! - v[j]! - h;
          if (r < dj) {
            d[j] = r;
            pred[j] = i;
            dj = r;
          }
          if (dj <= lowest && (dj < lowest || y[j]! < 0)) {
            lowest = dj;
            idx = j;
          }
        }
      }
      // Feasibility was established beforehand, so a finite column is always reachable.
      if (lowest === Infinity) throw new Error("solveAssignment: internal error, no augmenting path");
      minVal = lowest;
      const j = idx;
      if (y[j]! < 0) {
        sink = j;
        break;
      }
      i = y[j]!;
      const vj = v[j]!;
      h = c[i * nc + j]! - vj - minVal;
      scanned[ns] = j;
      scannedD[ns] = lowest;
      savedV[ns++] = vj;
      v[j] = -Infinity;
      d[j] = Infinity;
      if (ns >= nextCompact) {
        let m = 0;
        if (nTodo < 0) {
          for (let jj = 0; jj < nc; jj++) if (v[jj] !== -Infinity) todo[m++] = jj;
        } else {
          for (let k = 0; k < nTodo; k++) {
            const jj = todo[k]!;
            if (v[jj] !== -Infinity) todo[m++] = jj;
          }
        }
        nTodo = m;
        nextCompact = ns + (m >> 2);
      }
    }
    // Price update: v[j] += d[j] − d[sink] on scanned columns keeps every assigned row's column
    // its cheapest in reduced cost (the JV invariant) after the augmentation below.
    for (let k = 0; k < ns; k++) v[scanned[k]!] = savedV[k]! + scannedD[k]! - minVal;
    let j = sink;
    for (;;) {
      const r = pred[j]!;
      y[j] = r;
      const next = x[r]!;
      x[r] = j;
      if (r === freeRow) break;
      j = next;
    }
  }
}
