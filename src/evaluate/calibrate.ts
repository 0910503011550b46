import { readOptions } from "../guard.js";
import type { ExtraCriterion } from "../criteria/index.js";
import { MatchInputError, type MatchIssue } from "../errors.js";
import { adoptParsedCohort, isParsedCohort, parseCohort, type Cohort } from "../model/cohort.js";
import { createRandom, type Random } from "../sample/random.js";
import { scoreMatrix } from "../score/index.js";
import { rocAuc, rootMeanSquaredError } from "./metrics.js";
import { fitNonNegativeLinear, type WeightedRows } from "./nonnegative-linear.js";
import { fitNonNegativeLogistic } from "./nonnegative-logistic.js";

/**
 * Codes of {@link Calibration.warnings}.
 *
 * - `too-few-outcomes`: fewer than 10 outcomes per learned weight (or too few to cross-validate).
 * - `criterion-without-data`: no outcome pair has data for a criterion; its weight is kept.
 * - `criterion-without-variation`: a criterion scores every outcome pair alike; its weight is kept.
 * - `collinear-criteria`: two criteria correlate above 0.95 over the outcome pairs, so their
 *   split of weight is not well determined (see the intervals).
 * - `one-class-outcomes`: binary outcomes are all the same (or one class is too rare to
 *   cross-validate); nothing is learned.
 * - `not-improved`: the fitted weights do not beat the current ones on held-out data; the patch
 *   keeps the current weights.
 * @remarks Since 0.2.0
 */
export const CALIBRATION_WARNING_CODES = [
  "too-few-outcomes",
  "criterion-without-data",
  "criterion-without-variation",
  "collinear-criteria",
  "one-class-outcomes",
  "not-improved",
] as const;

/**
 * A calibration warning code.
 * @remarks Since 0.2.0
 */
export type CalibrationWarningCode = (typeof CALIBRATION_WARNING_CODES)[number];

/**
 * One warning of a calibration.
 * @remarks Since 0.2.0
 */
export interface CalibrationWarning {
  code: CalibrationWarningCode;
  message: string;
}

/**
 * One observed outcome of a pair: a rating from 1 to 5, a value in [0, 1], or a boolean (kept
 * after the trial, goal reached).
 * @remarks Since 0.2.0
 */
export interface PairOutcome {
  menteeId: string;
  mentorId: string;
  outcome: number | boolean;
}

/**
 * Options of {@link calibrateWeights}.
 * @remarks Since 0.2.0
 */
export interface CalibrateOptions {
  /**
   * `binary` (logistic regression, AUC) or `rating` (least squares, RMSE). Default `auto`:
   * booleans, or numbers that are all 0 or 1, are binary; other numbers (in [0, 1] or [1, 5]) are
   * ratings.
   */
  outcome?: "auto" | "binary" | "rating";
  /** Folds of the cross-validation. Default 5 (fewer when a class is rarer). */
  folds?: number;
  /** Bootstrap resamples for the importance intervals. Default 200 (0: no intervals). */
  bootstrap?: number;
  /** Coverage of the importance intervals. Default 0.95. */
  confidence?: number;
  /** Ridge penalty per outcome on the coefficients. Default 0.001. */
  ridge?: number;
  /** Seed of the folds and resamples. Default `program.seed`. */
  seed?: number;
  /** Custom criteria to learn alongside the built-ins (as passed to `match()`). */
  criteria?: readonly ExtraCriterion[];
}

/**
 * A criterion's learned importance.
 * @remarks Since 0.2.0
 */
export interface CriterionImportance {
  criterion: string;
  /** Weight in the programme now. */
  current: number;
  /** Fitted weight, on the scale of the current weights (the learned criteria keep their total). */
  fitted: number;
  /** Fitted share of the learned criteria's total weight, in [0, 1]; 0 when not learned. */
  share: number;
  /** Bootstrap percentile interval of `share` (`null` without resamples or when not learned). */
  low: number | null;
  high: number | null;
  /** False when the outcomes carry no information on it (no data, no variation): weight kept. */
  learned: boolean;
}

/**
 * What {@link calibrateWeights} returns.
 * @remarks Since 0.2.0
 */
export interface Calibration {
  outcome: "binary" | "rating";
  /** Outcomes used. */
  outcomes: number;
  /** True only when the fitted weights beat the current ones on held-out folds (see `metrics`). */
  improved: boolean;
  /** The weights to use: fitted when `improved`, else the current weights unchanged. */
  weights: Record<string, number>;
  /** `{ weights }`, ready to spread into the programme. */
  patch: { weights: Record<string, number> };
  /** The fitted weights, whether or not they improve on the current ones. */
  fitted: Record<string, number>;
  /** The programme's current weights. */
  current: Record<string, number>;
  metrics: {
    /** `auc` for binary outcomes (higher is better), `rmse` for ratings (lower is better). */
    metric: "auc" | "rmse";
    /** Mean over the folds of the fitted model on its held-out fold; `null` when not computed. */
    heldOut: number | null;
    /** The current weights on the same folds (their intercept and scale fitted on each training part). */
    current: number | null;
    /** No criterion at all: AUC 0.5; for ratings, the training mean as the prediction. */
    baseline: number | null;
    folds: number;
    /** Per fold, how much the fit beats the current weights (positive: better). */
    gains: number[];
  };
  /** Every criterion, most important first (learned ones by share, then the rest in criterion order). */
  importance: CriterionImportance[];
  warnings: CalibrationWarning[];
  seed: number;
}

/** Features of the outcome pairs: per criterion, the score (NaN without data), row-major. */
interface Features {
  names: string[];
  current: Float64Array;
  n: number;
  x: Float64Array;
  y: Float64Array;
  /** `criteria.missing: "neutral"` stand-in, or NaN to drop (as the scorer does). */
  fill: number;
}

interface Fit {
  intercept: number;
  coef: Float64Array;
}

function readOutcomes(cohort: Cohort, outcomes: unknown, custom: readonly ExtraCriterion[], kind: CalibrateOptions["outcome"]): { features: Features; binary: boolean } {
  if (!Array.isArray(outcomes)) throw new MatchInputError([{ path: ["outcomes"], code: "invalid-outcomes", message: "outcomes must be an array of { menteeId, mentorId, outcome }" }]);
  const issues: MatchIssue[] = [];
  const index = new Map(cohort.participants.map((p, i) => [p.id, i]));
  outcomes.forEach((o, k) => {
    const at = ["outcomes", k];
    if (typeof o !== "object" || o === null) {
      issues.push({ path: at, code: "invalid-outcome", message: "an outcome is { menteeId, mentorId, outcome }" });
      return;
    }
    for (const side of ["menteeId", "mentorId"] as const) {
      const id = (o as Record<string, unknown>)[side];
      if (typeof id !== "string" || !index.has(id)) issues.push({ path: [...at, side], code: "unknown-id", message: `${JSON.stringify(id)} is not a participant of the cohort` });
    }
    const v = (o as Record<string, unknown>).outcome;
    if (typeof v !== "boolean" && !(typeof v === "number" && Number.isFinite(v) && v >= 0 && v <= 5)) {
      issues.push({ path: [...at, "outcome"], code: "invalid-outcome", message: `an outcome is a boolean, a value in [0, 1] or a rating in [1, 5]; got ${JSON.stringify(v)?.slice(0, 40)}` });
    }
  });
  if (issues.length > 0) throw new MatchInputError(issues.slice(0, 100));
  const list = outcomes as PairOutcome[];
  const booleans = list.filter((o) => typeof o.outcome === "boolean").length;
  if (booleans > 0 && booleans < list.length) throw new MatchInputError([{ path: ["outcomes"], code: "mixed-outcomes", message: "outcomes mix booleans and numbers; use one kind" }]);
  const values = list.map((o) => (typeof o.outcome === "boolean" ? (o.outcome ? 1 : 0) : o.outcome));
  const numbers = booleans === 0;
  if (numbers && values.some((v) => v > 1) && values.some((v) => v < 1)) {
    const k = values.findIndex((v) => v < 1);
    throw new MatchInputError([{ path: ["outcomes", k, "outcome"], code: "invalid-outcome", message: `ratings run from 1 to 5, but this one is ${values[k]}; values in [0, 1] cannot be mixed with ratings` }]);
  }
  const zeroOne = values.every((v) => v === 0 || v === 1);
  const binary = kind === "binary" || (kind !== "rating" && zeroOne);
  if (binary && !zeroOne) throw new MatchInputError([{ path: ["outcomes"], code: "invalid-outcome", message: "binary outcomes must be booleans or 0 / 1" }]);

  // Sides as the scorer sets them: peers pool everyone, else mentees (or both) × mentors (or both).
  const peer = cohort.program.format === "peer";
  list.forEach((o, k) => {
    const mentee = cohort.participants[index.get(o.menteeId)!]!;
    const mentor = cohort.participants[index.get(o.mentorId)!]!;
    if (!peer && mentee.role === "mentor") issues.push({ path: ["outcomes", k, "menteeId"], code: "not-a-mentee", message: `${JSON.stringify(o.menteeId)} is not on the mentee side of this ${cohort.program.format} programme` });
    if (!peer && mentor.role === "mentee") issues.push({ path: ["outcomes", k, "mentorId"], code: "not-a-mentor", message: `${JSON.stringify(o.mentorId)} is not on the mentor side of this ${cohort.program.format} programme` });
  });
  if (issues.length > 0) throw new MatchInputError(issues.slice(0, 100));

  // The library's own per-criterion scores, from scoreMatrix on small cohorts of the people in
  // the outcomes: a few hundred mentees at a time with their mentors, so memory stays bounded
  // (each pair is encoded and scored exactly as in the whole cohort: see scorePair).
  const byMentee = new Map<string, number[]>();
  list.forEach((o, k) => (byMentee.get(o.menteeId) ?? byMentee.set(o.menteeId, []).get(o.menteeId)!).push(k));
  const scoreChunk = (ks: readonly number[]) => {
    const members = new Set<number>();
    for (const k of ks) {
      members.add(index.get(list[k]!.menteeId)!);
      members.add(index.get(list[k]!.mentorId)!);
    }
    const sub = adoptParsedCohort({ participants: [...members].sort((a, b) => a - b).map((i) => cohort.participants[i]!), program: cohort.program });
    return scoreMatrix(sub, { perCriterion: true, custom });
  };
  const empty = scoreChunk([]);
  const names = [...empty.criteria];
  const C = names.length;
  const x = new Float64Array(list.length * C);
  const groups = [...byMentee.values()];
  for (let g = 0; g < groups.length; ) {
    const chunk: number[] = [];
    for (let mentees = 0; g < groups.length && mentees < 256; g++, mentees++) chunk.push(...groups[g]!);
    const matrix = scoreChunk(chunk);
    const per = names.map((name) => matrix.perCriterion![name]!);
    for (const k of chunk) {
      const at = matrix.rowIndex.get(list[k]!.menteeId)! * matrix.cols + matrix.colIndex.get(list[k]!.mentorId)!;
      for (let c = 0; c < C; c++) x[k * C + c] = per[c]![at]!;
    }
  }
  if (issues.length > 0) throw new MatchInputError(issues.slice(0, 100));
  const fill = cohort.program.criteria.missing === "neutral" ? cohort.program.criteria.neutralScore : Number.NaN;
  return { features: { names, current: Float64Array.from(names, (n) => empty.weights[n]!), n: list.length, x, y: Float64Array.from(values), fill }, binary };
}

/**
 * The composite the scorer computes for weights `w` over criteria `cols` (weighted mean of the
 * criteria with data, or the neutral stand-in; 0 when none; at most 1).
 */
function composite(f: Features, cols: readonly number[], w: ArrayLike<number>, out: Float64Array, rows: ArrayLike<number>): void {
  const C = f.names.length;
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r]!;
    let num = 0;
    let den = 0;
    cols.forEach((c, k) => {
      const wk = w[k]!;
      let v = f.x[i * C + c]!;
      if (v !== v) v = f.fill;
      if (wk !== 0 && v === v) {
        num += wk * v;
        den += wk;
      }
    });
    const s = den === 0 ? 0 : num / den;
    out[r] = s > 1 ? 1 : s;
  }
}

/**
 * Fits non-negative weights so that `intercept + Σv · composite(v)` predicts the outcome, where the
 * composite drops criteria without data as the scorer does. A criterion missing for a pair makes
 * the composite a ratio in the weights; a fixed-point iteration handles it: with the present
 * weights' share D_i of pair i, the features z_ic = x_ic / D_i (0 when missing) make the model
 * linear, Σ v_c z_ic = Σv · composite_i(v); refit, recompute D, until the weights settle.
 */
function fitWeights(f: Features, cols: readonly number[], rows: readonly number[], weight: Float64Array, binary: boolean, ridge: number, start?: Fit): Fit {
  const C = f.names.length;
  const K = cols.length;
  const n = rows.length;
  const z = new Float64Array(n * K);
  const y = Float64Array.from(rows, (i) => f.y[i]!);
  const data: WeightedRows = { rows: n, cols: K, z, y, weight };
  const drop = f.fill !== f.fill;
  let v = start ? Float64Array.from(start.coef) : new Float64Array(K).fill(1);
  let fit: Fit | undefined = start;
  // With missing data the features move with the weights: a few IRLS steps per refresh of D
  // reach the joint fixed point in far fewer steps than solving each refresh to the end.
  for (let outer = 0; outer < (drop ? 100 : 1); outer++) {
    let total = 0;
    for (let k = 0; k < K; k++) total += v[k]!;
    const floor = total > 0 ? (1e-3 * total) / K : 1;
    let mass = 0;
    for (let k = 0; k < K; k++) mass += v[k]! + floor;
    rows.forEach((i, r) => {
      let present = 0;
      for (let k = 0; k < K; k++) if (f.x[i * C + cols[k]!]! === f.x[i * C + cols[k]!]!) present += v[k]! + floor;
      const share = drop ? present / mass : 1;
      for (let k = 0; k < K; k++) {
        let value = f.x[i * C + cols[k]!]!;
        if (value !== value) value = drop ? 0 : f.fill;
        z[r * K + k] = share > 0 ? value / share : 0;
      }
    });
    let settled = true;
    if (binary) {
      const step = fitNonNegativeLogistic(data, ridge, fit, drop ? 3 : 50);
      settled = step.converged;
      fit = { intercept: step.intercept, coef: step.coef };
    } else fit = fitNonNegativeLinear(data, ridge);
    const sumNew = fit.coef.reduce((s, c) => s + c, 0);
    const sumOld = v.reduce((s, c) => s + c, 0);
    let change = 0;
    for (let k = 0; k < K; k++) change = Math.max(change, Math.abs((sumNew > 0 ? fit.coef[k]! / sumNew : 0) - (sumOld > 0 ? v[k]! / sumOld : 0)));
    v = Float64Array.from(fit.coef);
    if (sumNew === 0 || (change < 1e-7 && settled)) break;
  }
  return fit!;
}

/** Seeded folds; for binary outcomes stratified, so each fold holds both classes when it can. */
function makeFolds(random: Random, y: Float64Array, k: number, binary: boolean): number[][] {
  const shuffle = (xs: number[]) => {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = Math.floor(random.next() * (i + 1));
      [xs[i], xs[j]] = [xs[j]!, xs[i]!];
    }
    return xs;
  };
  const all = Array.from(y, (_, i) => i);
  const strata = binary ? [shuffle(all.filter((i) => y[i] === 1)), shuffle(all.filter((i) => y[i] === 0))] : [shuffle(all)];
  const folds: number[][] = Array.from({ length: k }, () => []);
  let next = 0;
  for (const s of strata) for (const i of s) folds[next++ % k]!.push(i);
  return folds;
}

function correlation(f: Features, a: number, b: number): number | null {
  const C = f.names.length;
  let n = 0;
  let sa = 0;
  let sb = 0;
  for (let i = 0; i < f.n; i++) {
    const u = f.x[i * C + a]!;
    const v = f.x[i * C + b]!;
    if (u === u && v === v) {
      n++;
      sa += u;
      sb += v;
    }
  }
  if (n < 10) return null;
  const ma = sa / n;
  const mb = sb / n;
  let cab = 0;
  let caa = 0;
  let cbb = 0;
  for (let i = 0; i < f.n; i++) {
    const u = f.x[i * C + a]!;
    const v = f.x[i * C + b]!;
    if (u === u && v === v) {
      cab += (u - ma) * (v - mb);
      caa += (u - ma) ** 2;
      cbb += (v - mb) ** 2;
    }
  }
  return caa > 0 && cbb > 0 ? cab / Math.sqrt(caa * cbb) : null;
}

/** One-sided 95 % quantiles of Student's t for 1–30 degrees of freedom (then the normal's 1.645). */
const T95 = [6.314, 2.92, 2.353, 2.132, 2.015, 1.943, 1.895, 1.86, 1.833, 1.812, 1.796, 1.782, 1.771, 1.761, 1.753, 1.746, 1.74, 1.734, 1.729, 1.725, 1.721, 1.717, 1.714, 1.711, 1.708, 1.706, 1.703, 1.701, 1.699, 1.697];
const tQuantile95 = (df: number) => T95[df - 1] ?? 1.645;

const percentile = (sorted: readonly number[], q: number) => {
  if (sorted.length === 0) return null;
  const at = q * (sorted.length - 1);
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
};

interface Resolved {
  outcome: "auto" | "binary" | "rating";
  folds: number;
  bootstrap: number;
  confidence: number;
  ridge: number;
  seed: number;
}

function resolveOptions(options: CalibrateOptions, cohort: Cohort): Resolved {
  const issues: MatchIssue[] = [];
  const int = (key: "folds" | "bootstrap", value: number, min: number, max: number) => {
    if (!Number.isInteger(value) || value < min || value > max) issues.push({ path: ["options", key], code: "invalid-option", message: `${key} must be an integer in [${min}, ${max}]; got ${String(value)}` });
  };
  const r: Resolved = {
    outcome: options.outcome ?? "auto",
    folds: options.folds ?? 5,
    bootstrap: options.bootstrap ?? 200,
    confidence: options.confidence ?? 0.95,
    ridge: options.ridge ?? 1e-3,
    seed: options.seed ?? cohort.program.seed,
  };
  if (!["auto", "binary", "rating"].includes(r.outcome)) issues.push({ path: ["options", "outcome"], code: "invalid-option", message: `outcome is "auto", "binary" or "rating"; got ${JSON.stringify(r.outcome)}` });
  int("folds", r.folds, 2, 100);
  int("bootstrap", r.bootstrap, 0, 100_000);
  if (!(typeof r.confidence === "number" && r.confidence > 0 && r.confidence < 1)) issues.push({ path: ["options", "confidence"], code: "invalid-option", message: `confidence must be in (0, 1); got ${String(r.confidence)}` });
  if (!(typeof r.ridge === "number" && r.ridge >= 0 && Number.isFinite(r.ridge))) issues.push({ path: ["options", "ridge"], code: "invalid-option", message: `ridge must be a finite number ≥ 0; got ${String(r.ridge)}` });
  if (!Number.isInteger(r.seed) || r.seed < 0 || r.seed > 2 ** 32 - 1) issues.push({ path: ["options", "seed"], code: "invalid-option", message: `seed must be an integer in [0, 2^32 − 1]; got ${String(r.seed)}` });
  if (issues.length > 0) throw new MatchInputError(issues);
  return r;
}

/**
 * Learns criterion weights from programme outcomes: which of the library's own per-criterion pair
 * scores (the same ones `match()` combines, custom criteria included) predict how pairs turned
 * out. Binary outcomes (kept after the trial, goal reached) are fitted by ridge-penalised logistic
 * regression, ratings (1–5, or values in [0, 1]) by non-negative least squares (Lawson–Hanson);
 * both keep every weight ≥ 0 with a free intercept, and model the outcome through the composite
 * score exactly as the scorer forms it (criteria without data dropped, or neutral, as the
 * programme says).
 *
 * It is judged by k-fold cross-validation against the programme's current weights on the same
 * folds (their intercept and scale fitted on each training part, so both get the same freedom):
 * held-out AUC for binary outcomes, RMSE for ratings. It never presents a worse model as an
 * improvement: `improved` is true only when the mean gain over the folds passes a one-sided
 * corrected resampled t-test at the 5 % level (Nadeau and Bengio, 2003: the folds' gains are
 * correlated, so their variance is scaled by 1/k + 1/(k − 1)); otherwise `weights` and `patch` keep the current weights and a
 * `not-improved` warning says by how much the fit fell short. Each criterion's importance (its
 * share of the learned weight) comes with a bootstrap percentile interval. Deterministic for a
 * seed (default `program.seed`).
 *
 * Criteria the outcomes say nothing about (no data, no variation) keep their current weight; the
 * learned criteria keep their current total, so the patch reads on the same scale.
 *
 * @param cohort the cohort the outcomes' pairs come from (parsed or as written).
 * @param outcomes `PairOutcome[]`, one entry per observed pair (validated); a pair may appear more than once.
 * @throws MatchInputError for unknown ids, a mentee or mentor on the wrong side, bad or mixed
 * outcome values, or bad options.
 * @remarks Since 0.2.0
 */
export function calibrateWeights(cohort: unknown, outcomes: unknown, rawOptions: CalibrateOptions = {}): Calibration {
  const options = readOptions<CalibrateOptions>(rawOptions, "options") as CalibrateOptions;
  const custom = options.criteria ?? [];
  const parsed = isParsedCohort(cohort) ? cohort : parseCohort(cohort, { customCriteria: custom.map((c) => c.name) });
  const o = resolveOptions(options, parsed);
  const { features: f, binary } = readOutcomes(parsed, outcomes, custom, o.outcome);
  const C = f.names.length;
  const warnings: CalibrationWarning[] = [];
  const warn = (code: CalibrationWarningCode, message: string) => warnings.push({ code, message });

  // Which criteria the outcomes can say something about.
  const learned: number[] = [];
  for (let c = 0; c < C; c++) {
    const values = new Set<number>();
    let present = 0;
    for (let i = 0; i < f.n; i++) {
      const v = f.x[i * C + c]!;
      if (v === v) {
        present++;
        if (values.size < 2) values.add(v);
      }
    }
    if (present === 0) warn("criterion-without-data", `no outcome pair has data for ${f.names[c]}; its weight stays ${f.current[c]}`);
    else if (values.size < 2) warn("criterion-without-variation", `${f.names[c]} scores every outcome pair alike; its weight stays ${f.current[c]}`);
    else learned.push(c);
  }
  for (let a = 0; a < learned.length; a++) {
    for (let b = a + 1; b < learned.length; b++) {
      const r = correlation(f, learned[a]!, learned[b]!);
      if (r !== null && Math.abs(r) > 0.95) warn("collinear-criteria", `${f.names[learned[a]!]} and ${f.names[learned[b]!]} correlate at ${r.toFixed(3)} over the outcome pairs; how weight splits between them is uncertain`);
    }
  }
  if (f.n < 10 * Math.max(1, learned.length)) warn("too-few-outcomes", `${f.n} outcomes for ${learned.length} weights; at least ${10 * Math.max(1, learned.length)} (10 per weight) are advisable`);

  const positives = binary ? f.y.reduce((s, v) => s + v, 0) : 0;
  const minority = binary ? Math.min(positives, f.n - positives) : f.n;
  const k = Math.min(o.folds, binary ? minority : Math.floor(f.n / 2));
  const current: Record<string, number> = Object.fromEntries(f.names.map((n, c) => [n, f.current[c]!]));
  const result = (improved: boolean, fitted: Record<string, number>, metrics: Calibration["metrics"], importance: CriterionImportance[]): Calibration => ({
    outcome: binary ? "binary" : "rating",
    outcomes: f.n,
    improved,
    weights: improved ? fitted : { ...current },
    patch: { weights: improved ? { ...fitted } : { ...current } },
    fitted,
    current,
    metrics,
    importance,
    warnings,
    seed: o.seed,
  });
  const unlearned = (): CriterionImportance[] => f.names.map((criterion, c) => ({ criterion, current: f.current[c]!, fitted: f.current[c]!, share: 0, low: null, high: null, learned: false }));
  const noMetrics: Calibration["metrics"] = { metric: binary ? "auc" : "rmse", heldOut: null, current: null, baseline: null, folds: 0, gains: [] };
  if (binary && minority === 0) {
    warn("one-class-outcomes", `every outcome is ${positives === 0 ? "negative" : "positive"}; nothing can be learned`);
    return result(false, { ...current }, noMetrics, unlearned());
  }
  if (k < 2 || learned.length === 0) {
    if (binary && minority < 2) warn("one-class-outcomes", `only ${minority} outcome${minority === 1 ? "" : "s"} of the rarer class; too few to cross-validate`);
    else warn("too-few-outcomes", learned.length === 0 ? "no criterion varies over the outcome pairs" : `${f.n} outcomes are too few to cross-validate`);
    return result(false, { ...current }, noMetrics, unlearned());
  }

  const random = createRandom(o.seed);
  const folds = makeFolds(random, f.y, k, binary);
  const ones = (n: number) => new Float64Array(n).fill(1);
  const currentLearned = learned.map((c) => f.current[c]!);
  const allCols = f.names.map((_, c) => c);
  const score = (rows: readonly number[], cols: readonly number[], w: ArrayLike<number>) => {
    const out = new Float64Array(rows.length);
    composite(f, cols, w, out, rows);
    return out;
  };
  const heldOut: number[] = [];
  const currentScores: number[] = [];
  const baseline: number[] = [];
  for (let t = 0; t < k; t++) {
    const test = folds[t]!;
    const train = folds.flatMap((fold, u) => (u === t ? [] : fold));
    const fit = fitWeights(f, learned, train, ones(train.length), binary, o.ridge);
    const sum = fit.coef.reduce((s, c) => s + c, 0);
    const fitted = score(test, learned, sum > 0 ? fit.coef : currentLearned);
    const now = score(test, allCols, f.current);
    const yTest = Float64Array.from(test, (i) => f.y[i]!);
    if (binary) {
      heldOut.push(rocAuc(fitted, yTest) ?? 0.5);
      currentScores.push(rocAuc(now, yTest) ?? 0.5);
      baseline.push(0.5);
    } else {
      const predicted = fitted.map((s) => fit.intercept + sum * s);
      // The current weights get the same freedom: an intercept and a non-negative scale on training data.
      const trainNow = score(train, allCols, f.current);
      const scale = fitNonNegativeLinear({ rows: train.length, cols: 1, z: trainNow, y: Float64Array.from(train, (i) => f.y[i]!), weight: ones(train.length) }, 0);
      const mean = train.reduce((s, i) => s + f.y[i]!, 0) / train.length;
      heldOut.push(rootMeanSquaredError(predicted, yTest)!);
      currentScores.push(rootMeanSquaredError(now.map((s) => scale.intercept + scale.coef[0]! * s), yTest)!);
      baseline.push(rootMeanSquaredError(new Float64Array(test.length).fill(mean), yTest)!);
    }
  }
  const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const gains = heldOut.map((h, t) => (binary ? h - currentScores[t]! : currentScores[t]! - h));
  const gain = mean(gains);
  // Folds share training data, so their gains are correlated: the corrected resampled t-test of
  // C. Nadeau and Y. Bengio, "Inference for the generalization error", Machine Learning 52 (2003),
  // scales the variance by 1/k + n_test/n_train (= 1/k + 1/(k − 1) for k folds).
  const variance = gains.reduce((s, g) => s + (g - gain) ** 2, 0) / (k - 1);
  const se = Math.sqrt(variance * (1 / k + 1 / (k - 1)));
  const margin = tQuantile95(k - 1) * se;

  // The full-data fit, its weights on the current scale, and bootstrap intervals of each share.
  const rowsAll = Array.from({ length: f.n }, (_, i) => i);
  const full = fitWeights(f, learned, rowsAll, ones(f.n), binary, o.ridge);
  const fullSum = full.coef.reduce((s, c) => s + c, 0);
  const massNow = currentLearned.reduce((s, w) => s + w, 0) || 1;
  const fitted: Record<string, number> = { ...current };
  learned.forEach((c, t) => (fitted[f.names[c]!] = fullSum > 0 ? Math.round((1e4 * massNow * full.coef[t]!) / fullSum) / 1e4 : f.current[c]!));
  const anyPositive = Object.values(fitted).some((w) => w > 0);
  const samples: number[][] = learned.map(() => []);
  for (let b = 0; b < o.bootstrap && fullSum > 0; b++) {
    const weight = new Float64Array(f.n);
    for (let i = 0; i < f.n; i++) weight[Math.floor(random.next() * f.n)]! += 1;
    const fit = fitWeights(f, learned, rowsAll, weight, binary, o.ridge, full);
    const sum = fit.coef.reduce((s, c) => s + c, 0);
    if (sum > 0) learned.forEach((_, t) => samples[t]!.push(fit.coef[t]! / sum));
  }
  const alpha = (1 - o.confidence) / 2;
  const importance: CriterionImportance[] = f.names.map((criterion, c) => {
    const t = learned.indexOf(c);
    if (t < 0) return { criterion, current: f.current[c]!, fitted: f.current[c]!, share: 0, low: null, high: null, learned: false };
    const sorted = samples[t]!.slice().sort((a, b) => a - b);
    return { criterion, current: f.current[c]!, fitted: fitted[criterion]!, share: fullSum > 0 ? full.coef[t]! / fullSum : 0, low: percentile(sorted, alpha), high: percentile(sorted, 1 - alpha), learned: true };
  });
  importance.sort((a, b) => Number(b.learned) - Number(a.learned) || b.share - a.share);

  const metrics: Calibration["metrics"] = { metric: binary ? "auc" : "rmse", heldOut: mean(heldOut), current: mean(currentScores), baseline: mean(baseline), folds: k, gains };
  const improved = fullSum > 0 && anyPositive && gain > 0 && gain > margin;
  if (!improved) {
    warn(
      "not-improved",
      `the fitted weights do not beat the current ones on held-out data (${metrics.metric} ${metrics.heldOut!.toFixed(4)} vs ${metrics.current!.toFixed(4)}, mean gain ${gain.toFixed(4)} over ${k} folds, needs more than ${margin.toFixed(4)}); keeping the current weights`,
    );
  }
  return result(improved, fitted, metrics, importance);
}
