// Tiny constraint models and their brute-force optimum, shared by the constraint-solver tests.
import { evaluateCompiled } from "../../src/solvers/constraint/evaluate.js";
import { compileConstraintModel } from "../../src/solvers/constraint/model.js";
import type { Prng } from "../../src/solvers/constraint/prng.js";
import type { ConstraintModel, LinearConstraint } from "../../src/solvers/constraint/types.js";

/** Best objective over all (cols + 1)^rows assignments, or null when none is feasible. */
export function bruteForce(model: ConstraintModel): number | null {
  const m = compileConstraintModel(model);
  const a = new Int32Array(m.rows).fill(-1);
  let best: number | null = null;
  const rec = (i: number): void => {
    if (i === m.rows) {
      const ev = evaluateCompiled(m, a);
      if (ev.feasible && (best === null || ev.objective > best)) best = ev.objective;
      return;
    }
    for (let j = -1; j < m.cols; j++) { a[i] = j; rec(i + 1); }
    a[i] = -1;
  };
  rec(0);
  return best;
}

/** A random tiny model exercising one or more features. */
export function randomModel(rng: Prng, rows: number, cols: number, features: { cohesion?: boolean; quotas?: boolean; soft?: boolean; slots?: boolean; locks?: boolean; optional?: boolean }): ConstraintModel {
  const score = Array.from({ length: rows * cols }, () => (rng.next() < 0.12 ? -Infinity : rng.int(16) - 5));
  const colUpper = Array.from({ length: cols }, () => 1 + rng.int(3));
  const colLower = colUpper.map((u) => (rng.next() < 0.3 ? rng.int(u + 1) : 0));
  const model: ConstraintModel = { rows, cols, score, colUpper, colLower };
  if (rng.next() < 0.4) model.rowMustAssign = Array.from({ length: rows }, () => rng.next() < 0.4);
  if (features.optional) model.colOptional = Array.from({ length: cols }, () => rng.next() < 0.6);
  if (features.locks) {
    const i = rng.int(rows), j = rng.int(cols);
    if (score[i * cols + j] !== -Infinity) model.locked = [[i, j]];
  }
  if (features.cohesion) {
    const pairs: number[] = [], weight: number[] = [];
    for (let t = 0; t < rows; t++) {
      const i = rng.int(rows), k = rng.int(rows);
      if (i !== k) { pairs.push(i, k); weight.push(rng.int(13) - 5); }
    }
    model.cohesion = { pairs, weight };
  }
  const constraints: LinearConstraint[] = [];
  if (features.quotas) {
    const sub = Array.from({ length: rows }, (_, i) => i).filter(() => rng.next() < 0.5);
    constraints.push({ name: "quota", rows: sub, cols: [0], sense: ">=", rhs: Math.min(1, sub.length) });
    constraints.push({ name: "cap", rows: sub, perCol: true, sense: "<=", rhs: 1 });
  }
  if (features.soft) {
    constraints.push({ name: "soft-eq", cols: [cols - 1], sense: "=", rhs: 2, hard: false, penalty: 3 });
    constraints.push({ name: "soft-weighted", rowCoef: Array.from({ length: rows }, () => rng.int(3)), colCoef: Array.from({ length: cols }, () => rng.int(2)), perCol: true, sense: ">=", rhs: 1, hard: false, penalty: 2.5 });
  }
  if (constraints.length > 0) model.constraints = constraints;
  if (features.slots) {
    model.commonSlot = {
      rowSlots: Array.from({ length: rows }, () => [0, 1, 2, 3].filter(() => rng.next() < 0.5)),
      colSlots: Array.from({ length: cols }, () => (rng.next() < 0.5 ? null : [0, 1, 2, 3].filter(() => rng.next() < 0.7))),
    };
  }
  return model;
}

