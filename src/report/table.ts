import type { MatchResult } from "../match/types.js";
import { toRows, toUnmatchedRows, type CohortDirectory } from "./rows.js";

/** A cell of an exported sheet: text (written as text), a number we computed, or empty. */
export type Cell = string | number | null;

/** A sheet: one header row and the data rows, every row as long as the header. */
export interface Sheet {
  name: "Matches" | "Unmatched";
  header: string[];
  rows: Cell[][];
}

/** Scores are written rounded to 4 decimals: enough to rank, short enough to read. */
function score(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

/**
 * The Matches sheet: `match`, `round` or `slot` (rotational / flash only), mentor and mentee
 * ids, names and departments, `score`, `match_score` (only when some match has several members),
 * one column per criterion, `reasons` (joined by "; ") and `locked`.
 */
export function matchesSheet(result: MatchResult, cohort: CohortDirectory): Sheet {
  const rows = toRows(result, cohort);
  const timed = result.format === "rotational" || result.format === "flash" || rows.some((r) => r.round !== null);
  const grouped = rows.some((r) => r.matchScore !== r.score);
  const criteria: string[] = [];
  for (const r of rows) for (const name of Object.keys(r.criteria)) if (!criteria.includes(name)) criteria.push(name);
  const header = [
    "match",
    ...(timed ? [result.format === "flash" ? "slot" : "round"] : []),
    "mentor_id",
    "mentor_name",
    "mentor_department",
    "mentee_id",
    "mentee_name",
    "mentee_department",
    "score",
    ...(grouped ? ["match_score"] : []),
    ...criteria,
    "reasons",
    "locked",
  ];
  return {
    name: "Matches",
    header,
    rows: rows.map((r) => [
      r.match,
      ...(timed ? [r.round] : []),
      r.mentorId,
      r.mentorName,
      r.mentorDepartment,
      r.menteeId,
      r.menteeName,
      r.menteeDepartment,
      score(r.score),
      ...(grouped ? [score(r.matchScore)] : []),
      ...criteria.map((c) => {
        const v = r.criteria[c];
        return v === null || v === undefined ? null : score(v);
      }),
      r.reasons.join("; "),
      r.locked ? "true" : "false",
    ]),
  };
}

/** The Unmatched sheet: `id`, `name`, `department`, `role`, `code`, `reason`. */
export function unmatchedSheet(result: MatchResult, cohort: CohortDirectory): Sheet {
  return {
    name: "Unmatched",
    header: ["id", "name", "department", "role", "code", "reason"],
    rows: toUnmatchedRows(result, cohort).map((u) => [u.id, u.name, u.department, u.role, u.code, u.reason]),
  };
}
