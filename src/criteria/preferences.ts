
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
