// Flags shared by the commands that read a cohort.
import type { CliContext, CliOption } from "../command.js";
import type { CohortFiles } from "../input.js";

/** `--program` and `--map`: the flags of every command that reads a cohort. */
export const INPUT_OPTIONS = {
  program: {
    type: "string",
    placeholder: "file",
    description: "programme JSON for participants from CSV/.xlsx, or for a JSON file without a \"program\" (an error if it has one)",
  },
  map: {
    type: "string",
    placeholder: "mapping.json",
    description: "column mapping for a CSV/.xlsx export (write one with \"mentormatch map\")",
  },
} as const satisfies Record<string, CliOption>;

/** The input files named by {@link INPUT_OPTIONS}. */
export function inputFiles(values: CliContext["values"]): CohortFiles {
  return { program: values["program"] as string | undefined, map: values["map"] as string | undefined };
}
