import { MatchInputError, type MatchIssue } from "../errors.js";
import type { Match, MatchResult } from "../match/types.js";

/**
 * One pair inside a result: `[mentorId, menteeId]` for programmes with mentors, or the two peers
 * in id order (`mentor: false`) for peer pairs, triads and mentor-less circles.
 * @internal
 */
export interface ResultPair {
  ids: [string, string];
  mentor: boolean;
  score: number;
  /** Round or slot (rotational and flash), else 0. */
  round: number;
}

/**
 * What one participant got in a result: per match, the partners and the mean of their pair scores
 * in that match, as mentee (or peer) and as mentor.
 * @internal
 */
export interface ParticipantOutcome {
  /** Matches where the participant is on the mentee side (or a peer). */
  asMentee: { partners: string[]; score: number }[];
  /** Matches where the participant is a mentor. */
  asMentor: { partners: string[]; score: number }[];
}

/**
 * Reads a stored or fresh result's matches defensively (it may come from JSON) and checks every id
 * against `known`.
 * @throws MatchInputError `invalid-result` for a result that is not `{ matches: [...] }` with id
 * lists, `unknown-id` for an id outside the cohort (when `known` is given).
 * @internal
 */
export function readMatches(result: unknown, at: string, known?: ReadonlySet<string>): Match[] {
  const matches = (result as MatchResult | null)?.matches;
  if (typeof result !== "object" || result === null || !Array.isArray(matches)) {
    throw new MatchInputError([{ path: [at], code: "invalid-result", message: `${at} must be a match result with a matches array` }]);
  }
  const issues: MatchIssue[] = [];
  matches.forEach((m, k) => {
    const ok = typeof m === "object" && m !== null && Array.isArray(m.mentorIds) && Array.isArray(m.menteeIds) && typeof m.score === "number";
    if (!ok) {
      issues.push({ path: [at, "matches", k], code: "invalid-result", message: "a match needs mentorIds and menteeIds arrays and a numeric score" });
      return;
    }
    for (const side of ["mentorIds", "menteeIds"] as const) {
      m[side].forEach((id, x) => {
        if (typeof id !== "string") issues.push({ path: [at, "matches", k, side, x], code: "invalid-result", message: "ids are strings" });
        else if (known !== undefined && !known.has(id)) issues.push({ path: [at, "matches", k, side, x], code: "unknown-id", message: `${JSON.stringify(id)} is not a participant of the cohort` });
      });
    }
  });
  if (issues.length > 0) throw new MatchInputError(issues.slice(0, 100));
  return matches;
}

/**
 * The pairs of one match. Mentor-led matches give every mentor × mentee pair, scored by the
 * member's own score when the match lists `members`, else the match score. Peer matches give the
 * listed member pairs (triads), or every pair of members scored by the match score (a peer pair,
 * or a mentor-less circle whose score is the members' mean compatibility).
 * @internal
 */
export function pairsOfMatch(m: Match): ResultPair[] {
  const round = typeof m.round === "number" ? m.round : 0;
  const members = Array.isArray(m.members) ? m.members : [];
  if (m.mentorIds.length > 0) {
    return m.mentorIds.flatMap((mentor) =>
      m.menteeIds.map((mentee) => {
        const member = members.find((x) => x.menteeId === mentee && (x.mentorId === mentor || x.mentorId === null));
        return { ids: [mentor, mentee] as [string, string], mentor: true, score: member?.score ?? m.score, round };
      }),
    );
  }
  const peer = (a: string, b: string, score: number): ResultPair => ({ ids: a < b ? [a, b] : [b, a], mentor: false, score, round });
  const listed = members.filter((x) => typeof x.mentorId === "string");
  if (listed.length > 0) return listed.map((x) => peer(x.mentorId!, x.menteeId, x.score));
  const ids = m.menteeIds;
  return ids.flatMap((a, x) => ids.slice(x + 1).map((b) => peer(a, b, m.score)));
}

/**
 * Every participant's outcome in a result, by id.
 * @internal
 */
export function outcomesOf(matches: readonly Match[]): Map<string, ParticipantOutcome> {
  const out = new Map<string, ParticipantOutcome>();
  const of = (id: string) => {
    let o = out.get(id);
    if (o === undefined) out.set(id, (o = { asMentee: [], asMentor: [] }));
    return o;
  };
  for (const m of matches) {
    const pairs = pairsOfMatch(m);
    const side = (id: string, role: "mentee" | "mentor") => {
      const mine = pairs.filter((p) => (p.mentor ? p.ids[role === "mentor" ? 0 : 1] === id : p.ids.includes(id)));
      if (mine.length === 0) return;
      const partners = mine.map((p) => (p.ids[0] === id ? p.ids[1] : p.ids[0])).sort();
      const score = mine.reduce((s, p) => s + p.score, 0) / mine.length;
      (role === "mentor" ? of(id).asMentor : of(id).asMentee).push({ partners, score });
    };
    for (const id of m.menteeIds) side(id, "mentee");
    for (const id of m.mentorIds) side(id, "mentor");
  }
  return out;
}
