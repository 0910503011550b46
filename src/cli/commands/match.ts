import { extname } from "node:path";
import type { Cohort } from "../../model/cohort.js";
import { programSchema } from "../../model/program.js";
import { match } from "../../match/match.js";
import type { MatchResult } from "../../match/types.js";
import { toCsv } from "../../report/csv.js";
import { toHtmlReport } from "../../report/html-report.js";
import { toXlsx } from "../../report/xlsx.js";
import { MatchInputError } from "../../errors.js";
import { CliIoError, UsageError, type CliCommand, type CliContext, type CliIo } from "../command.js";
import { loadCohort } from "../input.js";
import { writeOutput } from "../output.js";
import { progressLine, progressWanted } from "../progress.js";
import { escapeForTerminal } from "../terminal.js";
import { INPUT_OPTIONS, inputFiles } from "./shared.js";

/** Output formats of `match --format`. */
export const OUTPUT_FORMATS = ["json", "csv", "xlsx", "html"] as const;
type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** One file a format writes: `suffix` goes before the extension of `--out` (`.unmatched`). */
interface OutputFile {
  suffix: string;
  data: string | Uint8Array;
}

/** How each format is written; undefined for formats not available yet (refused with exit 2). */
const WRITERS: Record<OutputFormat, ((result: MatchResult, cohort: Cohort, values: CliContext["values"]) => OutputFile[] | Promise<OutputFile[]>) | undefined> = {
  json: (result) => [{ suffix: "", data: JSON.stringify(result, null, 2) + "\n" }],
  csv: (result, cohort, values) => {
    const bom = values["bom"] === true;
    return [
      { suffix: "", data: toCsv(result, cohort, { bom }) },
      { suffix: ".unmatched", data: toCsv(result, cohort, { bom, sheet: "unmatched" }) },
    ];
  },
  xlsx: async (result, cohort) => {
    try {
      return [{ suffix: "", data: await toXlsx(result, cohort) }];
    } catch (err) {
      if (err instanceof MatchInputError) throw err;
      throw new CliIoError("--format xlsx needs the optional package @e965/xlsx (npm install @e965/xlsx); or use --format csv");
    }
  },
  html: (result, cohort, values) => {
    const groupBy = values["group-by"] as string[] | undefined;
    return [{ suffix: "", data: toHtmlReport(result, cohort, groupBy ? { groupBy } : {}) }];
  },
};

/** The format an `--out` file's extension names (`.csv`, `.xlsx`, `.html`), else json. */
function formatOfPath(out: string | undefined): OutputFormat {
  const ext = out === undefined ? "" : extname(out).toLowerCase().slice(1);
  return ext === "htm" ? "html" : (OUTPUT_FORMATS as readonly string[]).includes(ext) ? (ext as OutputFormat) : "json";
}

/** `pairs.csv` + `.unmatched` → `pairs.unmatched.csv`. */
function withSuffix(path: string, suffix: string): string {
  const ext = extname(path);
  return ext === "" ? path + suffix : path.slice(0, -ext.length) + suffix + ext;
}

/** "Ana Díaz (mentee-007)", or the id alone when no name was given. */
function who(cohort: Cohort, id: string): string {
  const name = cohort.participants.find((p) => p.id === id)?.name;
  return name ? `${name} (${id})` : id;
}

function summary(result: MatchResult, cohort: Cohort): string[] {
  const s = result.stats;
  return [
    `${result.format}: ${s.matches} match${s.matches === 1 ? "" : "es"}, ${result.unmatched.length} unmatched; mean score ${s.mean.toFixed(3)}, min ${s.min.toFixed(3)}; coverage ${(s.coverage * 100).toFixed(1)} %; solver ${s.solver}${s.optimal ? " (optimal)" : ""}`,
    ...result.unmatched.slice(0, 10).map((u) => `  unmatched ${u.role} ${who(cohort, u.id)}: ${u.message}`),
    ...(result.unmatched.length > 10 ? [`  … and ${result.unmatched.length - 10} more`] : []),
    ...result.warnings.map((w) => `warning: ${w.message}`),
  ].map(escapeForTerminal);
}

function parseSeed(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) > 2 ** 32 - 1) throw new UsageError(`--seed ${JSON.stringify(value)} is not a whole number from 0 to 4294967295`);
  return Number(value);
}

async function run(io: CliIo, file: string, values: CliContext["values"]): Promise<number> {
  const out = values["out"] as string | undefined;
  const format = ((values["format"] as string | undefined) ?? formatOfPath(out)) as OutputFormat;
  const writer = WRITERS[format];
  if (writer === undefined) throw new UsageError(`--format ${format} is not available yet; use ${OUTPUT_FORMATS.filter((f) => WRITERS[f]).join(" or ")}`);
  if (format === "xlsx" && out === undefined) throw new UsageError("--format xlsx writes a binary workbook: give --out <file.xlsx> (or --out - to pipe it)");
  if (values["bom"] === true && format !== "csv") throw new UsageError(`--bom applies to --format csv only`);
  if (values["group-by"] !== undefined && format !== "html") throw new UsageError(`--group-by applies to --format html only`);
  const seed = parseSeed(values["seed"] as string | undefined);
  const flags: Record<string, unknown> = {};
  for (const key of ["objective", "solver"] as const) if (typeof values[key] === "string") flags[key] = values[key];
  if (seed !== undefined) flags["seed"] = seed;
  const cohort = await loadCohort(file, inputFiles(values), io.fs, flags);
  const quiet = values["quiet"] === true;
  const progress = progressWanted(io, quiet) ? progressLine(io) : undefined;
  let result: MatchResult;
  let ticker: ReturnType<typeof setInterval> | undefined;
  try {
    // Redraw the elapsed time each second while a stage (e.g. solving) reports nothing.
    ticker = progress ? setInterval(progress.tick, 1000) : undefined;
    ticker?.unref();
    result = await match(cohort, progress ? { onProgress: progress.onProgress } : {});
  } finally {
    if (ticker !== undefined) clearInterval(ticker);
    progress?.finish();
  }
  const files = await writer(result, cohort, values);
  const toStdout = out === undefined || out === "-";
  // On stdout only the main file is written; the others need --out.
  for (const file of toStdout ? files.slice(0, 1) : files) writeOutput(io, toStdout ? out : withSuffix(out, file.suffix), file.data);
  if (!quiet) {
    for (const line of summary(result, cohort)) io.err(line);
    if (files.length > 1) io.err(toStdout ? `note: the unmatched list is written only with --out (as <out>${files[1]!.suffix}${"." + format})` : `wrote ${files.map((f) => withSuffix(out, f.suffix)).join(" and ")}`);
  }
  return 0;
}

/** `mentormatch match`: match a cohort and write the result. */
export const matchCommand: CliCommand = {
  name: "match",
  summary: "Match a cohort; write the result (JSON by default) and a summary on stderr.",
  positionals: [{ name: "cohort", description: "cohort JSON, or participants as CSV or .xlsx (the programme from --program)" }],
  options: {
    ...INPUT_OPTIONS,
    out: { type: "string", short: "o", placeholder: "file", description: "write the result to this file, atomically (default: stdout)" },
    format: {
      type: "string",
      short: "f",
      placeholder: "format",
      description: "output format (default: from the --out extension, else json); csv writes <out> (one row per pair or member) and <out>.unmatched.csv; xlsx a workbook with Matches and Unmatched sheets; html a self-contained report",
      choices: OUTPUT_FORMATS,
    },
    bom: { type: "boolean", description: "start CSV output with a UTF-8 byte-order mark (for Excel)" },
    "group-by": {
      type: "string",
      short: "g",
      multiple: true,
      placeholder: "field",
      description: "HTML report: also break coverage and scores down by this field (repeatable), e.g. location, attributes.site",
    },
    objective: { type: "string", placeholder: "objective", description: "override the programme's objective", choices: programSchema.shape.objective.unwrap().options },
    solver: { type: "string", placeholder: "solver", description: "override the programme's solver", choices: programSchema.shape.solver.unwrap().options },
    seed: { type: "string", placeholder: "n", description: "override the programme's seed (whole number 0–4294967295)" },
    quiet: { type: "boolean", short: "q", description: "no summary and no progress on stderr" },
  },
  details:
    "Progress (stage, rows scored, ETA) is shown on stderr when it is a terminal, unless --quiet is given or the CI environment variable is set.",
  run: ({ positionals, values, io }) => run(io, positionals[0]!, values),
};
