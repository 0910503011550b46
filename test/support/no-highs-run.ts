// Runs the embedding programmes through match() and prints the results as JSON. The no-highs
// test starts it in a child process whose module resolution cannot find `highs`.
import { match } from "../../src/index.js";
import { embedProgrammes } from "./embed-programmes.js";

const out: Record<string, unknown> = {};
for (const name of ["group-quota", "one-on-one-quota"] as const) out[name] = await match(embedProgrammes()[name]);
process.stdout.write(JSON.stringify(out));
