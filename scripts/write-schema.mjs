// Writes schema/cohort.schema.json and schema/result.schema.json from the built package (run by
// `npm run build` after tsup). Pretty-printed with a trailing newline; the output depends only on
// the zod schemas.
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { cohortJsonSchema, resultJsonSchema } from "../dist/index.js";

mkdirSync(fileURLToPath(new URL("../schema/", import.meta.url)), { recursive: true });
for (const [name, schema] of [["cohort", cohortJsonSchema()], ["result", resultJsonSchema()]]) {
  const out = fileURLToPath(new URL(`../schema/${name}.schema.json`, import.meta.url));
  writeFileSync(out, `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`schema: wrote ${out}`);
}
