import { MatchInputError, type MatchIssue } from "../errors.js";
import type { Match, MatchResult } from "../match/types.js";

/**
 * The people a table needs from a cohort: a parsed `Cohort`, the raw input given to `match()`,
 * or any object with `participants` carrying `id` and optionally `name` and `department`.
 * @remarks Since 0.2.0
 */
export interface CohortDirectory {
  participants: readonly { id: string; name?: string | undefined; department?: string | undefined }[];
}

/**
 * One row of an export: a mentor–mentee pair, one member of a group or triad, or one meeting of
 * a rotational or flash timetable.
 *
 * Peer pairs have no mentor: the first peer fills the `mentor*` fields and the second the
 * `mentee*` fields. Members of a mentor-less circle have `mentorId: null`.
 * @remarks Since 0.2.0
 */
export interface MatchRow {
  /** 1-based number of the match in `result.matches`; members of one group share it. */
  match: number;
  /** 1-based round (rotational) or slot (flash); `null` for other formats. */
  round: number | null;
  mentorId: string | null;
  mentorName: string | null;
  mentorDepartment: string | null;
  menteeId: string;
  menteeName: string | null;
  menteeDepartment: string | null;
  /** This pair's (or member's) score in [0, 1]. */
  score: number;
  /** The whole match's score: equal to `score` for pairs, the group's mean for groups. */
  matchScore: number;
  /** Each criterion's score in [0, 1], `null` where it had no data; criteria in breakdown order. */
  criteria: Record<string, number | null>;
  /** The pair's reasons as sentences, strongest first; a group member's row starts with the group's own reasons. */
  reasons: string[];
  /** Locked by the admin. */
  locked: boolean;
}

/**
 * One unmatched participant with the reason code and the sentence.
 * @remarks Since 0.2.0
 */
export interface UnmatchedRow {
  id: string;
  name: string | null;
  department: string | null;
  role: "mentee" | "mentor" | "peer";
  code: string;
  reason: string;
}

const GROUP_REASONS: ReadonlySet<string> = new Set(["triad", "group-common-slot", "group-shared-goals", "group-cohesion"]);

/** Text of a reason, whether stored as a sentence or as `{ code, params, text }`. */
export function reasonText(reason: string | { text: string }): string {
  return typeof reason === "string" ? reason : reason.text;
}

function directoryOf(cohort: CohortDirectory): Map<string, { name: string | null; department: string | null }> {
  const out = new Map<string, { name: string | null; department: string | null }>();
  for (const p of cohort.participants) out.set(p.id, { name: p.name ?? null, department: p.department ?? null });
  return out;
}

function criteriaOf(breakdown: Match["breakdown"]): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const [name, part] of Object.entries(breakdown)) out[name] = part.score;
  return out;
}

/**
 * One row per pair, per group or triad member, and per round or slot: ids, names and
 * departments from `cohort`, the score, each criterion's score and the reasons. Rows follow
 * `result.matches` order (by round, then mentor, then mentee).
 *
 * @throws MatchInputError when `result` or `cohort` is not the right shape.
 * Pure: no I/O, no Node built-ins; works in browsers. Names and departments missing from
 * `cohort` are `null`.
 * @remarks Since 0.2.0
 */
export function toRows(result: MatchResult, cohort: CohortDirectory): MatchRow[] {
  checkExportInput(result, cohort);
  const people = directoryOf(cohort);
  const rows: MatchRow[] = [];
  const row = (k: number, m: Match, mentorId: string | null, menteeId: string, part: Pick<Match, "score" | "breakdown" | "reasons">): MatchRow => {
    const mentor = mentorId === null ? undefined : people.get(mentorId);
    const mentee = people.get(menteeId);
    return {
      match: k + 1,
      round: m.round === undefined ? null : m.round + 1,
      mentorId,
      mentorName: mentor?.name ?? null,
      mentorDepartment: mentor?.department ?? null,
      menteeId,
      menteeName: mentee?.name ?? null,
      menteeDepartment: mentee?.department ?? null,
      score: part.score,
      matchScore: m.score,
      criteria: criteriaOf(part.breakdown),
      reasons: part.reasons.map(reasonText),
      locked: m.locked === true,
    };
  };
  result.matches.forEach((m, k) => {
    if (m.members && m.members.length > 0) {
      // Reasons about the whole group (common slot, shared goals, cohesion, triad) go on every member's row.
      const shared = m.reasons.filter((r) => typeof r !== "string" && GROUP_REASONS.has(r.code));
      for (const member of m.members) rows.push(row(k, m, member.mentorId, member.menteeId, { ...member, reasons: [...shared, ...member.reasons] }));
    } else if (m.mentorIds.length === 0 && m.menteeIds.length === 2) {
      rows.push(row(k, m, m.menteeIds[0]!, m.menteeIds[1]!, m));
    } else {
      const mentorId = m.mentorIds[0] ?? null;
      for (const menteeId of m.menteeIds) rows.push(row(k, m, mentorId, menteeId, m));
    }
  });
  return rows;
}

/**
 * One row per unmatched participant: id, name, department, role, reason code and sentence.
 * @remarks Since 0.2.0
 */
export function toUnmatchedRows(result: MatchResult, cohort: CohortDirectory): UnmatchedRow[] {
  checkExportInput(result, cohort);
  const people = directoryOf(cohort);
  return result.unmatched.map((u) => {
    const p = people.get(u.id);
    return { id: u.id, name: p?.name ?? null, department: p?.department ?? null, role: u.role, code: u.code, reason: u.message };
  });
}

/** Rejects a value that is not a match result or a cohort without participants, with a path. */
export function checkExportInput(result: MatchResult, cohort: CohortDirectory): void {
  const issues: MatchIssue[] = [];
  if (typeof result !== "object" || result === null || !Array.isArray(result.matches) || !Array.isArray(result.unmatched)) {
    issues.push({ path: ["result"], code: "invalid-result", message: "expected a match result with matches and unmatched arrays" });
  }
  if (typeof cohort !== "object" || cohort === null || !Array.isArray(cohort.participants)) {
    issues.push({ path: ["cohort"], code: "invalid-cohort", message: "expected a cohort with a participants array" });
  }
  if (issues.length > 0) throw new MatchInputError(issues);
}
