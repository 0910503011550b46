import { MatchInputError } from "../errors.js";
import type { ParticipantInput } from "../model/participant.js";
import type { PairRef } from "../model/program.js";
import { contextOf, match } from "./match.js";
import type { Match, MatchOptions, MatchResult } from "./types.js";

/**
 * What changed since a result was made.
 * @remarks Since 0.1.0
 */
export interface RematchChanges {
  /** Participants leaving the programme (their pairs are dissolved). */
  leave?: string[];
  /** New participants (validated like any input). */
  join?: ParticipantInput[];
  /** Pairs the admin ends (e.g. after a trial period); they are forbidden from now on. */
  reject?: PairRef[];
  /** Pairs that must stay even when `maxExtraChanges` lets others move. */
  keep?: PairRef[];
  /**
   * How many existing (not freed) pairs may change when that raises the total score by at least
   * `minGain`. Default 0: every pair not freed stays exactly as it was.
   */
  maxExtraChanges?: number;
  /** Least gain in total score that justifies extra changes. Default 0.05. */
  minGain?: number;
}

const key = (mentorId: string, menteeId: string) => `${mentorId}\u0000${menteeId}`;

/**
 * Incremental rematch of a one-on-one or reverse result: participants leave or join, the admin
 * ends some pairs and keeps others; only the freed participants (and newcomers) are re-solved,
 * exactly, with every other pair locked. Kept pairs are returned as the very same match objects
 * as before (byte-identical when serialised). With `maxExtraChanges`, a solve that may also move
 * up to that many other pairs is tried, and used only when it gains at least `minGain`.
 * @throws MatchInputError when `previous` did not come from `match()` of a one-on-one or reverse
 *   programme, or the changes name unknown ids / pairs.
 * @remarks Since 0.1.0
 */
export async function rematch(previous: MatchResult, changes: RematchChanges, options: MatchOptions = {}): Promise<MatchResult> {
  const context = contextOf(previous);
  if (!context || (previous.format !== "one-on-one" && previous.format !== "reverse")) {
    throw new MatchInputError([{ path: ["previous"], code: "unsupported-result", message: "rematch needs a one-on-one or reverse result returned by match()" }]);
  }
  const { cohort } = context;
  const known = new Set(cohort.participants.map((p) => p.id));
  const issues: { path: (string | number)[]; code: string; message: string }[] = [];
  const leave = new Set(changes.leave ?? []);
  (changes.leave ?? []).forEach((id, k) => {
    if (!known.has(id)) issues.push({ path: ["changes", "leave", k], code: "unknown-id", message: `${JSON.stringify(id)} is not in the programme` });
  });
  const previousPairs = new Map<string, Match>();
  for (const m of previous.matches) previousPairs.set(key(m.mentorIds[0]!, m.menteeIds[0]!), m);
  const rejected = new Set<string>();
  (changes.reject ?? []).forEach((p, k) => {
    if (!previousPairs.has(key(p.mentorId, p.menteeId))) issues.push({ path: ["changes", "reject", k], code: "unknown-pair", message: `${p.mentorId} → ${p.menteeId} is not a pair of the previous result` });
    rejected.add(key(p.mentorId, p.menteeId));
  });
  const explicitKeep = new Set<string>();
  (changes.keep ?? []).forEach((p, k) => {
    const id = key(p.mentorId, p.menteeId);
    if (!previousPairs.has(id)) issues.push({ path: ["changes", "keep", k], code: "unknown-pair", message: `${p.mentorId} → ${p.menteeId} is not a pair of the previous result` });
    if (rejected.has(id)) issues.push({ path: ["changes", "keep", k], code: "keep-and-reject", message: "a pair cannot be both kept and rejected" });
    explicitKeep.add(id);
  });
  const maxExtra = changes.maxExtraChanges ?? 0;
  const minGain = changes.minGain ?? 0.05;
  if (!Number.isInteger(maxExtra) || maxExtra < 0) issues.push({ path: ["changes", "maxExtraChanges"], code: "invalid-number", message: "must be a non-negative integer" });
  if (!(minGain >= 0)) issues.push({ path: ["changes", "minGain"], code: "invalid-number", message: "must be a non-negative number" });
  if (issues.length) throw new MatchInputError(issues);

  const stays = (m: Match) => !leave.has(m.mentorIds[0]!) && !leave.has(m.menteeIds[0]!) && !rejected.has(key(m.mentorIds[0]!, m.menteeIds[0]!));
  const kept = previous.matches.filter(stays);
  const program = cohort.program;
  const baseRules = {
    ...program.rules,
    forbidden: [...program.rules.forbidden, ...(changes.reject ?? [])].filter((p) => !leave.has(p.mentorId) && !leave.has(p.menteeId)),
  };
  // Leavers disappear from everyone's preferences and history too (their ids would dangle).
  const drop = (ids: string[]) => ids.filter((id) => !leave.has(id));
  const participants = [
    ...cohort.participants
      .filter((p) => !leave.has(p.id))
      .map((p) => (leave.size === 0 ? p : { ...p, history: drop(p.history), ...(p.preferences ? { preferences: { ...p.preferences, ranked: drop(p.preferences.ranked), avoid: drop(p.preferences.avoid) } } : {}) })),
    ...(changes.join ?? []),
  ];
  const lockedFor = (pairs: Match[]) => {
    const admin = program.rules.locked.filter((p) => !leave.has(p.mentorId) && !leave.has(p.menteeId) && !rejected.has(key(p.mentorId, p.menteeId)));
    const seen = new Set(admin.map((p) => key(p.mentorId, p.menteeId)));
    const extra = pairs.map((m) => ({ mentorId: m.mentorIds[0]!, menteeId: m.menteeIds[0]! })).filter((p) => !seen.has(key(p.mentorId, p.menteeId)));
    return [...admin, ...extra];
  };
  const solveWith = (locked: PairRef[]) => match({ participants, program: { ...program, rules: { ...baseRules, locked } } }, options);

  let result = await solveWith(lockedFor(kept));
  let changed = 0;
  if (maxExtra > 0) {
    const free = await solveWith(lockedFor(kept.filter((m) => explicitKeep.has(key(m.mentorIds[0]!, m.menteeIds[0]!)))));
    const now = new Set(free.matches.map((m) => key(m.mentorIds[0]!, m.menteeIds[0]!)));
    const moved = kept.filter((m) => !now.has(key(m.mentorIds[0]!, m.menteeIds[0]!))).length;
    if (moved <= maxExtra && free.stats.total - result.stats.total >= minGain) {
      result = free;
      changed = moved;
    }
  }
  // Pairs that stayed are the previous match objects, untouched.
  const keptByKey = new Map(kept.map((m) => [key(m.mentorIds[0]!, m.menteeIds[0]!), m]));
  result.matches = result.matches.map((m) => keptByKey.get(key(m.mentorIds[0]!, m.menteeIds[0]!)) ?? m);
  result.stats["rematch"] = { kept: kept.length - changed, freed: previous.matches.length - kept.length, changed, joined: changes.join?.length ?? 0, left: leave.size };
  return result;
}
