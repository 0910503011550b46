import * as z from "zod";
import { defineCriterion } from "./contract.js";


/**
 * The preferences criterion from the two ranks: `rankAB` is where the first person ranks the
 * second (0-based, −1 when not ranked), `rankBA` the reverse; `hasA` / `hasB` say whether each gave
 * a ranked list at all.
 *
 * Each wish is worth `rankDecay^rank` (`criteria.preferences.rankDecay`, default 0.75; first place
 * 1), 0 when not ranked. With the larger worth `hi` and the smaller `lo`, the score is
 * `(1 − mutualBonus) × hi + mutualBonus × lo` (`mutualBonus` default 0.25), so a mutual wish scores
 * more than a one-sided one and a mutual first choice scores 1. No data (NaN) when neither gave a
 * list; 0 when lists were given but neither names the other. Symmetric in the two people.
 *
 * Worked example (defaults): the mentee ranks the mentor 2nd (0.75), the mentor ranks the mentee
 * 1st (1): 0.75 × 1 + 0.25 × 0.75 = 0.9375. One-sided 1st choice: 0.75.
 * @remarks Since 0.1.0
 */
export function preferenceScore(rankAB: number, rankBA: number, hasA: number, hasB: number, rankDecay: number, mutualBonus: number): number {
  if (hasA === 0 && hasB === 0) return Number.NaN;
  const x = rankAB < 0 ? 0 : rankAB === 0 ? 1 : Math.pow(rankDecay, rankAB);
  const y = rankBA < 0 ? 0 : rankBA === 0 ? 1 : Math.pow(rankDecay, rankBA);
  const hi = x > y ? x : y;
  const lo = x > y ? y : x;
  return (1 - mutualBonus) * hi + mutualBonus * lo;
}

/**
 * Evidence for the preferences criterion: 1-based ranks, `null` when not ranked.
 * @remarks Since 0.1.0
 */
export interface PreferencesEvidence {
  /** Where the first person (the mentee) ranks the second. */
  firstRanksSecond: number | null;
  /** Where the second person (the mentor) ranks the first. */
  secondRanksFirst: number | null;
}

/**
 * "Mutual wish: ranked each other 1st and 2nd", "The mentee ranked this mentor 1st", or `null`.
 * For peer pairs the people are "one" and "the other". Codes `mutual-preference`,
 * `mentee-preference`, `mentor-preference`, `peer-preference`, with the 1-based ranks as params.
 * @remarks Since 0.1.0; code and params since 0.2.0
 */
export function preferencesReason(
  ev: PreferencesEvidence,
  peer: boolean,
): { code: "mutual-preference"; params: { rank: number; otherRank: number } } | { code: "peer-preference" | "mentee-preference" | "mentor-preference"; params: { rank: number } } | null {
  const { firstRanksSecond: ab, secondRanksFirst: ba } = ev;
  if (ab !== null && ba !== null) return { code: "mutual-preference", params: { rank: ab, otherRank: ba } };
  if (peer && (ab !== null || ba !== null)) return { code: "peer-preference", params: { rank: (ab ?? ba)! } };
  if (ab !== null) return { code: "mentee-preference", params: { rank: ab } };
  if (ba !== null) return { code: "mentor-preference", params: { rank: ba } };
  return null;
}

/**
 * Options of the preferences criterion (`program.criteria.preferences`).
 * @remarks Since 0.2.0 (the schema; the options since 0.1.0)
 */
export const preferencesOptionsSchema = z
  .strictObject({
    /** How much each later ranked wish is worth relative to the one before. Default: 0.75. */
    rankDecay: z.number().min(0).max(1).default(0.75),
    /** Extra score when both rank each other. Default: 0.25. */
    mutualBonus: z.number().min(0).max(1).default(0.25),
  })
  .prefault({});

/**
 * The preferences criterion as a module (see {@link preferenceScore}); ranked lists are shared
 * encodings (the matrix pass spreads each row's ranks into the row inputs). Default weight 0.1.
 * @remarks Since 0.2.0
 */
export const preferencesCriterion = defineCriterion<"preferences", typeof preferencesOptionsSchema, object, PreferencesEvidence>({
  name: "preferences",
  defaultWeight: 0.1,
  options: preferencesOptionsSchema,
  kernel({ enc, options }) {
    const { rankDecay, mutualBonus } = options;
    const hasRanked = enc.hasRanked;
    return (a, cols, out, { rankAB, rankBA }) => {
      const ha = hasRanked[a]!;
      for (let j = 0; j < cols.length; j++) {
        const rab = rankAB[j]!;
        const rba = rankBA[j]!;
        // Neither ranks the other (both ranks negative): preferenceScore gives exactly 0, or NaN without lists.
        if ((rab & rba) < 0) out[j] = (ha | hasRanked[cols[j]!]!) === 0 ? Number.NaN : 0;
        else out[j] = preferenceScore(rab, rba, ha, hasRanked[cols[j]!]!, rankDecay, mutualBonus);
      }
    };
  },
  evidence({ score, rankAB, rankBA }): PreferencesEvidence | null {
    if (score !== score) return null;
    return { firstRanksSecond: rankAB >= 0 ? rankAB + 1 : null, secondRanksFirst: rankBA >= 0 ? rankBA + 1 : null };
  },
  reasons(ev, { direction }) {
    const r = preferencesReason(ev, direction === "peer");
    return r ? [r] : [];
  },
});
