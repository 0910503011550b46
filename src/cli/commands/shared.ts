// Flags shared by the commands that read a cohort.
import type { CliContext, CliOption } from "../command.js";
import type { CohortFiles } from "../input.js";

/** `--program`: the flags of every command that reads a cohort. */
export const INPUT_OPTIONS = {
  program: {
    type: "string",
    placeholder: "file",
    description: "programme JSON for participants from CSV, or for a JSON file without a \"program\" (an error if it has one)",
  },
} as const satisfies Record<string, CliOption>;

/** The input files named by {@link INPUT_OPTIONS}. */
export function inputFiles(values: CliContext["values"]): CohortFiles {
  return { program: values["program"] as string | undefined };
}
