import { MatchInputError, type MatchIssue } from "../errors.js";
import { checkMemory, defaultMemoryLimit, describeValue } from "../guard.js";

/**
 * A flat, row-major matrix: entry (i, j) is `data[i * cols + j]`.
 * @remarks Since 0.1.0
 */
export interface FlatCostMatrix {
  rows: number;
  cols: number;
  data: Float64Array | readonly number[];
}

/**
 * The structural shape of an ml-matrix `Matrix` (or any look-alike) that the solvers accept.
 * Only `rows`, `columns` and `get(i, j)` (or `to1DArray()`) are used; ml-matrix is never
 * imported at runtime.
 * @remarks Since 0.1.0
 */
export interface MatrixLike {
  /** Number of rows. */
  readonly rows: number;
  /** Number of columns. */
  readonly columns: number;
  /** Entry at a row and column. */
  get?(rowIndex: number, columnIndex: number): number;
  /** All entries, row-major. */
  to1DArray?(): number[];
}

/**
 * Every form a cost (or score) matrix may take at a solver's public boundary: an array of equal-length
 * rows, an ml-matrix `Matrix`, or a flat row-major `{ rows, cols, data }`.
 * @remarks Since 0.1.0
 */
export type CostInput = readonly (readonly number[])[] | MatrixLike | FlatCostMatrix;

/**
 * A validated dense matrix, row-major: entry (i, j) is `data[i * cols + j]`.
 * @remarks Since 0.1.0
 */
export interface DenseCost {
  rows: number;
  cols: number;
  data: Float64Array;
}

const MAX_ISSUES = 20;

/**
 * Normalises any {@link CostInput} to a dense row-major `Float64Array`, checking its shape and
 * that every entry is a `number`. Values themselves (NaN, ±Infinity) are not judged here: what
 * they mean is up to each solver.
 *
 * When `cost` is `{ rows, cols, data }` with `data` a `Float64Array` of the right length, the
 * returned `data` is that same array (not copied): callers must not write to it.
 *
 * @param cost - the matrix as the user passed it.
 * @param name - first element of every issue path (default `"cost"`), so errors name the
 *   argument the user wrote.
 * @throws MatchInputError with codes `"type"` (not a matrix / not a number), `"ragged"` (rows of
 *   different lengths), `"shape"` (bad `rows`/`cols`), `"length"` (`data.length !== rows * cols`).
 * @remarks Since 0.1.0
 */
export function toDenseCost(cost: CostInput, name = "cost"): DenseCost {
  if (typeof name !== "string") throw new MatchInputError([{ path: ["name"], code: "type", message: `expected the argument's name as a string, got ${describeValue(name)}` }]);
  return readDenseCost(cost, name, 8);
}

/**
 * {@link toDenseCost} for a solver that needs `bytesPerEntry` bytes per matrix entry in all (its
 * own copies included): refuses with `too-large` before allocating when that exceeds the memory
 * limit or one typed array's reach.
 * @internal
 */
export function readDenseCost(cost: CostInput, name: string, bytesPerEntry: number): DenseCost {
  const guard = (rows: number, cols: number) => {
    const entries = rows * cols;
    // Solvers also keep a few arrays of one entry per row and per column (≈ 128 bytes in all).
    checkMemory({ path: [name], what: `a ${rows} × ${cols} matrix`, entries: Math.max(entries, rows, cols), bytes: entries * bytesPerEntry + 128 * (rows + cols), limit: defaultMemoryLimit(), advice: "split the problem or pass a smaller matrix" });
  };
  if (Array.isArray(cost)) return fromArrays(cost as readonly (readonly number[])[], name, guard);
  if (cost === null || typeof cost !== "object") {
    throw new MatchInputError([
      { path: [name], code: "type", message: `expected number[][], a Matrix or { rows, cols, data }, got ${describe(cost)}` },
    ]);
  }
  const obj = cost as Partial<FlatCostMatrix> & Partial<MatrixLike>;
  if ("data" in obj && "cols" in obj && obj.data !== undefined) return fromFlat(obj as FlatCostMatrix, name, guard);
  if (typeof obj.columns === "number" && typeof obj.rows === "number" &&
      (typeof obj.get === "function" || typeof obj.to1DArray === "function")) {
    return fromMatrixLike(obj as MatrixLike, name, guard);
  }
  throw new MatchInputError([
    { path: [name], code: "type", message: `expected number[][], a Matrix or { rows, cols, data }, got ${describe(cost)}` },
  ]);
}

function describe(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  if (typeof v === "object") return "an object without matrix fields";
  return describeValue(v);
}

function checkDim(value: unknown, path: (string | number)[], issues: MatchIssue[]): number {
  if (typeof value === "number" && Number.isInteger(value) && value >= 0) return value;
  issues.push({ path, code: "shape", message: `must be a non-negative integer, got ${describe(value)}` });
  return 0;
}

type SizeGuard = (rows: number, cols: number) => void;

function fromArrays(cost: readonly (readonly number[])[], name: string, guard: SizeGuard): DenseCost {
  const rows = cost.length;
  const issues: MatchIssue[] = [];
  const first = cost[0];
  if (rows > 0 && !Array.isArray(first)) {
    throw new MatchInputError([{ path: [name, 0], code: "type", message: `row 0 is not an array, got ${describe(first)}` }]);
  }
  const cols = rows > 0 ? (first as readonly number[]).length : 0;
  for (let i = 0; i < rows; i++) {
    const row = cost[i];
    if (!Array.isArray(row)) {
      issues.push({ path: [name, i], code: "type", message: `row ${i} is not an array, got ${describe(row)}` });
    } else if (row.length !== cols) {
      issues.push({ path: [name, i], code: "ragged", message: `row ${i} has ${row.length} entries but row 0 has ${cols}` });
    }
    if (issues.length >= MAX_ISSUES) break;
  }
  if (issues.length > 0) throw new MatchInputError(issues);
  guard(rows, cols);
  const data = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    const row = cost[i] as readonly number[];
    const base = i * cols;
    for (let j = 0; j < cols; j++) {
      const v = row[j];
      if (typeof v !== "number") {
        issues.push({ path: [name, i, j], code: "type", message: `expected a number, got ${describe(v)}` });
        if (issues.length >= MAX_ISSUES) throw new MatchInputError(issues);
      } else data[base + j] = v;
    }
  }
  if (issues.length > 0) throw new MatchInputError(issues);
  return { rows, cols, data };
}

function fromFlat(cost: FlatCostMatrix, name: string, guard: SizeGuard): DenseCost {
  const issues: MatchIssue[] = [];
  const rows = checkDim(cost.rows, [name, "rows"], issues);
  const cols = checkDim(cost.cols, [name, "cols"], issues);
  const src = cost.data as unknown;
  if (!(src instanceof Float64Array) && !Array.isArray(src)) {
    issues.push({ path: [name, "data"], code: "type", message: `expected a Float64Array or number[], got ${describe(src)}` });
  }
  if (issues.length > 0) throw new MatchInputError(issues);
  guard(rows, cols);
  const data = src as Float64Array | readonly number[];
  if (data.length !== rows * cols) {
    throw new MatchInputError([{
      path: [name, "data"], code: "length",
      message: `has ${data.length} entries but rows × cols = ${rows} × ${cols} = ${rows * cols}`,
    }]);
  }
  if (data instanceof Float64Array) return { rows, cols, data };
  const out = new Float64Array(data.length);
  for (let k = 0; k < data.length; k++) {
    const v = data[k];
    if (typeof v !== "number") {
      issues.push({ path: [name, "data", k], code: "type", message: `expected a number, got ${describe(v)}` });
      if (issues.length >= MAX_ISSUES) break;
    } else out[k] = v;
  }
  if (issues.length > 0) throw new MatchInputError(issues);
  return { rows, cols, data: out };
}

function fromMatrixLike(cost: MatrixLike, name: string, guard: SizeGuard): DenseCost {
  const issues: MatchIssue[] = [];
  const rows = checkDim(cost.rows, [name, "rows"], issues);
  const cols = checkDim(cost.columns, [name, "columns"], issues);
  if (issues.length > 0) throw new MatchInputError(issues);
  guard(rows, cols);
  const data = new Float64Array(rows * cols);
  if (typeof cost.get === "function") {
    for (let i = 0; i < rows; i++) {
      const base = i * cols;
      for (let j = 0; j < cols; j++) {
        const v = cost.get(i, j);
        if (typeof v !== "number") {
          issues.push({ path: [name, i, j], code: "type", message: `expected a number, got ${describe(v)}` });
          if (issues.length >= MAX_ISSUES) throw new MatchInputError(issues);
        } else data[base + j] = v;
      }
    }
  } else {
    const flat = (cost.to1DArray as () => number[])();
    if (!Array.isArray(flat) || flat.length !== rows * cols) {
      throw new MatchInputError([{ path: [name], code: "length", message: `to1DArray() gave ${Array.isArray(flat) ? flat.length : "no array of"} entries, expected ${rows * cols}` }]);
    }
    for (let k = 0; k < flat.length; k++) {
      const v = flat[k];
      if (typeof v !== "number") {
        issues.push({ path: [name, Math.floor(k / cols), k % cols], code: "type", message: `expected a number, got ${describe(v)}` });
        if (issues.length >= MAX_ISSUES) break;
      } else data[k] = v;
    }
  }
  if (issues.length > 0) throw new MatchInputError(issues);
  return { rows, cols, data };
}

/**
 * Reads one non-negative integer count per row or column (capacities, minimums), adding an issue
 * per problem to `issues` (path `[name]` or `[name, index]`); an absent optional list is all 0.
 */
export function readCounts(
  values: ArrayLike<number> | undefined, name: string, m: number, issues: MatchIssue[], optional: boolean, unit: "row" | "column",
): Int32Array {
  const out = new Int32Array(m);
  if (values === undefined && optional) return out;
  if (values === null || typeof values !== "object" || typeof (values).length !== "number") {
    issues.push({ path: [name], code: "type", message: `expected one integer per ${unit} (${m})` });
    return out;
  }
  if (values.length !== m) {
    issues.push({ path: [name], code: "length", message: `has ${values.length} entries, expected one per ${unit} (${m})` });
    return out;
  }
  for (let j = 0; j < m; j++) {
    const v = values[j];
    if (typeof v !== "number" || !Number.isInteger(v) || v < 0 || v > 0x7fffffff) {
      issues.push({ path: [name, j], code: "range", message: `must be a non-negative integer, got ${describeValue(v)}` });
    } else out[j] = v;
  }
  return out;
}
