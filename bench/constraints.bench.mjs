// Constraint solver benchmark: exact (HiGHS MIP) time vs model size, local search quality against
// the exact optimum, and a 5,000-row group programme under a 30 s budget.
// Run against the built package: `npx tsup && node bench/constraints.bench.mjs [--quick]`.
// Writes bench/results/constraints.json.
import { mkdirSync, writeFileSync, readFileSync } from "node:fs";
import os from "node:os";
// MENTORMATCH_DIST points at another build of the package (e.g. while dist/ is being rebuilt).
const { solveConstrained } = await import(process.env.MENTORMATCH_DIST ?? "../dist/index.js");

const quick = process.argv.includes("--quick");
const EXACT_LIMIT_MS = 60_000;

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One-on-one with capacity: n mentees × n/4 mentors (capacity 3–6), one quota. */
function pairModel(n, seed) {
  const rnd = mulberry32(seed);
  const cols = Math.max(2, Math.round(n / 4));
  const dim = 6;
  const vec = (k) => Array.from({ length: k }, () => Array.from({ length: dim }, rnd));
  const a = vec(n), b = vec(cols);
  const score = new Float64Array(n * cols);
  for (let i = 0; i < n; i++) for (let j = 0; j < cols; j++) {
    let s = 0;
    for (let d = 0; d < dim; d++) s += 1 - Math.abs(a[i][d] - b[j][d]);
    score[i * cols + j] = rnd() < 0.1 ? -Infinity : Math.round((s / dim) * 1000) / 10;
  }
  const colUpper = Array.from({ length: cols }, () => 3 + Math.floor(rnd() * 4));
  const groupX = [], senior = [];
  for (let i = 0; i < n; i++) if (rnd() < 0.3) groupX.push(i);
  for (let j = 0; j < Math.ceil(cols / 4); j++) senior.push(j);
  return {
    rows: n, cols, score, colUpper,
    constraints: [{ name: "40% of group X with a senior mentor", rows: groupX, cols: senior, sense: ">=", rhs: Math.ceil(0.4 * groupX.length) }],
  };
}

/** Groups of 4–6 (or empty), cohesion on ~`deg` random neighbours per row, per-group department cap. */
function groupModel(n, groups, deg, seed) {
  const rnd = mulberry32(seed);
  const score = new Float64Array(n * groups);
  for (let t = 0; t < score.length; t++) score[t] = Math.round(rnd() * 100) / 100;
  const pairs = [], weight = [];
  for (let i = 0; i < n; i++) for (let e = 0; e < deg / 2; e++) {
    const k = Math.floor(rnd() * n);
    if (k !== i) { pairs.push(i, k); weight.push(Math.round(rnd() * 100) / 100); }
  }
  const depts = 10;
  const dept = Array.from({ length: n }, () => Math.floor(rnd() * depts));
  const constraints = [];
  for (let d = 0; d < depts; d++) {
    constraints.push({ name: `dept-${d}-cap`, rows: dept.flatMap((x, i) => (x === d ? [i] : [])), perCol: true, sense: "<=", rhs: 2 });
  }
  return {
    rows: n, cols: groups, score, rowMustAssign: true,
    colLower: new Array(groups).fill(4), colUpper: new Array(groups).fill(6), colOptional: true,
    cohesion: { pairs, weight }, constraints,
  };
}

const fmt = (x, d = 2) => (x === null || x === undefined ? "—" : typeof x === "number" ? x.toFixed(d) : String(x));
const out = {
  machine: {
    cpus: os.cpus().length, cpu: os.cpus()[0]?.model, totalMemGB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version, platform: `${os.platform()} ${os.arch()}`,
    highs: JSON.parse(readFileSync(new URL("../node_modules/highs/package.json", import.meta.url), "utf8")).version,
  },
  date: new Date().toISOString(),
  exactVsSize: [], groupsExactVsLocal: [], largeGroup: null,
};

// 1. Exact engine time vs size, and local search on the same models.
console.log("\n1. One-on-one with capacity and one quota: exact (HiGHS) vs local search (default budget)");
console.log("mentees mentors  MIP vars  exact s   status      gap       local s  local/exact");
// BENCH_MAX_MENTEES caps the series (2,000 mentees took HiGHS 279 s against a 60 s limit).
const maxMentees = Number(process.env.BENCH_MAX_MENTEES ?? Infinity);
const sizes = (quick ? [50, 100, 200] : [50, 100, 200, 500, 1000, 2000]).filter((n) => n <= maxMentees);
for (const n of sizes) {
  const model = pairModel(n, n);
  const t0 = performance.now();
  const ex = await solveConstrained(model, { engine: "exact", timeLimitMs: EXACT_LIMIT_MS });
  const exactS = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  const lo = await solveConstrained(model, { engine: "local", seed: 1, timeLimitMs: 60_000, lpBound: false });
  const localS = (performance.now() - t1) / 1000;
  const vars = ex.mipVariables;
  const ratio = ex.feasible && lo.feasible ? lo.objective / ex.objective : null;
  out.exactVsSize.push({ mentees: n, mentors: model.cols, mipVariables: vars, exactSeconds: exactS, exactStatus: ex.status, exactObjective: ex.objective, gap: ex.gap, localSeconds: localS, localIterations: lo.iterations, localObjective: lo.objective, localFeasible: lo.feasible, localOverExact: ratio });
  console.log(`${String(n).padStart(7)} ${String(model.cols).padStart(7)} ${String(vars).padStart(9)} ${fmt(exactS).padStart(8)}   ${ex.status.padEnd(10)} ${fmt(ex.gap, 6).padStart(9)} ${fmt(localS).padStart(9)}  ${fmt(ratio, 4).padStart(10)}`);
  if (exactS > EXACT_LIMIT_MS / 1000 || ex.status === "time-limit") break;
}

// 2. Group models with cohesion: where does the exact engine stop being practical?
console.log("\n2. Groups of 4–6 with cohesion (~6 neighbours/row) and a department cap: exact vs local");
console.log("   rows groups  MIP vars  exact s   status      gap       local s  local/exact");
const groupSizes = quick ? [10, 20] : [10, 15, 20, 30, 40];
for (const n of groupSizes) {
  const model = groupModel(n, Math.round(n / 5), 6, 1000 + n);
  const t0 = performance.now();
  const ex = await solveConstrained(model, { engine: "exact", timeLimitMs: EXACT_LIMIT_MS });
  const exactS = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  const lo = await solveConstrained(model, { engine: "local", seed: 1, timeLimitMs: 60_000, lpBound: false });
  const localS = (performance.now() - t1) / 1000;
  const mipVariables = ex.mipVariables;
  const ratio = ex.feasible && lo.feasible ? lo.objective / ex.objective : null;
  out.groupsExactVsLocal.push({ rows: n, groups: model.cols, mipVariables, exactSeconds: exactS, exactStatus: ex.status, exactObjective: ex.objective, exactFeasible: ex.feasible, gap: ex.gap, localSeconds: localS, localIterations: lo.iterations, localObjective: lo.objective, localFeasible: lo.feasible, localOverExact: ratio });
  console.log(`${String(n).padStart(7)} ${String(model.cols).padStart(6)} ${fmt(mipVariables, 0).padStart(9)} ${fmt(exactS).padStart(8)}   ${ex.status.padEnd(10)} ${fmt(ex.gap, 4).padStart(9)} ${fmt(localS).padStart(9)}  ${fmt(ratio, 4).padStart(10)}`);
  if (exactS > EXACT_LIMIT_MS / 1000 || ex.status === "time-limit") break;
}

// 3. 5,000 rows in 1,000 groups under a 30 s budget (local search; the MIP would have ~5e7 variables).
if (!quick) {
  console.log("\n3. 5,000 rows, 1,000 groups of 4–6, cohesion on ~10 neighbours/row, department cap ≤ 2 per group, 30 s budget");
  const model = groupModel(5000, 1000, 10, 5000);
  const t0 = performance.now();
  const r = await solveConstrained(model, { engine: "auto", seed: 1, timeLimitMs: 30_000, maxIterations: Infinity });
  const s = (performance.now() - t0) / 1000;
  out.largeGroup = { rows: 5000, groups: 1000, cohesionPairs: model.cohesion.weight.length, engine: r.engine, seconds: s, status: r.status, feasible: r.feasible, objective: r.objective, iterations: r.iterations, mipVariables: r.mipVariables, softViolations: r.violations.length, bound: r.bound };
  console.log(`engine ${r.engine}, ${fmt(s)} s, status ${r.status}, objective ${fmt(r.objective)}, ${r.iterations} iterations (${fmt(r.iterations / s / 1e6)} M/s)`);
}

mkdirSync(new URL("./results/", import.meta.url), { recursive: true });
writeFileSync(new URL("./results/constraints.json", import.meta.url), JSON.stringify(out, null, 2) + "\n");
console.log("\nwrote bench/results/constraints.json");
