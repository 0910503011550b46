import { MatchInputError } from "../../errors.js";
import { evaluateCompiled } from "./evaluate.js";
import { flowBound } from "./flow-bound.js";
import { lpRelaxationBound, mipSize, solveExact } from "./highs-engine.js";
import { loadHighs, readHighsOption, type HighsOption } from "./highs-loader.js";
import { runStepsAsync, throwIfAborted, yieldToHost } from "../../steps.js";
import { localSearch } from "./local-search.js";
import { compileConstraintModel, type CompiledModel } from "./model.js";
import { flowStart, greedyStart, repairColBounds } from "./start.js";
import { OptionReader, readOptions } from "../../guard.js";
import type { ConstraintModel, ConstraintResult, SolveConstrainedOptions } from "./types.js";

/**
 * Largest MIP (variables, including the cohesion and common-slot linearisation) that
 * `engine: "auto"` sends to HiGHS. Measured by `bench/constraints.bench.mjs` (one-on-one with
 * capacities and a quota, 2-core machine): 9 000 variables in 0.4 s, 56 000 in 5 s, 225 000 in
 * 23 s, 900 000 ran 279 s against a 60 s limit without a solution; local search reached 99.6–99.9 %
 * of the optimum in about 1.5 s at every size. Results in `bench/results/constraints.json`.
 * @remarks Since 0.1.0
 */
export const DEFAULT_EXACT_SIZE_LIMIT = 60_000;

/**
 * Largest MIP with cohesion terms that `engine: "auto"` sends to HiGHS. Group partitioning with
 * pair terms has a weak LP relaxation: the benchmark's 20-row, 4-group model (≈300 variables)
 * already takes HiGHS 15–20 s to prove, while local search reaches the same optimum in 0.4 s.
 * @remarks Since 0.1.0
 */
export const DEFAULT_EXACT_COHESION_SIZE_LIMIT = 150;

/**
 * Local search starts from the exact capacitated flow solution up to this many pairs, greedily
 * beyond (the flow took 31 s on 5 000 × 1 000 in the benchmark, most of a 30 s budget).
 */
const FLOW_START_CELLS = 1_000_000;

/** MIP sizes are counted up to just past this. */
const SIZE_COUNT_CAP = 1e7;

/** LP relaxations up to this many variables are solved for the local search's bound. */
const LP_BOUND_LIMIT = 60_000;

/**
 * Longest the LP bound may take (ms). Cohesion linearisations near the size limit can run past
 * 30 s without an answer (a 500-member group model), far longer than the search itself.
 */
const LP_BOUND_MS = 5_000;

interface Resolved {
  engine: "auto" | "exact" | "local";
  seed: number;
  timeLimitMs: number | undefined;
  maxIterations: number;
  signal: AbortSignal | undefined;
  exactSizeLimit: number;
  exactCohesionSizeLimit: number;
  mipGap: number;
  lpBound: boolean | "auto";
  highs: HighsOption | undefined;
  start: ArrayLike<number> | undefined;
}

/** Longest time limit accepted: about 24 days, the largest delay timers can hold. */
const MAX_TIME_LIMIT_MS = 2 ** 31 - 1;

function resolveOptions(options: SolveConstrainedOptions | undefined): Omit<Resolved, "maxIterations"> & { maxIterations: number | undefined } {
  const o = readOptions<SolveConstrainedOptions>(options, "options") as Record<string, unknown>;
  const read = new OptionReader(["options"]);
  const timeLimitMs = o["timeLimitMs"] === undefined ? undefined : read.number(o, "timeLimitMs", 0, 0, MAX_TIME_LIMIT_MS);
  const r = {
    engine: read.oneOf(o, "engine", "auto", ["auto", "exact", "local"] as const),
    seed: read.number(o, "seed", 1, 0, 2 ** 32 - 1, true),
    timeLimitMs,
    maxIterations: o["maxIterations"] === undefined ? undefined : read.number(o, "maxIterations", 0, 0, Number.MAX_SAFE_INTEGER, true),
    signal: read.signal(o, "signal"),
    exactSizeLimit: read.number(o, "exactSizeLimit", DEFAULT_EXACT_SIZE_LIMIT, 0, Number.MAX_SAFE_INTEGER),
    exactCohesionSizeLimit: read.number(o, "exactCohesionSizeLimit", DEFAULT_EXACT_COHESION_SIZE_LIMIT, 0, Number.MAX_SAFE_INTEGER),
    mipGap: read.number(o, "mipGap", 1e-6, 0, 1),
    lpBound: read.oneOf(o, "lpBound", "auto", [true, false, "auto"] as const),
    highs: readHighsOption(o["highs"], read),
    start: o["start"] as ArrayLike<number> | undefined, // checked against the model by checkStart
  };
  read.done();
  return r;
}

/**
 * The local search's upper bound: the LP relaxation (HiGHS) when HiGHS is loaded and the LP is
 * small, otherwise the flow bound when the pair part is small enough for one more flow solve.
 */
async function localBound(m: CompiledModel, r: Resolved, mipVariables: number, timeLimitMs: number): Promise<{ bound: number | null; source: "lp" | "flow" | null; highsError?: string }> {
  if (r.lpBound === false) return { bound: null, source: null };
  const wantLp = r.lpBound === true || mipVariables <= LP_BOUND_LIMIT;
  const flowFits = r.lpBound === true || m.rows * m.cols <= FLOW_START_CELLS;
  if (!wantLp && !flowFits) return { bound: null, source: null };
  if (wantLp) {
    const loaded = await loadHighs(r.highs);
    // The LP is one synchronous HiGHS call: let the host's event loop turn before it.
    await yieldToHost();
    throwIfAborted(r.signal);
    if (loaded.highs) return { bound: lpRelaxationBound(loaded.highs, m, Math.max(1000, Math.min(timeLimitMs / 4, LP_BOUND_MS))), source: "lp" };
    if (flowFits) return { bound: flowBound(m), source: "flow", highsError: loaded.error };
    return { bound: null, source: null, highsError: loaded.error };
  }
  return { bound: null, source: null };
}

function checkStart(start: unknown, m: CompiledModel): void {
  const fail = (path: (string | number)[], message: string): never => {
    throw new MatchInputError([{ path: ["options", "start", ...path], code: "invalid-option", message }]);
  };
  const ok = Array.isArray(start) || (ArrayBuffer.isView(start) && !(start instanceof DataView));
  if (!ok || (start as ArrayLike<unknown>).length !== m.rows) fail([], `start must be an array with one entry per row (${m.rows})`);
  const a = start as ArrayLike<unknown>;
  for (let i = 0; i < m.rows; i++) {
    const j = a[i];
    if (!Number.isInteger(j) || (j as number) < -1 || (j as number) >= m.cols) fail([i], `start[${i}]: ${String(j)} is not −1 or a col below ${m.cols}`);
  }
}

/**
 * A caller's start assignment as the local search takes it: locked rows at their col, pairs that
 * are not allowed dropped, and rows past a col's upper bound unassigned.
 */
function warmStart(m: CompiledModel, given: ArrayLike<number>): Int32Array {
  const assign = new Int32Array(m.rows).fill(-1);
  const load = new Int32Array(m.cols);
  const allowed = (i: number, j: number) => {
    for (let a = m.allowStart[i]!; a < m.allowStart[i + 1]!; a++) if (m.allowCol[a] === j) return true;
    return false;
  };
  for (let i = 0; i < m.rows; i++) if (m.lockedCol[i]! >= 0) { assign[i] = m.lockedCol[i]!; load[m.lockedCol[i]!]!++; }
  for (let i = 0; i < m.rows; i++) {
    const j = given[i]!;
    if (m.lockedCol[i]! >= 0 || j < 0 || load[j]! >= m.upper[j]! || !allowed(i, j)) continue;
    assign[i] = j;
    load[j]!++;
  }
  return assign;
}

async function runLocal(m: CompiledModel, r: Resolved, mipVariables: number, highsError?: string): Promise<ConstraintResult> {
  const t0 = performance.now();
  const timeLimitMs = r.timeLimitMs ?? 10_000;
  const start = repairColBounds(m, r.start ? warmStart(m, r.start) : m.rows * m.cols <= FLOW_START_CELLS ? await runStepsAsync(flowStart(m), { signal: r.signal }) : greedyStart(m));
  throwIfAborted(r.signal);
  const left = Math.max(0, timeLimitMs - (performance.now() - t0));
  const out = await localSearch(m, { seed: r.seed, timeLimitMs: left, maxIterations: r.maxIterations, signal: r.signal, start });
  const ev = evaluateCompiled(m, out.rowToCol);
  let bound: number | null = null;
  let boundSource: "lp" | "flow" | null = null;
  if (ev.feasible) {
    const b = await localBound(m, r, mipVariables, timeLimitMs);
    bound = b.bound;
    boundSource = b.source;
    highsError ??= b.highsError;
  }
  const gap = bound !== null ? Math.max(0, bound - ev.objective) / Math.max(1, Math.abs(ev.objective)) : null;
  const optimal = gap !== null && gap <= 1e-9;
  const base = {
    rowToCol: out.rowToCol, objective: ev.objective, engine: "local" as const, gap, bound,
    violations: ev.soft, mipVariables, seed: r.seed, iterations: out.iterations, timeMs: performance.now() - t0,
    ...(boundSource ? { boundSource } : {}), ...(highsError !== undefined ? { highsError } : {}),
  };
  if (ev.feasible) return { ...base, status: optimal ? "optimal" : "feasible", optimal, feasible: true };
  const names = [...new Set(ev.hard.map((v) => v.name))];
  return {
    ...base, rowToCol: new Int32Array(m.rows).fill(-1), objective: 0, violations: [], gap: null, bound: null,
    status: "infeasible", optimal: false, feasible: false,
    infeasibility: {
      constraints: names, violated: ev.hard, proven: false,
      message: `Local search found no assignment meeting every hard constraint within its budget (${out.iterations} iterations); the best one found still violates ${names.join(", ")}.${highsError === undefined ? " The exact engine can prove whether the model is infeasible." : ""}`,
    },
  };
}

/**
 * Solves a {@link ConstraintModel}: assigns each row to at most one col, maximising pair scores
 * plus cohesion minus soft-constraint penalties, with every hard rule kept.
 *
 * Engines: `"exact"` — the HiGHS MIP solver (WebAssembly, loaded on first use), proven optimal
 * within `mipGap` or stopped at `timeLimitMs` (default 60 s) with its gap; `"local"` — seeded
 * simulated annealing from the exact capacitated flow solution of the pair part (a greedy
 * start beyond 10⁶ pairs, or the caller's `start`), repaired so that no col is left between
 * empty and its lower bound where filling or closing it can avoid that, its time included in the budget, for `maxIterations` (default `200 000 + 2 000 · rows`)
 * or `timeLimitMs` (default 10 s), whichever ends first, with an LP-relaxation bound for the gap
 * when that LP is small (or the LP-free flow bound when HiGHS is not available); `"auto"` (default) — exact when the MIP has at most `exactSizeLimit`
 * variables ({@link DEFAULT_EXACT_SIZE_LIMIT}), or at most `exactCohesionSizeLimit`
 * ({@link DEFAULT_EXACT_COHESION_SIZE_LIMIT}) when it has cohesion terms, local otherwise, and local as well when HiGHS
 * stops at the time limit without any feasible solution.
 *
 * HiGHS is an optional dependency, loaded on first use (see `options.highs`). When it cannot be
 * loaded every engine runs local search, `"exact"` included, and `highsError` says why.
 *
 * HiGHS checks its time limit between phases: on very large MIPs (≈10⁶ variables) the root LP
 * alone can overrun `timeLimitMs` several-fold, which is why `auto` stays far below that size.
 *
 * Infeasibility is a result, not an exception: `status: "infeasible"` with the hard constraints
 * that cannot be met. Invalid models throw `MatchInputError`. Aborting `signal` rejects with an
 * error named `"AbortError"` (HiGHS itself runs synchronously; the signal is checked around it).
 * @remarks Since 0.1.0
 */
export async function solveConstrained(model: ConstraintModel, options?: SolveConstrainedOptions): Promise<ConstraintResult> {
  const given = resolveOptions(options);
  const m = compileConstraintModel(model);
  const r: Resolved = { ...given, maxIterations: given.maxIterations ?? 200_000 + 2_000 * m.rows };
  if (r.start !== undefined) checkStart(r.start, m);
  throwIfAborted(r.signal);
  const exactOptions = () => ({ seed: r.seed, timeLimitMs: r.timeLimitMs ?? 60_000, mipGap: r.mipGap, signal: r.signal });
  const sz = mipSize(m, SIZE_COUNT_CAP);
  const size = sz.total;
  const limit = sz.cohesion > 0 ? Math.min(r.exactCohesionSizeLimit, r.exactSizeLimit) : r.exactSizeLimit;
  if (r.engine === "local" || (r.engine === "auto" && size > limit)) return runLocal(m, r, size);
  const loaded = await loadHighs(r.highs);
  throwIfAborted(r.signal);
  if (!loaded.highs) return runLocal(m, r, size, loaded.error);
  if (r.engine === "exact") return solveExact(loaded.highs, m, exactOptions());
  const exact = await solveExact(loaded.highs, m, exactOptions());
  if (exact.status === "time-limit" && !exact.feasible) return runLocal(m, { ...r, timeLimitMs: undefined }, size);
  return exact;
}
