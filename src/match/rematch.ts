import * as z from "zod";
import { MatchInputError } from "../errors.js";
import type { ParticipantInput } from "../model/participant.js";
import { id } from "../model/primitives.js";
import { resolveMatchOptions } from "./options.js";
import type { PairRef } from "../model/program.js";
import { contextOf, match } from "./match.js";
import { isStoredResult, restoreStored, type StoredResult } from "./stored.js";
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
  /**
   * Pairs the admin ends (e.g. after a trial period); they are forbidden from now on. For peers,
   * `mentorId` and `menteeId` are the two peers in either order; for groups, the mentor and one
   * member.
   */
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

const pairRef = z.strictObject({ mentorId: id, menteeId: id });
/** Shape of {@link RematchChanges}, checked before anything else (ids and pairs are checked later). */
const changesSchema = z.strictObject({
  leave: z.array(id).max(1_000_000).optional(),
  join: z.array(z.unknown()).max(1_000_000).optional(),
  reject: z.array(pairRef).max(100_000).optional(),
  keep: z.array(pairRef).max(100_000).optional(),
  maxExtraChanges: z.int().min(0).max(1_000_000).optional(),
  minGain: z.number().min(0).max(1e9).optional(),
});

const FORMATS = new Set(["one-on-one", "reverse", "peer", "group"]);

/** The pairs a match is made of: mentor × each mentee, or the two peers of a peer pair. */
function pairsOf(m: Match, peer: boolean): PairRef[] {
  if (!peer) return m.menteeIds.map((menteeId) => ({ mentorId: m.mentorIds[0]!, menteeId }));
  // A triad is not a pair: it is re-solved rather than kept.
  return m.menteeIds.length === 2 ? [{ mentorId: m.menteeIds[0]!, menteeId: m.menteeIds[1]! }] : [];
}

/**
 * Incremental rematch of a one-on-one, reverse, peer or (mentor-led) group result: participants
 * leave or join, the admin ends some pairs and keeps others; only the freed participants (and
 * newcomers) are re-solved, with every other pair locked. A match whose members are all kept is
 * returned as the very same object as before (byte-identical when serialised). With
 * `maxExtraChanges`, a solve that may also move up to that many other pairs is tried, and used only
 * when it gains at least `minGain` in total score.
 *
 * `previous` is the live result of `match()`, or (since 0.2.0) a stored `{ cohort, result }` read
 * back as plain JSON — in any process, weeks later — which gives the same rematch.
 * @throws MatchInputError when `previous` did not come from `match()` of a supported format
 *   (`unsupported-result`), a stored cohort is not the result's (`cohort-mismatch`), or the
 *   changes name unknown ids / pairs.
 * @remarks Since 0.1.0
 */
export async function rematch(given: MatchResult | StoredResult, rawChanges: RematchChanges, options: MatchOptions = {}): Promise<MatchResult> {
  const resolved = resolveMatchOptions(options);
  const checked = changesSchema.safeParse(rawChanges ?? null);
  if (!checked.success) {
    throw new MatchInputError(checked.error.issues.map((iss) => ({ path: ["changes", ...iss.path.map((p) => (typeof p === "symbol" ? String(p) : p))], code: iss.code.replace(/_/g, "-"), message: iss.message })));
  }
  const changes = checked.data as RematchChanges;
  const revisited = isStoredResult(given)
    ? restoreStored(given, resolved.criteria)
    : given !== null && typeof given === "object" ? { result: given, cohort: contextOf(given)?.cohort } : undefined;
  const previous = revisited?.result;
  const cohort = revisited?.cohort;
  if (!previous || !cohort || !FORMATS.has(previous.format) || (previous.format === "group" && cohort.program.group?.mentorless)) {
    throw new MatchInputError([{ path: ["previous"], code: "unsupported-result", message: "rematch needs a one-on-one, reverse, peer or mentor-led group result returned by match(), or a stored { cohort, result } of one" }]);
  }
  const peer = previous.format === "peer";
  const key = (a: string, b: string) => (peer && b < a ? `${b}\u0000${a}` : `${a}\u0000${b}`);
  const known = new Set(cohort.participants.map((p) => p.id));
  const issues: { path: (string | number)[]; code: string; message: string }[] = [];
  const leave = new Set(changes.leave ?? []);
  (changes.leave ?? []).forEach((id, k) => {
    if (!known.has(id)) issues.push({ path: ["changes", "leave", k], code: "unknown-id", message: `${JSON.stringify(id)} is not in the programme` });
  });
  const previousPairs = new Set<string>();
  for (const m of previous.matches) for (const p of pairsOf(m, peer)) previousPairs.add(key(p.mentorId, p.menteeId));
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

  const stays = (p: PairRef) => !leave.has(p.mentorId) && !leave.has(p.menteeId) && !rejected.has(key(p.mentorId, p.menteeId));
  const keptPairs = previous.matches.flatMap((m) => pairsOf(m, peer)).filter(stays);
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
  const lockedFor = (pairs: PairRef[]) => {
    const admin = program.rules.locked.filter((p) => stays(p));
    const seen = new Set(admin.map((p) => key(p.mentorId, p.menteeId)));
    return [...admin, ...pairs.filter((p) => !seen.has(key(p.mentorId, p.menteeId)))];
  };
  const solveWith = (locked: PairRef[]) => match({ participants, program: { ...program, rules: { ...baseRules, locked } } }, options);
  const pairsIn = (r: MatchResult) => new Set(r.matches.flatMap((m) => pairsOf(m, peer)).map((p) => key(p.mentorId, p.menteeId)));

  let result = await solveWith(lockedFor(keptPairs));
  let changed = 0;
  if (maxExtra > 0) {
    const free = await solveWith(lockedFor(keptPairs.filter((p) => explicitKeep.has(key(p.mentorId, p.menteeId)))));
    const now = pairsIn(free);
    const moved = keptPairs.filter((p) => !now.has(key(p.mentorId, p.menteeId))).length;
    if (moved <= maxExtra && free.stats.total - result.stats.total >= minGain) {
      result = free;
      changed = moved;
    }
  }
  // A match whose every pair stayed is the previous match object, untouched.
  const keptKeys = new Set(keptPairs.map((p) => key(p.mentorId, p.menteeId)));
  const signature = (m: Match) => `${m.mentorIds.join("\u0001")}\u0000${[...m.menteeIds].sort().join("\u0001")}`;
  const previousBySignature = new Map(previous.matches.map((m) => [signature(m), m]));
  result.matches = result.matches.map((m) => {
    const before = previousBySignature.get(signature(m));
    const pairs = pairsOf(m, peer);
    return before && pairs.length > 0 && pairs.every((p) => keptKeys.has(key(p.mentorId, p.menteeId))) ? before : m;
  });
  result.stats.rematch = { kept: keptPairs.length - changed, freed: previousPairs.size - keptPairs.length, changed, joined: changes.join?.length ?? 0, left: leave.size };
  return result;
}
