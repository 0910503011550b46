// Benchmark: solveAssignment vs munkres-js, npm linear-sum-assignment and SciPy's
// linear_sum_assignment on dense uniform random matrices (seeded). Runs against the built dist/:
//   npx tsup && node --expose-gc bench/solvers-assignment.bench.mjs [--quick]
// (with --expose-gc a full collection runs before every timed call, so no solver pays for
// another's garbage).
// --quick skips munkres-js at 1000 × 1000 (about 40 s) and the 4000 × 4000 size.
// Prints a table and the target ratios, and writes bench/results/solvers-assignment.json.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Matrix } from "ml-matrix";
import computeMunkres from "munkres-js";
import { linearSumAssignment } from "linear-sum-assignment";
import { solveAssignment, verifyAssignment } from "../dist/index.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const quick = process.argv.includes("--quick");
const SEED = 20240601;

const SIZES = [
  { rows: 100, cols: 100, reps: 9, munkres: 5 },
  { rows: 500, cols: 500, reps: 7, munkres: 3 },
  { rows: 1000, cols: 1000, reps: 5, munkres: quick ? 0 : 1 },
  { rows: 2000, cols: 2000, reps: 5, munkres: 0 },
  ...(quick ? [] : [{ rows: 4000, cols: 4000, reps: 3, munkres: 0 }]),
  { rows: 1000, cols: 3000, reps: 5, munkres: 0 },
];
// npm linear-sum-assignment is slow on the largest size; one run there is enough for a ratio.
const lsaReps = (n) => (n >= 4000 * 4000 ? 1 : n >= 2000 * 2000 ? 3 : 5);

function mulberry32(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Median wall time of `fn(setup())` over `reps` runs; `setup` (untimed) gives each run fresh input. */
function time(setup, fn, reps) {
  const times = [];
  let out;
  for (let r = 0; r < reps; r++) {
    const input = setup();
    globalThis.gc?.();
    const t0 = performance.now();
    out = fn(input);
    times.push(performance.now() - t0);
  }
  return { ms: median(times), times, out };
}

function scipyVersion() {
  const r = spawnSync("python3", ["-c", "import scipy, numpy; print(scipy.__version__)"], { encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : null;
}

const SCIPY_SCRIPT = `
import sys, json, time
import numpy as np
from scipy.optimize import linear_sum_assignment
path, rows, cols, reps = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
a = np.fromfile(path, dtype=np.float64).reshape(rows, cols)
times = []
for _ in range(reps):
    t0 = time.perf_counter()
    r, c = linear_sum_assignment(a)
    times.append((time.perf_counter() - t0) * 1000)
print(json.dumps({"times": times, "total": float(a[r, c].sum())}))
`;

function writeMatrix(data, rows, cols, dir) {
  const file = path.join(dir, `m-${rows}x${cols}.bin`);
  writeFileSync(file, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  return file;
}

function runScipy(file, rows, cols, reps) {
  const out = execFileSync("python3", ["-c", SCIPY_SCRIPT, file, String(rows), String(cols), String(reps)], {
    encoding: "utf8",
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out);
}

const agree = (a, b) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

const scipy = scipyVersion();
const tmp = mkdtempSync(path.join(os.tmpdir(), "mm-bench-"));
const next = mulberry32(SEED);
const results = [];

// Warm up the JIT (square and rectangular paths) so that the table shows steady-state times; a
// first call in a fresh process additionally pays tens of milliseconds of compilation.
{
  const warm = mulberry32(1);
  for (const [r, c, reps] of [[400, 400, 15], [200, 600, 10]]) {
    const d = new Float64Array(r * c).map(() => warm());
    for (let k = 0; k < reps; k++) solveAssignment({ rows: r, cols: c, data: d });
  }
}

for (const { rows, cols, reps, munkres } of SIZES) {
  const data = new Float64Array(rows * cols);
  for (let k = 0; k < data.length; k++) data[k] = next();
  const row = { size: `${rows}x${cols}`, rows, cols };

  // Ours and SciPy alternate, one run each per round, so that load from other processes on a
  // shared machine falls on both alike.
  const oursTimes = [];
  const scipyTimes = [];
  let oursOut;
  let scipyTotal;
  const file = scipy ? writeMatrix(data, rows, cols, tmp) : null;
  for (let r = 0; r < reps; r++) {
    const t = time(() => ({ rows, cols, data }), (input) => solveAssignment(input), 1);
    oursTimes.push(t.ms);
    oursOut = t.out;
    if (file) {
      const sp = runScipy(file, rows, cols, 1);
      scipyTimes.push(...sp.times);
      scipyTotal = sp.total;
    }
  }
  if (file) rmSync(file);
  const check = verifyAssignment({ rows, cols, data }, oursOut);
  if (!check.valid) throw new Error(`solveAssignment ${row.size}: ${check.problems.join("; ")}`);
  row.ours = { ms: median(oursTimes), times: oursTimes, total: oursOut.total };
  const totals = { ours: oursOut.total };
  if (file) {
    row.scipy = { ms: median(scipyTimes), times: scipyTimes, total: scipyTotal };
    totals.scipy = scipyTotal;
  }

  const grid = Array.from({ length: rows }, (_, i) => Array.from(data.subarray(i * cols, (i + 1) * cols)));
  // linear-sum-assignment subtracts the minimum from a Matrix argument in place, so every run
  // gets a fresh copy (made outside the timed region); its total is recomputed from its pairs.
  const lsa = time(() => new Matrix(grid), (m) => linearSumAssignment(m, { maximaze: false }), lsaReps(rows * cols));
  let lsaTotal = 0;
  lsa.out.rowAssignments.forEach((j, i) => {
    if (j >= 0) lsaTotal += grid[i][j];
  });
  row.linearSumAssignment = { ms: lsa.ms, times: lsa.times, total: lsaTotal };
  totals.linearSumAssignment = lsaTotal;

  if (munkres > 0) {
    const mk = time(() => grid, (g) => computeMunkres(g), munkres);
    let t = 0;
    for (const [i, j] of mk.out) if (i < rows && j < cols) t += grid[i][j];
    row.munkres = { ms: mk.ms, times: mk.times, total: t };
    totals.munkres = t;
  }

  row.agree = Object.values(totals).every((t) => agree(t, totals.ours));
  if (!row.agree) console.error(`totals disagree at ${row.size}:`, totals);
  results.push(row);
  const f = (x) => (x === undefined ? "—" : x.ms.toFixed(1));
  console.error(`${row.size}: ours ${f(row.ours)} ms, lsa ${f(row.linearSumAssignment)} ms, munkres ${f(row.munkres)} ms, scipy ${f(row.scipy)} ms`);
}
rmSync(tmp, { recursive: true, force: true });

const cell = (x) => (x === undefined ? "—" : x.ms >= 1000 ? `${(x.ms / 1000).toFixed(2)} s` : `${x.ms.toFixed(1)} ms`);
const lines = [
  "| size | solveAssignment | SciPy | linear-sum-assignment | munkres-js | totals agree |",
  "| --- | ---: | ---: | ---: | ---: | :---: |",
  ...results.map((r) => `| ${r.size} | ${cell(r.ours)} | ${cell(r.scipy)} | ${cell(r.linearSumAssignment)} | ${cell(r.munkres)} | ${r.agree ? "yes" : "NO"} |`),
];
console.log(lines.join("\n"));

const at = (size) => results.find((r) => r.size === size);
const ratio = (a, b) => (a && b ? a.ms / b.ms : null);
const ratios = {
  oursOverScipy2000: ratio(at("2000x2000")?.ours, at("2000x2000")?.scipy),
  munkresOverOurs1000: ratio(at("1000x1000")?.munkres, at("1000x1000")?.ours),
  linearSumAssignmentOverOurs2000: ratio(at("2000x2000")?.linearSumAssignment, at("2000x2000")?.ours),
};
const fmt = (x) => (x === null ? "n/a" : x.toFixed(2));
console.log(`\nsolveAssignment / SciPy at 2000×2000: ${fmt(ratios.oursOverScipy2000)} (target ≤ 1.5, ideally ≤ 1)`);
console.log(`munkres-js / solveAssignment at 1000×1000: ${fmt(ratios.munkresOverOurs1000)}× (target ≥ 500×)`);
console.log(`linear-sum-assignment / solveAssignment at 2000×2000: ${fmt(ratios.linearSumAssignmentOverOurs2000)}× (target ≥ 5×)`);

const report = {
  benchmark: "solvers-assignment",
  date: new Date().toISOString(),
  seed: SEED,
  generator: "mulberry32, entries uniform in [0, 1)",
  timing: "median wall time of the solve call only (input already in each solver's native form); SciPy timed inside python3 with time.perf_counter; ours and SciPy alternate run by run",
  quick,
  machine: {
    cpu: os.cpus()[0]?.model ?? "unknown",
    cores: os.cpus().length,
    memGB: +(os.totalmem() / 2 ** 30).toFixed(1),
    platform: `${os.platform()} ${os.release()}`,
    node: process.version,
    exposeGc: typeof globalThis.gc === "function",
    scipy,
    loadavg: os.loadavg(),
  },
  ratios,
  results,
};
mkdirSync(path.join(here, "results"), { recursive: true });
writeFileSync(path.join(here, "results", "solvers-assignment.json"), JSON.stringify(report, null, 2) + "\n");
console.log(`\nwrote bench/results/solvers-assignment.json`);
