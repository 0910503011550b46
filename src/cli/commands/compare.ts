import { compareResults, type ResultComparison } from "../../evaluate/compare.js";
import type { CliCommand, CliContext, CliIo } from "../command.js";
import { readJson } from "../files.js";
import { writeOutput } from "../output.js";
import { escapeForTerminal } from "../terminal.js";

const score = (x: number | null) => (x === null ? "—" : x.toFixed(3));
const signed = (x: number | null) => (x === null ? "" : ` (${x >= 0 ? "+" : "−"}${Math.abs(x).toFixed(3)})`);

/** The comparison as text: the counts, then every participant whose partners changed. */
export function comparisonText(c: ResultComparison): string[] {
  const s = c.summary;
  const lines = [
    `${s.kept} pairs kept, ${s.added} added, ${s.dropped} dropped; mean pair score ${s.meanScoreChange >= 0 ? "+" : "−"}${Math.abs(s.meanScoreChange).toFixed(3)}`,
    `${s.participantsChanged} participants change partner, ${s.participantsAdded} newly matched, ${s.participantsDropped} no longer matched, ${s.participantsKept} keep theirs`,
  ];
  for (const p of c.participants) {
    const before = p.before.length ? p.before.join(", ") : "unmatched";
    const after = p.after.length ? p.after.join(", ") : "unmatched";
    lines.push(`  ${p.status.padEnd(7)} ${p.id}: ${before} (${score(p.scoreBefore)}) → ${after} (${score(p.scoreAfter)})${signed(p.scoreChange)}`);
  }
  return lines.map(escapeForTerminal);
}

function run(io: CliIo, positionals: string[], values: CliContext["values"]): number {
  const comparison = compareResults(readJson(positionals[0]!, io.fs), readJson(positionals[1]!, io.fs));
  const text = values["format"] === "json" ? JSON.stringify(comparison, null, 2) + "\n" : comparisonText(comparison).join("\n") + "\n";
  writeOutput(io, values["out"] as string | undefined, text);
  return 0;
}

/** `mentormatch compare`: what changes between two results of a cohort. */
export const compareCommand: CliCommand = {
  name: "compare",
  summary: "What changes between two results: pairs kept, added and dropped, and each participant's new partner and score.",
  positionals: [
    { name: "before", description: "the current result JSON" },
    { name: "after", description: "the proposed result JSON (a rematch, new weights, another objective)" },
  ],
  options: {
    format: { type: "string", short: "f", placeholder: "format", description: "text (default) or json", choices: ["text", "json"] },
    out: { type: "string", short: "o", placeholder: "file", description: "write the comparison here, atomically (default: stdout)" },
  },
  run: ({ positionals, values, io }) => run(io, positionals, values),
};
