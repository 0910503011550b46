import * as z from "zod";
import { buildVocabulary, wordsFor, type SharedEncoding, type SparseRows, type Vocabulary } from "../encode/index.js";
import { sparseRows } from "../encode/sparse-rows.js";
import { averageDirections, defineCriterion } from "./contract.js";

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
 * Row kernel: writes the score of (mentee, mentors[j]) to `out[j]` for j < mentors.length, one
 * sweep over the mentors per goal of the mentee (goal bitsets are word-major).
 * @remarks Since 0.1.0
 */
export function goalsRow(enc: SharedEncoding & GoalsFeatures, mentee: number, mentors: Int32Array, out: Float64Array): void {
  const m = mentors.length;
  const { goalBits, goalWeight, size: n } = enc;
  const { start, list } = enc.goals;
  const s = start[mentee]!;
  const e = start[mentee + 1]!;
  if (s === e) {
    out.fill(Number.NaN, 0, m);
    return;
  }
  out.fill(0, 0, m);
  for (let k = s; k < e; k++) {
    const g = list[k]!;
    const w = goalWeight[k]!;
    const base = (g >>> 5) * n;
    const bit = 1 << (g & 31);
    for (let j = 0; j < m; j++) if ((goalBits[base + mentors[j]!]! & bit) !== 0) out[j] = out[j]! + w;
  }
  const total = enc.goalWeightTotal[mentee]!;
  for (let j = 0; j < m; j++) {
    const b = mentors[j]!;
    out[j] = start[b] === start[b + 1] ? Number.NaN : out[j]! / total;
  }
}

/**
 * The goals criterion the other way round: `out[j]` = score of (mentees[j], mentor), the share of
 * each column person's goals that the row person lists. Used for peer pairs.
 * @remarks Since 0.1.0
 */
export function goalsRowBackward(enc: SharedEncoding & GoalsFeatures, mentor: number, mentees: Int32Array, out: Float64Array): void {
  const m = mentees.length;
  const { goalBits, goalWeight, goalWeightTotal, size: n } = enc;
  const { start, list } = enc.goals;
  const none = start[mentor] === start[mentor + 1];
  for (let j = 0; j < m; j++) {
    const b = mentees[j]!;
    const s = start[b]!;
    const e = start[b + 1]!;
    if (none || s === e) {
      out[j] = Number.NaN;
      continue;
    }
    let sum = 0;
    for (let k = s; k < e; k++) {
      const g = list[k]!;
      if ((goalBits[(g >>> 5) * n + mentor]! & (1 << (g & 31))) !== 0) sum = sum + goalWeight[k]!;
    }
    out[j] = sum / goalWeightTotal[b]!;
  }
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
export function goalsEvidence(enc: SharedEncoding & GoalsFeatures, mentee: number, mentor: number): GoalsEvidence | null {
  const { start, list } = enc.goals;
  if (start[mentee] === start[mentee + 1] || start[mentor] === start[mentor + 1]) return null;
  const terms = enc.vocabularies.goals.terms;
  const goals: string[] = [];
  const shared: string[] = [];
  for (let k = start[mentee]!; k < start[mentee + 1]!; k++) {
    const g = list[k]!;
    goals.push(terms[g]!);
    if ((enc.goalBits[(g >>> 5) * enc.size + mentor]! & (1 << (g & 31))) !== 0) shared.push(terms[g]!);
  }
  return { goals, shared };
}

/**
 * The goals reason as code and params (`shared-goals`; text "Shares 2 of 3 goals: leadership,
 * public speaking"), or `null` when nothing is shared.
 * @remarks Since 0.1.0; code and params since 0.2.0
 */
export function goalsReason(ev: GoalsEvidence): { code: "shared-goals"; params: { shared: string[]; goals: number } } | null {
  if (ev.shared.length === 0) return null;
  return { code: "shared-goals", params: { shared: [...ev.shared], goals: ev.goals.length } };
}

/**
 * Options of the goals criterion (`program.criteria.goals`).
 * @remarks Since 0.2.0 (the schema; the option since 0.1.0)
 */
export const goalsOptionsSchema = z
  .strictObject({
    /** How much each later goal of a mentee weighs relative to the one before. Default: 0.8. */
    rankDecay: z.number().min(0).max(1).default(0.8),
  })
  .prefault({});

/**
 * Encoded features of the goals criterion.
 * @remarks Since 0.2.0 (fields of `EncodedCohort` since 0.1.0)
 */
export interface GoalsFeatures {
  readonly vocabularies: { readonly goals: Vocabulary };
  /** Words per goal bitset. */
  readonly goalWords: number;
  /** `goalWords × size`, word-major: word w of participant p is `goalBits[w * size + p]`. */
  readonly goalBits: Uint32Array;
  /** Each participant's goals (vocabulary indices) in listed order, duplicates removed. */
  readonly goals: SparseRows;
  /** Rank weight `rankDecay^r` of each entry of `goals.list`. */
  readonly goalWeight: Float64Array;
  /** Sum of a participant's goal rank weights. */
  readonly goalWeightTotal: Float64Array;
}

/**
 * Evidence of the goals criterion: one direction, or both for peer pairs.
 * @remarks Since 0.2.0
 */
export type GoalsCriterionEvidence = GoalsEvidence | { forward: GoalsEvidence | null; backward: GoalsEvidence | null };

/**
 * The goals criterion as a module (see {@link goalsRow}). Default weight 0.3.
 * @remarks Since 0.2.0
 */
export const goalsCriterion = defineCriterion<"goals", typeof goalsOptionsSchema, GoalsFeatures, GoalsCriterionEvidence>({
  name: "goals",
  defaultWeight: 0.3,
  options: goalsOptionsSchema,
  encode({ participants, size, options }): GoalsFeatures {
    const vocabulary = buildVocabulary(participants.flatMap((p) => p.goals ?? []));
    const goalWords = wordsFor(vocabulary.terms.length);
    const goalBits = new Uint32Array(size * goalWords);
    const lists = participants.map((p) => [...new Set(p.goals ?? [])].map((g) => vocabulary.index.get(g)!));
    const goals = sparseRows(size, (p) => lists[p]!);
    const goalWeight = new Float64Array(goals.list.length);
    const goalWeightTotal = new Float64Array(size);
    const decay = options.rankDecay;
    for (let p = 0; p < size; p++) {
      let total = 0;
      for (let k = goals.start[p]!, r = 0; k < goals.start[p + 1]!; k++, r++) {
        const g = goals.list[k]!;
        const at = (g >>> 5) * size + p;
        goalBits[at] = (goalBits[at]! | (1 << (g & 31))) >>> 0;
        const w = r === 0 ? 1 : Math.pow(decay, r);
        goalWeight[k] = w;
        total += w;
      }
      goalWeightTotal[p] = total;
    }
    return { vocabularies: { goals: vocabulary }, goalWords, goalBits, goals, goalWeight, goalWeightTotal };
  },
  kernel({ enc, direction, capacity }) {
    if (direction !== "peer") return (a, cols, out) => goalsRow(enc, a, cols, out);
    const backward = new Float64Array(capacity);
    return (a, cols, out) => {
      goalsRow(enc, a, cols, out);
      goalsRowBackward(enc, a, cols, backward);
      averageDirections(out, backward, cols.length);
    };
  },
  evidence({ enc, a, b, direction }): GoalsCriterionEvidence | null {
    if (direction !== "peer") return goalsEvidence(enc, a, b);
    const forward = goalsEvidence(enc, a, b);
    const backward = goalsEvidence(enc, b, a);
    return forward || backward ? { forward, backward } : null;
  },
  reasons(ev) {
    if ("forward" in ev) {
      const shared = ev.forward?.shared ?? ev.backward?.shared ?? [];
      return shared.length > 0 ? [{ code: "peer-shared-goals", params: { shared: [...shared] } }] : [];
    }
    const r = goalsReason(ev);
    return r ? [r] : [];
  },
});
