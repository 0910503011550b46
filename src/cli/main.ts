#!/usr/bin/env node
// The `mentormatch` command: files in, files out.
import { readFileSync, writeFileSync } from "node:fs";
import { formatPath, MatchInputError } from "../errors.js";
import { cohortJsonSchema, parseCohort } from "../model/cohort.js";
import { parseParticipantsCsv } from "../model/csv.js";
import { match } from "../match/match.js";
import type { MatchResult } from "../match/types.js";

const HELP = `mentormatch — exact, explainable mentor–mentee matching

Usage:
  mentormatch match <cohort.json | participants.csv> [--program program.json] [--out result.json]
                    [--objective maxTotal|maxMin|priority] [--solver auto|exact|stable|constraint|local]
                    [--seed N] [--quiet]
      Match the cohort; write the result as JSON to --out (or stdout) and a summary to stderr.
      A .csv file holds participants (one per line, header row of field names); the programme
      then comes from --program (default: one-on-one with default weights and rules).
  mentormatch validate <cohort.json | participants.csv> [--program program.json]
      Check the cohort; print every issue with its path. Exit code 1 when invalid.
  mentormatch schema
      Print the input JSON Schema.
  mentormatch --help | --version

Exit codes: 0 success, 1 invalid input, 2 usage error.`;

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

function readJson(path: string): unknown {
  const text = readText(path);
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new MatchInputError([{ path: [], code: "invalid-json", message: `${path} is not valid JSON: ${(err as Error).message}` }]);
  }
}

function readText(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (err) {
    throw new MatchInputError([{ path: [], code: "unreadable-file", message: `cannot read ${path}: ${(err as Error).message}` }]);
  }
}

/** A cohort from a JSON file, or participants from a CSV file plus an optional programme file. */
function readCohort(path: string, programPath: string | undefined): unknown {
  if (!path.toLowerCase().endsWith(".csv")) return readJson(path);
  const participants = parseParticipantsCsv(readText(path));
  return { participants, program: programPath ? readJson(programPath) : {} };
}

function parseFlags(args: string[]): { positional: string[]; flags: Map<string, string | true> } {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let k = 0; k < args.length; k++) {
    const a = args[k]!;
    if (!a.startsWith("--")) {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf("=");
    if (eq > 0) flags.set(a.slice(2, eq), a.slice(eq + 1));
    else if (["quiet", "help", "version"].includes(a.slice(2))) flags.set(a.slice(2), true);
    else flags.set(a.slice(2), args[++k] ?? "");
  }
  return { positional, flags };
}

function summary(result: MatchResult): string {
  const s = result.stats;
  const lines = [
    `${result.format}: ${s.matches} match${s.matches === 1 ? "" : "es"}, ${result.unmatched.length} unmatched; mean score ${s.mean.toFixed(3)}, min ${s.min.toFixed(3)}; coverage ${(s.coverage * 100).toFixed(1)} %; solver ${s.solver}${s.optimal ? " (optimal)" : ""}`,
    ...result.unmatched.slice(0, 10).map((u) => `  unmatched ${u.role} ${u.id}: ${u.message}`),
    ...(result.unmatched.length > 10 ? [`  … and ${result.unmatched.length - 10} more`] : []),
    ...result.warnings.map((w) => `warning: ${w}`),
  ];
  return lines.join("\n");
}

/**
 * Runs the command line with `args` (without `node` and the script) and returns the exit code.
 * @remarks Since 0.1.0
 */
export async function runCli(args: string[], io: Io = { out: (t) => process.stdout.write(t + "\n"), err: (t) => process.stderr.write(t + "\n") }): Promise<number> {
  const { positional, flags } = parseFlags(args);
  const [command, file] = positional;
  if (flags.has("help") || command === "help") {
    io.out(HELP);
    return 0;
  }
  if (flags.has("version")) {
    io.out("0.1.0");
    return 0;
  }
  try {
    switch (command) {
      case "schema":
        io.out(JSON.stringify(cohortJsonSchema(), null, 2));
        return 0;
      case "validate": {
        if (!file) break;
        const program = flags.get("program");
        const cohort = parseCohort(readCohort(file, typeof program === "string" ? program : undefined));
        const mentors = cohort.participants.filter((p) => p.role !== "mentee").length;
        const mentees = cohort.participants.filter((p) => p.role !== "mentor").length;
        io.out(`${file}: valid — ${cohort.participants.length} participants (${mentees} mentees, ${mentors} mentors), format ${cohort.program.format}`);
        return 0;
      }
      case "match": {
        if (!file) break;
        const programFile = flags.get("program");
        const raw = readCohort(file, typeof programFile === "string" ? programFile : undefined) as { program?: Record<string, unknown> } | null;
        const program = { ...(raw && typeof raw === "object" && raw.program && typeof raw.program === "object" ? raw.program : {}) };
        for (const key of ["objective", "solver"] as const) {
          const v = flags.get(key);
          if (typeof v === "string") program[key] = v;
        }
        const seed = flags.get("seed");
        if (typeof seed === "string") program["seed"] = Number(seed);
        const input = raw && typeof raw === "object" ? { ...raw, program } : raw;
        const result = await match(input);
        const json = JSON.stringify(result, null, 2);
        const out = flags.get("out");
        if (typeof out === "string" && out !== "") writeFileSync(out, json + "\n");
        else io.out(json);
        if (!flags.has("quiet")) io.err(summary(result));
        return 0;
      }
    }
  } catch (err) {
    if (err instanceof MatchInputError) {
      io.err(`${file ?? "input"}: ${err.issues.length} issue${err.issues.length === 1 ? "" : "s"}`);
      for (const issue of err.issues) io.err(`  ${formatPath(issue.path)} [${issue.code}] ${issue.message}`);
      return 1;
    }
    throw err;
  }
  io.err(HELP);
  return 2;
}

const invokedDirectly = typeof process !== "undefined" && process.argv[1] !== undefined && /(?:^|[\\/])(?:cli\.c?js|main\.ts|mentormatch)$/.test(process.argv[1]);
if (invokedDirectly) {
  runCli(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`mentormatch: unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = 70;
    },
  );
}
