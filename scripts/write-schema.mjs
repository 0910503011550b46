// Writes schema/cohort.schema.json from the built package (run by `npm run build` after tsup).
// Pretty-printed with a trailing newline; the output depends only on the zod schemas.
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { cohortJsonSchema } from "../dist/index.js";

const out = fileURLToPath(new URL("../schema/cohort.schema.json", import.meta.url));
mkdirSync(fileURLToPath(new URL("../schema/", import.meta.url)), { recursive: true });
writeFileSync(out, `${JSON.stringify(cohortJsonSchema(), null, 2)}\n`);
console.log(`schema: wrote ${out}`);
