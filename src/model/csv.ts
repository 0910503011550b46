import Papa from "papaparse";
import { MatchInputError, type MatchIssue } from "../errors.js";
import { readOptions } from "../guard.js";
import { IMPORT_FIELD_NAMES } from "./import-fields.js";
import { parseImportMapping, type ImportMapping, type ImportMappingInput } from "./import-mapping.js";
import { readParticipantTable, type ParticipantTable, type TableParticipants } from "./participant-table.js";

/**
 * The columns {@link parseParticipantsCsv} understands (field names; headers match them in any case).
 * @remarks Since 0.1.0
 */
export const CSV_COLUMNS: readonly string[] = IMPORT_FIELD_NAMES;

/**
 * Options of {@link parseParticipantsCsv}.
 * @remarks Since 0.2.0
 */
export interface ParseCsvOptions {
  /** A column mapping (see `importMappingSchema`), validated here. */
  mapping?: ImportMappingInput | ImportMapping | undefined;
}

const DELIMITERS = [",", ";", "\t"] as const;

/**
 * The delimiter of a CSV text: whichever of `,` `;` tab occurs most often, outside quotes, in its
 * first line (a comma when none does or on a tie).
 * @remarks Since 0.2.0
 */
export function detectCsvDelimiter(text: string): "," | ";" | "\t" {
  const counts = [0, 0, 0];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === "\n" || c === "\r")) break;
    else if (!quoted) {
      const k = c === "," ? 0 : c === ";" ? 1 : c === "\t" ? 2 : -1;
      if (k >= 0) counts[k]!++;
    }
  }
  const best = counts.indexOf(Math.max(...counts));
  return counts[best]! > 0 ? DELIMITERS[best]! : ",";
}

/** Line breaks inside a record's fields (line breaks are LF only by then). */
function breaksIn(cells: readonly string[]): number {
  let n = 0;
  for (const cell of cells) for (let i = cell.indexOf("\n"); i !== -1; i = cell.indexOf("\n", i + 1)) n++;
  return n;
}

/**
 * Splits CSV text into a header and records (RFC 4180, read by papaparse), with the line each
 * record starts on, counted through quoted line breaks and blank lines. A byte-order mark is
 * dropped; the delimiter is detected unless given. Malformed quoting (`"abc"def`, an unclosed
 * quote) is a `MatchInputError` citing the line.
 * @remarks Since 0.2.0
 */
export function readCsvTable(text: string, options: { delimiter?: string | undefined } = {}): ParticipantTable {
  if (typeof text !== "string") throw new MatchInputError([{ path: ["csv"], code: "type", message: "expected CSV text" }]);
  // One line break everywhere: exports mix CRLF and LF, and papaparse takes the first it sees as
  // the only one. Quoted CRLFs become LF too.
  const body = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).replace(/\r\n?/g, "\n");
  const delimiter = options.delimiter ?? detectCsvDelimiter(body);
  const parsed = Papa.parse<string[]>(body, { delimiter, newline: "\n", skipEmptyLines: false, header: false, dynamicTyping: false });
  const starts: number[] = [];
  let line = 1;
  for (const record of parsed.data) {
    starts.push(line);
    line += 1 + breaksIn(record);
  }
  const issues: MatchIssue[] = [];
  const seen = new Set<number>();
  for (const e of parsed.errors) {
    if (e.type !== "Quotes" || e.row === undefined || seen.has(e.row)) continue;
    seen.add(e.row);
    const at = starts[e.row] ?? line;
    const what = e.code === "InvalidQuotes" ? "a quoted field has text after its closing quote (write it as one quoted field, doubling inner quotes: \"\"a\"\"b\")" : "a quoted field is never closed";
    issues.push({ path: ["csv", at], code: "csv-quote", message: `line ${at}: ${what}` });
  }
  if (issues.length > 0) throw new MatchInputError(issues);
  const records = parsed.data;
  let first = 0;
  while (first < records.length && records[first]!.every((c) => c.trim() === "")) first++;
  if (first === records.length) throw new MatchInputError([{ path: ["csv"], code: "csv-empty", message: "no header row" }]);
  return {
    header: records[first]!,
    rows: records.slice(first + 1).map((cells, k) => ({ cells, line: starts[first + 1 + k]! })),
    source: "csv",
    unit: "line",
    decimalComma: delimiter !== ",",
  };
}

/** Like {@link parseParticipantsCsv}, with the line each participant came from. @internal */
export function readParticipantsCsv(text: string, rawOptions: ParseCsvOptions = {}): TableParticipants {
  const options = readOptions<ParseCsvOptions>(rawOptions, "options");
  const mapping = options.mapping === undefined ? undefined : parseImportMapping(options.mapping);
  return readParticipantTable(readCsvTable(text, { delimiter: mapping?.delimiter }), mapping);
}

/**
 * Reads participants from CSV, one per line, with a header row naming the fields:
 * `id`, `name`, `role`, `level`, `department`, `organisation`, `managerId`, `location`,
 * `timezone`, `capacity`, `minCapacity`, `priority` (yes/no, true/false, 1/0), lists separated
 * by `;` or `,` (`languages`, `goals`, `history`, `preferences.ranked`, `preferences.avoid`,
 * `availability.modes`), level maps `skills` / `wantedSkills` as `name:level; name:level`,
 * `availability.slots` as `mon 09:00-11:00; Friday 22:00-01:00 +1` (`+1`: ends the next day),
 * `availability.hoursPerMonth`, and one column per key for `personality.<trait>` (numbers),
 * `diversity.<key>`, `attributes.<key>` and `preferences.attributes.<key>`. Empty cells and blank
 * lines are left out.
 *
 * The delimiter (`,` `;` or tab) is detected from the header row and a byte-order mark is
 * dropped. Headers match field names regardless of case, spacing and punctuation (`Manager ID`
 * is `managerId`); common values are normalised (`Mentor`, `Mon`/`Monday`, `yes`/`1`, `Remote`).
 * Levels and capacities must be whole numbers written in decimal (`0x10` and `1e1` are refused).
 * `options.mapping` (see `importMappingSchema`) maps other headers and values onto fields, e.g.
 * `{ columns: { id: "Employee ID", level: "Job Level" }, values: { level: { L5: 5 } } }`.
 *
 * The result is plain participant input: pass it to `parseCohort` / `match()` with a programme,
 * which validates values as for JSON. Structural problems (unknown columns, ragged rows, numbers
 * that are not numbers, malformed slots or quotes) throw `MatchInputError`: paths are
 * `["csv", line, header]`, and messages cite the line (counted through quoted line breaks and
 * blank lines) and the participant's id.
 * @remarks Since 0.1.0; mapping, delimiter detection and value normalisation since 0.2.0
 */
export function parseParticipantsCsv(text: string, options: ParseCsvOptions = {}): Array<Record<string, unknown>> {
  return readParticipantsCsv(text, options).participants;
}
