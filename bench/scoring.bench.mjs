// Scoring benchmark: pairs scored per second and peak memory for generated cohorts.
// Runs against the built package: `npx tsup && node bench/scoring.bench.mjs [--sizes 1000x200,10000x2000]`.
// Each size runs in its own child process so its peak RSS (getrusage maxrss) is its own.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { fileURLToPath } from "node:url";

const DEFAULT_SIZES = ["1000x200", "10000x2000", "20000x5000"];
const SEED = 42;
const here = fileURLToPath(import.meta.url);

async function runOne(size) {
  const { generateCohort, parseCohort, scoreMatrix, encodeCohort } = await import("../dist/index.js");
  const [mentees, mentors] = size.split("x").map(Number);
  const t0 = performance.now();
  const input = generateCohort({ mentees, mentors, seed: SEED });
  const cohort = parseCohort(input);
  const t1 = performance.now();
  const rssBefore = process.memoryUsage().rss;
  const e0 = performance.now();
  encodeCohort(cohort);
  const encodeMs = performance.now() - e0;
  const cpu0 = process.cpuUsage();
  const s0 = performance.now();
  const matrix = scoreMatrix(cohort);
  const totalMs = performance.now() - s0;
  const cpuMs = process.cpuUsage(cpu0).user / 1000;
  const pairs = matrix.rows * matrix.cols;
  let eligible = 0;
  for (let k = 0; k < pairs; k++) eligible += matrix.eligible[k];
  const result = {
    size,
    mentees,
    mentors,
    rows: matrix.rows,
    cols: matrix.cols,
    pairs,
    generateAndParseMs: Math.round(t1 - t0),
    encodeMs: Math.round(encodeMs),
    scoreMs: Math.round(matrix.timings.scoreMs),
    totalMs: Math.round(totalMs),
    cpuMs: Math.round(cpuMs),
    pairsPerSecond: Math.round(pairs / (matrix.timings.scoreMs / 1000)),
    eligibleShare: +(eligible / pairs).toFixed(4),
    rssBeforeMB: Math.round(rssBefore / 2 ** 20),
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    outputMB: Math.round((matrix.scores.byteLength + matrix.eligible.byteLength + matrix.violations.byteLength) / 2 ** 20),
  };
  process.stdout.write(JSON.stringify(result));
}

async function main() {
  const arg = process.argv.indexOf("--one");
  if (arg > 0) return runOne(process.argv[arg + 1]);
  const sizesArg = process.argv.indexOf("--sizes");
  const sizes = sizesArg > 0 ? process.argv[sizesArg + 1].split(",") : DEFAULT_SIZES;
  const results = [];
  for (const size of sizes) {
    const out = execFileSync(process.execPath, ["--max-old-space-size=4096", here, "--one", size], { encoding: "utf8", maxBuffer: 1 << 20 });
    results.push(JSON.parse(out));
  }
  const row = (r) => [r.size.padEnd(11), String(r.pairs).padStart(10), String(r.encodeMs).padStart(7), String(r.scoreMs).padStart(8), String(r.cpuMs).padStart(8), (r.pairsPerSecond / 1e6).toFixed(1).padStart(9), String(r.peakRssMB).padStart(8), String(r.outputMB).padStart(8)].join("  ");
  console.log(["cohort     ", "     pairs", "enc ms", "score ms", "  cpu ms", "M pairs/s", "peak MB", "out MB"].join("  "));
  for (const r of results) console.log(row(r));
  const machine = { node: process.version, platform: `${os.platform()} ${os.release()}`, arch: os.arch(), cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? "unknown", totalMemMB: Math.round(os.totalmem() / 2 ** 20), loadAverage: os.loadavg() };
  const dir = fileURLToPath(new URL("./results/", import.meta.url));
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}scoring.json`, JSON.stringify({ benchmark: "scoring", date: new Date().toISOString(), seed: SEED, machine, note: "scoreMs is the pair pass only (matrix.timings.scoreMs); encodeMs is encodeCohort timed separately; totalMs and cpuMs (user CPU) cover the whole scoreMatrix call, encoding included; one core; peak RSS is the child process high-water mark (getrusage), including cohort generation", results }, null, 2) + "\n");
}

await main();
