import { cohortJsonSchema } from "../../model/cohort.js";
import type { CliCommand } from "../command.js";
import { writeOutput } from "../output.js";

/** `mentormatch schema`: the input JSON Schema. */
export const schemaCommand: CliCommand = {
  name: "schema",
  summary: "Print the JSON Schema of a cohort file (participants and programme).",
  positionals: [],
  options: {
    out: { type: "string", short: "o", placeholder: "file", description: "write the schema to this file (atomically) instead of stdout" },
  },
  run({ values, io }) {
    writeOutput(io, values["out"] as string | undefined, JSON.stringify(cohortJsonSchema(), null, 2) + "\n");
    return 0;
  },
};
