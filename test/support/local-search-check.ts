// Local search against the exact engine on random constraint models: small in
// test/solvers/constraint.test.ts, the full 12 trials in test/solvers/constraint.slow.test.ts.
import { expect } from "vitest";
import { evaluateConstrained } from "../../src/solvers/constraint/evaluate.js";
import { mulberry32 } from "../../src/solvers/constraint/prng.js";
import { solveConstrained } from "../../src/solvers/constraint/solve.js";
import { randomModel } from "./constraint-models.js";

/**
 * On `trials` random models (seeded PRNG 42, the same sequence whatever `trials` is): local search
 * never beats the exact optimum and never returns a hard-violating solution; more than half the
 * trials are feasible, so the comparison happens.
 */
export async function checkLocalSearchAgainstExact(trials: number): Promise<void> {
  const rng = mulberry32(42);
  let compared = 0;
  for (let trial = 0; trial < trials; trial++) {
    const rows = 4 + rng.int(20), cols = 2 + rng.int(4);
    const model = randomModel(rng, rows, cols, { cohesion: true, quotas: trial % 2 === 0, soft: true, slots: trial % 3 === 0, optional: true, locks: true });
    const exact = await solveConstrained(model, { engine: "exact" });
    const local = await solveConstrained(model, { engine: "local", seed: trial, maxIterations: 30_000, lpBound: false });
    if (local.status !== "infeasible") {
      expect(evaluateConstrained(model, local.rowToCol).hard).toEqual([]);
      expect(exact.status).toBe("optimal");
      expect(exact.objective).toBeGreaterThanOrEqual(local.objective - 1e-9);
      compared++;
    } else {
      expect([...local.rowToCol].every((j) => j === -1)).toBe(true);
      expect(local.infeasibility?.proven).toBe(false);
    }
    if (exact.status !== "infeasible") expect(evaluateConstrained(model, exact.rowToCol).hard).toEqual([]);
  }
  expect(compared).toBeGreaterThan(trials / 2);
}
