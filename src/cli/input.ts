// Reading a cohort from the files named on the command line: a JSON cohort, or participants from
// CSV or a spreadsheet (optionally through a column mapping) plus a programme file.
import { extname } from "node:path";
import { MatchInputError } from "../errors.js";
import { parseCohort, type Cohort } from "../model/cohort.js";
import { readCsvTable } from "../model/csv.js";
import { parseImportMapping, type ImportMapping } from "../model/import-mapping.js";
import { locateTableIssues, readParticipantTable, type ParticipantTable, type TableParticipants } from "../model/participant-table.js";
import { CliIoError, UsageError } from "./command.js";
import { decodeText, describeFsError, parseJsonText, readJson, realFs, type CliFs } from "./files.js";
import { looksLikeXlsx, readXlsxTable } from "./xlsx.js";

/** The kinds of cohort file the CLI reads. */
export type InputKind = "json" | "csv" | "xlsx";

/** Which reader a file needs, from its extension, else from its first bytes. */
export function inputKind(path: string, bytes: Uint8Array): InputKind {
  const ext = extname(path).toLowerCase();
  if (ext === ".json") return "json";
  if (ext === ".csv" || ext === ".tsv" || ext === ".txt") return "csv";
  if (ext === ".xlsx") return "xlsx";
  if (looksLikeXlsx(bytes)) return "xlsx";
  let k = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (k < bytes.length && (bytes[k] === 0x20 || bytes[k] === 0x0a || bytes[k] === 0x0d || bytes[k] === 0x09)) k++;
  return bytes[k] === 0x7b || bytes[k] === 0x5b ? "json" : "csv";
}

/** The files named by the input flags. */
export interface CohortFiles {
  /** A programme JSON file (`--program`). */
  program?: string | undefined;
  /** A column mapping JSON file (`--map`), for CSV and spreadsheet input. */
  map?: string | undefined;
}

function readBytes(path: string, fs: CliFs): Uint8Array {
  try {
    return fs.readFileSync(path);
  } catch (err) {
    throw new CliIoError(`cannot read ${path}: ${describeFsError(err)}`);
  }
}

/** The mapping file named by `--map`, validated. */
export function readMapping(path: string, fs: CliFs = realFs): ImportMapping {
  return parseImportMapping(readJson(path, fs));
}

/** The header and rows of a CSV or spreadsheet file. */
export async function readTable(path: string, fs: CliFs = realFs, mapping?: ImportMapping): Promise<ParticipantTable> {
  const bytes = readBytes(path, fs);
  const kind = inputKind(path, bytes);
  if (kind === "xlsx") return readXlsxTable(bytes, path);
  if (kind === "json") throw new UsageError(`${path} is JSON, not a table (CSV or .xlsx)`);
  return readCsvTable(decodeText(bytes, path), { delimiter: mapping?.delimiter });
}

/** A cohort read from files but not yet validated, with where table participants came from. */
export interface RawCohort {
  input: unknown;
  /** Set when participants came from a table: their lines, to cite in validation messages. */
  table?: { located: TableParticipants; unit: string };
}

/**
 * Reads the (not yet validated) cohort named on the command line.
 * `--program` gives the programme for participants from a table, or for a JSON file that holds
 * only participants (`{ "participants": [...] }` or a bare array); with a JSON cohort that has its
 * own `program` it is a usage error, never ignored. `--map` applies to tables only.
 */
export async function readCohortInput(path: string, files: CohortFiles, fs: CliFs = realFs): Promise<RawCohort> {
  const bytes = readBytes(path, fs);
  const kind = inputKind(path, bytes);
  const program = () => (files.program !== undefined ? readJson(files.program, fs) : {});
  if (kind !== "json") {
    const mapping = files.map !== undefined ? readMapping(files.map, fs) : undefined;
    const table = kind === "xlsx" ? await readXlsxTable(bytes, path) : readCsvTable(decodeText(bytes, path), { delimiter: mapping?.delimiter });
    const located = readParticipantTable(table, mapping);
    return { input: { participants: located.participants, program: program() }, table: { located, unit: table.unit } };
  }
  if (files.map !== undefined) throw new UsageError(`--map applies to CSV and .xlsx input; ${path} is JSON`);
  const raw = parseJsonText(decodeText(bytes, path), path);
  // A bare array is a list of participants.
  if (Array.isArray(raw)) return { input: { participants: raw, program: program() } };
  if (files.program === undefined || raw === null || typeof raw !== "object") return { input: raw };
  if (Object.hasOwn(raw, "program")) throw new UsageError(`${path} has its own "program"; remove it from the file or drop --program`);
  return { input: { ...raw, program: program() } };
}

/**
 * Reads and validates the cohort named on the command line; `programOverrides` (command-line
 * flags) replace programme fields. Issues about table participants cite their line and id.
 */
export async function loadCohort(path: string, files: CohortFiles, fs: CliFs, programOverrides: Record<string, unknown> = {}): Promise<Cohort> {
  const raw = await readCohortInput(path, files, fs);
  let input = raw.input;
  if (Object.keys(programOverrides).length > 0 && input !== null && typeof input === "object" && !Array.isArray(input)) {
    const program = (input as { program?: unknown }).program;
    // A programme that is not an object is left for parseCohort to report.
    if (program === undefined || (program !== null && typeof program === "object" && !Array.isArray(program))) input = { ...input, program: { ...program, ...programOverrides } };
  }
  try {
    return parseCohort(input);
  } catch (err) {
    if (err instanceof MatchInputError && raw.table) throw locateTableIssues(err, raw.table.located, raw.table.unit);
    // JSON participants: cite each one's id beside its index.
    const participants = (input as { participants?: unknown } | null)?.participants;
    // locateTableIssues reads only each entry's `id`, and skips entries that are not objects.
    if (err instanceof MatchInputError && Array.isArray(participants)) throw locateTableIssues(err, { participants: participants as Record<string, unknown>[], lines: [] }, "");
    throw err;
  }
}
