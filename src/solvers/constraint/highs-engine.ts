import type { Highs, ModelData } from "highs";
import { throwIfAborted, yieldToHost } from "../../steps.js";
import { evaluateCompiled } from "./evaluate.js";
import type { CompiledModel } from "./model.js";
import type { ConstraintResult, ConstraintViolation } from "./types.js";

/** Counts of the MIP's variables by kind. */
export interface MipSize {
  x: number;
  open: number;
  cohesion: number;
  slot: number;
  slack: number;
  /** Indicator variables of the distinct-classes rule (one per group and per class it can reach, plus one per group). */
  distinct: number;
  total: number;
}

/**
 * Size of the MIP {@link buildMip} makes from `m`, counted without building it. Counting the
 * cohesion linearisation stops early once `total` exceeds `cap`.
 */
export function mipSize(m: CompiledModel, cap = Infinity): MipSize {
  const x = m.allowCol.length;
  let open = 0;
  for (let j = 0; j < m.cols; j++) if (m.optional[j]) open++;
  let slack = 0;
  for (const c of m.constraints) if (!c.hard) slack += (c.perCol ? c.colList.length : 1) * (c.sense === 2 ? 2 : 1);
  let slot = 0;
  if (m.slots) slot = slotSets(m).reduce((a, s) => a + s.length, 0);
  let cohesion = 0;
  const distinct = m.distinct ? distinctClasses(m).reduce((a, g) => a + 1 + g.length, 0) : 0;
  const base = x + open + slack + slot + distinct;
  for (let t = 0; t < m.pairI.length && base + cohesion <= cap; t++) {
    if (m.pairW[t] === 0) continue;
    cohesion += sharedCols(m, m.pairI[t]!, m.pairK[t]!, null);
  }
  return { x, open, cohesion, slot, slack, distinct, total: base + cohesion };
}

/** Per distinct-classes group, the classes its rows can reach (sorted). */
function distinctClasses(m: CompiledModel): number[][] {
  const d = m.distinct!;
  const out: number[][] = [];
  const seen = new Uint8Array(d.classCount);
  for (let g = 0; g + 1 < d.groupStart.length; g++) {
    seen.fill(0);
    for (let t = d.groupStart[g]!; t < d.groupStart[g + 1]!; t++) {
      const i = d.groupRow[t]!;
      for (let a = m.allowStart[i]!; a < m.allowStart[i + 1]!; a++) {
        const c = d.classOf[m.allowCol[a]!]!;
        if (c >= 0) seen[c] = 1;
      }
    }
    const list: number[] = [];
    for (let c = 0; c < d.classCount; c++) if (seen[c]) list.push(c);
    out.push(list);
  }
  return out;
}

/** Number of cols allowed for both rows; with `out`, also pushes them. Allowed lists are sorted. */
function sharedCols(m: CompiledModel, i: number, k: number, out: number[] | null): number {
  let a = m.allowStart[i]!, b = m.allowStart[k]!;
  const ae = m.allowStart[i + 1]!, be = m.allowStart[k + 1]!;
  let n = 0;
  while (a < ae && b < be) {
    const ja = m.allowCol[a]!, jb = m.allowCol[b]!;
    if (ja === jb) { n++; out?.push(ja); a++; b++; } else if (ja < jb) a++; else b++;
  }
  return n;
}

/** Per col, the slots that matter: allowed by the col and held by at least one row allowed there. */
function slotSets(m: CompiledModel): number[][] {
  const sl = m.slots!;
  const mark = new Uint8Array(m.cols * sl.slotCount);
  for (let i = 0; i < m.rows; i++) {
    for (let a = m.allowStart[i]!; a < m.allowStart[i + 1]!; a++) {
      const j = m.allowCol[a]!;
      for (let t = sl.rowStart[i]!; t < sl.rowStart[i + 1]!; t++) {
        const s = sl.rowSlot[t]!;
        if (sl.colAllows[j * sl.slotCount + s]) mark[j * sl.slotCount + s] = 1;
      }
    }
  }
  const out: number[][] = [];
  for (let j = 0; j < m.cols; j++) {
    const list: number[] = [];
    for (let s = 0; s < sl.slotCount; s++) if (mark[j * sl.slotCount + s]) list.push(s);
    out.push(list);
  }
  return out;
}

/** A hard rule given a slack variable in the elastic model. */
interface ElasticSlack {
  name: string;
  row?: number;
  col?: number;
  index: number;
}

/** The MIP as HiGHS sparse data plus the maps back to the model. */
interface BuiltMip {
  data: ModelData;
  xRow: Int32Array;
  xCol: Int32Array;
  elastic: ElasticSlack[];
}

/**
 * Builds the MIP of a compiled model (row-wise CSR).
 *
 * - `x_ij` binary for allowed pairs; locked pairs have lower bound 1.
 * - `Σ_j x_ij ≤ 1` (`= 1` when the row must be assigned).
 * - `lower_j ≤ Σ_i x_ij ≤ upper_j`; for an optional col, `lower_j·u_j ≤ Σ_i x_ij ≤ upper_j·u_j`
 *   with `u_j` binary.
 * - cohesion weight `w` on rows `i, k` and each shared col `j`: `y ∈ [0, 1]` with `w·y` in the
 *   objective and `y ≤ x_ij, y ≤ x_kj` when `w > 0`, `y ≥ x_ij + x_kj − 1` when `w < 0` (exact
 *   at integral `x`, so `y` need not be integer), strengthened by
 *   `Σ_k y_ikj ≤ (upper_j − 1)·x_ij` over the positive terms of row i.
 * - side constraints row by row (per col when `perCol`, right-hand side `rhs·u_j` on optional
 *   cols); soft ones get non-negative slacks costing `penalty`.
 * - common slot: `z_js` binary for the slots that matter, `Σ_s z_js ≤ 1`,
 *   `x_ij ≤ Σ_{s ∈ slots(i)} z_js`.
 *
 * `elastic`: the objective is replaced by minimising the violation of hard rules (capacities,
 * must-assign, locks and hard side constraints), each given a non-negative slack — the elastic
 * filter used to name what makes a model infeasible. Common-slot and forbidden pairs stay hard.
 * `relax`: no integrality (the LP relaxation).
 */
function buildMip(m: CompiledModel, highs: Highs, opts: { elastic: boolean; relax: boolean }): BuiltMip {
  const { rows, cols, score } = m;
  const INF = highs.infinity;
  const cost: number[] = [], lo: number[] = [], hi: number[] = [], integer: number[] = [];
  const addVar = (c: number, l: number, h: number, isInt: boolean): number => {
    cost.push(c); lo.push(l); hi.push(h); integer.push(isInt ? 1 : 0);
    return cost.length - 1;
  };
  const starts: number[] = [0], idx: number[] = [], val: number[] = [], rlo: number[] = [], rhi: number[] = [];
  const addRow = (l: number, h: number): void => {
    rlo.push(l); rhi.push(h); starts.push(idx.length);
  };
  const term = (v: number, c: number): void => { idx.push(v); val.push(c); };
  const elastic: ElasticSlack[] = [];
  const BUILTIN_WEIGHT = 2; // blame side constraints before capacities when both would do
  const slackVar = (name: string, weight: number, where: { row?: number; col?: number }): number => {
    const v = addVar(-weight, 0, INF, false);
    elastic.push({ name, ...where, index: v });
    return v;
  };
  const obj = opts.elastic ? 0 : 1;

  // x variables.
  const nx = m.allowCol.length;
  const xRow = new Int32Array(nx), xCol = new Int32Array(nx);
  const xAt = new Int32Array(rows * cols).fill(-1);
  for (let i = 0; i < rows; i++) {
    for (let a = m.allowStart[i]!; a < m.allowStart[i + 1]!; a++) {
      const j = m.allowCol[a]!;
      const locked = m.lockedCol[i] === j && !opts.elastic;
      const v = addVar(obj * score[i * cols + j]!, locked ? 1 : 0, 1, true);
      xRow[v] = i; xCol[v] = j; xAt[i * cols + j] = v;
    }
  }
  const colRows: number[][] = Array.from({ length: cols }, () => []);
  for (let v = 0; v < nx; v++) colRows[xCol[v]!]!.push(v);
  const openVar = new Int32Array(cols).fill(-1);
  for (let j = 0; j < cols; j++) if (m.optional[j]) openVar[j] = addVar(0, 0, 1, true);

  // Row assignment.
  for (let i = 0; i < rows; i++) {
    const a0 = m.allowStart[i]!, a1 = m.allowStart[i + 1]!;
    for (let a = a0; a < a1; a++) term(a, 1); // x index = position in allowCol
    if (m.mustAssign[i]) {
      if (opts.elastic) term(slackVar("rowMustAssign", BUILTIN_WEIGHT, { row: i }), 1);
      addRow(1, 1);
    } else addRow(-INF, 1);
  }
  // Locks in the elastic model: x_ij + e ≥ 1.
  if (opts.elastic) {
    for (let i = 0; i < rows; i++) {
      const j = m.lockedCol[i]!;
      if (j < 0) continue;
      const v = xAt[i * cols + j]!;
      if (v >= 0) term(v, 1);
      term(slackVar("locked", BUILTIN_WEIGHT, { row: i, col: j }), 1);
      addRow(1, INF);
    }
  }
  // Col loads.
  for (let j = 0; j < cols; j++) {
    const u = openVar[j]!;
    const lower = m.lower[j]!, upper = m.upper[j]!;
    for (const v of colRows[j]!) term(v, 1);
    if (u >= 0) term(u, -upper);
    if (opts.elastic) term(slackVar("colUpper", BUILTIN_WEIGHT, { col: j }), -1);
    addRow(-INF, u >= 0 ? 0 : upper);
    if (lower > 0) {
      for (const v of colRows[j]!) term(v, 1);
      if (u >= 0) term(u, -lower);
      if (opts.elastic) term(slackVar("colLower", BUILTIN_WEIGHT, { col: j }), 1);
      addRow(u >= 0 ? 0 : lower, INF);
    }
  }
  // Cohesion.
  if (!opts.elastic) {
    const shared: number[] = [];
    const posY: Record<number, number[]> = {};
    for (let t = 0; t < m.pairI.length; t++) {
      const w = m.pairW[t]!;
      if (w === 0) continue;
      const i = m.pairI[t]!, k = m.pairK[t]!;
      shared.length = 0;
      sharedCols(m, i, k, shared);
      for (const j of shared) {
        const y = addVar(w, 0, 1, false);
        const xi = xAt[i * cols + j]!, xk = xAt[k * cols + j]!;
        if (w > 0) {
          term(y, 1); term(xi, -1); addRow(-INF, 0);
          term(y, 1); term(xk, -1); addRow(-INF, 0);
          (posY[i * cols + j] ??= []).push(y);
          (posY[k * cols + j] ??= []).push(y);
        } else {
          term(xi, 1); term(xk, 1); term(y, -1); addRow(-INF, 1);
        }
      }
    }
    // Strengthening: with row i in col j, at most upper_j − 1 others share it, so
    // Σ_k y_ikj ≤ (upper_j − 1) · x_ij (much tighter LP bound than y ≤ x alone when degrees exceed it).
    for (const key in posY) {
      const list = posY[key]!;
      const t = Number(key), j = t % cols;
      if (list.length <= m.upper[j]! - 1) continue;
      for (const y of list) term(y, 1);
      term(xAt[t]!, -(m.upper[j]! - 1));
      addRow(-INF, 0);
    }
  }
  // Side constraints.
  for (const c of m.constraints) {
    const emit = (colSet: ArrayLike<number>, rhsVar: number, rhs: number, col: number | undefined): void => {
      for (let a = 0; a < colSet.length; a++) {
        const j = colSet[a]!;
        const cc = c.colCoef[j]!;
        for (const v of colRows[j]!) {
          const rc = c.rowCoef[xRow[v]!]!;
          if (rc !== 0) term(v, rc * cc);
        }
      }
      if (rhsVar >= 0) term(rhsVar, -rhs);
      const r = rhsVar >= 0 ? 0 : rhs;
      const where = col === undefined ? {} : { col };
      if (!c.hard && !opts.elastic) {
        // Soft: slack s ≥ 0 at cost penalty per unit.
        if (c.sense !== 1) term(addVar(-c.penalty, 0, INF, false), -1);
        if (c.sense !== 0) term(addVar(-c.penalty, 0, INF, false), 1);
      } else if (c.hard && opts.elastic) {
        if (c.sense !== 1) term(slackVar(c.name, 1, where), -1);
        if (c.sense !== 0) term(slackVar(c.name, 1, where), 1);
      }
      addRow(c.sense === 0 ? -INF : r, c.sense === 1 ? INF : r);
    };
    if (opts.elastic && !c.hard) continue;
    if (c.perCol) for (const j of c.colList) emit([j], openVar[j]!, c.rhs, j);
    else emit(c.colList, -1, c.rhs, undefined);
  }
  // Distinct classes: z_g = 1 when any row of group g is assigned (Σ x ≤ |rows|·z), y_gc ≤ the
  // meetings of g in class c, Σ_c y_gc ≥ min_g · z_g.
  if (m.distinct) {
    const d = m.distinct;
    const reach = distinctClasses(m);
    for (let g = 0; g < reach.length; g++) {
      const z = addVar(0, 0, 1, true);
      const rowsOf = Array.from(d.groupRow.subarray(d.groupStart[g], d.groupStart[g + 1]));
      for (const i of rowsOf) for (let a = m.allowStart[i]!; a < m.allowStart[i + 1]!; a++) term(a, 1);
      term(z, -rowsOf.length);
      addRow(-INF, 0);
      const ys: number[] = [];
      for (const c of reach[g]!) {
        const y = addVar(0, 0, 1, true);
        ys.push(y);
        for (const i of rowsOf) for (let a = m.allowStart[i]!; a < m.allowStart[i + 1]!; a++) if (d.classOf[m.allowCol[a]!] === c) term(a, 1);
        term(y, -1);
        addRow(0, INF);
      }
      for (const y of ys) term(y, 1);
      term(z, -d.groupMin[g]!);
      if (opts.elastic) term(slackVar(d.names[g]!, 1, {}), 1);
      addRow(0, INF);
    }
  }

  // Common slot.
  if (m.slots) {
    const sl = m.slots;
    const sets = slotSets(m);
    const zAt = new Map<number, number>();
    for (let j = 0; j < cols; j++) {
      const set = sets[j]!;
      if (set.length === 0) continue;
      for (const s of set) {
        const z = addVar(0, 0, 1, true);
        zAt.set(j * sl.slotCount + s, z);
        term(z, 1);
      }
      addRow(-INF, 1);
    }
    for (let v = 0; v < nx; v++) {
      const i = xRow[v]!, j = xCol[v]!;
      term(v, 1);
      for (let t = sl.rowStart[i]!; t < sl.rowStart[i + 1]!; t++) {
        const z = zAt.get(j * sl.slotCount + sl.rowSlot[t]!);
        if (z !== undefined) term(z, -1);
      }
      addRow(-INF, 0);
    }
  }

  const numCols = cost.length, numRows = rlo.length;
  const data: ModelData = {
    numCols, numRows,
    sense: highs.constants.objectiveSense.maximize,
    colCost: Float64Array.from(cost), colLower: Float64Array.from(lo), colUpper: Float64Array.from(hi),
    rowLower: Float64Array.from(rlo), rowUpper: Float64Array.from(rhi),
    matrix: { format: "csr", numRows, numCols, starts: Int32Array.from(starts), indices: Int32Array.from(idx), values: Float64Array.from(val) },
    ...(opts.relax ? {} : { integrality: Int32Array.from(integer) }),
  };
  return { data, xRow, xCol, elastic };
}

/** Resolved options of the exact engine. */
export interface ExactOptions {
  seed: number;
  timeLimitMs: number;
  mipGap: number;
  signal: AbortSignal | undefined;
}

/** Raw outcome of one HiGHS run. */
interface RunOutcome {
  status: number;
  hasSolution: boolean;
  colValue: Float64Array | null;
  dualBound: number | null;
  nodes: number;
}

function run(highs: Highs, data: ModelData, options: Record<string, number | boolean | string>): RunOutcome {
  const model = highs.createModel(data);
  try {
    model.options.set({ output_flag: false, ...options });
    model.run();
    const status = model.getModelStatus() as number;
    const hasSolution = Number(model.info.get("primal_solution_status")) === 2;
    const colValue = hasSolution ? model.getSolution().colValue : null;
    let dualBound: number | null = null;
    let nodes = 0;
    if (data.integrality) {
      try {
        const b = Number(model.info.get("mip_dual_bound"));
        if (Number.isFinite(b)) dualBound = b;
        nodes = Number(model.info.get("mip_node_count"));
      } catch { /* not a MIP run */ }
    } else if (status === highs.constants.modelStatus.optimal) {
      dualBound = model.getObjectiveValue();
    }
    return { status, hasSolution, colValue, dualBound, nodes };
  } finally {
    model.dispose();
  }
}


/**
 * Upper bound on a model's objective from the LP relaxation of its MIP, or null when HiGHS does
 * not prove one within `timeLimitMs`.
 */
export function lpRelaxationBound(highs: Highs, m: CompiledModel, timeLimitMs: number): number | null {
  const built = buildMip(m, highs, { elastic: false, relax: true });
  if (built.data.numCols === 0) return 0;
  const out = run(highs, built.data, { time_limit: Math.max(0.01, timeLimitMs / 1000) });
  return out.status === highs.constants.modelStatus.optimal ? out.dualBound : null;
}

/**
 * Exact engine: solves the model's MIP with HiGHS (branch and cut), reading back the incumbent,
 * the proven bound and the gap. When HiGHS proves the model infeasible, an elastic re-solve
 * (every hard rule given a penalised slack, minimum total violation) names the rules that cannot
 * be met together. Each HiGHS call is synchronous: before it the host's event loop gets a turn and
 * `signal` is checked, after it `signal` is checked again, and `timeLimitMs` bounds it.
 *
 * Reference: Q. Huangfu and J. A. J. Hall, "Parallelizing the dual revised simplex method",
 * Math. Prog. Comp. 10 (2018); HiGHS MIP solver, https://highs.dev.
 */
export async function solveExact(highs: Highs, m: CompiledModel, o: ExactOptions): Promise<ConstraintResult> {
  const t0 = performance.now();
  throwIfAborted(o.signal);
  const built = buildMip(m, highs, { elastic: false, relax: false });
  const rowToCol = new Int32Array(m.rows).fill(-1);
  const finish = (partial: Pick<ConstraintResult, "status" | "optimal" | "bound" | "iterations"> & { infeasibility?: ConstraintResult["infeasibility"] }): ConstraintResult => {
    const ev = evaluateCompiled(m, rowToCol);
    const hasSolution = partial.status !== "infeasible" && !(partial.status === "time-limit" && !ev.feasible);
    const gap = partial.bound !== null && hasSolution ? Math.max(0, partial.bound - ev.objective) / Math.max(1, Math.abs(ev.objective)) : null;
    return {
      rowToCol, objective: hasSolution ? ev.objective : 0, engine: "exact", status: partial.status, optimal: partial.optimal,
      feasible: ev.feasible && partial.status !== "infeasible", gap: partial.optimal ? (gap ?? 0) : gap, bound: partial.bound,
      violations: hasSolution ? ev.soft : [], ...(partial.infeasibility ? { infeasibility: partial.infeasibility } : {}),
      mipVariables: built.data.numCols, seed: o.seed, iterations: partial.iterations, timeMs: performance.now() - t0,
    };
  };

  if (built.data.numCols === 0) {
    // Nothing to decide: the empty assignment is the only one.
    const ev = evaluateCompiled(m, rowToCol);
    if (ev.feasible) return finish({ status: "optimal", optimal: true, bound: ev.objective, iterations: 0 });
    return finish({ status: "infeasible", optimal: false, bound: null, iterations: 0, infeasibility: describe(ev.hard, true) });
  }

  // HiGHS runs synchronously: let the host's event loop turn (and an abort land) before it.
  await yieldToHost();
  throwIfAborted(o.signal);
  const out = run(highs, built.data, {
    time_limit: Math.max(0.01, o.timeLimitMs / 1000),
    mip_rel_gap: o.mipGap,
    random_seed: o.seed >>> 0 & 0x7fffffff,
  });
  throwIfAborted(o.signal);
  const S = highs.constants.modelStatus;
  if (out.colValue && out.hasSolution) {
    for (let v = 0; v < built.xRow.length; v++) if (out.colValue[v]! > 0.5) rowToCol[built.xRow[v]!] = built.xCol[v]!;
  }
  if (out.status === S.optimal) return finish({ status: "optimal", optimal: true, bound: out.dualBound, iterations: out.nodes });
  if (out.status === S.infeasible || out.status === S.unboundedOrInfeasible) {
    const left = o.timeLimitMs - (performance.now() - t0);
    await yieldToHost();
    throwIfAborted(o.signal);
    const infeasibility = diagnose(m, highs, Math.max(left, 1000), o.seed);
    throwIfAborted(o.signal);
    return finish({ status: "infeasible", optimal: false, bound: null, iterations: out.nodes, infeasibility });
  }
  if (out.status === S.timeLimit) return finish({ status: "time-limit", optimal: false, bound: out.dualBound, iterations: out.nodes });
  if (out.hasSolution) return finish({ status: "feasible", optimal: false, bound: out.dualBound, iterations: out.nodes });
  throw new Error(`HiGHS ended with model status ${out.status} and no solution`);
}

/** Elastic filter: minimum weighted violation of the hard rules; the rules with slack are named. */
function diagnose(m: CompiledModel, highs: Highs, timeLimitMs: number, seed: number): NonNullable<ConstraintResult["infeasibility"]> {
  const built = buildMip(m, highs, { elastic: true, relax: false });
  const out = run(highs, built.data, { time_limit: timeLimitMs / 1000, random_seed: seed >>> 0 & 0x7fffffff });
  const S = highs.constants.modelStatus;
  if (out.status === S.infeasible || out.status === S.unboundedOrInfeasible) {
    return {
      constraints: m.slots ? ["commonSlot"] : ["forbidden"],
      proven: true,
      message: m.slots
        ? "No assignment satisfies the common-slot rule together with the forbidden pairs, whatever the capacities and side constraints."
        : "No assignment avoids the forbidden pairs.",
    };
  }
  if (!out.colValue) {
    return { constraints: [], proven: true, message: "The model is infeasible; finding which constraints conflict ran out of time." };
  }
  const violated: ConstraintViolation[] = [];
  for (const e of built.elastic) {
    const amount = out.colValue[e.index]!;
    if (amount > 1e-6) {
      const v: ConstraintViolation = { name: e.name, amount: Math.round(amount * 1e6) / 1e6 };
      if (e.row !== undefined) v.row = e.row;
      if (e.col !== undefined) v.col = e.col;
      violated.push(v);
    }
  }
  return describe(violated, true);
}

function describe(violated: ConstraintViolation[], proven: boolean): NonNullable<ConstraintResult["infeasibility"]> {
  const names = [...new Set(violated.map((v) => v.name))];
  const detail = violated.slice(0, 10).map((v) => {
    const where = v.row !== undefined ? ` (row ${v.row}${v.col !== undefined ? `, col ${v.col}` : ""})` : v.col !== undefined ? ` (col ${v.col})` : "";
    return `${v.name}${where} by ${v.amount}`;
  });
  const more = violated.length > 10 ? `, and ${violated.length - 10} more` : "";
  return {
    constraints: names,
    violated,
    proven,
    message: `No assignment satisfies every hard constraint. The smallest relaxation that makes the model feasible violates ${detail.join(", ")}${more}.`,
  };
}
