import type { EncodedCohort } from "../encode/index.js";
import { listText } from "./text.js";

/**
 * The goals criterion: the rank-weighted share of the mentee's goals the mentor lists.
 *
 * The mentee's r-th listed goal (0-based, duplicates removed) weighs `rankDecay^r`
 * (`criteria.goals.rankDecay`, default 0.8), so the first goals count most; the score is the
 * weight of the goals the mentor lists over the total weight. The mentor's own order does not
 * matter (it says what they can help with). No data (NaN) when either side lists no goal.
 *
 * Worked example, rankDecay 0.8: mentee goals [a, b, c] weigh 1, 0.8, 0.64 (total 2.44); a mentor
 * listing a and c scores (1 + 0.64) / 2.44 = 0.672.
 *
 * @returns a kernel `(mentee, mentor) → score | NaN` over participant indices.
 * @remarks Since 0.1.0
 */
export function goalsKernel(enc: EncodedCohort): (mentee: number, mentor: number) => number {
  const { goalBits, goalWords, goalWeight, goalWeightTotal } = enc;
  const start = enc.goals.start;
  const list = enc.goals.list;
  return (mentee, mentor) => {
    const s = start[mentee]!;
    const e = start[mentee + 1]!;
    if (s === e || start[mentor] === start[mentor + 1]) return Number.NaN;
    const base = mentor * goalWords;
    let sum = 0;
    for (let k = s; k < e; k++) {
      const g = list[k]!;
      if ((goalBits[base + (g >>> 5)]! & (1 << (g & 31))) !== 0) sum += goalWeight[k]!;
    }
    return sum / goalWeightTotal[mentee]!;
  };
}

/**
 * Evidence for the goals criterion: the mentee's goals in order and those the mentor lists.
 * @remarks Since 0.1.0
 */
export interface GoalsEvidence {
  /** The mentee's goals, first-listed first. */
  goals: string[];
  /** The mentee's goals the mentor also lists, in the mentee's order. */
  shared: string[];
}

/**
 * Goals evidence for one direction, or `null` when either side lists no goal.
 * @remarks Since 0.1.0
 */
export function goalsEvidence(enc: EncodedCohort, mentee: number, mentor: number): GoalsEvidence | null {
  const { start, list } = enc.goals;
  if (start[mentee] === start[mentee + 1] || start[mentor] === start[mentor + 1]) return null;
  const terms = enc.vocabularies.goals.terms;
  const goals: string[] = [];
  const shared: string[] = [];
  for (let k = start[mentee]!; k < start[mentee + 1]!; k++) {
    const g = list[k]!;
    goals.push(terms[g]!);
    if ((enc.goalBits[mentor * enc.goalWords + (g >>> 5)]! & (1 << (g & 31))) !== 0) shared.push(terms[g]!);
  }
  return { goals, shared };
}

/**
 * "Shares 2 of 3 goals: leadership, public speaking", or `null` when nothing is shared.
 * @remarks Since 0.1.0
 */
export function goalsReason(ev: GoalsEvidence): string | null {
  if (ev.shared.length === 0) return null;
  return `Shares ${ev.shared.length} of ${ev.goals.length} goal${ev.goals.length === 1 ? "" : "s"}: ${listText(ev.shared)}`;
}
