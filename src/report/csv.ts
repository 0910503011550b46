import { readOptions } from "../guard.js";
import { MatchInputError } from "../errors.js";
import type { MatchResult } from "../match/types.js";
import { checkExportInput, type CohortDirectory } from "./rows.js";
import { matchesSheet, unmatchedSheet, type Cell } from "./table.js";

/**
 * Options of {@link toCsv}.
 * @remarks Since 0.2.0
 */
export interface ToCsvOptions {
  /** Start with a UTF-8 byte order mark, so Excel reads accents and non-Latin names. Default `false`. */
  bom?: boolean;
  /** `matches` (default): one row per pair or member; `unmatched`: who has no match and why. */
  sheet?: "matches" | "unmatched";
  /** Field separator: `,` (default), `;` (Excel in many European locales) or a tab. */
  delimiter?: "," | ";" | "\t";
}

/**
 * First characters that make a spreadsheet read a cell as a formula (OWASP "CSV Injection"):
 * `=`, `+`, `-`, `@`, tab and carriage return, plus their full-width forms, which some
 * spreadsheets also accept.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * Makes a text cell safe to open in a spreadsheet: a cell that starts like a formula gets a
 * leading single quote, so it shows as text with the original characters after the quote
 * (`=HYPERLINK(…)` → `'=HYPERLINK(…)`). Other text is returned unchanged.
 * Reference: OWASP, "CSV Injection".
 * @remarks Since 0.2.0
 */
export function neutraliseFormula(text: string): string {
  if (typeof text !== "string") throw new MatchInputError([{ path: ["text"], code: "invalid-type", message: "expected a string" }]);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function csvCell(cell: Cell, delimiter: string): string {
  if (cell === null) return "";
  // Numbers are ours (scores, counts): written as numbers, never prefixed.
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell) : "";
  const safe = neutraliseFormula(cell);
  const quote = safe !== cell || safe.includes(delimiter) || /["\r\n]/.test(safe);
  return quote ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * A result as CSV text (RFC 4180: CRLF line ends, fields with quotes, separators or line breaks
 * quoted, quotes doubled), one header row first. `sheet: "matches"` gives the rows of
 * {@link toRows} (`match`, `round`/`slot` for timetables, mentor and mentee ids, names and
 * departments, `score`, `match_score` for groups, one column per criterion, `reasons`, `locked`);
 * `sheet: "unmatched"` gives `id`, `name`, `department`, `role`, `code`, `reason`.
 *
 * Safe from formula injection: every text cell that starts with `=`, `+`, `-`, `@`, a tab or a
 * carriage return is prefixed with a single quote and quoted (see {@link neutraliseFormula});
 * scores stay numbers. Pure: works in browsers.
 * @throws MatchInputError for an unknown `sheet` or `delimiter`, or a value that is not a result.
 * @remarks Since 0.2.0
 */
export function toCsv(result: MatchResult, cohort: CohortDirectory, rawOptions: ToCsvOptions = {}): string {
  const options = readOptions<ToCsvOptions>(rawOptions, "options") as ToCsvOptions;
  const { bom = false, sheet = "matches", delimiter = "," } = options;
  checkExportInput(result, cohort);
  if (sheet !== "matches" && sheet !== "unmatched") {
    throw new MatchInputError([{ path: ["options", "sheet"], code: "invalid-option", message: `sheet must be "matches" or "unmatched", not ${JSON.stringify(sheet)}` }]);
  }
  if (delimiter !== "," && delimiter !== ";" && delimiter !== "\t") {
    throw new MatchInputError([{ path: ["options", "delimiter"], code: "invalid-option", message: `delimiter must be ",", ";" or a tab, not ${JSON.stringify(delimiter)}` }]);
  }
  const table = sheet === "matches" ? matchesSheet(result, cohort) : unmatchedSheet(result, cohort);
  const lines = [table.header, ...table.rows].map((cells) => cells.map((c) => csvCell(c, delimiter)).join(delimiter));
  return `${bom ? "\uFEFF" : ""}${lines.join("\r\n")}\r\n`;
}
