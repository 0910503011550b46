import { parseCohort, type Cohort } from "../../model/cohort.js";
import { programSchema } from "../../model/program.js";
import { match } from "../../match/match.js";
import type { MatchResult } from "../../match/types.js";
import { UsageError, type CliCommand, type CliContext, type CliIo } from "../command.js";
import { readCohortInput } from "../input.js";
import { writeOutput } from "../output.js";
import { progressLine, progressWanted } from "../progress.js";
import { escapeForTerminal } from "../terminal.js";
import { INPUT_OPTIONS, inputFiles } from "./shared.js";

/** Output formats of `match --format`. */
export const OUTPUT_FORMATS = ["json", "csv", "xlsx", "html"] as const;
/** The formats written today; the others are refused with exit 2 until their writers land. */
const AVAILABLE_FORMATS: ReadonlySet<string> = new Set(["json"]);

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
    ...result.warnings.map((w) => `warning: ${w}`),
  ].map(escapeForTerminal);
}

function parseSeed(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) > 2 ** 32 - 1) throw new UsageError(`--seed ${JSON.stringify(value)} is not a whole number from 0 to 4294967295`);
  return Number(value);
}

async function run(io: CliIo, file: string, values: CliContext["values"]): Promise<number> {
  const format = (values["format"] as string | undefined) ?? "json";
  if (!AVAILABLE_FORMATS.has(format)) throw new UsageError(`--format ${format} is not available yet; use --format json`);
  const seed = parseSeed(values["seed"] as string | undefined);
  const raw = readCohortInput(file, inputFiles(values), io.fs);
  const flags: Record<string, unknown> = {};
  for (const key of ["objective", "solver"] as const) if (typeof values[key] === "string") flags[key] = values[key];
  if (seed !== undefined) flags["seed"] = seed;
  const input =
    raw !== null && typeof raw === "object" && !Array.isArray(raw)
      ? { ...raw, program: { ...((raw as { program?: object }).program ?? {}), ...flags } }
      : raw;
  const cohort = parseCohort(input);
  const quiet = values["quiet"] === true;
  const progress = progressWanted(io, quiet) ? progressLine(io) : undefined;
  let result: MatchResult;
  try {
    result = await match(cohort, progress ? { onProgress: progress.onProgress } : {});
  } finally {
    progress?.finish();
  }
  writeOutput(io, values["out"] as string | undefined, JSON.stringify(result, null, 2) + "\n");
  if (!quiet) for (const line of summary(result, cohort)) io.err(line);
  return 0;
}

/** `mentormatch match`: match a cohort and write the result. */
export const matchCommand: CliCommand = {
  name: "match",
  summary: "Match a cohort; write the result (JSON by default) and a summary on stderr.",
  positionals: [{ name: "cohort", description: "cohort JSON, or participants as CSV (with --program for the programme)" }],
  options: {
    ...INPUT_OPTIONS,
    out: { type: "string", short: "o", placeholder: "file", description: "write the result to this file, atomically (default: stdout)" },
    format: { type: "string", short: "f", placeholder: "format", description: "output format (default json)", choices: OUTPUT_FORMATS },
    objective: { type: "string", placeholder: "objective", description: "override the programme's objective", choices: programSchema.shape.objective.unwrap().options },
    solver: { type: "string", placeholder: "solver", description: "override the programme's solver", choices: programSchema.shape.solver.unwrap().options },
    seed: { type: "string", placeholder: "n", description: "override the programme's seed (whole number 0–4294967295)" },
    quiet: { type: "boolean", short: "q", description: "no summary and no progress on stderr" },
  },
  details:
    "Progress (stage, rows scored, ETA) is shown on stderr when it is a terminal, unless --quiet is given or the CI environment variable is set.",
  run: ({ positionals, values, io }) => run(io, positionals[0]!, values),
};
