import { RULE_BIT, profileRulesRow, resolveRules, type PairDirection } from "../constraints/index.js";
import {
  availabilityScore,
  budgetRow,
  checkCustomScore,
  diversityRow,
  goalsRow,
  goalsRowBackward,
  modeFitRow,
  overlapCellsRow,
  personalityRow,
  preferenceScore,
  requiredWeeklyMinutes,
  requiredMonthlyMinutes,
  skillsRow,
  skillsRowBackward,
  type CustomCriterion,
} from "../criteria/index.js";
import type { EncodedCohort } from "../encode/index.js";
import { MatchInputError } from "../errors.js";
import { CRITERIA, type Cohort, type Participant } from "../model/index.js";

/** Index of each built-in criterion in a scorer's value rows. */
export const GOALS = 0;
export const SKILLS = 1;
export const PERSONALITY = 2;
export const AVAILABILITY = 3;
export const DIVERSITY = 4;
export const PREFERENCES = 5;

/**
 * Scores one row participant against a list of column participants, criterion by criterion, in
 * tight loops over typed arrays. Built once per matrix; the matrix pass calls it per row, and
 * `explainPair` / `scorePair` call it with a single column, so every score comes from one code
 * path and agrees bit for bit.
 * @internal
 */
export interface RowScorer {
  /** Criterion names: the six built-ins in `CRITERIA` order, then custom criteria. */
  readonly names: readonly string[];
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
 * Resolves custom criteria against the programme: unique names that are not built-in, and a
 * finite non-negative weight from the criterion or `program.weights[name]`.
 * @throws MatchInputError on a bad registration.
 * @internal
 */
export function resolveCustom(custom: readonly CustomCriterion[], weights: Record<string, unknown>): number[] {
  const seen = new Set<string>(CRITERIA);
  return custom.map((c, k) => {
    const at = ["custom", k];
    if (typeof c?.name !== "string" || c.name === "" || typeof c.score !== "function") {
      throw new MatchInputError([{ path: at, code: "invalid-custom-criterion", message: "a custom criterion needs a name and a score(mentee, mentor) function" }]);
    }
    if (seen.has(c.name)) throw new MatchInputError([{ path: [...at, "name"], code: "duplicate-criterion", message: `criterion ${JSON.stringify(c.name)} is already defined` }]);
    seen.add(c.name);
    const w = c.weight ?? weights[c.name];
    if (typeof w !== "number" || !Number.isFinite(w) || w < 0) {
      throw new MatchInputError([
        { path: [...at, "weight"], code: "missing-weight", message: `custom criterion ${JSON.stringify(c.name)} needs a finite non-negative weight (its own weight or program.weights[${JSON.stringify(c.name)}])` },
      ]);
    }
    return w;
  });
}

/**
 * Builds a {@link RowScorer} for rows of up to `capacity` columns. With `active: "weighted"`,
 * criteria of weight 0 are skipped (left NaN); `"all"` computes every criterion.
 * @internal
 */
export function createRowScorer(
  enc: EncodedCohort,
  cohort: Cohort,
  direction: PairDirection,
  custom: readonly CustomCriterion[],
  customWeights: readonly number[],
  active: "all" | "weighted",
  capacity: number,
): RowScorer {
  const program = cohort.program;
  const opts = program.criteria;
  const names = [...CRITERIA, ...custom.map((c) => c.name)];
  const weights = Float64Array.from(names, (n, k) => (k < CRITERIA.length ? (program.weights as Record<string, number>)[n]! : customWeights[k - CRITERIA.length]!));
  const C = names.length;
  const on = Uint8Array.from(weights, (w) => (active === "all" || w > 0 ? 1 : 0));
  const neutral = opts.missing === "neutral";
  const neutralScore = opts.neutralScore;
  const requiredMinutes = requiredWeeklyMinutes(opts.availability);
  const requiredMonthly = requiredMonthlyMinutes(opts.availability);
  const rules = resolveRules(program.rules, direction);
  const minScore = program.rules.minScore;
  const prefDecay = opts.preferences.rankDecay;
  const prefBonus = opts.preferences.mutualBonus;
  const peer = direction === "peer";
  const participants: readonly Participant[] = cohort.participants;
  const needOverlap = on[AVAILABILITY] === 1 || rules.minOverlapCells > 0;
  const needMode = on[AVAILABILITY] === 1 || rules.modeCompatibility;
  const hasRanked = enc.hasRanked;

  const values = names.map(() => new Float64Array(capacity));
  const tmp = new Float64Array(capacity);
  const count = new Int32Array(capacity);
  const cells = new Int32Array(capacity);
  const fit = new Int32Array(capacity);
  const SELF = RULE_BIT.self;
  const MIN = RULE_BIT["min-score"];

  // Peer pairs average the two directions; a direction without data gives way to the other.
  const averageInto = (out: Float64Array, m: number) => {
    for (let j = 0; j < m; j++) {
      const x = out[j]!;
      const y = tmp[j]!;
      out[j] = x !== x ? y : y !== y ? x : (x + y) / 2;
    }
  };

  return {
    names,
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

      let v = values[GOALS]!;
      if (on[GOALS] === 0) v.fill(Number.NaN, 0, m);
      else {
        goalsRow(enc, a, cols, v);
        if (peer) {
          goalsRowBackward(enc, a, cols, tmp);
          averageInto(v, m);
        }
      }
      v = values[SKILLS]!;
      if (on[SKILLS] === 0) v.fill(Number.NaN, 0, m);
      else {
        skillsRow(enc, a, cols, v);
        if (peer) {
          skillsRowBackward(enc, a, cols, tmp);
          averageInto(v, m);
        }
      }
      v = values[PERSONALITY]!;
      if (on[PERSONALITY] === 0) v.fill(Number.NaN, 0, m);
      else personalityRow(enc, a, cols, v, count);
      v = values[AVAILABILITY]!;
      if (on[AVAILABILITY] === 0) v.fill(Number.NaN, 0, m);
      else {
        budgetRow(enc, a, cols, requiredMonthly, tmp);
        for (let j = 0; j < m; j++) v[j] = availabilityScore(cells[j]!, fit[j]!, requiredMinutes, tmp[j]!);
      }
      v = values[DIVERSITY]!;
      if (on[DIVERSITY] === 0) v.fill(Number.NaN, 0, m);
      else diversityRow(enc, a, cols, v, count);
      v = values[PREFERENCES]!;
      if (on[PREFERENCES] === 0) v.fill(Number.NaN, 0, m);
      else {
        const ha = hasRanked[a]!;
        for (let j = 0; j < m; j++) {
          const rab = rankAB[j]!;
          const rba = rankBA[j]!;
          // Neither ranks the other (both ranks negative): preferenceScore gives exactly 0, or NaN without lists.
          if ((rab & rba) < 0) v[j] = (ha | hasRanked[cols[j]!]!) === 0 ? Number.NaN : 0;
          else v[j] = preferenceScore(rab, rba, ha, hasRanked[cols[j]!]!, prefDecay, prefBonus);
        }
      }
      for (let k = CRITERIA.length; k < C; k++) {
        v = values[k]!;
        if (on[k] === 0) {
          v.fill(Number.NaN, 0, m);
          continue;
        }
        const c = custom[k - CRITERIA.length]!;
        const pa = participants[a]!;
        for (let j = 0; j < m; j++) {
          const pb = participants[cols[j]!]!;
          const x = checkCustomScore(c.name, c.score(pa, pb), pa, pb);
          if (peer) {
            const y = checkCustomScore(c.name, c.score(pb, pa), pb, pa);
            v[j] = x !== x ? y : y !== y ? x : (x + y) / 2;
          } else v[j] = x;
        }
      }

      // Composite: weighted mean over used criteria, added in criterion order for every pair. The
      // six built-ins are unrolled (weight 0 skipped); custom criteria follow in a loop.
      const v0 = values[0]!, v1 = values[1]!, v2 = values[2]!, v3 = values[3]!, v4 = values[4]!, v5 = values[5]!;
      const w0 = weights[0]!, w1 = weights[1]!, w2 = weights[2]!, w3 = weights[3]!, w4 = weights[4]!, w5 = weights[5]!;
      const fill = neutral ? neutralScore : Number.NaN;
      for (let j = 0; j < m; j++) {
        let num = 0;
        let d = 0;
        let x: number;
        if (w0 !== 0 && ((x = v0[j]!) === x || (x = fill) === x)) (num += w0 * x), (d += w0);
        if (w1 !== 0 && ((x = v1[j]!) === x || (x = fill) === x)) (num += w1 * x), (d += w1);
        if (w2 !== 0 && ((x = v2[j]!) === x || (x = fill) === x)) (num += w2 * x), (d += w2);
        if (w3 !== 0 && ((x = v3[j]!) === x || (x = fill) === x)) (num += w3 * x), (d += w3);
        if (w4 !== 0 && ((x = v4[j]!) === x || (x = fill) === x)) (num += w4 * x), (d += w4);
        if (w5 !== 0 && ((x = v5[j]!) === x || (x = fill) === x)) (num += w5 * x), (d += w5);
        for (let k = CRITERIA.length; k < C; k++) {
          const w = weights[k]!;
          if (w !== 0 && ((x = values[k]![j]!) === x || (x = fill) === x)) (num += w * x), (d += w);
        }
        const score = d === 0 ? 0 : num / d;
        scores[j] = score > 1 ? 1 : score;
      }

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
