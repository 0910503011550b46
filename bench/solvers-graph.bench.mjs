// Benchmarks for the graph solvers against the built dist/ (run `npx tsup` first):
// blossom (maxWeightMatching) on dense random graphs, capacitated assignment, stable matching.
// Prints a table and writes bench/results/solvers-graph.json. Seeded: same inputs every run.
import { writeFileSync, mkdirSync } from "node:fs";
import os from "node:os";
import { maxWeightMatching, solveCapacitatedAssignment, stableMatching } from "../dist/index.js";

const SEED = 20240611;
function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function time(fn, runs) {
  const ms = [];
  let out;
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    out = fn();
    ms.push(performance.now() - t);
  }
  return { ms: median(ms), runs: ms, out };
}

const rows = [];
const quick = process.argv.includes("--quick");

for (const n of quick ? [500] : [500, 1000, 2000]) {
  const rand = rng(SEED + n);
  const edges = [];
  for (let u = 0; u < n; u++) for (let v = u + 1; v < n; v++) edges.push([u, v, Math.floor(rand() * 1e6)]);
  const runs = n <= 500 ? 5 : n <= 1000 ? 3 : 1;
  const r = time(() => maxWeightMatching(n, edges), runs);
  rows.push({ solver: "maxWeightMatching", size: `n=${n} dense (${edges.length} edges), integer weights`, medianMs: r.ms, runsMs: r.runs, total: r.out.total });
}

for (const [n, m] of quick ? [[1000, 200]] : [[1000, 200], [10000, 2000]]) {
  const rand = rng(SEED + n + m);
  const data = new Float64Array(n * m);
  for (let k = 0; k < data.length; k++) data[k] = rand();
  const capacity = Array.from({ length: m }, () => 1 + Math.floor(rand() * 6));
  const seats = capacity.reduce((a, b) => a + b, 0);
  const runs = n <= 1000 ? 5 : 1;
  const r = time(() => solveCapacitatedAssignment({ rows: n, cols: m, data }, { capacity }), runs);
  rows.push({ solver: "solveCapacitatedAssignment", size: `${n}×${m}, capacities 1–6 (${seats} seats), uniform costs`, medianMs: r.ms, runsMs: r.runs, total: r.out.total });
  // Same shape with room for everyone (seats ≥ mentees): the mentee-driven search.
  const roomy = capacity.map((c) => Math.ceil((c * n * 1.2) / seats));
  const r2 = time(() => solveCapacitatedAssignment({ rows: n, cols: m, data }, { capacity: roomy }), runs);
  rows.push({ solver: "solveCapacitatedAssignment", size: `${n}×${m}, capacities scaled to ${roomy.reduce((a, b) => a + b, 0)} seats (≥ mentees)`, medianMs: r2.ms, runsMs: r2.runs, total: r2.out.total });
}

{
  const P = quick ? 2000 : 10000, R = quick ? 400 : 2000;
  const rand = rng(SEED + 7);
  const shuffled = (k) => {
    const a = Array.from({ length: k }, (_, i) => i);
    for (let i = k - 1; i > 0; i--) { const j = Math.floor(rand() * (i + 1)); [a[i], a[j]] = [a[j], a[i]]; }
    return a;
  };
  const proposerPrefs = Array.from({ length: P }, () => shuffled(R));
  const receiverPrefs = Array.from({ length: R }, () => shuffled(P));
  const capacities = Array.from({ length: R }, () => 1 + Math.floor(rand() * 6));
  const r = time(() => stableMatching(proposerPrefs, receiverPrefs, { capacities }), 3);
  const matched = r.out.proposerTo.reduce((a, x) => a + (x >= 0 ? 1 : 0), 0);
  rows.push({ solver: "stableMatching", size: `${P} proposers × ${R} receivers, complete lists, capacities 1–6`, medianMs: r.ms, runsMs: r.runs, total: matched });
}

console.log("| solver | size | median ms | runs |");
console.log("| --- | --- | ---: | ---: |");
for (const r of rows) console.log(`| ${r.solver} | ${r.size} | ${r.medianMs.toFixed(1)} | ${r.runsMs.length} |`);

const machine = { node: process.version, platform: `${os.platform()} ${os.arch()}`, cpu: os.cpus()[0]?.model, cores: os.cpus().length, memGB: +(os.totalmem() / 2 ** 30).toFixed(1) };
mkdirSync(new URL("./results/", import.meta.url), { recursive: true });
writeFileSync(new URL("./results/solvers-graph.json", import.meta.url), JSON.stringify({ date: new Date().toISOString(), seed: SEED, machine, rows }, null, 2) + "\n");
console.log(machine);
