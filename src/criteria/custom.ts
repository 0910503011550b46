import { MatchInputError } from "../errors.js";
import { describeValue } from "../guard.js";
import type { Participant } from "../model/index.js";
import { defineCriterion, type AnyCriterionModule, type CriterionModule } from "./contract.js";

/**
 * A user-registered criterion: a function of the two profiles → [0, 1], or `null` when it has no
 * data for the pair (then handled like any missing criterion).
 * @remarks Since 0.1.0
 */
export interface CustomCriterion {
  /** Unique name; must not be a built-in criterion. Appears in breakdowns. */
  name: string;
  /** Weight in the composite. Default `program.weights[name]`; one of the two must be given. */
  weight?: number;
  /**
   * Scores a pair: `mentee` is the row side (the learner), `mentor` the column side. For peer
   * programmes it is called in both directions and the two scores averaged.
   */
  score(mentee: Participant, mentor: Participant): number | null;
  /** Optional sentence for the pair's reasons, given the score. */
  explain?(mentee: Participant, mentor: Participant, score: number): string;
}

/**
 * Checks one custom score and returns it (NaN for `null`).
 * @throws MatchInputError `invalid-custom-score` when the score is not a number in [0, 1].
 * @remarks Since 0.1.0
 */
export function checkCustomScore(name: string, value: unknown, mentee: Participant, mentor: Participant): number {
  if (value === null) return Number.NaN;
  if (typeof value !== "number" || !(value >= 0 && value <= 1)) {
    throw new MatchInputError([
      {
        path: ["custom", name],
        code: "invalid-custom-score",
        message: `custom criterion ${JSON.stringify(name)} returned ${describeValue(value)} for mentee ${JSON.stringify(mentee.id)} and mentor ${JSON.stringify(mentor.id)}; scores must be numbers in [0, 1] or null`,
      },
    ]);
  }
  return value;
}

/**
 * A function-style {@link CustomCriterion} as a criterion module: the kernel calls `score` per pair
 * (both directions, averaged, for peer pairs), the evidence is `{ custom: text }` from `explain`,
 * and the reason is code `custom`. Its weight is resolved by the scorer (`weight` first, then
 * `program.weights[name]`).
 * @internal
 */
export function customCriterionModule(c: CustomCriterion): CriterionModule<string, undefined, object, { custom: string | null }> {
  return defineCriterion({
    name: c.name,
    defaultWeight: Number.NaN,
    kernel({ cohort, direction }) {
      const participants = cohort.participants;
      const peer = direction === "peer";
      return (a, cols, out) => {
        const pa = participants[a]!;
        for (let j = 0; j < cols.length; j++) {
          const pb = participants[cols[j]!]!;
          const x = checkCustomScore(c.name, c.score(pa, pb), pa, pb);
          if (peer) {
            const y = checkCustomScore(c.name, c.score(pb, pa), pb, pa);
            out[j] = x !== x ? y : y !== y ? x : (x + y) / 2;
          } else out[j] = x;
        }
      };
    },
    evidence({ cohort, a, b, score }) {
      const text = score === score && c.explain ? c.explain(cohort.participants[a]!, cohort.participants[b]!, score) : null;
      return { custom: text };
    },
    reasons(ev) {
      return ev.custom ? [{ code: "custom", params: { criterion: c.name, text: ev.custom } }] : [];
    },
  });
}

/**
 * An extra criterion a caller registers next to the built-ins (the `custom` option of
 * `scoreMatrix` / `scorePair`, the `criteria` option of `match` and friends): a function-style
 * {@link CustomCriterion}, or a criterion module implementing the same contract as the built-ins.
 * @remarks Since 0.2.0
 */
export type ExtraCriterion = CustomCriterion | AnyCriterionModule;
