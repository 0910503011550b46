import { MatchInputError } from "../errors.js";
/**
 * Codes of the hard rules, in bit order: rule `RULE_CODES[k]` is bit `1 << k` of a pair's
 * violation mask (`CompatibilityMatrix.violations`).
 *
 * - `self`: the same person on both sides (a `both` participant against themself).
 * - `reporting-line`: same manager, or one manages the other (`rules.reportingLine`).
 * - `department`: same / different department as `rules.department` requires (both given).
 * - `shared-language`: no common language (`rules.sharedLanguage`, both list languages).
 * - `level-gap`: mentor not at least `rules.levelGap` above the mentee; reverse mentoring: not at
 *   least that far below (both levels given).
 * - `level-diff`: peer pairs more than `rules.maxLevelDiff` levels apart (both levels given).
 * - `availability-overlap`: less than `rules.minOverlapMinutes` shared a week (both gave slots).
 * - `mode`: no workable meeting mode (`rules.modeCompatibility`, both gave modes).
 * - `avoid`: on either side's avoid list (`rules.respectAvoid`).
 * - `forbidden`: in `rules.forbidden`.
 * - `history`: already paired, in either side's history (`rules.noRepeats`).
 * - `min-score`: composite score below `rules.minScore`.
 * - `organisation`: same / different organisation as `rules.organisation` requires (both given;
 *   since 0.2.0).
 * @remarks Since 0.1.0
 */
export const RULE_CODES = [
  "self",
  "reporting-line",
  "department",
  "shared-language",
  "level-gap",
  "level-diff",
  "availability-overlap",
  "mode",
  "avoid",
  "forbidden",
  "history",
  "min-score",
  "organisation",
] as const;

/**
 * A hard-rule code.
 * @remarks Since 0.1.0
 */
export type RuleCode = (typeof RULE_CODES)[number];

/**
 * Bit of each rule code in a violation mask.
 * @remarks Since 0.1.0
 */
export const RULE_BIT: Readonly<Record<RuleCode, number>> = Object.fromEntries(RULE_CODES.map((c, k) => [c, 1 << k])) as Record<RuleCode, number>;

/**
 * The rule codes set in a violation mask, in {@link RULE_CODES} order.
 * @remarks Since 0.1.0
 */
export function ruleCodesOf(mask: number): RuleCode[] {
  if (typeof mask !== "number" || !Number.isInteger(mask)) throw new MatchInputError([{ path: ["mask"], code: "invalid-type", message: "expected an integer bit mask" }]);
  return RULE_CODES.filter((_, k) => (mask & (1 << k)) !== 0);
}

/**
 * A sentence for an excluded pair, e.g. "Excluded: same reporting line".
 * @remarks Since 0.1.0
 */
export const RULE_SENTENCES: Readonly<Record<RuleCode, string>> = {
  self: "Excluded: the same person",
  "reporting-line": "Excluded: same manager or a direct reporting line",
  department: "Excluded: the programme's department rule",
  "shared-language": "Excluded: no shared language",
  "level-gap": "Excluded: the level gap between mentor and mentee is too small",
  "level-diff": "Excluded: levels too far apart for peers",
  "availability-overlap": "Excluded: too little shared time each week",
  mode: "Excluded: no meeting mode works for both",
  avoid: "Excluded: on an avoid list",
  forbidden: "Excluded: the programme forbids this pair",
  history: "Excluded: already paired before",
  "min-score": "Excluded: score below the programme minimum",
  organisation: "Excluded: the programme's organisation rule",
};
