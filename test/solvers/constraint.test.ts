import { describe, expect, it } from "vitest";
import { MatchInputError } from "../../src/errors.js";
import { evaluateConstrained } from "../../src/solvers/constraint/evaluate.js";
import { mulberry32 } from "../../src/solvers/constraint/prng.js";
import { solveConstrained } from "../../src/solvers/constraint/solve.js";
import type { ConstraintModel } from "../../src/solvers/constraint/types.js";
import { bruteForce, randomModel } from "../support/constraint-models.js";
import { checkLocalSearchAgainstExact } from "../support/local-search-check.js";

const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));

describe("solveConstrained — worked example", () => {
  it("hand-worked: a quota against cohesion", async () => {
    // Rows 0–3, cols A = 0 and B = 1, each taking at most 2 rows.
    // Scores: row 0 → A 5, B 1; rows 1–3 → A 2, B 4. Cohesion +3 when rows 0 and 1 share a col.
    // Without the quota: {0, 1} → A, {2, 3} → B = 5 + 2 + 3 + 4 + 4 = 18.
    // The hard quota puts row 2 or 3 in A (symmetric; say 2):
    //   {0, 2} → A, {1, 3} → B: 5 + 2 + 4 + 4 = 15
    //   {1, 2} → A, {0, 3} → B: 2 + 2 + 3 + 1 + 4 = 12
    //   {2} → A with 0 and 1 elsewhere only loses more. Optimum 15, row 0 in A.
    const model: ConstraintModel = {
      rows: 4, cols: 2,
      score: [5, 1, 2, 4, 2, 4, 2, 4],
      colUpper: [2, 2],
      cohesion: { pairs: [0, 1], weight: [3] },
      constraints: [{ name: "seniors", rows: [2, 3], cols: [0], sense: ">=", rhs: 1 }],
    };
    const r = await solveConstrained(model, { engine: "exact" });
    expect(r.status).toBe("optimal");
    expect(r.objective).toBe(15);
    expect(r.rowToCol[0]).toBe(0);
    expect(bruteForce(model)).toBe(15);
  });
});

describe("solveConstrained — exact engine equals brute force on tiny models", () => {
  const cases: [string, Parameters<typeof randomModel>[3]][] = [
    ["pairs and capacities only", {}],
    ["cohesion", { cohesion: true }],
    ["quotas", { quotas: true }],
    ["soft constraints", { soft: true }],
    ["common slot", { slots: true }],
    ["locks and optional cols", { locks: true, optional: true }],
    ["everything", { cohesion: true, quotas: true, soft: true, slots: true, locks: true, optional: true }],
  ];
  for (const [label, features] of cases) {
    it(label, async () => {
      const rng = mulberry32(label.length * 7919);
      for (let trial = 0; trial < 8; trial++) {
        const rows = 3 + rng.int(4), cols = 2 + rng.int(2);
        const model = randomModel(rng, rows, cols, features);
        const want = bruteForce(model);
        const r = await solveConstrained(model, { engine: "exact" });
        const ctx = `${label} trial ${trial}: ${JSON.stringify(model)}`;
        if (want === null) {
          expect(r.status, ctx).toBe("infeasible");
          expect(r.infeasibility?.constraints.length, ctx).toBeGreaterThan(0);
        } else {
          expect(r.status, ctx).toBe("optimal");
          expect(close(r.objective, want), `${ctx}: got ${r.objective}, want ${want}`).toBe(true);
          const ev = evaluateConstrained(model, r.rowToCol);
          expect(ev.feasible, ctx).toBe(true);
          expect(close(ev.objective, r.objective), ctx).toBe(true);
        }
      }
    });
  }
});

describe("regressions", () => {
  it("repeated cohesion pairs (i, k), (i, k), (k, i) count as one merged term in the MIP cut", async () => {
    // Rows 1 and 3 with weights 6 + 3 + 3 = 12 when together; the clique cut Σ_k y ≤ (upper − 1)·x
    // once counted neighbour 3 three times and cut off the optimum (39 instead of 40).
    const model: ConstraintModel = {
      rows: 4, cols: 3, score: [-5, 5, 6, 4, 5, -1, 10, -2, 5, 7, 7, 0], colUpper: [3, 2, 2], colLower: [0, 0, 0],
      cohesion: { pairs: [1, 3, 1, 3, 1, 0, 3, 1], weight: [6, 3, 7, 3] },
    };
    const r = await solveConstrained(model, { engine: "exact" });
    expect(bruteForce(model)).toBe(40);
    expect(r.objective).toBe(40);
  });
});

describe("solveConstrained — local search", () => {
  // 5 of the 12 trials; test/solvers/constraint.slow.test.ts runs all 12.
  it("never beats the exact optimum and never returns a hard-violating solution", async () => {
    await checkLocalSearchAgainstExact(5);
  });

  it("is deterministic for a seed", async () => {
    const model = randomModel(mulberry32(7), 40, 8, { cohesion: true, quotas: true, soft: true, optional: true });
    const a = await solveConstrained(model, { engine: "local", seed: 123, maxIterations: 50_000, lpBound: false });
    const b = await solveConstrained(model, { engine: "local", seed: 123, maxIterations: 50_000, lpBound: false });
    expect(Array.from(b.rowToCol)).toEqual(Array.from(a.rowToCol));
    expect(b.objective).toBe(a.objective);
    expect(a.seed).toBe(123);
    expect(a.iterations).toBe(50_000);
  });

  it("finds the optimum of a small group model and proves it with the LP bound when tight", async () => {
    // 6 rows, 2 groups of exactly 3, no cohesion: the LP relaxation of a transportation problem is integral.
    const score = [9, 1, 8, 2, 7, 3, 1, 9, 2, 8, 3, 7];
    const model: ConstraintModel = { rows: 6, cols: 2, score, colLower: [3, 3], colUpper: [3, 3], rowMustAssign: true };
    const r = await solveConstrained(model, { engine: "local", seed: 1, maxIterations: 20_000 });
    expect(r.objective).toBe(9 + 8 + 7 + 9 + 8 + 7);
    expect(r.bound).toBeCloseTo(48, 6);
    expect(r.optimal).toBe(true);
  });
});

describe("solveConstrained — infeasibility is reported, not thrown", () => {
  const model: ConstraintModel = {
    rows: 5, cols: 2,
    score: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
    colUpper: [2, 3],
    constraints: [
      { name: "at-least-3-in-col-0", cols: [0], sense: ">=", rhs: 3 },
      { name: "soft-nothing", sense: "<=", rhs: 0, hard: false, penalty: 0.1 },
    ],
  };
  it("exact engine names the quota", async () => {
    const r = await solveConstrained(model, { engine: "exact" });
    expect(r.status).toBe("infeasible");
    expect(r.feasible).toBe(false);
    expect(r.infeasibility?.proven).toBe(true);
    expect(r.infeasibility?.constraints).toEqual(["at-least-3-in-col-0"]);
    expect(r.infeasibility?.message).toMatch(/at-least-3-in-col-0/);
    expect([...r.rowToCol].every((j) => j === -1)).toBe(true);
  });
  it("local search reports what it could not meet", async () => {
    const r = await solveConstrained(model, { engine: "local", maxIterations: 5_000 });
    expect(r.status).toBe("infeasible");
    expect(r.infeasibility?.proven).toBe(false);
    expect(r.infeasibility?.constraints).toContain("at-least-3-in-col-0");
  });
  it("a row that must be assigned but has no allowed col", async () => {
    const r = await solveConstrained({ rows: 2, cols: 1, score: [1, -Infinity], rowMustAssign: true }, { engine: "exact" });
    expect(r.status).toBe("infeasible");
    expect(r.infeasibility?.violated).toEqual([{ name: "rowMustAssign", row: 1, amount: 1 }]);
  });
  it("more locks than a col takes", async () => {
    const r = await solveConstrained({ rows: 3, cols: 2, score: [1, 1, 1, 1, 1, 1], colUpper: [1, 3], locked: [[0, 0], [1, 0]] }, { engine: "exact" });
    expect(r.status).toBe("infeasible");
    // Either the col's capacity or one of the locks must give way; both weigh the same.
    expect(r.infeasibility?.constraints.length).toBe(1);
    expect(["colUpper", "locked"]).toContain(r.infeasibility?.constraints[0]);
  });
});

describe("solveConstrained — abort", () => {
  it("rejects with AbortError when the signal is already aborted", async () => {
    const c = new AbortController();
    c.abort();
    await expect(solveConstrained({ rows: 1, cols: 1, score: [1] }, { signal: c.signal })).rejects.toMatchObject({ name: "AbortError" });
  });
  it("stops a running local search", async () => {
    const model = randomModel(mulberry32(3), 400, 40, { cohesion: true, quotas: true });
    const c = new AbortController();
    setTimeout(() => c.abort(), 100);
    const t0 = performance.now();
    await expect(solveConstrained(model, { engine: "local", signal: c.signal, maxIterations: 1e9, timeLimitMs: 20_000, lpBound: false })).rejects.toMatchObject({ name: "AbortError" });
    expect(performance.now() - t0).toBeLessThan(2_000);
  });
});

describe("solveConstrained — input validation", () => {
  const issues = async (model: unknown): Promise<{ path: (string | number)[]; code: string }[]> => {
    try {
      await solveConstrained(model as ConstraintModel);
    } catch (e) {
      expect(e).toBeInstanceOf(MatchInputError);
      return (e as MatchInputError).issues.map(({ path, code }) => ({ path, code }));
    }
    throw new Error("expected a MatchInputError");
  };
  it("NaN and +Infinity scores", async () => {
    expect(await issues({ rows: 1, cols: 2, score: [NaN, Infinity] })).toEqual([
      { path: ["score", 0], code: "invalid_score" },
      { path: ["score", 1], code: "invalid_score" },
    ]);
  });
  it("wrong score length", async () => {
    expect(await issues({ rows: 2, cols: 2, score: [1, 2, 3] })).toEqual([{ path: ["score"], code: "invalid_length" }]);
  });
  it("lower above upper", async () => {
    expect(await issues({ rows: 2, cols: 1, score: [1, 1], colLower: [2], colUpper: [1] })).toEqual([{ path: ["colLower", 0], code: "lower_above_upper" }]);
  });
  it("locked pair out of range, forbidden, or conflicting", async () => {
    expect(await issues({ rows: 2, cols: 2, score: [1, -Infinity, 1, 1], locked: [[0, 1], [5, 0], [1, 0], [1, 1]] })).toEqual([
      { path: ["locked", 0], code: "locked_forbidden" },
      { path: ["locked", 1], code: "index_out_of_range" },
      { path: ["locked", 3], code: "locked_conflict" },
    ]);
  });
  it("constraints: out-of-range rows, duplicate names, soft without penalty, bad sense", async () => {
    expect(await issues({
      rows: 2, cols: 1, score: [1, 1],
      constraints: [
        { name: "a", rows: [0, 2], sense: "<=", rhs: 1 },
        { name: "a", sense: "<", rhs: 1, hard: false },
      ],
    })).toEqual([
      { path: ["constraints", 0, "rows", 1], code: "index_out_of_range" },
      { path: ["constraints", 1, "name"], code: "duplicate_name" },
      { path: ["constraints", 1, "sense"], code: "invalid_sense" },
      { path: ["constraints", 1, "penalty"], code: "invalid_penalty" },
    ]);
  });
  it("cohesion pair of a row with itself, and bad slot ids", async () => {
    expect(await issues({ rows: 2, cols: 1, score: [1, 1], cohesion: { pairs: [1, 1], weight: [2] }, commonSlot: { rowSlots: [[0], [-1]] } })).toEqual([
      { path: ["cohesion", "pairs", 0], code: "invalid_pair" },
      { path: ["commonSlot", "rowSlots", 1, 0], code: "invalid_slot" },
    ]);
  });
});

describe("solveConstrained — auto engine", () => {
  it("uses the exact engine on small models and local search beyond exactSizeLimit", async () => {
    const model = randomModel(mulberry32(11), 20, 4, { quotas: true });
    expect((await solveConstrained(model)).engine).toBe("exact");
    expect((await solveConstrained(model, { exactSizeLimit: 10, maxIterations: 2_000 })).engine).toBe("local");
  });
});

describe("regressions: column bounds", () => {
  it("regression: a lower bound above the row count is not weakened to the row count", async () => {
    // One row, one optional col needing 2–3 rows: the col must stay empty, so a must-assign row
    // makes the model infeasible (it used to be clamped to 1 and reported feasible).
    const model = { rows: 1, cols: 1, score: [0], colLower: [2], colUpper: [3], colOptional: true };
    for (const engine of ["exact", "local"] as const) {
      const free = await solveConstrained(model, { engine, seed: 1 });
      expect(Array.from(free.rowToCol)).toEqual([-1]);
      const forced = await solveConstrained({ ...model, rowMustAssign: true }, { engine, seed: 1, maxIterations: 5000 });
      expect(forced.status).toBe("infeasible");
    }
  });
});
