import { calibrateWeights, type Calibration } from "../../evaluate/calibrate.js";
import { parseOutcomesCsv } from "../../evaluate/outcomes-csv.js";
import { UsageError, type CliCommand, type CliContext, type CliIo } from "../command.js";
import { parseJsonText, readText } from "../files.js";
import { inputKind, loadCohort, readCohortInput } from "../input.js";
import { writeOutput } from "../output.js";
import { escapeForTerminal } from "../terminal.js";
import { INPUT_OPTIONS, inputFiles } from "./shared.js";

/** A whole-number flag in [min, max], or undefined when absent; anything else is a usage error (exit 2). */
export function wholeNumber(flag: string, value: unknown, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string" || !/^\d+$/.test(value) || Number(value) < min || Number(value) > max) throw new UsageError(`--${flag} ${JSON.stringify(value)} is not a whole number from ${min} to ${max}`);
  return Number(value);
}

const percent = (x: number | null) => (x === null ? "—" : `${(100 * x).toFixed(1)} %`);

/** The report: metrics, then one line per criterion with its change and interval, then warnings. */
export function calibrationReport(c: Calibration): string[] {
  const m = c.metrics;
  const name = m.metric === "auc" ? "AUC" : "RMSE";
  const f = (x: number | null) => (x === null ? "—" : x.toFixed(3));
  const lines = [
    `calibrated on ${c.outcomes} ${c.outcome} outcomes (${m.folds}-fold cross-validation, seed ${c.seed})`,
    `held-out ${name} ${f(m.heldOut)} (current weights ${f(m.current)}, no criteria ${f(m.baseline)}): ${c.improved ? "improved, the new weights are applied" : "not improved, the current weights are kept"}`,
    `${"criterion".padEnd(14)} ${"current".padStart(8)}    ${"fitted".padStart(8)} ${"share".padStart(8)}   interval`,
  ];
  for (const imp of c.importance) {
    const interval = imp.low === null || imp.high === null ? (imp.learned ? "—" : "not learned") : `${percent(imp.low)} – ${percent(imp.high)}`;
    lines.push(`${imp.criterion.padEnd(14)} ${imp.current.toFixed(3).padStart(8)} →  ${imp.fitted.toFixed(3).padStart(8)} ${(imp.learned ? percent(imp.share) : "—").padStart(8)}   ${interval}`);
  }
  for (const w of c.warnings) lines.push(`warning (${w.code}): ${w.message}`);
  return lines.map(escapeForTerminal);
}

function readOutcomes(path: string, io: CliIo): unknown {
  const text = readText(path, io.fs);
  return inputKind(path, new TextEncoder().encode(text.slice(0, 64))) === "json" ? parseJsonText(text, path) : parseOutcomesCsv(text);
}

async function run(io: CliIo, file: string, values: CliContext["values"]): Promise<number> {
  const cohortFile = values["cohort"];
  if (typeof cohortFile !== "string") throw new UsageError("calibrate needs --cohort <file>: the participants the outcomes' pairs come from");
  const folds = wholeNumber("folds", values["folds"], 2, 100);
  const bootstrap = wholeNumber("bootstrap", values["bootstrap"], 0, 100_000);
  const seed = wholeNumber("seed", values["seed"], 0, 2 ** 32 - 1);
  const raw = (await readCohortInput(cohortFile, inputFiles(values), io.fs)).input;
  const cohort = await loadCohort(cohortFile, inputFiles(values), io.fs);
  const outcomes = readOutcomes(file, io);
  const calibration = calibrateWeights(cohort, outcomes, {
    ...(typeof values["outcome"] === "string" ? { outcome: values["outcome"] as "auto" | "binary" | "rating" } : {}),
    ...(folds !== undefined ? { folds } : {}),
    ...(bootstrap !== undefined ? { bootstrap } : {}),
    ...(seed !== undefined ? { seed } : {}),
  });
  const written = (raw as { program?: Record<string, unknown> } | null)?.program ?? {};
  const program = { ...written, weights: calibration.weights };
  const out = values["out"] as string | undefined;
  writeOutput(io, out, JSON.stringify(program, null, 2) + "\n");
  if (values["quiet"] !== true) {
    const print = (line: string) => (out === undefined || out === "-" ? io.err(line) : io.out(line));
    for (const line of calibrationReport(calibration)) print(line);
  }
  return 0;
}

/** `mentormatch calibrate`: learn criterion weights from outcomes; write the updated programme. */
export const calibrateCommand: CliCommand = {
  name: "calibrate",
  summary: "Learn criterion weights from pair outcomes; write the programme with them and print the changes.",
  positionals: [{ name: "outcomes", description: "outcomes CSV (menteeId, mentorId, outcome) or JSON array" }],
  options: {
    cohort: { type: "string", short: "c", placeholder: "file", description: "the cohort (JSON, or participants CSV with --program) the outcomes' pairs come from" },
    ...INPUT_OPTIONS,
    out: { type: "string", short: "o", placeholder: "file", description: "write the programme with the new weights here, atomically (default: stdout)" },
    outcome: { type: "string", placeholder: "kind", description: "binary or rating (default auto: booleans and 0/1 are binary)", choices: ["auto", "binary", "rating"] },
    folds: { type: "string", placeholder: "k", description: "cross-validation folds (default 5)" },
    bootstrap: { type: "string", placeholder: "n", description: "bootstrap resamples for the intervals (default 200)" },
    seed: { type: "string", placeholder: "n", description: "seed of folds and resamples (default the programme's)" },
    quiet: { type: "boolean", short: "q", description: "no report" },
  },
  details:
    "The report goes to stdout when --out is given, else to stderr (the programme JSON then goes to stdout). The weights change only when the fit beats the current weights on held-out folds.",
  run: ({ positionals, values, io }) => run(io, positionals[0]!, values),
};
