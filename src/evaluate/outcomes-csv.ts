import { MatchInputError, type MatchIssue } from "../errors.js";
import { readCsvTable } from "../model/csv.js";
import type { PairOutcome } from "./calibrate.js";

const BOOLEANS: Readonly<Record<string, boolean>> = { true: true, false: false, yes: true, no: false };

/**
 * Reads pair outcomes from CSV (RFC 4180, header row; `,` `;` or tab, detected; a byte-order mark
 * is dropped; blank lines are skipped): columns `menteeId`, `mentorId` and
 * `outcome` (any case, any order; other columns ignored). An outcome is `true` / `false` /
 * `yes` / `no` (a boolean) or a number (a rating 1–5 or a value in [0, 1]), as
 * {@link calibrateWeights} takes them.
 * @throws MatchInputError for a missing column or an unreadable value, with its line.
 * @remarks Since 0.2.0
 */
export function parseOutcomesCsv(text: string): PairOutcome[] {
  const table = readCsvTable(text);
  const header = table.header;
  const body = table.rows.filter((r) => r.cells.some((c) => c.trim() !== ""));
  const at = (name: string) => (header ?? []).findIndex((h) => h.trim().toLowerCase() === name.toLowerCase());
  const cols = { menteeId: at("menteeId"), mentorId: at("mentorId"), outcome: at("outcome") };
  const missing = Object.entries(cols).filter(([, k]) => k < 0).map(([name]) => name);
  if (missing.length > 0) throw new MatchInputError([{ path: ["csv", 1], code: "csv-missing-column", message: `the header needs ${missing.join(", ")} (got ${JSON.stringify((header ?? []).join(","))})` }]);
  const problems: MatchIssue[] = [];
  const out = body.map(({ cells: row, line }) => {
    const raw = (row[cols.outcome] ?? "").trim();
    const bool = BOOLEANS[raw.toLowerCase()];
    const number = raw === "" ? Number.NaN : Number(raw);
    if (bool === undefined && !Number.isFinite(number)) problems.push({ path: ["csv", line, "outcome"], code: "invalid-outcome", message: `line ${line}: outcome ${JSON.stringify(raw)} is not true/false/yes/no or a number` });
    return { menteeId: (row[cols.menteeId] ?? "").trim(), mentorId: (row[cols.mentorId] ?? "").trim(), outcome: bool ?? number };
  });
  if (problems.length > 0) throw new MatchInputError(problems.slice(0, 100));
  return out;
}
