import { MatchInputError, type MatchIssue } from "../../errors.js";
import { checkMemory, defaultMemoryLimit, describeValue } from "../../guard.js";
import type { ConstraintModel } from "./types.js";

/** A validated side constraint, dense over rows and cols (coefficient 0 = not included). */
export interface CompiledConstraint {
  name: string;
  sense: 0 | 1 | 2; // 0: <=, 1: >=, 2: =
  rhs: number;
  hard: boolean;
  penalty: number;
  perCol: boolean;
  rowCoef: Float64Array;
  colCoef: Float64Array;
  rowList: Int32Array;
  colList: Int32Array;
}

/**
 * A validated {@link ConstraintModel} in the dense, typed form both engines work on. Built once
 * by {@link compileConstraintModel}; the engines trust it.
 */
export interface CompiledModel {
  rows: number;
  cols: number;
  score: Float64Array;
  mustAssign: Uint8Array;
  lower: Int32Array;
  upper: Int32Array;
  optional: Uint8Array;
  /** Locked col of each row, −1 when none; `lockIndex[i]` is its index in `model.locked`. */
  lockedCol: Int32Array;
  lockIndex: Int32Array;
  /** Cols each row may take (finite score and, with a common-slot rule, a compatible slot), CSR. */
  allowStart: Int32Array;
  allowCol: Int32Array;
  /** Cohesion pairs (repeats merged) and their weights; `adj*` is the same, per row (both directions), CSR. */
  pairI: Int32Array;
  pairK: Int32Array;
  pairW: Float64Array;
  adjStart: Int32Array;
  adjRow: Int32Array;
  adjW: Float64Array;
  constraints: CompiledConstraint[];
  /**
   * Distinct-classes rule, or null: `classOf` per col (−1 none), classes `0..classCount−1`, the
   * group of each row (−1 none), each group's rows (CSR) and minimum, and its name.
   */
  distinct: null | {
    classOf: Int32Array;
    classCount: number;
    groupOf: Int32Array;
    groupStart: Int32Array;
    groupRow: Int32Array;
    groupMin: Int32Array;
    names: string[];
  };
  /** Common-slot rule with slot ids renumbered 0..slotCount−1, or null. */
  slots: null | {
    slotCount: number;
    rowStart: Int32Array;
    rowSlot: Int32Array;
    /** Per col, 1 where the col itself allows the slot (cols × slotCount). */
    colAllows: Uint8Array;
  };
}

const SENSES = { "<=": 0, ">=": 1, "=": 2 } as const;
const MAX_ISSUES = 20;
/**
 * `Array.isArray` without its `any[]` narrowing: the checked list keeps its declared element type,
 * so the element checks below stay type-checked (they still treat each element as untrusted input).
 */
const isList = <T>(v: readonly T[] | undefined): v is readonly T[] => Array.isArray(v);

/**
 * Validates a {@link ConstraintModel} and compiles it to typed arrays. Every problem found is
 * reported at once in a `MatchInputError` whose issue paths name the offending field
 * (`constraints[2].rows[5]`, `locked[0]`, …). Infeasibility (e.g. more locked rows than a col
 * takes) is not an input error; the solvers report it.
 * @remarks Since 0.1.0
 */
export function compileConstraintModel(model: ConstraintModel): CompiledModel {
  const issues: MatchIssue[] = [];
  const add = (path: (string | number)[], code: string, message: string): void => {
    if (issues.length < MAX_ISSUES) issues.push({ path, code, message });
  };
  const fail = (): never => {
    throw new MatchInputError(issues);
  };
  if (model === null || typeof model !== "object") {
    add([], "invalid_type", "the model must be an object");
    fail();
  }
  const { rows, cols } = model;
  if (!Number.isInteger(rows) || rows < 0) add(["rows"], "invalid_size", `rows: ${describeValue(rows)} is not a non-negative integer`);
  if (!Number.isInteger(cols) || cols < 0) add(["cols"], "invalid_size", `cols: ${describeValue(cols)} is not a non-negative integer`);
  if (issues.length > 0) fail();
  // score, allowed-column lists, the local search's mask and the exact engine's index: ≈ 32 bytes
  // a pair; about 16 typed arrays of one entry per row or col (≈ 128 bytes each).
  checkMemory({ path: ["rows"], what: `a ${rows} × ${cols} model`, entries: Math.max(rows * cols, rows, cols), bytes: 32 * rows * cols + 128 * (rows + cols), limit: defaultMemoryLimit(), advice: "solve a smaller model (fewer rows or cols)" });

  const isIndex = (v: unknown, n: number): v is number => Number.isInteger(v) && (v as number) >= 0 && (v as number) < n;
  const arrayOf = (v: unknown, len: number, path: (string | number)[]): ArrayLike<unknown> | null => {
    if (v === undefined) return null;
    if (v === null || typeof v !== "object" || typeof (v as ArrayLike<unknown>).length !== "number") {
      add(path, "invalid_type", "expected an array");
      return null;
    }
    const a = v as ArrayLike<unknown>;
    if (a.length !== len) {
      add(path, "invalid_length", `expected ${len} entries, got ${a.length}`);
      return null;
    }
    return a;
  };

  // Scores.
  const score = new Float64Array(rows * cols);
  const s = arrayOf(model.score, rows * cols, ["score"]);
  if (model.score === undefined) add(["score"], "required", "score is required (rows × cols, row-major)");
  if (s) {
    for (let t = 0; t < s.length; t++) {
      const v = s[t];
      if (typeof v !== "number" || Number.isNaN(v) || v === Infinity) {
        add(["score", t], "invalid_score", `score[${t}] (row ${Math.floor(t / Math.max(cols, 1))}, col ${t % Math.max(cols, 1)}): ${describeValue(v)} is not a finite number or -Infinity`);
      } else score[t] = v;
    }
  }

  const flags = (v: boolean | ArrayLike<boolean | number> | undefined, n: number, path: string): Uint8Array => {
    const out = new Uint8Array(n);
    if (v === undefined || v === false) return out;
    if (v === true) return out.fill(1);
    const a = arrayOf(v, n, [path]);
    if (a) for (let t = 0; t < n; t++) out[t] = a[t] ? 1 : 0;
    return out;
  };
  const mustAssign = flags(model.rowMustAssign, rows, "rowMustAssign");
  const optional = flags(model.colOptional, cols, "colOptional");

  // Upper bounds above `rows` are clamped (they cannot bind); lower bounds are kept as given, so
  // a lower bound no assignment can reach makes the model infeasible (or, for an optional col,
  // keeps it empty) instead of being silently weakened.
  const bounds = (v: ArrayLike<number> | undefined, path: string, dflt: number, clamp: boolean): Int32Array => {
    const out = new Int32Array(cols).fill(dflt);
    const a = arrayOf(v, cols, [path]);
    if (a) {
      for (let j = 0; j < cols; j++) {
        const b = a[j];
        if (!Number.isInteger(b) || (b as number) < 0) add([path, j], "invalid_bound", `${path}[${j}]: ${describeValue(b)} is not a non-negative integer`);
        else out[j] = clamp ? Math.min(b as number, rows) : Math.min(b as number, 2 ** 30);
      }
    }
    return out;
  };
  const lower = bounds(model.colLower, "colLower", 0, false);
  const upper = bounds(model.colUpper, "colUpper", rows, true);
  if (model.colLower !== undefined && model.colUpper !== undefined) {
    for (let j = 0; j < cols; j++) {
      const lo = model.colLower[j], hi = model.colUpper[j];
      if (typeof lo === "number" && typeof hi === "number" && lo > hi) add(["colLower", j], "lower_above_upper", `colLower[${j}] = ${lo} exceeds colUpper[${j}] = ${hi}`);
    }
  }

  // Locked pairs.
  const lockedCol = new Int32Array(rows).fill(-1);
  const lockIndex = new Int32Array(rows).fill(-1);
  if (model.locked !== undefined) {
    if (!isList(model.locked)) add(["locked"], "invalid_type", "expected an array of [row, col] pairs");
    else {
      model.locked.forEach((pair, k) => {
        const i = pair?.[0], j = pair?.[1];
        if (!isIndex(i, rows) || !isIndex(j, cols)) {
          add(["locked", k], "index_out_of_range", `locked[${k}]: [${describeValue(i)}, ${describeValue(j)}] is not a [row, col] pair within ${rows} × ${cols}`);
          return;
        }
        if (score[i * cols + j] === -Infinity) add(["locked", k], "locked_forbidden", `locked[${k}]: row ${i} is locked to col ${j}, but that pair is forbidden (score -Infinity)`);
        const prev = lockedCol[i]!;
        if (prev !== -1 && prev !== j) add(["locked", k], "locked_conflict", `locked[${k}]: row ${i} is locked to both col ${prev} and col ${j}`);
        lockedCol[i] = j;
        lockIndex[i] = k;
      });
    }
  }

  // Cohesion.
  let pairI = new Int32Array(0), pairK = new Int32Array(0), pairW = new Float64Array(0);
  if (model.cohesion !== undefined) {
    const c = model.cohesion;
    const p = c?.pairs, w = c?.weight;
    if (!p || typeof p.length !== "number" || p.length % 2 !== 0) add(["cohesion", "pairs"], "invalid_length", "cohesion.pairs must be a flat array [i, k, i, k, …] of even length");
    else {
      const n = p.length / 2;
      const wa = arrayOf(w, n, ["cohesion", "weight"]);
      if (w === undefined) add(["cohesion", "weight"], "required", "cohesion.weight is required");
      if (wa) {
        pairI = new Int32Array(n); pairK = new Int32Array(n); pairW = new Float64Array(n);
        for (let t = 0; t < n; t++) {
          const i = p[2 * t], k = p[2 * t + 1], wt = wa[t];
          if (!isIndex(i, rows) || !isIndex(k, rows) || i === k) add(["cohesion", "pairs", 2 * t], "invalid_pair", `cohesion pair ${t}: [${describeValue(i)}, ${describeValue(k)}] must be two different rows below ${rows}`);
          else if (typeof wt !== "number" || !Number.isFinite(wt)) add(["cohesion", "weight", t], "invalid_weight", `cohesion.weight[${t}]: ${describeValue(wt)} is not a finite number`);
          else { pairI[t] = i; pairK[t] = k; pairW[t] = wt; }
        }
      }
    }
  }

  // Side constraints.
  const constraints: CompiledConstraint[] = [];
  const names = new Set<string>();
  if (model.constraints !== undefined) {
    if (!isList(model.constraints)) add(["constraints"], "invalid_type", "expected an array");
    else model.constraints.forEach((c, k) => {
      const at = (...p: (string | number)[]): (string | number)[] => ["constraints", k, ...p];
      if (c === null || typeof c !== "object") { add(at(), "invalid_type", "expected an object"); return; }
      if (typeof c.name !== "string" || c.name === "") add(at("name"), "required", `constraints[${k}].name must be a non-empty string`);
      else if (names.has(c.name)) add(at("name"), "duplicate_name", `constraints[${k}].name: "${c.name}" is used twice`);
      else names.add(c.name);
      const sense = SENSES[c.sense];
      if (sense === undefined) add(at("sense"), "invalid_sense", `constraints[${k}].sense: ${describeValue(c.sense)} is not "<=", ">=" or "="`);
      if (typeof c.rhs !== "number" || !Number.isFinite(c.rhs)) add(at("rhs"), "invalid_rhs", `constraints[${k}].rhs: ${describeValue(c.rhs)} is not a finite number`);
      const hard = c.hard !== false;
      if (!hard && (typeof c.penalty !== "number" || !Number.isFinite(c.penalty) || c.penalty < 0)) {
        add(at("penalty"), "invalid_penalty", `constraints[${k}] is soft and needs a finite, non-negative penalty (got ${describeValue(c.penalty)})`);
      }
      const rowCoef = new Float64Array(rows), colCoef = new Float64Array(cols);
      const coefs = arrayOf(c.rowCoef, rows, at("rowCoef"));
      const ccoefs = arrayOf(c.colCoef, cols, at("colCoef"));
      const fillSet = (set: ArrayLike<number> | undefined, n: number, out: Float64Array, dense: ArrayLike<unknown> | null, field: "rows" | "cols"): void => {
        const coefField = field === "rows" ? "rowCoef" : "colCoef";
        const val = (t: number): number => {
          const v = dense ? dense[t] : 1;
          if (typeof v !== "number" || !Number.isFinite(v)) { add(at(coefField, t), "invalid_coef", `constraints[${k}].${coefField}[${t}]: ${describeValue(v)} is not finite`); return 0; }
          return v;
        };
        if (set === undefined) { for (let t = 0; t < n; t++) out[t] = val(t); return; }
        const a = arrayOf(set, (set)?.length ?? -1, at(field));
        if (!a) return;
        const seen = new Uint8Array(n);
        for (let t = 0; t < a.length; t++) {
          const idx = a[t];
          if (!isIndex(idx, n)) add(at(field, t), "index_out_of_range", `constraints[${k}].${field}[${t}]: ${describeValue(idx)} is not an index below ${n}`);
          else if (seen[idx]) add(at(field, t), "duplicate_index", `constraints[${k}].${field}[${t}]: ${idx} is listed twice`);
          else { seen[idx] = 1; out[idx] = val(idx); }
        }
      };
      fillSet(c.rows, rows, rowCoef, coefs, "rows");
      fillSet(c.cols, cols, colCoef, ccoefs, "cols");
      const list = (a: Float64Array): Int32Array => {
        const out: number[] = [];
        for (let t = 0; t < a.length; t++) if (a[t] !== 0) out.push(t);
        return Int32Array.from(out);
      };
      constraints.push({
        name: typeof c.name === "string" ? c.name : `constraints[${k}]`,
        sense: sense ?? 0, rhs: c.rhs, hard, penalty: hard ? 0 : (c.penalty ?? 0), perCol: c.perCol === true,
        rowCoef, colCoef, rowList: list(rowCoef), colList: list(colCoef),
      });
    });
  }

  // Distinct classes.
  let distinct: CompiledModel["distinct"] = null;
  if (model.distinct !== undefined) {
    const d = model.distinct;
    const co = arrayOf(d?.classOf, cols, ["distinct", "classOf"]);
    const classOf = new Int32Array(cols).fill(-1);
    const renumber = new Map<number, number>();
    if (co) for (let j = 0; j < cols; j++) {
      const v = co[j];
      if (!Number.isInteger(v) || (v as number) < -1) { add(["distinct", "classOf", j], "invalid_class", `distinct.classOf[${j}]: ${String(v)} is not −1 or a non-negative integer`); continue; }
      if (v === -1) continue;
      let c = renumber.get(v as number);
      if (c === undefined) { c = renumber.size; renumber.set(v as number, c); }
      classOf[j] = c;
    }
    const groupOf = new Int32Array(rows).fill(-1);
    const groupStart: number[] = [0], groupRow: number[] = [], groupMin: number[] = [], groupNames: string[] = [];
    if (!isList(d?.groups)) add(["distinct", "groups"], "invalid_type", "expected an array of { name, rows, min }");
    else d.groups.forEach((g, k) => {
      const at = (...p: (string | number)[]) => ["distinct", "groups", k, ...p];
      if (!Number.isInteger(g?.min) || g.min < 0) add(at("min"), "invalid_bound", `distinct.groups[${k}].min: ${String(g?.min)} is not a non-negative integer`);
      const list = arrayOf(g?.rows, g?.rows?.length ?? -1, at("rows"));
      if (list) for (let t = 0; t < list.length; t++) {
        const i = list[t];
        if (!isIndex(i, rows)) add(at("rows", t), "index_out_of_range", `distinct.groups[${k}].rows[${t}]: ${String(i)} is not a row index below ${rows}`);
        else if (groupOf[i] !== -1) add(at("rows", t), "duplicate_index", `distinct.groups[${k}].rows[${t}]: row ${i} is already in group ${groupOf[i]}`);
        else { groupOf[i] = k; groupRow.push(i); }
      }
      groupStart.push(groupRow.length);
      groupMin.push(Number.isInteger(g?.min) ? g.min : 0);
      groupNames.push(typeof g?.name === "string" && g.name !== "" ? g.name : `distinct.groups[${k}]`);
    });
    distinct = { classOf, classCount: renumber.size, groupOf, groupStart: Int32Array.from(groupStart), groupRow: Int32Array.from(groupRow), groupMin: Int32Array.from(groupMin), names: groupNames };
  }

  // Common slot.
  let slots: CompiledModel["slots"] = null;
  if (model.commonSlot !== undefined) {
    const cs = model.commonSlot;
    const rs = arrayOf(cs?.rowSlots, rows, ["commonSlot", "rowSlots"]);
    if (cs?.rowSlots === undefined) add(["commonSlot", "rowSlots"], "required", "commonSlot.rowSlots is required");
    const csl = arrayOf(cs?.colSlots, cols, ["commonSlot", "colSlots"]);
    if (rs) {
      const ids = new Map<number, number>();
      const id = (v: unknown, path: (string | number)[]): number => {
        if (!Number.isSafeInteger(v) || (v as number) < 0) { add(path, "invalid_slot", `${describeValue(v)} is not a non-negative integer slot id`); return -1; }
        let got = ids.get(v as number);
        if (got === undefined) { got = ids.size; ids.set(v as number, got); }
        return got;
      };
      const rowStart = new Int32Array(rows + 1);
      const rowSlot: number[] = [];
      for (let i = 0; i < rows; i++) {
        const list = arrayOf(rs[i], (rs[i] as ArrayLike<number>)?.length ?? -1, ["commonSlot", "rowSlots", i]);
        const seen = new Set<number>();
        if (list) for (let t = 0; t < list.length; t++) {
          const v = id(list[t], ["commonSlot", "rowSlots", i, t]);
          if (v >= 0 && !seen.has(v)) { seen.add(v); rowSlot.push(v); }
        }
        rowStart[i + 1] = rowSlot.length;
      }
      const colLists: (number[] | null)[] = [];
      for (let j = 0; j < cols; j++) {
        const raw = csl ? csl[j] : undefined;
        if (raw === undefined || raw === null) { colLists.push(null); continue; }
        const list = arrayOf(raw, (raw as ArrayLike<number>).length ?? -1, ["commonSlot", "colSlots", j]);
        const out: number[] = [];
        if (list) for (let t = 0; t < list.length; t++) {
          const v = list[t];
          if (!Number.isSafeInteger(v) || (v as number) < 0) add(["commonSlot", "colSlots", j, t], "invalid_slot", `${describeValue(v)} is not a non-negative integer slot id`);
          else { const got = ids.get(v as number); if (got !== undefined) out.push(got); } // slots no row has are irrelevant
        }
        colLists.push(out);
      }
      const slotCount = ids.size;
      const colAllows = new Uint8Array(cols * slotCount);
      for (let j = 0; j < cols; j++) {
        const l = colLists[j];
        if (l === null || l === undefined) colAllows.fill(1, j * slotCount, (j + 1) * slotCount);
        else for (const v of l) colAllows[j * slotCount + v] = 1;
      }
      slots = { slotCount, rowStart, rowSlot: Int32Array.from(rowSlot), colAllows };
    }
  }
  if (issues.length > 0) fail();

  // Allowed cols per row: finite score and (with the slot rule) at least one slot the col allows.
  // A locked pair stays allowed even when slot-incompatible, so the conflict is reported as
  // infeasibility rather than silently dropped.
  const allowStart = new Int32Array(rows + 1);
  const allow: number[] = [];
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      if (score[i * cols + j] === -Infinity) continue;
      if (slots && lockedCol[i] !== j) {
        let ok = false;
        for (let t = slots.rowStart[i]!; t < slots.rowStart[i + 1]! && !ok; t++) ok = slots.colAllows[j * slots.slotCount + slots.rowSlot[t]!] === 1;
        if (!ok) continue;
      }
      allow.push(j);
    }
    allowStart[i + 1] = allow.length;
  }

  // Merge repeated pairs ((i, k) and (k, i) alike) so that each pair of rows has one term.
  if (pairI.length > 0) {
    const merged = new Map<number, number>();
    for (let t = 0; t < pairI.length; t++) {
      const a = Math.min(pairI[t]!, pairK[t]!), b = Math.max(pairI[t]!, pairK[t]!);
      const key = a * rows + b;
      merged.set(key, (merged.get(key) ?? 0) + pairW[t]!);
    }
    if (merged.size < pairI.length) {
      pairI = new Int32Array(merged.size); pairK = new Int32Array(merged.size); pairW = new Float64Array(merged.size);
      let t = 0;
      for (const [key, w] of merged) { pairI[t] = Math.floor(key / rows); pairK[t] = key % rows; pairW[t] = w; t++; }
    }
  }

  // Cohesion adjacency (both directions).
  const deg = new Int32Array(rows + 1);
  for (let t = 0; t < pairI.length; t++) { deg[pairI[t]! + 1]!++; deg[pairK[t]! + 1]!++; }
  for (let i = 0; i < rows; i++) deg[i + 1]! += deg[i]!;
  const adjStart = deg.slice();
  const fillPos = deg.slice(0, rows);
  const adjRow = new Int32Array(2 * pairI.length), adjW = new Float64Array(2 * pairI.length);
  for (let t = 0; t < pairI.length; t++) {
    const i = pairI[t]!, k = pairK[t]!, w = pairW[t]!;
    let p = fillPos[i]!++; adjRow[p] = k; adjW[p] = w;
    p = fillPos[k]!++; adjRow[p] = i; adjW[p] = w;
  }

  return {
    rows, cols, score, mustAssign, lower, upper, optional, lockedCol, lockIndex,
    allowStart, allowCol: Int32Array.from(allow),
    pairI, pairK, pairW, adjStart, adjRow, adjW, constraints, slots, distinct,
  };
}
