import { solveCapacitatedAssignment } from "../min-cost-flow.js";
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
 * fixed to their col. Falls back to {@link greedyStart} for a model with no allowed pair.
 */
export function flowStart(m: CompiledModel): Int32Array {
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
  const flow = solveCapacitatedAssignment({ rows, cols, data }, { capacity, minimum, maximize: true });
  const assign = flow.rowToCol;
  for (let i = 0; i < rows; i++) if (m.lockedCol[i]! >= 0) assign[i] = m.lockedCol[i]!;
  return assign;
}
