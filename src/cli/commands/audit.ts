import { auditResult, type Audit } from "../../evaluate/audit.js";
import { match } from "../../match/match.js";
import type { MatchResult } from "../../match/types.js";
import { toHtmlReport } from "../../report/html-report.js";
import { UsageError, type CliCommand, type CliContext, type CliIo } from "../command.js";
import { readJson } from "../files.js";
import { loadCohort } from "../input.js";
import { writeOutput } from "../output.js";
import { escapeForTerminal } from "../terminal.js";
import { wholeNumber } from "./calibrate.js";
import { INPUT_OPTIONS, inputFiles } from "./shared.js";

const percent = (x: number | null) => (x === null ? "—" : `${(100 * x).toFixed(1)} %`);
const fixed = (x: number | null) => (x === null ? "—" : x.toFixed(3));

/** The audit as a text table, then the flagged groups. */
export function auditTable(audit: Audit): string[] {
  const header = ["group", "people", "matched", "match rate", "mean score", "min score", "first choice", "rate ratio", "score ratio"];
  const ratio = new Map(audit.disparity.ratios.map((r) => [r.group, r]));
  const rows = audit.groups.map((g) => {
    const r = ratio.get(g.group);
    return [g.group, String(g.participants), String(g.matched), percent(g.matchRate), fixed(g.meanScore), fixed(g.minScore), percent(g.firstChoiceRate), r ? fixed(r.matchRate) + (r.flagged.includes("matchRate") ? " !" : "") : "", r ? fixed(r.meanScore) + (r.flagged.includes("meanScore") ? " !" : "") : ""];
  });
  const width = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: string[]) => cells.map((cell, c) => (c === 0 ? cell.padEnd(width[c]!) : cell.padStart(width[c]!))).join("  ").trimEnd();
  const flagged = audit.disparity.ratios.filter((r) => r.flagged.length > 0);
  return [
    `audit of ${audit.side} by ${audit.groupBy}${audit.suppressedGroups > 0 ? ` (${audit.suppressedGroups} group${audit.suppressedGroups === 1 ? "" : "s"} under the minimum size suppressed)` : ""}`,
    line(header),
    ...rows.map(line),
    flagged.length === 0
      ? `no group under ${audit.disparity.threshold} of the best-served group (four-fifths rule)`
      : `under ${audit.disparity.threshold} of the best-served group (four-fifths rule, marked !): ${flagged.map((r) => `${r.group} (${r.flagged.join(", ")})`).join("; ")}`,
  ].map(escapeForTerminal);
}

async function run(io: CliIo, file: string, values: CliContext["values"]): Promise<number> {
  const groupBy = values["group-by"];
  if (typeof groupBy !== "string") throw new UsageError("audit needs --group-by <field>, e.g. department, organisation, level, attributes.<key> or diversity.<key>");
  const minGroupSize = wholeNumber("min-group-size", values["min-group-size"], 1, 1_000_000);
  const cohort = await loadCohort(file, inputFiles(values), io.fs);
  const resultFile = values["result"] as string | undefined;
  const result = resultFile !== undefined ? readJson(resultFile, io.fs) : await match(cohort);
  const audit = auditResult(result, cohort, {
    groupBy,
    ...(values["allow-sensitive"] === true ? { allowSensitive: true } : {}),
    ...(minGroupSize !== undefined ? { minGroupSize } : {}),
    ...(typeof values["side"] === "string" ? { side: values["side"] as "mentees" | "mentors" } : {}),
  });
  const format = values["format"];
  const text =
    format === "json"
      ? JSON.stringify(audit, null, 2) + "\n"
      : format === "html"
        ? toHtmlReport(result as MatchResult, cohort, { audit: [audit] })
        : auditTable(audit).join("\n") + "\n";
  writeOutput(io, values["out"] as string | undefined, text);
  return 0;
}

/** `mentormatch audit`: per-group fairness of a result. */
export const auditCommand: CliCommand = {
  name: "audit",
  summary: "Per-group match rate, scores and first-choice rate of a result, with four-fifths disparity flags.",
  positionals: [{ name: "cohort", description: "cohort JSON, or participants as CSV (with --program for the programme)" }],
  options: {
    ...INPUT_OPTIONS,
    "group-by": { type: "string", short: "g", placeholder: "field", description: "department, organisation, level, location, timezone, attributes.<key> or diversity.<key>" },
    result: { type: "string", short: "r", placeholder: "file", description: "a stored result JSON of this cohort (default: match the cohort now)" },
    "allow-sensitive": { type: "boolean", description: "allow grouping by a diversity.<key> field (groups under 5 stay suppressed)" },
    "min-group-size": { type: "string", placeholder: "n", description: "smallest group shown (default 5; at least 5 for diversity fields)" },
    side: { type: "string", placeholder: "side", description: "audit mentees (default) or mentors", choices: ["mentees", "mentors"] },
    format: { type: "string", short: "f", placeholder: "format", description: "table (default), json, or html (the programme report with this audit)", choices: ["table", "json", "html"] },
    out: { type: "string", short: "o", placeholder: "file", description: "write the audit here, atomically (default: stdout)" },
  },
  details: "Without --result the cohort is matched first, as `mentormatch match` would.",
  run: ({ positionals, values, io }) => run(io, positionals[0]!, values),
};
