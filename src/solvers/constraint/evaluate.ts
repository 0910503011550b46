import { MatchInputError } from "../../errors.js";
import { describeValue } from "../../guard.js";
import { compileConstraintModel, type CompiledModel } from "./model.js";
import type { ConstraintModel, ConstraintViolation } from "./types.js";

/**
 * What {@link evaluateConstrained} finds in an assignment.
 * @remarks Since 0.1.0
 */
export interface ConstrainedEvaluation {
  /** No hard constraint is violated. */
  feasible: boolean;
  /** `scoreTotal + cohesionTotal − penaltyTotal`. */
  objective: number;
  scoreTotal: number;
  cohesionTotal: number;
  /** Σ penalty · violation over soft constraints. */
  penaltyTotal: number;
  hard: ConstraintViolation[];
  soft: ConstraintViolation[];
}

/** Violations smaller than this (relative to the right-hand side) are rounding, not violations. */
export const VIOLATION_TOLERANCE = 1e-7;

/** Amount by which `sum (sense) rhs` is violated. */
export function violationAmount(sense: 0 | 1 | 2, sum: number, rhs: number): number {
  const d = sense === 0 ? sum - rhs : sense === 1 ? rhs - sum : Math.abs(sum - rhs);
  return d > VIOLATION_TOLERANCE * Math.max(1, Math.abs(rhs)) ? d : 0;
}

/** Evaluates a trusted assignment against a compiled model. */
export function evaluateCompiled(m: CompiledModel, rowToCol: Int32Array): ConstrainedEvaluation {
  const { rows, cols } = m;
  const hard: ConstraintViolation[] = [];
  const soft: ConstraintViolation[] = [];
  const load = new Int32Array(cols);
  let scoreTotal = 0;
  for (let i = 0; i < rows; i++) {
    const j = rowToCol[i]!;
    if (j < 0) {
      if (m.mustAssign[i]) hard.push({ name: "rowMustAssign", row: i, amount: 1 });
      if (m.lockedCol[i]! >= 0) hard.push({ name: "locked", row: i, col: m.lockedCol[i]!, amount: 1 });
      continue;
    }
    load[j]!++;
    const sc = m.score[i * cols + j]!;
    if (sc === -Infinity) hard.push({ name: "forbidden", row: i, col: j, amount: 1 });
    else scoreTotal += sc;
    if (m.lockedCol[i]! >= 0 && m.lockedCol[i] !== j) hard.push({ name: "locked", row: i, col: m.lockedCol[i]!, amount: 1 });
  }
  for (let j = 0; j < cols; j++) {
    const l = load[j]!;
    if (l > m.upper[j]!) hard.push({ name: "colUpper", col: j, amount: l - m.upper[j]! });
    if (l < m.lower[j]! && !(m.optional[j] && l === 0)) hard.push({ name: "colLower", col: j, amount: m.lower[j]! - l });
  }
  let cohesionTotal = 0;
  for (let t = 0; t < m.pairI.length; t++) {
    const a = rowToCol[m.pairI[t]!]!;
    if (a >= 0 && a === rowToCol[m.pairK[t]!]) cohesionTotal += m.pairW[t]!;
  }
  let penaltyTotal = 0;
  for (const c of m.constraints) {
    const report = (amount: number, col?: number): void => {
      if (amount === 0) return;
      const v: ConstraintViolation = col === undefined ? { name: c.name, amount } : { name: c.name, col, amount };
      if (c.hard) hard.push(v);
      else { soft.push(v); penaltyTotal += c.penalty * amount; }
    };
    if (c.perCol) {
      const sums = new Float64Array(cols);
      for (const i of c.rowList) {
        const j = rowToCol[i]!;
        if (j >= 0) sums[j]! += c.rowCoef[i]! * c.colCoef[j]!;
      }
      for (const j of c.colList) {
        const open = m.optional[j] && load[j] === 0 ? 0 : 1;
        report(violationAmount(c.sense, sums[j]!, c.rhs * open), j);
      }
    } else {
      let sum = 0;
      for (const i of c.rowList) {
        const j = rowToCol[i]!;
        if (j >= 0) sum += c.rowCoef[i]! * c.colCoef[j]!;
      }
      report(violationAmount(c.sense, sum, c.rhs));
    }
  }
  if (m.distinct) {
    const { classOf, classCount, groupStart, groupRow, groupMin, names } = m.distinct;
    const seen = new Uint8Array(classCount);
    for (let g = 0; g + 1 < groupStart.length; g++) {
      let assigned = 0, hit = 0;
      seen.fill(0);
      for (let t = groupStart[g]!; t < groupStart[g + 1]!; t++) {
        const j = rowToCol[groupRow[t]!]!;
        if (j < 0) continue;
        assigned++;
        const c = classOf[j]!;
        if (c >= 0 && !seen[c]) { seen[c] = 1; hit++; }
      }
      if (assigned > 0 && hit < groupMin[g]!) hard.push({ name: names[g]!, amount: groupMin[g]! - hit });
    }
  }
  if (m.slots) {
    const { slotCount, rowStart, rowSlot, colAllows } = m.slots;
    const count = new Int32Array(slotCount);
    const members: number[][] = Array.from({ length: cols }, () => []);
    for (let i = 0; i < rows; i++) if (rowToCol[i]! >= 0) members[rowToCol[i]!]!.push(i);
    for (let j = 0; j < cols; j++) {
      const mem = members[j]!;
      if (mem.length === 0) continue;
      count.fill(0);
      let best = 0;
      for (const i of mem) for (let t = rowStart[i]!; t < rowStart[i + 1]!; t++) {
        const sl = rowSlot[t]!;
        if (colAllows[j * slotCount + sl]) best = Math.max(best, ++count[sl]!);
      }
      if (best < mem.length) hard.push({ name: "commonSlot", col: j, amount: mem.length - best });
    }
  }
  return { feasible: hard.length === 0, objective: scoreTotal + cohesionTotal - penaltyTotal, scoreTotal, cohesionTotal, penaltyTotal, hard, soft };
}

/**
 * Checks an assignment against a {@link ConstraintModel}: which hard constraints it violates
 * (and by how much), which soft ones, and its objective. The checker behind every
 * `solveConstrained` result and its tests; O(rows · cols + constraint and cohesion terms).
 * Throws `MatchInputError` for an invalid model or an assignment of the wrong shape.
 * @remarks Since 0.1.0
 */
export function evaluateConstrained(model: ConstraintModel, rowToCol: ArrayLike<number>): ConstrainedEvaluation {
  const m = compileConstraintModel(model);
  if (rowToCol === null || typeof rowToCol !== "object" || rowToCol.length !== m.rows) {
    throw new MatchInputError([{ path: ["rowToCol"], code: "invalid_length", message: `rowToCol must have ${m.rows} entries` }]);
  }
  const a = new Int32Array(m.rows);
  for (let i = 0; i < m.rows; i++) {
    const j = rowToCol[i];
    if (!Number.isInteger(j) || (j as number) < -1 || (j as number) >= m.cols) {
      throw new MatchInputError([{ path: ["rowToCol", i], code: "index_out_of_range", message: `rowToCol[${i}]: ${describeValue(j)} is not −1 or a col below ${m.cols}` }]);
    }
    a[i] = j as number;
  }
  return evaluateCompiled(m, a);
}
