// End-to-end benchmark: generate → parse → score → solve → report with match(), one-on-one,
// against the DESIGN target "10,000 mentees × 2,000 mentors scored and matched exactly in under
// 10 s with peak memory under 2 GB". Runs against the built package:
// `npm run build && node bench/match.bench.mjs [--sizes 1000x200,10000x2000]`.
// Each size runs in its own child process so its peak RSS (getrusage maxrss) is its own.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { fileURLToPath } from "node:url";

const DEFAULT_SIZES = ["1000x200", "5000x1000", "10000x2000"];
const SEED = 42;
const here = fileURLToPath(import.meta.url);

async function runOne(size) {
  const { generateCohort, parseCohort, match } = await import("../dist/index.js");
  const [mentees, mentors] = size.split("x").map(Number);
  const input = generateCohort({ mentees, mentors, seed: SEED });
  const p0 = performance.now();
  const cohort = parseCohort(input);
  const parseMs = performance.now() - p0;
  const t0 = performance.now();
  const result = await match(cohort);
  const wallMs = performance.now() - t0;
  return {
    size,
    mentees,
    mentors,
    parseMs: Math.round(parseMs),
    matchMs: Math.round(wallMs),
    stages: Object.fromEntries(Object.entries(result.stats.timings).map(([k, v]) => [k, Math.round(v)])),
    matches: result.matches.length,
    unmatched: result.unmatched.length,
    solver: result.stats.solver,
    optimal: result.stats.optimal,
    meanScore: Number(result.stats.mean.toFixed(4)),
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

if (process.argv[2] === "--child") {
  console.log(JSON.stringify(await runOne(process.argv[3])));
} else {
  const arg = process.argv.indexOf("--sizes");
  const sizes = arg > 0 ? process.argv[arg + 1].split(",") : DEFAULT_SIZES;
  const rows = [];
  for (const size of sizes) {
    const out = execFileSync(process.execPath, ["--max-old-space-size=4096", here, "--child", size], { encoding: "utf8", maxBuffer: 1 << 24 });
    const row = JSON.parse(out.trim().split("\n").pop());
    rows.push(row);
    console.log(
      `${size.padEnd(11)} match ${String(row.matchMs).padStart(6)} ms (score ${row.stages.encode + row.stages.score} ms, solve ${row.stages.solve} ms, report ${row.stages.report} ms)  ${row.matches} pairs, ${row.unmatched} unmatched, ${row.solver}, peak RSS ${row.peakRssMB} MB`,
    );
  }
  const machine = { cpu: os.cpus()[0]?.model, cores: os.cpus().length, node: process.version, platform: `${os.platform()} ${os.release()}`, loadavg: os.loadavg() };
  mkdirSync(new URL("./results/", import.meta.url), { recursive: true });
  writeFileSync(new URL("./results/match.json", import.meta.url), JSON.stringify({ date: new Date().toISOString(), machine, seed: SEED, rows }, null, 2) + "\n");
  console.log(`wrote bench/results/match.json (${machine.cpu}, ${machine.cores} cores, load ${machine.loadavg.map((l) => l.toFixed(1)).join("/")})`);
}
