import { RULE_SENTENCES, type RuleCode } from "../constraints/index.js";
import { MatchInputError } from "../errors.js";
import { listText, ordinal, weeklyTime } from "../criteria/index.js";
import { SCOPED_RULE_SENTENCE } from "./organisation-scope.js";

/**
 * Codes of the reasons given for a pair or a match. Each reason is `{ code, params, text }`:
 * `params` (see {@link ReasonParamMap}) hold the facts, `text` is the English sentence made from
 * them by {@link DEFAULT_REASON_MESSAGES}, or by the host's own catalogue (`messages` option).
 *
 * Criterion reasons: `shared-goals`, `peer-shared-goals`, `skills-covered`, `skills-partial`,
 * `peer-skills`, `offers-back` (reverse), `personality-traits`, `personality-overall`,
 * `shared-hours`, `monthly-time`, `meet-in-person`, `meet-virtually`, `meet-hybrid`, `diversity`
 * (only with `explain.includeSensitive`), `mutual-preference`, `peer-preference`,
 * `mentee-preference`, `mentor-preference`, `custom`.
 * Pair facts: `no-data` (no criterion had data), `rule-broken` (a rule the pair breaks),
 * `rule-scoped` (internal rules of a cross-organisation pair, in one neutral sentence).
 * Result context: `locked` (an admin-locked pair), `top-choice` (the best-scoring eligible partner), `best-available` (every
 * eligible partner who scores higher was full), `overall-optimum` (a higher-scoring partner had
 * room, but the programme's objective chose otherwise), `overall-score` (nothing stands out).
 * Groups: `triad`, `group-common-slot`, `group-shared-goals`, `group-cohesion`.
 * @remarks Since 0.2.0
 */
export const REASON_CODES = [
  "shared-goals",
  "peer-shared-goals",
  "skills-covered",
  "skills-partial",
  "peer-skills",
  "offers-back",
  "personality-traits",
  "personality-overall",
  "shared-hours",
  "monthly-time",
  "meet-in-person",
  "meet-virtually",
  "meet-hybrid",
  "diversity",
  "mutual-preference",
  "peer-preference",
  "mentee-preference",
  "mentor-preference",
  "custom",
  "no-data",
  "rule-broken",
  "rule-scoped",
  "locked",
  "top-choice",
  "best-available",
  "overall-optimum",
  "overall-score",
  "triad",
  "group-common-slot",
  "group-shared-goals",
  "group-cohesion",
] as const;

/**
 * A reason code.
 * @remarks Since 0.2.0
 */
export type ReasonCode = (typeof REASON_CODES)[number];

/**
 * The facts behind each reason code. Lists are complete (texts may shorten them); numbers are
 * counts, minutes, 1-based ranks or scores in [0, 1].
 * @remarks Since 0.2.0
 */
export interface ReasonParamMap {
  "shared-goals": { shared: string[]; goals: number };
  "peer-shared-goals": { shared: string[] };
  "skills-covered": { covered: number; partial: number; wanted: number };
  "skills-partial": { partial: number; wanted: number };
  "peer-skills": { covered: number; wanted: number };
  "offers-back": { skills: string[]; wanted: number };
  "personality-traits": { similar: string[]; complementary: string[] };
  "personality-overall": { score: number };
  "shared-hours": { minutes: number };
  "monthly-time": { minutes: number };
  "meet-in-person": { location: string };
  "meet-virtually": Record<string, never>;
  "meet-hybrid": Record<string, never>;
  diversity: { attributes: string[]; wishes: ("same" | "different")[]; sources: ("programme" | "first" | "second")[] };
  "mutual-preference": { rank: number; otherRank: number };
  "peer-preference": { rank: number };
  "mentee-preference": { rank: number };
  "mentor-preference": { rank: number };
  custom: { criterion: string; text: string };
  "no-data": Record<string, never>;
  "rule-broken": { rule: RuleCode; locked: boolean };
  "rule-scoped": { locked: boolean };
  locked: Record<string, never>;
  "top-choice": { eligible: number; partner: "mentor" | "mentee" | "peer" };
  "best-available": { higher: number; eligible: number; partner: "mentor" | "mentee" | "peer" };
  "overall-optimum": { higher: number; withRoom: number; eligible: number; partner: "mentor" | "mentee" | "peer"; objective: string };
  "overall-score": { score: number };
  triad: { ids: string[] };
  "group-common-slot": { members: number; slot: string };
  "group-shared-goals": { goals: string[]; counts: number[] };
  "group-cohesion": { cohesion: number };
}

/**
 * One reason: a code, its facts, and the sentence shown.
 * @remarks Since 0.2.0
 */
export type Reason = { [C in ReasonCode]: { code: C; params: ReasonParamMap[C]; text: string } }[ReasonCode];

/**
 * A message catalogue: for any reason code, a function from its params to the sentence. Codes it
 * leaves out use {@link DEFAULT_REASON_MESSAGES}.
 * @remarks Since 0.2.0
 */
export type ReasonMessages = { [C in ReasonCode]?: (params: ReasonParamMap[C]) => string };

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/**
 * The English sentences of every reason code.
 * @remarks Since 0.2.0
 */
export const DEFAULT_REASON_MESSAGES: { readonly [C in ReasonCode]: (params: ReasonParamMap[C]) => string } = {
  "shared-goals": (p) => `Shares ${p.shared.length} of ${plural(p.goals, "goal")}: ${listText(p.shared)}`,
  "peer-shared-goals": (p) => `Shares ${plural(p.shared.length, "goal")}: ${listText(p.shared)}`,
  "skills-covered": (p) => `Covers ${p.covered} of ${plural(p.wanted, "wanted skill")} at target level${p.partial > 0 ? `, ${p.partial} more in part` : ""}`,
  "skills-partial": (p) => `Covers ${p.partial} of ${plural(p.wanted, "wanted skill")} in part`,
  "peer-skills": (p) => `Can teach each other ${p.covered} of ${p.wanted} wanted skills at target level`,
  "offers-back": (p) => `In return, can teach ${p.skills.length} of ${plural(p.wanted, "skill")} the mentor wants: ${listText(p.skills)}`,
  "personality-traits": (p) =>
    `Personality: ${[p.similar.length > 0 ? `similar on ${listText(p.similar)}` : "", p.complementary.length > 0 ? `complementary on ${listText(p.complementary)}` : ""].filter(Boolean).join("; ")}`,
  "personality-overall": (p) => `Personality profiles fit well overall (${p.score.toFixed(2)} of 1)`,
  "shared-hours": (p) => `${weeklyTime(p.minutes)} a week of shared working hours`,
  "monthly-time": (p) => `Both can give the ${weeklyTime(p.minutes)} a month the programme needs`,
  "meet-in-person": (p) => `Can meet in person in ${p.location}`,
  "meet-virtually": () => "Both prefer virtual meetings",
  "meet-hybrid": () => "Both are open to hybrid meetings",
  diversity: (p) => `Diversity: ${p.attributes.map((a, k) => `${p.wishes[k]} ${a}${p.sources[k] === "programme" ? " (programme aim)" : " (as wished)"}`).join(", ")}`,
  "mutual-preference": (p) => `Mutual wish: ranked each other ${ordinal(p.rank)} and ${ordinal(p.otherRank)}`,
  "peer-preference": (p) => `One ranked the other ${ordinal(p.rank)}`,
  "mentee-preference": (p) => `The mentee ranked this mentor ${ordinal(p.rank)}`,
  "mentor-preference": (p) => `The mentor asked for this mentee (ranked ${ordinal(p.rank)})`,
  custom: (p) => p.text,
  "no-data": () => "No criterion has data for both people, so the score is 0",
  "rule-broken": (p) => (p.locked ? `${RULE_SENTENCES[p.rule]} (kept: locked by the admin)` : RULE_SENTENCES[p.rule]),
  "rule-scoped": (p) => (p.locked ? `${SCOPED_RULE_SENTENCE} (kept: locked by the admin)` : SCOPED_RULE_SENTENCE),
  locked: () => "Locked by the admin",
  "top-choice": (p) => (p.eligible === 1 ? `The only eligible ${p.partner}` : `The highest-scoring of the ${p.eligible} eligible ${p.partner}s`),
  "best-available": (p) =>
    `Best available: ${p.higher === 1 ? `the one eligible ${p.partner} who scores higher was` : `the ${p.higher} eligible ${p.partner}s who score higher were`} full with other matches`,
  "overall-optimum": (p) =>
    `Chosen for the best overall result (${p.objective}): ${plural(p.higher, `eligible ${p.partner}`)} score${p.higher === 1 ? "s" : ""} higher, ${p.withRoom} of them with room`,
  "overall-score": (p) => `Overall compatibility ${p.score.toFixed(2)}; no single criterion stands out`,
  triad: (p) => `Triad: ${p.ids.join(", ")} (the pool has an odd number of participants)`,
  "group-common-slot": (p) => `Common meeting slot for all ${p.members}: ${p.slot}`,
  "group-shared-goals": (p) => `Shared goals: ${p.goals.map((g, k) => `${g} (${p.counts[k]} members)`).join(", ")}`,
  "group-cohesion": (p) => `Members' mutual compatibility ${p.cohesion.toFixed(2)} on average`,
};

/**
 * Makes a reason from its code and params, with the sentence from `messages` (the host's
 * catalogue) where it has the code, else the English default.
 * @throws MatchInputError `invalid-message` when a catalogue function returns something other
 *   than a string (an error it throws is passed on).
 * @remarks Since 0.2.0
 */
export function makeReason<C extends ReasonCode>(code: C, params: ReasonParamMap[C], messages?: ReasonMessages): Reason {
  const render = (messages?.[code] ?? DEFAULT_REASON_MESSAGES[code]) as (p: ReasonParamMap[C]) => unknown;
  const text = render(params);
  if (typeof text !== "string") {
    throw new MatchInputError([{ path: ["messages", code], code: "invalid-message", message: `the message for reason ${JSON.stringify(code)} returned ${typeof text}, not a string` }]);
  }
  return { code, params, text } as Reason;
}

const KNOWN_CODES: ReadonlySet<string> = new Set(REASON_CODES);

/**
 * Re-renders stored reasons through a catalogue, e.g. to translate a result loaded from JSON:
 * `translateReasons(match.reasons, frenchMessages)`.
 * @throws MatchInputError `unknown-reason` for an entry that is not `{ code, params }` with a
 *   known code (e.g. a plain sentence from a 0.1 result).
 * @remarks Since 0.2.0
 */
export function translateReasons(reasons: readonly Reason[], messages: ReasonMessages): Reason[] {
  if (!Array.isArray(reasons)) throw new MatchInputError([{ path: ["reasons"], code: "invalid-type", message: "expected an array of reasons { code, params }" }]);
  return reasons.map((r, k) => {
    const entry = r as Partial<Reason> | null;
    if (entry === null || typeof entry !== "object" || !KNOWN_CODES.has(entry.code as string) || typeof entry.params !== "object" || entry.params === null) {
      throw new MatchInputError([{ path: ["reasons", k], code: "unknown-reason", message: `reasons[${k}] is not a reason { code, params } with a known code` }]);
    }
    return makeReason(entry.code as Reason["code"], entry.params as never, messages);
  });
}
