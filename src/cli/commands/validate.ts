import type { CliCommand } from "../command.js";
import { loadCohort } from "../input.js";
import { escapeForTerminal } from "../terminal.js";
import { INPUT_OPTIONS, inputFiles } from "./shared.js";

/** `mentormatch validate`: check a cohort and list every issue. */
export const validateCommand: CliCommand = {
  name: "validate",
  summary: "Check a cohort and print every issue with its path (exit 1 when invalid).",
  positionals: [{ name: "cohort", description: "cohort JSON, or participants as CSV or .xlsx (the programme from --program)" }],
  options: { ...INPUT_OPTIONS },
  async run({ positionals, values, io }) {
    const file = positionals[0]!;
    const cohort = await loadCohort(file, inputFiles(values), io.fs);
    const mentors = cohort.participants.filter((p) => p.role !== "mentee").length;
    const mentees = cohort.participants.filter((p) => p.role !== "mentor").length;
    io.out(escapeForTerminal(`${file}: valid — ${cohort.participants.length} participants (${mentees} mentees, ${mentors} mentors), format ${cohort.program.format}`));
    return 0;
  },
};
