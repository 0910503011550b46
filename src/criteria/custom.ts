import { MatchInputError } from "../errors.js";
import type { Participant } from "../model/index.js";

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
        message: `custom criterion ${JSON.stringify(name)} returned ${String(value).slice(0, 40)} for mentee ${JSON.stringify(mentee.id)} and mentor ${JSON.stringify(mentor.id)}; scores must be numbers in [0, 1] or null`,
      },
    ]);
  }
  return value;
}
