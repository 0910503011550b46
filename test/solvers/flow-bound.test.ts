import { describe, expect, it } from "vitest";
import { MatchInputError } from "../../src/errors.js";
import { flowBound } from "../../src/solvers/constraint/flow-bound.js";
import { compileConstraintModel } from "../../src/solvers/constraint/model.js";
import { mulberry32 } from "../../src/solvers/constraint/prng.js";
import { solveConstrained } from "../../src/solvers/constraint/solve.js";
import { evaluateConstrained } from "../../src/solvers/constraint/evaluate.js";
import type { ConstraintModel } from "../../src/solvers/constraint/types.js";
import { bruteForce, randomModel } from "../support/constraint-models.js";

describe("flowBound — the local search's bound without HiGHS", () => {
  it("worked case: two rows in one col of capacity 2 with cohesion 0.5 bound at 1.25, the optimum", () => {
    // Each row may share the col with 1 other: gain ½ · 0.5 = 0.25 each; 0.5 + 0.25 + 0.25 + 0.25 = 1.25.
    const model: ConstraintModel = { rows: 2, cols: 1, score: [0.5, 0.25], colUpper: [2], cohesion: { pairs: [0, 1], weight: [0.5] } };
    expect(flowBound(compileConstraintModel(model))).toBeCloseTo(1.25, 12);
    expect(bruteForce(model)).toBeCloseTo(1.25, 12);
  });

  it("a row with only negative scores stays out: bound 3 for scores [3, -2] in cols of capacity 1", () => {
    // Row 0 → col 0 (3); row 1 can only take col 1 at −2, so leaving it out is better: 3.
    const model: ConstraintModel = { rows: 2, cols: 2, score: [3, -Infinity, -Infinity, -2], colUpper: [1, 1] };
    expect(flowBound(compileConstraintModel(model))).toBe(3);
  });

  it("is never below the brute-force optimum, whatever the rules (cohesion, quotas, soft rules, slots, locks, optional cols)", () => {
    const rng = mulberry32(20261129);
    let checked = 0;
    for (let t = 0; t < 150; t++) {
      const rows = 2 + rng.int(4), cols = 1 + rng.int(3);
      const model = randomModel(rng, rows, cols, { cohesion: rng.next() < 0.6, quotas: rng.next() < 0.5, soft: rng.next() < 0.4, slots: rng.next() < 0.3, locks: rng.next() < 0.3, optional: rng.next() < 0.4 });
      const best = bruteForce(model);
      if (best === null) continue;
      checked++;
      expect(flowBound(compileConstraintModel(model)), `model ${t}`).toBeGreaterThanOrEqual(best - 1e-9);
    }
    expect(checked).toBeGreaterThan(100);
  });

  it("is exact on pair models with only capacities (the flow is the optimum)", () => {
    const rng = mulberry32(7);
    for (let t = 0; t < 60; t++) {
      const rows = 2 + rng.int(4), cols = 1 + rng.int(3);
      const { score, colUpper } = randomModel(rng, rows, cols, {});
      const model: ConstraintModel = { rows, cols, score, ...(colUpper ? { colUpper } : {}) };
      expect(flowBound(compileConstraintModel(model))).toBeCloseTo(bruteForce(model)!, 9);
    }
  });
});

describe("solveConstrained without HiGHS (highs: false)", () => {
  const model: ConstraintModel = {
    rows: 4, cols: 2, score: [5, 1, 4, 2, 1, 6, 2, 3], colUpper: [2, 2],
    constraints: [{ name: "row 3 in col 0", rows: [3], cols: [0], sense: ">=", rhs: 1 }],
  };

  it("the exact engine falls back to local search, names why, and bounds the gap with the flow bound", async () => {
    // Scores (row: col 0, col 1): 0: 5, 1; 1: 4, 2; 2: 1, 6; 3: 2, 3. Row 3 must take col 0, leaving one
    // seat there: row 0 (5), so rows 1, 2 → col 1 (2 + 6): 2 + 5 + 2 + 6 = 15 (row 1 in col 0 instead: 13).
    const r = await solveConstrained(model, { engine: "exact", highs: false });
    expect(r.engine).toBe("local");
    expect(r.highsError).toMatch(/disabled/);
    expect(r.boundSource).toBe("flow");
    expect(r.feasible).toBe(true);
    expect(evaluateConstrained(model, r.rowToCol).objective).toBe(15);
    expect(bruteForce(model)).toBe(15);
    // Flow bound without the side rule: rows 0, 2 → col 0 (5 + 4), rows 1, 3 → col 1 (6 + 3) = 18.
    expect(r.bound).toBe(18);
    expect(r.gap).toBeCloseTo(3 / 15, 12);
  });

  it("a loader that fails is reported, not thrown", async () => {
    const r = await solveConstrained(model, { highs: () => Promise.reject(new Error("no wasm here")) });
    expect(r.engine).toBe("local");
    expect(r.highsError).toContain("no wasm here");
    expect(evaluateConstrained(model, r.rowToCol).objective).toBe(15);
  });

  it("a highs option that is neither false, a function nor { load, locateFile } is an input error", async () => {
    for (const bad of [true, "highs", { load: "highs" }, { locateFile: 1 }]) {
      const err = await solveConstrained(model, { highs: bad as never }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(MatchInputError);
      expect((err as MatchInputError).issues).toEqual([expect.objectContaining({ path: ["options", "highs"], code: "invalid-option" })]);
    }
  });
});
