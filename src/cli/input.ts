// Reading a cohort from the files named on the command line: a JSON cohort, or participants from
// CSV (optionally through a column mapping) plus a programme file.
import { extname } from "node:path";
import { parseParticipantsCsv } from "../model/csv.js";
import { UsageError } from "./command.js";
import { parseJsonText, readJson, readText, realFs, type CliFs } from "./files.js";

/** Which reader a cohort file needs, from its extension, else from its first characters. */
export function inputKind(path: string, text: string): "json" | "csv" {
  const ext = extname(path).toLowerCase();
  if (ext === ".json") return "json";
  if (ext === ".csv" || ext === ".tsv" || ext === ".txt") return "csv";
  const first = text.replace(/^\uFEFF/, "").trimStart()[0];
  return first === "{" || first === "[" ? "json" : "csv";
}

/** Options of {@link readCohortInput}. */
export interface CohortFiles {
  /** A programme JSON file (`--program`). */
  program?: string | undefined;
}

/**
 * Reads the raw (not yet validated) cohort named on the command line.
 * `--program` gives the programme for participants from CSV, or for a JSON file that holds only
 * participants (`{ "participants": [...] }` or a bare array); with a JSON cohort that has its own `program` it is a usage error, never ignored.
 */
export function readCohortInput(path: string, files: CohortFiles, fs: CliFs = realFs): unknown {
  const text = readText(path, fs);
  if (inputKind(path, text) === "csv") {
    const participants = parseParticipantsCsv(text);
    return { participants, program: files.program !== undefined ? readJson(files.program, fs) : {} };
  }
  const raw = parseJsonText(text, path);
  const program = () => (files.program !== undefined ? readJson(files.program, fs) : {});
  // A bare array is a list of participants.
  if (Array.isArray(raw)) return { participants: raw, program: program() };
  if (files.program === undefined || raw === null || typeof raw !== "object") return raw;
  if (Object.hasOwn(raw, "program")) throw new UsageError(`${path} has its own "program"; remove it from the file or drop --program`);
  return { ...raw, program: program() };
}
