// Runs every benchmark under bench/ in turn against the built package (`npm run bench` builds
// first). Each prints its table and writes bench/results/<name>.json. Pass names to run a subset:
// `node bench/run.mjs scoring match`.
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

const dir = fileURLToPath(new URL(".", import.meta.url));
const wanted = process.argv.slice(2);
const benches = readdirSync(dir)
  .filter((f) => f.endsWith(".bench.mjs"))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
  .sort();
for (const file of benches) {
  console.log(`\n=== ${file}`);
  execFileSync(process.execPath, ["--expose-gc", `${dir}${file}`, ...(process.env.BENCH_QUICK ? ["--quick"] : [])], { stdio: "inherit" });
}
