import fc from "fast-check";
import { Matrix } from "ml-matrix";
import { describe, expect, it } from "vitest";
import { calibrateWeights, generateCohort, MatchInputError, parseCohort, scoreMatrix, type Cohort, type CustomCriterion } from "../../src/index.js";
import { rocAuc, rootMeanSquaredError } from "../../src/evaluate/metrics.js";
import { solveNnlsGram } from "../../src/evaluate/nnls.js";
import { fitNonNegativeLogistic } from "../../src/evaluate/nonnegative-logistic.js";
import { createRandom } from "../../src/sample/random.js";

/** Independent AUC: the share of (positive, negative) pairs ordered correctly, ties one half. O(n²). */
function pairwiseAuc(scores: readonly number[], labels: readonly number[]): number {
  let num = 0;
  let den = 0;
  for (let a = 0; a < scores.length; a++) {
    if (labels[a] !== 1) continue;
    for (let b = 0; b < scores.length; b++) {
      if (labels[b] !== 0) continue;
      den++;
      num += scores[a]! > scores[b]! ? 1 : scores[a] === scores[b] ? 0.5 : 0;
    }
  }
  return num / den;
}

const cosine = (a: readonly number[], b: readonly number[]) => a.reduce((s, x, k) => s + x * b[k]!, 0) / Math.hypot(...a) / Math.hypot(...b);

const CRITERIA = ["goals", "skills", "personality", "availability", "diversity", "preferences"] as const;
const EQUAL = { goals: 1, skills: 1, personality: 1, availability: 1, diversity: 1, preferences: 1 };

/** Outcomes drawn from hidden weights through the library's own composite (scoreMatrix) plus noise. */
function simulate(hidden: Record<string, number>, n: number, draw: (composite: number, random: ReturnType<typeof createRandom>) => number | boolean, custom: CustomCriterion[] = []) {
  const raw = generateCohort({ mentees: 400, mentors: 120, seed: 3 });
  const truth = scoreMatrix(parseCohort({ ...raw, program: { ...raw.program, weights: hidden } }, { customCriteria: custom.map((c) => c.name) }), { custom });
  const random = createRandom(9);
  const outcomes = [];
  const composite: number[] = [];
  for (let k = 0; k < n; k++) {
    const i = Math.floor(random.next() * truth.rows);
    const j = Math.floor(random.next() * truth.cols);
    const s = truth.scores[i * truth.cols + j]!;
    composite.push(s);
    outcomes.push({ menteeId: truth.rowIds[i]!, mentorId: truth.colIds[j]!, outcome: draw(s, random) });
  }
  return { raw, outcomes, composite };
}

describe("calibrateWeights: recovers hidden weights", () => {
  // Kept after the trial with probability σ(10 (composite − 0.35)), composite from hidden weights.
  const hidden = { goals: 0.45, skills: 0.2, personality: 0.05, availability: 0.15, diversity: 0.05, preferences: 0.1 };
  const { raw, outcomes, composite } = simulate(hidden, 2500, (s, random) => random.next() < 1 / (1 + Math.exp(-10 * (s - 0.35))));
  const cohort = parseCohort({ ...raw, program: { ...raw.program, weights: EQUAL } });
  const result = calibrateWeights(cohort, outcomes, { bootstrap: 20 });

  it("direction (cosine ≥ 0.95 at 2,500 binary outcomes) and the dominant criterion first", () => {
    expect(result.outcome).toBe("binary");
    const fitted = CRITERIA.map((c) => result.fitted[c]!);
    expect(cosine(fitted, CRITERIA.map((c) => hidden[c]))).toBeGreaterThanOrEqual(0.95);
    expect(result.importance[0]!.criterion).toBe("goals");
    for (const w of Object.values(result.fitted)) expect(w).toBeGreaterThanOrEqual(0);
  });

  it("held-out AUC within 0.02 of the true model's, better than equal weights, so the patch applies the fit", () => {
    const trueAuc = pairwiseAuc(composite, outcomes.map((o) => (o.outcome ? 1 : 0)));
    expect(result.metrics.metric).toBe("auc");
    expect(Math.abs(result.metrics.heldOut! - trueAuc)).toBeLessThanOrEqual(0.02);
    expect(result.metrics.heldOut!).toBeGreaterThan(result.metrics.current!);
    expect(result.improved).toBe(true);
    expect(result.patch.weights).toEqual(result.fitted);
    // The learned criteria keep the current total (6 × 1), on the 4-decimal grid.
    expect(CRITERIA.reduce((s, c) => s + result.patch.weights[c]!, 0)).toBeCloseTo(6, 3);
    // The patch is a valid programme.
    expect(parseCohort({ ...raw, program: { ...raw.program, ...result.patch } }).program.weights.goals).toBe(result.fitted.goals);
  });

  it("bootstrap intervals bracket each share", () => {
    for (const imp of result.importance) {
      expect(imp.learned).toBe(true);
      expect(imp.low!).toBeLessThanOrEqual(imp.high!);
      expect(imp.low!).toBeLessThanOrEqual(imp.share + 1e-9);
      expect(imp.high!).toBeGreaterThanOrEqual(imp.share - 1e-9);
    }
  });

});

describe("calibrateWeights: warnings", () => {
  const cohort = (weights = {}): Cohort =>
    parseCohort({
      participants: [
        ...["a", "b", "c", "d"].map((id, k) => ({ id, role: "mentor" as const, goals: k % 2 ? ["x"] : ["x", "y"], skills: { sql: k + 1 } })),
        ...Array.from({ length: 20 }, (_, k) => ({ id: `e${k}`, role: "mentee" as const, goals: ["x", "y"], wantedSkills: { sql: 1 + (k % 4) } })),
      ],
      program: { weights: { ...EQUAL, ...weights }, rules: { levelGap: null } },
    });
  const outcomes = (n: number, value: (k: number) => boolean | number) => Array.from({ length: n }, (_, k) => ({ menteeId: `e${k % 20}`, mentorId: "abcd"[k % 4]!, outcome: value(k) }));

  it("one class, criteria without data, too few outcomes", () => {
    const result = calibrateWeights(cohort(), outcomes(40, () => true));
    const codes = result.warnings.map((w) => w.code);
    expect(codes).toContain("one-class-outcomes");
    // Nobody gives personality, availability, diversity data or rankings.
    expect(result.warnings.filter((w) => w.code === "criterion-without-data").map((w) => /data for (\w+);/.exec(w.message)?.[1])).toEqual(["personality", "availability", "diversity", "preferences"]);
    expect(result.improved).toBe(false);
    expect(result.patch.weights).toEqual(result.current);
    expect(calibrateWeights(cohort(), outcomes(8, (k) => k % 3 === 0), { bootstrap: 0 }).warnings.map((w) => w.code)).toContain("too-few-outcomes");
  });

  it("same seed, same result (folds, fit and bootstrap intervals)", () => {
    // A mentor-level custom criterion and goals both vary; kept mostly with mentors c and d.
    const tenure: CustomCriterion = { name: "tenure", weight: 1, score: (_, m) => ({ a: 0.1, b: 0.3, c: 0.6, d: 0.9 })[m.id as "a"] ?? 0 };
    const run = (seed: number) => calibrateWeights(cohort(), outcomes(80, (k) => (k % 4 >= 2) !== (k % 7 === 0)), { criteria: [tenure], bootstrap: 25, seed });
    const a = run(4);
    expect(run(4)).toEqual(a);
    expect(a.importance.filter((i) => i.learned).every((i) => i.low !== null && i.high !== null)).toBe(true);
    const b = run(5);
    expect([b.metrics.gains, b.importance.map((i) => i.low)]).not.toEqual([a.metrics.gains, a.importance.map((i) => i.low)]);
  });

  it("collinear criteria", () => {
    const a: CustomCriterion = { name: "tenureA", weight: 1, score: (_, m) => ({ a: 0.1, b: 0.4, c: 0.7, d: 0.9 })[m.id as "a"] ?? 0 };
    const b: CustomCriterion = { name: "tenureB", weight: 1, score: (_, m) => ({ a: 0.12, b: 0.41, c: 0.69, d: 0.92 })[m.id as "a"] ?? 0 };
    const result = calibrateWeights(cohort(), outcomes(80, (k) => k % 4 >= 2), { criteria: [a, b], bootstrap: 0 });
    expect(result.warnings.find((w) => w.code === "collinear-criteria")?.message).toMatch(/tenureA and tenureB/);
  });
});

describe("calibrateWeights: input errors", () => {
  const c = parseCohort({ participants: [{ id: "m", role: "mentor" }, { id: "e", role: "mentee" }] });
  const codeOf = (outcomes: unknown, options = {}) => {
    try {
      calibrateWeights(c, outcomes, options);
    } catch (err) {
      expect(err).toBeInstanceOf(MatchInputError);
      return (err as MatchInputError).issues[0]!;
    }
    throw new Error("expected a MatchInputError");
  };
  it("names the bad entry", () => {
    expect(codeOf([{ menteeId: "x", mentorId: "m", outcome: true }])).toMatchObject({ path: ["outcomes", 0, "menteeId"], code: "unknown-id" });
    expect(codeOf([{ menteeId: "m", mentorId: "e", outcome: true }])).toMatchObject({ path: ["outcomes", 0, "menteeId"], code: "not-a-mentee" });
    expect(codeOf([{ menteeId: "e", mentorId: "m", outcome: 7 }])).toMatchObject({ path: ["outcomes", 0, "outcome"], code: "invalid-outcome" });
    expect(codeOf([{ menteeId: "e", mentorId: "m", outcome: "yes" }]).code).toBe("invalid-outcome");
    expect(codeOf([{ menteeId: "e", mentorId: "m", outcome: true }, { menteeId: "e", mentorId: "m", outcome: 1 }]).code).toBe("mixed-outcomes");
    expect(codeOf([{ menteeId: "e", mentorId: "m", outcome: 0.5 }, { menteeId: "e", mentorId: "m", outcome: 4 }]).code).toBe("invalid-outcome");
    expect(codeOf("nope").code).toBe("invalid-outcomes");
    expect(codeOf([], { folds: 1 })).toMatchObject({ path: ["options", "folds"], code: "invalid-option" });
  });
});

describe("numerical cores", () => {
  it("NNLS, hand-worked: A = [[1,0],[0,1],[1,1]], b = [2,−1,1]", () => {
    // Unconstrained: AᵀA = [[2,1],[1,2]], Aᵀb = [3,0] → x = (2, −1). With x ≥ 0 the second is 0
    // and x1 minimises (x1 − 2)² + 1 + (x1 − 1)²: x1 = 1.5.
    const x = solveNnlsGram(new Matrix([[2, 1], [1, 2]]), Float64Array.of(3, 0));
    expect(x[0]).toBeCloseTo(1.5, 12);
    expect(x[1]).toBe(0);
  });

  it("NNLS satisfies the KKT conditions on random problems", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 4, maxLength: 4 }), { minLength: 6, maxLength: 12 }), (rows) => {
        const A = new Matrix(rows.map((r) => r.slice(0, 3)));
        const b = rows.map((r) => r[3]!);
        const gram = A.transpose().mmul(A).add(Matrix.eye(3).mul(1e-6));
        const atb = Float64Array.from(A.transpose().mmul(Matrix.columnVector(b)).getColumn(0));
        const x = solveNnlsGram(gram, atb);
        const w = atb.map((v, i) => v - [0, 1, 2].reduce((s, j) => s + gram.get(i, j) * x[j]!, 0));
        const scale = 1e-7 * (1 + Math.max(...atb.map(Math.abs)));
        for (let i = 0; i < 3; i++) {
          expect(x[i]!).toBeGreaterThanOrEqual(0);
          if (x[i]! > 0) expect(Math.abs(w[i]!)).toBeLessThanOrEqual(scale);
          else expect(w[i]!).toBeLessThanOrEqual(scale);
        }
      }),
      { numRuns: 100 },
    );
  });

  it("non-negative logistic regression satisfies its KKT conditions", () => {
    const random = createRandom(5);
    const n = 300;
    const z = Float64Array.from({ length: n * 2 }, () => random.next());
    // The second feature lowers the odds, so its coefficient must sit at 0 with a non-positive gradient.
    const y = Float64Array.from({ length: n }, (_, i) => (random.next() < 1 / (1 + Math.exp(-(3 * z[2 * i]! - 2 * z[2 * i + 1]!))) ? 1 : 0));
    const weight = new Float64Array(n).fill(1);
    const ridge = 1e-3;
    const fit = fitNonNegativeLogistic({ rows: n, cols: 2, z, y, weight }, ridge);
    // Gradient of the log-likelihood minus the penalty: Σ (y − p) z_c − ridge · n · coef_c.
    const grad = [0, 0, 0];
    for (let i = 0; i < n; i++) {
      const p = 1 / (1 + Math.exp(-(fit.intercept + fit.coef[0]! * z[2 * i]! + fit.coef[1]! * z[2 * i + 1]!)));
      grad[0]! += y[i]! - p;
      grad[1]! += (y[i]! - p) * z[2 * i]!;
      grad[2]! += (y[i]! - p) * z[2 * i + 1]!;
    }
    grad[1]! -= ridge * n * fit.coef[0]!;
    grad[2]! -= ridge * n * fit.coef[1]!;
    expect(Math.abs(grad[0]!)).toBeLessThan(1e-4);
    expect(fit.coef[0]!).toBeGreaterThan(1);
    expect(Math.abs(grad[1]!)).toBeLessThan(1e-4);
    expect(fit.coef[1]).toBe(0);
    expect(grad[2]!).toBeLessThan(0);
  });

  it("AUC with ties and RMSE, hand-worked", () => {
    // Positives 0.9, 0.5; negatives 0.5, 0.1: pairs (0.9>0.5) 1, (0.9>0.1) 1, (0.5=0.5) ½, (0.5>0.1) 1 → 3.5/4.
    expect(rocAuc([0.9, 0.5, 0.5, 0.1], [1, 1, 0, 0])).toBe(0.875);
    expect(rocAuc([0.2, 0.3], [1, 1])).toBeNull();
    // Errors 1 and −1 → sqrt((1 + 1) / 2) = 1.
    expect(rootMeanSquaredError([2, 3], [1, 4])).toBe(1);
  });
});
