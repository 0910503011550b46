import {
  availabilityScore,
  checkCustomScore,
  diversityKernel,
  goalsKernel,
  modeCompatibilityKernel,
  overlapCellsKernel,
  personalityKernel,
  preferenceScore,
  requiredWeeklyMinutes,
  skillsKernel,
  type CustomCriterion,
} from "../criteria/index.js";
import { profileRulesKernel, type PairDirection } from "../constraints/index.js";
import type { EncodedCohort } from "../encode/index.js";
import { MatchInputError } from "../errors.js";
import { CRITERIA, type Cohort, type Participant } from "../model/index.js";

/** Index of each built-in criterion in an evaluator's value array. */
export const GOALS = 0;
export const SKILLS = 1;
export const PERSONALITY = 2;
export const AVAILABILITY = 3;
export const DIVERSITY = 4;
export const PREFERENCES = 5;

/**
 * Everything needed to score one pair from the encoded cohort, built once per matrix and shared
 * by the matrix pass and by `explainPair`, so the two agree bit for bit.
 * @internal
 */
export interface PairEvaluator {
  /** Criterion names: the six built-ins in `CRITERIA` order, then custom criteria. */
  readonly names: readonly string[];
  /** Weight per criterion, aligned with `names`. */
  readonly weights: Float64Array;
  readonly direction: PairDirection;
  readonly requiredMinutes: number;
  /**
   * Writes each criterion's score for (row participant `a`, column participant `b`) into `out`
   * (NaN = no data; criteria not in `active` are left NaN) and the overlap cells (−1 without slots)
   * and mode fit into `aux[0]`, `aux[1]`. `rankAB` / `rankBA` are the 0-based preference ranks
   * (−1 none).
   */
  evaluate(a: number, b: number, rankAB: number, rankBA: number, out: Float64Array, aux: Int32Array): void;
  /** Weighted mean of the used criteria, 0 when none is used. */
  composite(values: Float64Array): number;
  /** Violation bits of the profile rules. */
  rules(a: number, b: number, overlapCells: number, modeFit: number): number;
}

/**
 * Resolves custom criteria against the programme: unique names that are not built-in, and a
 * finite non-negative weight from the criterion or `program.weights[name]`.
 * @throws MatchInputError on a bad registration.
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
 * Builds the {@link PairEvaluator} for a cohort. `active` false for a criterion skips its kernel
 * (used for zero weights in a matrix pass when per-criterion matrices are not asked for).
 * @internal
 */
export function createPairEvaluator(
  enc: EncodedCohort,
  cohort: Cohort,
  direction: PairDirection,
  custom: readonly CustomCriterion[],
  customWeights: readonly number[],
  active: "all" | "weighted",
): PairEvaluator {
  const program = cohort.program;
  const opts = program.criteria;
  const names = [...CRITERIA, ...custom.map((c) => c.name)];
  const weights = Float64Array.from(names, (n, k) => (k < CRITERIA.length ? (program.weights as Record<string, number>)[n]! : customWeights[k - CRITERIA.length]!));
  const on = Uint8Array.from(weights, (w) => (active === "all" || w > 0 ? 1 : 0));
  const neutral = opts.missing === "neutral";
  const neutralScore = opts.neutralScore;
  const requiredMinutes = requiredWeeklyMinutes(opts.availability);
  const goals = goalsKernel(enc);
  const skills = skillsKernel(enc);
  const personality = personalityKernel(enc);
  const overlap = overlapCellsKernel(enc);
  const modeFit = modeCompatibilityKernel(enc);
  const diversity = diversityKernel(enc);
  const rules = profileRulesKernel(enc, program.rules, direction);
  const { hasSlots, hasRanked } = enc;
  const prefDecay = opts.preferences.rankDecay;
  const prefBonus = opts.preferences.mutualBonus;
  const peer = direction === "peer";
  const participants: readonly Participant[] = cohort.participants;
  const customCount = custom.length;
  const C = names.length;
  const needOverlap = on[AVAILABILITY] === 1 || program.rules.minOverlapMinutes > 0;
  const needMode = on[AVAILABILITY] === 1 || program.rules.modeCompatibility;

  const both = (x: number, y: number) => (x !== x ? y : y !== y ? x : (x + y) / 2);
  const customScore = (k: number, a: number, b: number) => {
    const c = custom[k]!;
    const pa = participants[a]!;
    const pb = participants[b]!;
    const x = checkCustomScore(c.name, c.score(pa, pb), pa, pb);
    return peer ? both(x, checkCustomScore(c.name, c.score(pb, pa), pb, pa)) : x;
  };

  return {
    names,
    weights,
    direction,
    requiredMinutes,
    rules,
    evaluate(a, b, rankAB, rankBA, out, aux) {
      const cells = needOverlap && hasSlots[a] === 1 && hasSlots[b] === 1 ? overlap(a, b) : -1;
      const fit = needMode ? modeFit(a, b) : -1;
      aux[0] = cells;
      aux[1] = fit;
      out[GOALS] = on[GOALS] === 0 ? Number.NaN : peer ? both(goals(a, b), goals(b, a)) : goals(a, b);
      out[SKILLS] = on[SKILLS] === 0 ? Number.NaN : peer ? both(skills(a, b), skills(b, a)) : skills(a, b);
      out[PERSONALITY] = on[PERSONALITY] === 0 ? Number.NaN : personality(a, b);
      out[AVAILABILITY] = on[AVAILABILITY] === 0 ? Number.NaN : availabilityScore(cells, fit, requiredMinutes);
      out[DIVERSITY] = on[DIVERSITY] === 0 ? Number.NaN : diversity(a, b);
      out[PREFERENCES] = on[PREFERENCES] === 0 ? Number.NaN : preferenceScore(rankAB, rankBA, hasRanked[a]!, hasRanked[b]!, prefDecay, prefBonus);
      for (let k = 0; k < customCount; k++) out[6 + k] = on[6 + k] === 0 ? Number.NaN : customScore(k, a, b);
    },
    composite(values) {
      let num = 0;
      let den = 0;
      for (let c = 0; c < C; c++) {
        const w = weights[c]!;
        if (w === 0) continue;
        let s = values[c]!;
        if (s !== s) {
          if (!neutral) continue;
          s = neutralScore;
        }
        num += w * s;
        den += w;
      }
      if (den === 0) return 0;
      const score = num / den;
      return score > 1 ? 1 : score;
    },
  };
}
