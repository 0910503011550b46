import { capacitatedAssignmentSteps } from "../min-cost-flow.js";
import type { Steps } from "../../steps.js";
import type { CompiledModel } from "./model.js";

/**
 * Start solution for local search: locked rows at their col, then every other row greedily to its
 * best-scoring allowed col with room (rows that must be assigned first, then by descending best
 * score), ignoring cohesion and side constraints, and leaving a row unassigned when its best
 * score is negative and it need not be assigned. Respects every col's upper bound except where
 * locks alone exceed it.
 */
export function greedyStart(m: CompiledModel): Int32Array {
  const { rows, cols, score } = m;
  const assign = new Int32Array(rows).fill(-1);
  const load = new Int32Array(cols);
  for (let i = 0; i < rows; i++) {
    const j = m.lockedCol[i]!;
    if (j >= 0) { assign[i] = j; load[j]!++; }
  }
  const best = new Float64Array(rows).fill(-Infinity);
  const order: number[] = [];
  for (let i = 0; i < rows; i++) {
    if (assign[i]! >= 0) continue;
    for (let a = m.allowStart[i]!; a < m.allowStart[i + 1]!; a++) best[i] = Math.max(best[i]!, score[i * cols + m.allowCol[a]!]!);
    order.push(i);
  }
  order.sort((p, q) => (m.mustAssign[q]! - m.mustAssign[p]!) || (best[q]! - best[p]!) || p - q);
  for (const i of order) {
    let bj = -1, bs = -Infinity;
    for (let a = m.allowStart[i]!; a < m.allowStart[i + 1]!; a++) {
      const j = m.allowCol[a]!;
      if (load[j]! >= m.upper[j]!) continue;
      const s = score[i * cols + j]!;
      if (s > bs) { bs = s; bj = j; }
    }
    if (bj >= 0 && (bs >= 0 || m.mustAssign[i])) { assign[i] = bj; load[bj]!++; }
  }
  return assign;
}

/**
 * Start solution for local search from the exact capacitated assignment of the pair part
 * (min-cost flow, maximising the pair scores under col capacities and, where possible, the
 * lower bounds of non-optional cols), ignoring cohesion and side constraints. Locked rows are
 * fixed to their col. Falls back to {@link greedyStart} for a model with no allowed pair. A
 * resumable computation (see `src/steps.ts`), so the async solver can run it in slices.
 */
export function* flowStart(m: CompiledModel): Steps<Int32Array> {
  const { rows, cols } = m;
  if (rows === 0 || cols === 0 || m.allowCol.length === 0) return greedyStart(m);
  const data = new Float64Array(rows * cols).fill(-Infinity);
  const capacity = Int32Array.from(m.upper);
  for (let i = 0; i < rows; i++) {
    const lj = m.lockedCol[i]!;
    if (lj >= 0) { capacity[lj] = Math.max(0, capacity[lj]! - 1); continue; }
    for (let a = m.allowStart[i]!; a < m.allowStart[i + 1]!; a++) {
      const j = m.allowCol[a]!;
      data[i * cols + j] = m.score[i * cols + j]!;
    }
  }
  const minimum = new Int32Array(cols);
  for (let j = 0; j < cols; j++) if (!m.optional[j]) minimum[j] = Math.min(m.lower[j]!, capacity[j]!);
  const flow = yield* capacitatedAssignmentSteps({ rows, cols, data }, { capacity, minimum, maximize: true });
  const assign = flow.rowToCol;
  for (let i = 0; i < rows; i++) if (m.lockedCol[i]! >= 0) assign[i] = m.lockedCol[i]!;
  return assign;
}

/**
 * Makes a start assignment meet the col load bounds where it can, in place: a col below its
 * lower bound is filled from unassigned rows and from cols above their own lower bound (best
 * score first); an optional col that still falls short (and holds no locked row) is closed, its
 * rows moved to open cols with room or left unassigned. Repeats until no col falls short or none
 * can be closed. A group of 4–6 that only 2 rows can join is thereby closed, not left at 2 —
 * which a local search of one-row moves could not undo, since taking a row out of a short col
 * deepens its shortfall before the col empties. Side constraints and cohesion are ignored.
 */
export function repairColBounds(m: CompiledModel, assign: Int32Array): Int32Array {
  const { rows, cols, score } = m;
  const load = new Int32Array(cols);
  const hasLock = new Uint8Array(cols);
  for (let i = 0; i < rows; i++) {
    const j = assign[i]!;
    if (j >= 0) load[j]!++;
    if (m.lockedCol[i]! >= 0) hasLock[m.lockedCol[i]!] = 1;
  }
  const short = (j: number) => load[j]! < m.lower[j]! && !(m.optional[j] && load[j] === 0);
  // Rows allowed at each col (CSR by col), for filling.
  const colStart = new Int32Array(cols + 1);
  for (let a = 0; a < m.allowCol.length; a++) colStart[m.allowCol[a]! + 1]!++;
  for (let j = 0; j < cols; j++) colStart[j + 1]! += colStart[j]!;
  const colRow = new Int32Array(m.allowCol.length);
  const fill = colStart.slice(0, cols);
  for (let i = 0; i < rows; i++) for (let a = m.allowStart[i]!; a < m.allowStart[i + 1]!; a++) colRow[fill[m.allowCol[a]!]!++] = i;
  const move = (i: number, to: number) => {
    const from = assign[i]!;
    if (from >= 0) load[from]!--;
    if (to >= 0) load[to]!++;
    assign[i] = to;
  };
  const tryFill = (j: number) => {
    const candidates: number[] = [];
    for (let t = colStart[j]!; t < colStart[j + 1]!; t++) {
      const i = colRow[t]!;
      const from = assign[i]!;
      if (from === j || m.lockedCol[i]! >= 0) continue;
      if (from < 0 || load[from]! > m.lower[from]!) candidates.push(i);
    }
    // Unassigned rows first, then by score at j; ties by index.
    candidates.sort((p, q) => (assign[p]! < 0 ? 0 : 1) - (assign[q]! < 0 ? 0 : 1) || score[q * cols + j]! - score[p * cols + j]! || p - q);
    for (const i of candidates) {
      if (!short(j) || load[j]! >= m.upper[j]!) break;
      const from = assign[i]!;
      if (from >= 0 && load[from]! <= m.lower[from]!) continue; // an earlier pick drained it
      move(i, j);
    }
  };
  const place = (i: number) => {
    let best = -1;
    let bestScore = -Infinity;
    for (let a = m.allowStart[i]!; a < m.allowStart[i + 1]!; a++) {
      const j = m.allowCol[a]!;
      if (load[j]! >= m.upper[j]! || (m.optional[j] && load[j] === 0 && m.lower[j]! > 1)) continue;
      const s = score[i * cols + j]!;
      if (s > bestScore) { bestScore = s; best = j; }
    }
    if (best >= 0 && (bestScore >= 0 || m.mustAssign[i])) move(i, best);
  };
  for (let guard = 0; guard <= cols; guard++) {
    const shortCols: number[] = [];
    for (let j = 0; j < cols; j++) if (short(j)) shortCols.push(j);
    if (shortCols.length === 0) break;
    // Nearest to their bound first: they need the fewest rows.
    shortCols.sort((a, b) => m.lower[a]! - load[a]! - (m.lower[b]! - load[b]!) || a - b);
    for (const j of shortCols) tryFill(j);
    let worst = -1;
    for (const j of shortCols) if (short(j) && m.optional[j] && !hasLock[j] && (worst < 0 || load[j]! < load[worst]!)) worst = j;
    if (worst < 0) break;
    const freed: number[] = [];
    for (let i = 0; i < rows; i++) if (assign[i] === worst) freed.push(i);
    for (const i of freed) move(i, -1);
    for (const i of freed) place(i);
  }
  return assign;
}
