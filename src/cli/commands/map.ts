import { scaffoldMapping } from "../../model/mapping-scaffold.js";
import type { CliCommand } from "../command.js";
import { readTable } from "../input.js";
import { writeOutput } from "../output.js";
import { escapeForTerminal } from "../terminal.js";

/** `mentormatch map`: scaffold a column mapping from an export's header row. */
export const mapCommand: CliCommand = {
  name: "map",
  summary: "Write a column mapping for an HR export (CSV or .xlsx) from its header row, with best guesses.",
  positionals: [{ name: "export", description: "the export: CSV (, ; or tab) or .xlsx" }],
  options: {
    out: { type: "string", short: "o", placeholder: "file", description: "write the mapping to this file, atomically (default: stdout)" },
    quiet: { type: "boolean", short: "q", description: "no notes on stderr" },
  },
  details:
    'Headers that name a field (in any case or spacing) map to it; common HR names ("Employee ID",\n' +
    '"Job Level", "Full Name") map to the field they usually mean; the rest go under "ignore".\n' +
    'Level, number, role and yes/no values that need a mapping get a guess under "values" ("L5" -> 5).\n' +
    "Check the notes on stderr, edit the file, then: mentormatch validate export.csv --map mapping.json",
  async run({ positionals, values, io }) {
    const file = positionals[0]!;
    const { mapping, notes, unresolved } = scaffoldMapping(await readTable(file, io.fs));
    writeOutput(io, values["out"] as string | undefined, JSON.stringify(mapping, null, 2) + "\n");
    if (values["quiet"] !== true) {
      for (const note of notes) io.err(escapeForTerminal(note));
      for (const [field, raws] of Object.entries(unresolved)) {
        io.err(escapeForTerminal(`values of ${field} to map by hand under "values": ${raws.map((r) => JSON.stringify(r)).join(", ")}`));
      }
    }
    return 0;
  },
};
