import { RULE_BIT, profileRulesRow, resolveRules, type PairDirection } from "../constraints/index.js";
import {
  BUILTIN_CRITERIA,
  criterionOptions,
  customCriterionModule,
  isCriterionModule,
  modeFitRow,
  overlapCellsRow,
  requiredMonthlyMinutes,
  requiredWeeklyMinutes,
  resolveCriteria,
  type AnyCriterionModule,
  type ExtraCriterion,
  type RowKernel,
} from "../criteria/index.js";
import type { EncodedCohort } from "../encode/index.js";
import type { Cohort } from "../model/index.js";

/** Index of each built-in criterion in a scorer's value rows (registry order). */
export const GOALS = BUILTIN_CRITERIA.findIndex((m) => m.name === "goals");
export const SKILLS = BUILTIN_CRITERIA.findIndex((m) => m.name === "skills");
export const PERSONALITY = BUILTIN_CRITERIA.findIndex((m) => m.name === "personality");
export const AVAILABILITY = BUILTIN_CRITERIA.findIndex((m) => m.name === "availability");
export const DIVERSITY = BUILTIN_CRITERIA.findIndex((m) => m.name === "diversity");
export const PREFERENCES = BUILTIN_CRITERIA.findIndex((m) => m.name === "preferences");

export type { ExtraCriterion } from "../criteria/index.js";

/**
 * Scores one row participant against a list of column participants, criterion by criterion, in
 * tight loops over typed arrays. Built once per matrix; the matrix pass calls it per row, and
 * `explainPair` / `scorePair` call it with a single column, so every score comes from one code
 * path and agrees bit for bit.
 * @internal
 */
export interface RowScorer {
  /** Criterion names: the built-ins in registry (`CRITERIA`) order, then extra criteria. */
  readonly names: readonly string[];
  /** The criterion modules, aligned with `names`. */
  readonly modules: readonly AnyCriterionModule[];
  /** Weight per criterion, aligned with `names`. */
  readonly weights: Float64Array;
  readonly direction: PairDirection;
  readonly requiredMinutes: number;
  readonly requiredMonthly: number;
  /** Per criterion, the scores of the last row (NaN = no data or criterion inactive). */
  readonly values: readonly Float64Array[];
  /** Overlap cells (−1 without slots) and mode fit (−1 unknown) of the last row. */
  readonly cells: Int32Array;
  readonly fit: Int32Array;
  /**
   * Scores row participant `a` against `cols` (at most the scorer's capacity): composite scores
   * into `scores[j]`, and violation bits ORed into `bits[j]` (which the caller fills with the
   * listed-pair bits first). `rankAB[j]` / `rankBA[j]` are the preference ranks (−1 none).
   */
  scoreRow(a: number, cols: Int32Array, rankAB: Int32Array, rankBA: Int32Array, scores: Float64Array, bits: Int32Array): void;
}

/**
 * Resolves extra criteria against the programme: unique names that are not built-in, and a
 * finite non-negative weight (see `resolveCriteria`). Returns the extras' weights.
 * @throws MatchInputError on a bad registration.
 * @internal
 */
export function resolveCustom(custom: readonly ExtraCriterion[], weights: Record<string, unknown>): number[] {
  return resolveCriteria(custom, weights).weights.slice(BUILTIN_CRITERIA.length);
}

/**
 * Builds a {@link RowScorer} for rows of up to `capacity` columns: the built-in criteria, then
 * `custom` (criterion modules, or custom criteria adapted to modules) with `customWeights` from
 * {@link resolveCustom}. With `active: "weighted"`, criteria of weight 0 are skipped (left NaN);
 * `"all"` computes every criterion.
 * @internal
 */
export function createRowScorer(
  enc: EncodedCohort,
  cohort: Cohort,
  direction: PairDirection,
  custom: readonly ExtraCriterion[],
  customWeights: readonly number[],
  active: "all" | "weighted",
  capacity: number,
): RowScorer {
  const program = cohort.program;
  const opts = program.criteria;
  const modules: AnyCriterionModule[] = [...BUILTIN_CRITERIA, ...custom.map((c) => (isCriterionModule(c) ? c : customCriterionModule(c)))];
  const names = modules.map((m) => m.name);
  const weights = Float64Array.from(modules, (m, k) => (k < BUILTIN_CRITERIA.length ? (program.weights as Record<string, number>)[m.name]! : customWeights[k - BUILTIN_CRITERIA.length]!));
  const C = modules.length;
  const on = Uint8Array.from(weights, (w) => (active === "all" || w > 0 ? 1 : 0));
  const kernels: (RowKernel | null)[] = modules.map((m, k) =>
    on[k] === 1 ? m.kernel({ enc, cohort, options: criterionOptions(program, m), direction, capacity }) : null,
  );
  const neutral = opts.missing === "neutral";
  const neutralScore = opts.neutralScore;
  const requiredMinutes = requiredWeeklyMinutes(opts.availability);
  const requiredMonthly = requiredMonthlyMinutes(opts.availability);
  const rules = resolveRules(program.rules, direction);
  const minScore = program.rules.minScore;
  const needOverlap = modules.some((m, k) => on[k] === 1 && m.uses?.overlap === true) || rules.minOverlapCells > 0;
  const needMode = modules.some((m, k) => on[k] === 1 && m.uses?.modeFit === true) || rules.modeCompatibility;

  const values = names.map(() => new Float64Array(capacity));
  const cells = new Int32Array(capacity);
  const fit = new Int32Array(capacity);
  const inputs: { rankAB: Int32Array; rankBA: Int32Array; cells: Int32Array; fit: Int32Array } = { rankAB: cells, rankBA: cells, cells, fit };
  const SELF = RULE_BIT.self;
  const MIN = RULE_BIT["min-score"];
  const composite = createComposite(values, weights, neutral ? neutralScore : Number.NaN, capacity);

  return {
    names,
    modules,
    weights,
    direction,
    requiredMinutes,
    requiredMonthly,
    values,
    cells,
    fit,
    scoreRow(a, cols, rankAB, rankBA, scores, bits) {
      const m = cols.length;
      if (needOverlap) overlapCellsRow(enc, a, cols, cells);
      else cells.fill(-1, 0, m);
      if (needMode) modeFitRow(enc, a, cols, fit);
      else fit.fill(-1, 0, m);
      inputs.rankAB = rankAB;
      inputs.rankBA = rankBA;

      for (let k = 0; k < C; k++) {
        const kernel = kernels[k];
        if (kernel === null || kernel === undefined) values[k]!.fill(Number.NaN, 0, m);
        else kernel(a, cols, values[k]!, inputs);
      }
      composite(m, scores);

      profileRulesRow(enc, rules, a, cols, cells, fit, bits);
      for (let j = 0; j < m; j++) {
        let b = bits[j]!;
        if (cols[j] === a) b |= SELF;
        if (scores[j]! < minScore) b |= MIN;
        bits[j] = b;
      }
    },
  };
}

/**
 * The composite for a scorer's criteria, built once: `scores[j]` = the weighted mean of the
 * criteria with a non-zero weight that have data for column j (or `fill`, the neutral score, when
 * it is not NaN), 0 when none has, capped at 1. Terms are added in criterion order for every pair.
 *
 * Specialised rather than a loop over criteria per pair: the first eight weighted criteria (the
 * six built-ins and two more) are unrolled into one pass over the columns, each a local value row
 * and weight (an unused slot has weight 0 and is skipped by a branch that never changes within a
 * row); further criteria follow in a loop. This reads each value row once per row scored and is
 * as fast as the hand-unrolled six-term composite it replaces (see bench/scoring.bench.mjs).
 */
function createComposite(values: readonly Float64Array[], weights: Float64Array, fill: number, capacity: number): (m: number, scores: Float64Array) => void {
  const used: number[] = [];
  weights.forEach((w, k) => {
    if (w !== 0) used.push(k);
  });
  const none = new Float64Array(capacity);
  const slot = (t: number) => (t < used.length ? values[used[t]!]! : none);
  const weight = (t: number) => (t < used.length ? weights[used[t]!]! : 0);
  const slots = [0, 1, 2, 3, 4, 5, 6, 7].map(slot);
  const slotWeights = Float64Array.from([0, 1, 2, 3, 4, 5, 6, 7], weight);
  const rest = used.slice(8);
  return (m, scores) => {
    // Rows and weights in locals for the pass (not read from the closure per pair).
    const [v0, v1, v2, v3, v4, v5, v6, v7] = slots as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
    const w0 = slotWeights[0]!, w1 = slotWeights[1]!, w2 = slotWeights[2]!, w3 = slotWeights[3]!, w4 = slotWeights[4]!, w5 = slotWeights[5]!, w6 = slotWeights[6]!, w7 = slotWeights[7]!;
    const filler = fill;
    for (let j = 0; j < m; j++) {
      let num = 0;
      let d = 0;
      let x: number;
      if (w0 !== 0 && ((x = v0[j]!) === x || (x = filler) === x)) { num += w0 * x; d += w0; }
      if (w1 !== 0 && ((x = v1[j]!) === x || (x = filler) === x)) { num += w1 * x; d += w1; }
      if (w2 !== 0 && ((x = v2[j]!) === x || (x = filler) === x)) { num += w2 * x; d += w2; }
      if (w3 !== 0 && ((x = v3[j]!) === x || (x = filler) === x)) { num += w3 * x; d += w3; }
      if (w4 !== 0 && ((x = v4[j]!) === x || (x = filler) === x)) { num += w4 * x; d += w4; }
      if (w5 !== 0 && ((x = v5[j]!) === x || (x = filler) === x)) { num += w5 * x; d += w5; }
      if (w6 !== 0 && ((x = v6[j]!) === x || (x = filler) === x)) { num += w6 * x; d += w6; }
      if (w7 !== 0 && ((x = v7[j]!) === x || (x = filler) === x)) { num += w7 * x; d += w7; }
      for (let t = 0; t < rest.length; t++) {
        const k = rest[t]!;
        const w = weights[k]!;
        if ((x = values[k]![j]!) === x || (x = filler) === x) { num += w * x; d += w; }
      }
      const score = d === 0 ? 0 : num / d;
      scores[j] = score > 1 ? 1 : score;
    }
  };
}
