// Peak memory per candidate pair of match() on the dense one-on-one path (issue 14.10).
// Runs against the built package: `npm run build && node bench/memory.bench.mjs [--sizes 5000x1000,10000x2000]`.
// For each size two child processes run: "baseline" generates and parses the cohort and keeps it;
// "match" does the same and then runs match(). Each reports its peak RSS (getrusage maxRSS), so
// (match − baseline) / pairs is what scoring and solving add per pair, whatever the cohort JSON costs.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { fileURLToPath } from "node:url";

const DEFAULT_SIZES = ["5000x1000", "10000x2000"];
const SEED = 42;
const here = fileURLToPath(import.meta.url);

async function child(size, mode) {
  const { generateCohort, parseCohort, match } = await import("../dist/index.js");
  const [mentees, mentors] = size.split("x").map(Number);
  const cohort = parseCohort(generateCohort({ mentees, mentors, seed: SEED }));
  globalThis.gc?.();
  const before = process.resourceUsage().maxRSS * 1024;
  let matches = 0;
  let solver = "";
  if (mode === "match") {
    const result = await match(cohort);
    matches = result.matches.length;
    solver = result.stats.solver;
  }
  return { size, mode, peakBytes: process.resourceUsage().maxRSS * 1024, beforeBytes: before, matches, solver, keep: cohort.participants.length };
}

if (process.argv[2] === "--child") {
  console.log(JSON.stringify(await child(process.argv[3], process.argv[4])));
} else {
  const arg = process.argv.indexOf("--sizes");
  const sizes = arg > 0 ? process.argv[arg + 1].split(",") : DEFAULT_SIZES;
  const rows = [];
  for (const size of sizes) {
    const run = (mode) => JSON.parse(execFileSync(process.execPath, ["--expose-gc", "--max-old-space-size=8192", here, "--child", size, mode], { encoding: "utf8", maxBuffer: 1 << 24 }).trim().split("\n").pop());
    const base = run("baseline");
    const full = run("match");
    const [mentees, mentors] = size.split("x").map(Number);
    const pairs = mentees * mentors;
    const perPair = (full.peakBytes - base.peakBytes) / pairs;
    rows.push({ size, pairs, baselinePeakMB: Math.round(base.peakBytes / 1e6), matchPeakMB: Math.round(full.peakBytes / 1e6), bytesPerPair: Number(perPair.toFixed(1)), solver: full.solver, matches: full.matches });
    console.log(`${size.padEnd(11)} ${String(pairs).padStart(9)} pairs  baseline peak ${Math.round(base.peakBytes / 1e6)} MB, match peak ${Math.round(full.peakBytes / 1e6)} MB → ${perPair.toFixed(1)} bytes per pair (${full.solver})`);
  }
  const machine = { cpu: os.cpus()[0]?.model, cores: os.cpus().length, node: process.version, platform: `${os.platform()} ${os.release()}`, totalmem: os.totalmem() };
  mkdirSync(new URL("./results/", import.meta.url), { recursive: true });
  writeFileSync(new URL("./results/memory.json", import.meta.url), JSON.stringify({ date: new Date().toISOString(), machine, seed: SEED, rows }, null, 2) + "\n");
  console.log("wrote bench/results/memory.json");
}
