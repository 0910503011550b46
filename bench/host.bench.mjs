// Host benchmark (issue 10.3): does match() keep its host's event loop running, and how fast does
// an abort land? Runs against the built package: `npm run build && node bench/host.bench.mjs`.
//
// For each scenario (one-on-one 6,000 × 1,200 with maxTotal and with maxMin, and a group
// programme) it runs match() once with a 10 ms setInterval and reports the largest gap between
// two timer callbacks, then aborts fresh runs at several points of that run (fractions of its
// duration) and reports the time from abort() to the promise's rejection. Targets: no gap over
// 100 ms, every abort rejected within 150 ms.
//
// It also measures `options.threads` (scoring stage, 1 vs 2 worker threads, interleaved) and,
// when a baseline build exists (`--baseline DIR`, default bench/.baseline/dist: the package built
// before the resumable cores), the synchronous solvers' speed against it in the same process,
// interleaved, on CPU time: scoreMatrix and solveCapacitatedAssignment at 10,000 × 2,000.
// The machine is shared: wall-clock figures include time the OS gave to other processes, so the
// load average is printed with them.
// Options: --quick (smaller cohorts, fewer abort points), --only oneOnOne,maxMin,group,threads,sync
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { fileURLToPath, pathToFileURL } from "node:url";

const lib = await import("../dist/index.js");
const quick = process.argv.includes("--quick");
const onlyAt = process.argv.indexOf("--only");
const only = onlyAt > 0 ? new Set(process.argv[onlyAt + 1].split(",")) : null;
const want = (name) => only === null || only.has(name);
const baselineAt = process.argv.indexOf("--baseline");
const baselineDir = baselineAt > 0 ? process.argv[baselineAt + 1] : fileURLToPath(new URL("./.baseline/dist", import.meta.url));
const load = () => os.loadavg().map((l) => +l.toFixed(1));
const round = (x) => Math.round(x * 10) / 10;

/** Runs match() with a 10 ms interval; returns the run time and the timer gaps. */
async function withTimer(input, options = {}) {
  let last = performance.now();
  let lastCpu = process.cpuUsage();
  let stage = "validate";
  const gaps = [];
  // CPU time this process used within each gap: a gap much longer than its CPU time was the OS
  // running other processes, not match() holding the event loop.
  const timer = setInterval(() => {
    const now = performance.now();
    const c = process.cpuUsage(lastCpu);
    gaps.push({ gap: now - last, cpu: (c.user + c.system) / 1000, stage });
    last = now;
    lastCpu = process.cpuUsage();
  }, 10);
  const t0 = performance.now();
  const result = await lib.match(input, { ...options, onProgress: (s) => (stage = s) });
  const ms = performance.now() - t0;
  clearInterval(timer);
  const c = process.cpuUsage(lastCpu);
  gaps.push({ gap: performance.now() - last, cpu: (c.user + c.system) / 1000, stage: "after report" });
  const byCpu = [...gaps].sort((a, b) => b.cpu - a.cpu);
  gaps.sort((a, b) => b.gap - a.gap);
  const over = gaps.filter((g) => g.gap > 100).length;
  return {
    ms, result, largestGapMs: round(gaps[0].gap), largestGapStage: gaps[0].stage, p99GapMs: round(gaps[Math.floor(gaps.length / 100)].gap), ticks: gaps.length, gapsOver100ms: over,
    largestGapCpuMs: round(byCpu[0].cpu), largestGapCpuStage: byCpu[0].stage,
  };
}

/** Aborts a fresh run after `afterMs`; returns abort → rejection latency. */
async function abortLatency(input, afterMs) {
  const controller = new AbortController();
  let firedAt = 0;
  let stage = "validate";
  setTimeout(() => {
    firedAt = performance.now();
    controller.abort("bench");
  }, afterMs);
  try {
    await lib.match(input, { signal: controller.signal, onProgress: (s) => (stage = s) });
    return { afterMs: Math.round(afterMs), completed: true };
  } catch (error) {
    const latency = performance.now() - firedAt;
    return { afterMs: Math.round(afterMs), stage, latencyMs: round(latency), error: error.name, cause: error.cause };
  }
}

async function scenario(name, input) {
  const run = await withTimer(input);
  const fractions = quick ? [0.2, 0.6] : [0.1, 0.3, 0.5, 0.7, 0.9];
  const aborts = [];
  for (const f of fractions) aborts.push(await abortLatency(input, f * run.ms));
  const latencies = aborts.filter((a) => a.latencyMs !== undefined).map((a) => a.latencyMs);
  const row = {
    name,
    runMs: Math.round(run.ms),
    stages: Object.fromEntries(Object.entries(run.result.stats.timings).map(([k, v]) => [k, Math.round(v)])),
    largestGapMs: run.largestGapMs,
    largestGapStage: run.largestGapStage,
    p99GapMs: run.p99GapMs,
    gapsOver100ms: run.gapsOver100ms,
    largestGapCpuMs: run.largestGapCpuMs,
    largestGapCpuStage: run.largestGapCpuStage,
    ticks: run.ticks,
    aborts,
    worstAbortMs: latencies.length ? Math.max(...latencies) : null,
    allAbortErrors: aborts.every((a) => a.completed || a.error === "AbortError"),
    load: load(),
  };
  console.log(`${name.padEnd(28)} run ${String(row.runMs).padStart(6)} ms  largest timer gap ${String(row.largestGapMs).padStart(6)} ms (${row.largestGapStage}; p99 ${row.p99GapMs}, ${row.gapsOver100ms} over 100 ms; most CPU in one gap ${row.largestGapCpuMs} ms, ${row.largestGapCpuStage})  abort → reject: worst ${row.worstAbortMs} ms [${latencies.join(", ")}]  load ${row.load.join("/")}`);
  return row;
}

const out = { date: new Date().toISOString(), machine: { cpu: os.cpus()[0]?.model, cores: os.cpus().length, node: process.version, loadavg: load() }, quick, scenarios: [] };
const [M, N] = quick ? [3000, 600] : [6000, 1200];
const cohort = lib.generateCohort({ mentees: M, mentors: N, seed: 42 });
if (want("oneOnOne")) out.scenarios.push(await scenario(`one-on-one ${M}×${N} maxTotal`, cohort));
if (want("maxMin")) out.scenarios.push(await scenario(`one-on-one ${M}×${N} maxMin`, { ...cohort, program: { ...cohort.program, objective: "maxMin" } }));
if (want("group")) {
  const [g, gm] = quick ? [300, 60] : [500, 100];
  out.scenarios.push(await scenario(`group ${g}×${gm}`, lib.generateCohort({ mentees: g, mentors: gm, seed: 42, format: "group" })));
}

if (want("threads")) {
  // Scoring stage (encode + score timings) of match() with 1 and 2 threads, interleaved.
  const sizes = quick ? [[3000, 600]] : [[6000, 1200], [10000, 2000]];
  out.threads = [];
  for (const [m, n] of sizes) {
    const input = lib.generateCohort({ mentees: m, mentors: n, seed: 42 });
    const parsed = lib.parseCohort(input);
    const t = { 1: [], 2: [] };
    for (const threads of [1, 2, 2, 1]) {
      const r = await lib.match(parsed, { threads });
      t[threads].push(r.stats.timings.encode + r.stats.timings.score);
    }
    const best = (a) => Math.min(...a);
    const row = { size: `${m}×${n}`, oneThreadMs: Math.round(best(t[1])), twoThreadsMs: Math.round(best(t[2])), speedup: +(best(t[1]) / best(t[2])).toFixed(2), load: load() };
    out.threads.push(row);
    console.log(`threads ${row.size.padEnd(11)} scoring stage: 1 thread ${row.oneThreadMs} ms, 2 threads ${row.twoThreadsMs} ms, speed-up ×${row.speedup} (best of 2 each, interleaved; load ${row.load.join("/")})`);
  }
}

if (want("sync") && existsSync(`${baselineDir}/index.js`)) {
  // The synchronous API before and after the resumable cores: same process, interleaved, CPU time.
  const before = await import(pathToFileURL(`${baselineDir}/index.js`).href);
  const [m, n] = quick ? [3000, 600] : [10000, 2000];
  // The baseline's own generator and parser: the current schema has fields it does not know.
  const raw = before.generateCohort({ mentees: m, mentors: n, seed: 42 });
  const parsedBy = { before: before.parseCohort(raw), after: lib.parseCohort(raw) };
  const parsed = parsedBy.before;
  const cpu = (f) => {
    const c = process.cpuUsage();
    const v = f();
    const d = process.cpuUsage(c);
    return [v, (d.user + d.system) / 1000];
  };
  const times = { before: { score: [], flow: [] }, after: { score: [], flow: [] } };
  let problem;
  for (const order of [["before", "after"], ["after", "before"], ["before", "after"]]) {
    for (const name of order) {
      const l = name === "after" ? lib : before;
      const [mx, ts] = cpu(() => l.scoreMatrix(parsedBy[name]));
      times[name].score.push(ts);
      if (!problem) {
        const data = new Float64Array(mx.rows * mx.cols).fill(-Infinity);
        for (let k = 0; k < data.length; k++) if (mx.eligible[k]) data[k] = mx.scores[k];
        problem = { cost: { rows: mx.rows, cols: mx.cols, data }, capacity: Int32Array.from(mx.colParticipants, (p) => parsed.participants[p].capacity) };
      }
      const [, tf] = cpu(() => l.solveCapacitatedAssignment(problem.cost, { capacity: problem.capacity, maximize: true }));
      times[name].flow.push(tf);
    }
  }
  const med = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
  out.sync = {
    size: `${m}×${n}`,
    baseline: baselineDir,
    scoreMatrixMs: { before: Math.round(med(times.before.score)), after: Math.round(med(times.after.score)) },
    capacitatedAssignmentMs: { before: Math.round(med(times.before.flow)), after: Math.round(med(times.after.flow)) },
    ratio: { scoreMatrix: +(med(times.after.score) / med(times.before.score)).toFixed(3), capacitatedAssignment: +(med(times.after.flow) / med(times.before.flow)).toFixed(3) },
    note: "median CPU time (user + system) of 3 interleaved runs each; ratio = after / before",
    load: load(),
  };
  console.log(`sync API ${out.sync.size}: scoreMatrix ${out.sync.scoreMatrixMs.before} → ${out.sync.scoreMatrixMs.after} ms (×${out.sync.ratio.scoreMatrix}), solveCapacitatedAssignment ${out.sync.capacitatedAssignmentMs.before} → ${out.sync.capacitatedAssignmentMs.after} ms (×${out.sync.ratio.capacitatedAssignment}) (CPU, median of 3, interleaved)`);
} else if (want("sync")) {
  console.log(`sync API comparison skipped: no baseline build at ${baselineDir} (build an older commit there, or pass --baseline DIR)`);
}

mkdirSync(new URL("./results/", import.meta.url), { recursive: true });
const file = new URL("./results/host.json", import.meta.url);
if (only !== null && existsSync(file)) {
  // A partial run (--only) replaces its own parts of the last full results and keeps the rest.
  const previous = JSON.parse(readFileSync(file, "utf8"));
  const fresh = new Set(out.scenarios.map((s) => s.name));
  out.scenarios = [...(previous.scenarios ?? []).filter((s) => !fresh.has(s.name)), ...out.scenarios];
  out.threads ??= previous.threads;
  out.sync ??= previous.sync;
  out.partial = { measured: [...only], previousDate: previous.date };
}
writeFileSync(file, JSON.stringify(out, null, 2) + "\n");
console.log(`wrote bench/results/host.json (${out.machine.cpu}, ${out.machine.cores} cores, load at start ${out.machine.loadavg.join("/")})`);
