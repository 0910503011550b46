import type { ExtraCriterion } from "../criteria/index.js";
import { MatchInputError } from "../errors.js";
import { fieldValue } from "../formats/selectors.js";
import { adoptParsedCohort } from "../model/cohort.js";
import { isParsedCohort, parseCohort, type Participant } from "../model/index.js";
import { scoreMatrix, type CompatibilityMatrix } from "../score/index.js";
import { outcomesOf, readMatches, type ParticipantOutcome } from "./result-pairs.js";

/**
 * Fields an audit can group by; `attributes.<key>` and `diversity.<key>` name a key.
 * @remarks Since 0.2.0
 */
export const AUDIT_GROUP_FIELDS = ["department", "organisation", "level", "location", "timezone", "attributes.<key>", "diversity.<key>"] as const;

/**
 * The label of participants who do not give the grouped field.
 * @remarks Since 0.2.0
 */
export const NOT_GIVEN_GROUP = "(not given)";
/**
 * The label of the bucket that merges groups too small to show.
 * @remarks Since 0.2.0
 */
export const SUPPRESSED_GROUP = "(suppressed)";

/**
 * Options of {@link auditResult}.
 * @remarks Since 0.2.0
 */
export interface AuditOptions {
  /** The field to group by: one of {@link AUDIT_GROUP_FIELDS}, e.g. `"department"` or `"diversity.gender"`. */
  groupBy: string;
  /**
   * Allows grouping by a sensitive `diversity.<key>` field. Default: the programme's
   * `explain.includeSensitive`; without either, such a grouping is refused.
   */
  allowSensitive?: boolean;
  /**
   * Smallest group shown; smaller groups are merged into the `"(suppressed)"` bucket (shown only
   * when it has at least this many people itself). Default 5; at least 5 for `diversity.*`.
   */
  minGroupSize?: number;
  /** Ratio under which a group is flagged (the four-fifths rule). Default 0.8. */
  threshold?: number;
  /** Whom to audit: the mentee side (default; every peer in peer programmes) or the mentors. */
  side?: "mentees" | "mentors";
  /** Custom criteria the result was matched with (for the "highest-scoring partner" of {@link AuditGroup.firstChoiceRate}). */
  criteria?: readonly ExtraCriterion[];
}

/**
 * One group's figures in an {@link Audit}.
 * @remarks Since 0.2.0
 */
export interface AuditGroup {
  /** The field's value (numbers and booleans as text), `"(not given)"` or `"(suppressed)"`. */
  group: string;
  /** Participants of the audited side in the group. */
  participants: number;
  /** Those with at least one match. */
  matched: number;
  /** `matched / participants`. */
  matchRate: number;
  /** Mean over the group's matches of the participant's score in that match; `null` when none matched. */
  meanScore: number | null;
  /** Lowest such score; `null` when none matched. */
  minScore: number | null;
  /**
   * Share of the group's matched participants who got their first choice: the first id in their
   * `preferences.ranked` that names someone on the other side of the cohort, or — when they rank
   * nobody there — a partner whose score equals the best score among their eligible partners
   * (ties count). In rotational and flash results, in any round. `null` when none matched.
   */
  firstChoiceRate: number | null;
}

/**
 * A group's ratios to the best-served group.
 * @remarks Since 0.2.0
 */
export interface DisparityRatio {
  group: string;
  /** `matchRate / best matchRate`; `null` when no group has a match. */
  matchRate: number | null;
  /** `meanScore / best meanScore`; `null` when this group has no match (or none scores above 0). */
  meanScore: number | null;
  /** The ratios under the threshold. */
  flagged: ("matchRate" | "meanScore")[];
}

/**
 * What {@link auditResult} returns.
 * @remarks Since 0.2.0
 */
export interface Audit {
  groupBy: string;
  side: "mentees" | "mentors";
  /** Groups in descending size (ties by name), then `"(not given)"`, then `"(suppressed)"` when shown. */
  groups: AuditGroup[];
  /** Groups merged away because they had fewer than `minGroupSize` people. */
  suppressedGroups: number;
  disparity: {
    threshold: number;
    /** The best-served group on each metric (shown groups only, never the suppressed bucket). */
    reference: { matchRate: string | null; meanScore: string | null };
    ratios: DisparityRatio[];
  };
}

function groupField(groupBy: unknown): string {
  const ok = typeof groupBy === "string" && (["department", "organisation", "level", "location", "timezone"].includes(groupBy) || /^(attributes|diversity)\..+/.test(groupBy));
  if (!ok) {
    throw new MatchInputError([{ path: ["groupBy"], code: "invalid-group-by", message: `cannot group by ${JSON.stringify(groupBy)}; use one of ${AUDIT_GROUP_FIELDS.join(", ")}` }]);
  }
  return groupBy;
}

function groupOf(p: Participant, field: string): string {
  const v = fieldValue(p, field);
  if (v === undefined || v === null || v === "") return NOT_GIVEN_GROUP;
  return typeof v === "string" ? v : typeof v === "number" || typeof v === "boolean" ? String(v) : JSON.stringify(v);
}

/** Best eligible score of each participant on the audited side, by participant index. */
function bestScores(matrix: CompatibilityMatrix, mentorSide: boolean): Map<number, number> {
  const best = new Map<number, number>();
  const { rows, cols, scores, eligible } = matrix;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const at = i * cols + j;
      if (eligible[at] !== 1) continue;
      const p = mentorSide ? matrix.colParticipants[j]! : matrix.rowParticipants[i]!;
      const s = scores[at]!;
      if (!(s <= (best.get(p) ?? -1))) best.set(p, s);
    }
  }
  return best;
}

/**
 * Per-group fairness of a result: for each value of a field, how many of the group were matched,
 * how well, and how often they got their first choice; and each group's ratio to the best-served
 * group, flagged under 0.8 (the four-fifths rule of the US EEOC Uniform Guidelines, 29 CFR
 * 1607.4(D)).
 *
 * Privacy: grouping by a `diversity.<key>` needs `allowSensitive` or the programme's
 * `explain.includeSensitive`. Groups smaller than `minGroupSize` (default 5, never under 5 for
 * diversity) are merged into a `"(suppressed)"` bucket, shown only when it holds at least
 * `minGroupSize` people itself, and left out of the disparity ratios, so no figure describes fewer
 * people than that.
 *
 * @param result a result of `match()` (or its stored JSON) for this cohort.
 * @param cohort the cohort it was matched from, parsed or as written.
 * @throws MatchInputError for an unknown or sensitive `groupBy` without opt-in, ids outside the
 * cohort, or bad options.
 * @remarks Since 0.2.0
 */
export function auditResult(result: unknown, cohort: unknown, options: AuditOptions): Audit {
  const custom = options?.criteria ?? [];
  const parsed = isParsedCohort(cohort) ? cohort : parseCohort(cohort, { customCriteria: custom.map((c) => c.name) });
  const field = groupField(options?.groupBy);
  const sensitive = field.startsWith("diversity.");
  const side = options.side ?? "mentees";
  if (side !== "mentees" && side !== "mentors") throw new MatchInputError([{ path: ["side"], code: "invalid-option", message: `side is "mentees" or "mentors"; got ${JSON.stringify(side)}` }]);
  const minGroupSize = options.minGroupSize ?? 5;
  if (!Number.isInteger(minGroupSize) || minGroupSize < 1 || (sensitive && minGroupSize < 5)) {
    throw new MatchInputError([{ path: ["minGroupSize"], code: "invalid-option", message: `minGroupSize must be an integer ≥ ${sensitive ? 5 : 1}${sensitive ? " when grouping by a diversity field" : ""}; got ${String(minGroupSize)}` }]);
  }
  const threshold = options.threshold ?? 0.8;
  if (typeof threshold !== "number" || !(threshold > 0 && threshold <= 1)) throw new MatchInputError([{ path: ["threshold"], code: "invalid-option", message: `threshold must be in (0, 1]; got ${String(threshold)}` }]);
  if (sensitive && !(options.allowSensitive ?? parsed.program.explain.includeSensitive)) {
    throw new MatchInputError([
      { path: ["groupBy"], code: "sensitive-group-by", message: `grouping by ${field} uses sensitive data; pass allowSensitive: true (CLI: --allow-sensitive) or set program.explain.includeSensitive` },
    ]);
  }
  const format = parsed.program.format;
  const mentorless = format === "peer" || (format === "group" && parsed.program.group?.mentorless === true);
  if (side === "mentors" && mentorless) throw new MatchInputError([{ path: ["side"], code: "invalid-option", message: `a ${format === "peer" ? "peer" : "mentor-less group"} programme has no mentor side` }]);

  const index = new Map(parsed.participants.map((p, i) => [p.id, i]));
  const outcomes = outcomesOf(readMatches(result, "result", new Set(index.keys())));
  const mentorSide = side === "mentors";
  const audited = parsed.participants.map((p, i) => i).filter((i) => {
    const role = parsed.participants[i]!.role;
    // Peer programmes and mentor-less circles pool everyone.
    return mentorless || (mentorSide ? role !== "mentee" : role !== "mentor");
  });

  // Mentor-less circles draw on everyone, so their best partner comes from an all × all peer matrix.
  const scored = format === "group" && mentorless ? adoptParsedCohort({ participants: parsed.participants, program: { ...parsed.program, format: "peer" as const } }) : parsed;
  const matrix = scoreMatrix(scored, { custom });
  const best = bestScores(matrix, mentorSide);
  const otherSide = new Set(mentorSide ? matrix.rowIds : matrix.colIds);
  const scoreOf = (a: number, partner: string): number => {
    const self = parsed.participants[a]!.id;
    const i = matrix.rowIndex.get(mentorSide ? partner : self);
    const j = matrix.colIndex.get(mentorSide ? self : partner);
    return i === undefined || j === undefined ? Number.NaN : matrix.scores[i * matrix.cols + j]!;
  };
  const firstChoice = (a: number, got: ParticipantOutcome["asMentee"]): boolean => {
    const p = parsed.participants[a]!;
    const partners = got.flatMap((g) => g.partners);
    const ranked = (p.preferences?.ranked ?? []).find((id) => otherSide.has(id) && id !== p.id);
    if (ranked !== undefined) return partners.includes(ranked);
    const top = best.get(a);
    return top !== undefined && partners.some((q) => scoreOf(a, q) >= top - 1e-12);
  };

  interface Tally {
    participants: number;
    matched: number;
    scores: number[];
    first: number;
  }
  const tallies = new Map<string, Tally>();
  for (const a of audited) {
    const key = groupOf(parsed.participants[a]!, field);
    let t = tallies.get(key);
    if (t === undefined) tallies.set(key, (t = { participants: 0, matched: 0, scores: [], first: 0 }));
    t.participants++;
    const o = outcomes.get(parsed.participants[a]!.id);
    const got = o === undefined ? [] : mentorSide ? o.asMentor : o.asMentee;
    if (got.length === 0) continue;
    t.matched++;
    for (const g of got) t.scores.push(g.score);
    if (firstChoice(a, got)) t.first++;
  }

  const row = (group: string, t: Tally): AuditGroup => ({
    group,
    participants: t.participants,
    matched: t.matched,
    matchRate: t.participants === 0 ? 0 : t.matched / t.participants,
    meanScore: t.scores.length === 0 ? null : t.scores.reduce((s, x) => s + x, 0) / t.scores.length,
    minScore: t.scores.length === 0 ? null : Math.min(...t.scores),
    firstChoiceRate: t.matched === 0 ? null : t.first / t.matched,
  });
  const shown: AuditGroup[] = [];
  const bucket: Tally = { participants: 0, matched: 0, scores: [], first: 0 };
  let suppressedGroups = 0;
  const order = [...tallies].sort(([ka, a], [kb, b]) => Number(ka === NOT_GIVEN_GROUP) - Number(kb === NOT_GIVEN_GROUP) || b.participants - a.participants || (ka < kb ? -1 : ka > kb ? 1 : 0));
  for (const [key, t] of order) {
    if (t.participants >= minGroupSize) {
      shown.push(row(key, t));
      continue;
    }
    suppressedGroups++;
    bucket.participants += t.participants;
    bucket.matched += t.matched;
    bucket.scores.push(...t.scores);
    bucket.first += t.first;
  }

  const bestRate = Math.max(0, ...shown.map((g) => g.matchRate));
  const bestMean = Math.max(0, ...shown.map((g) => g.meanScore ?? 0));
  const ratios: DisparityRatio[] = shown.map((g) => {
    const matchRate = bestRate > 0 ? g.matchRate / bestRate : null;
    const meanScore = bestMean > 0 && g.meanScore !== null ? g.meanScore / bestMean : null;
    const flagged: DisparityRatio["flagged"] = [];
    if (matchRate !== null && matchRate < threshold) flagged.push("matchRate");
    if (meanScore !== null && meanScore < threshold) flagged.push("meanScore");
    return { group: g.group, matchRate, meanScore, flagged };
  });
  const referenceOf = (value: (g: AuditGroup) => number | null, top: number) => (top > 0 ? (shown.find((g) => value(g) === top)?.group ?? null) : null);
  const groups = bucket.participants >= minGroupSize ? [...shown, row(SUPPRESSED_GROUP, bucket)] : shown;
  return {
    groupBy: field,
    side,
    groups,
    suppressedGroups,
    disparity: { threshold, reference: { matchRate: referenceOf((g) => g.matchRate, bestRate), meanScore: referenceOf((g) => g.meanScore, bestMean) }, ratios },
  };
}
