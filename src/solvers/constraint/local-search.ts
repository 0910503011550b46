import { violationAmount } from "./evaluate.js";
import { DEFAULT_SLICE_MS, throwIfAborted, yieldToHost } from "../../steps.js";
import type { CompiledModel } from "./model.js";
import { mulberry32 } from "./prng.js";

/** Resolved options of the local search. */
export interface LocalSearchOptions {
  seed: number;
  timeLimitMs: number;
  maxIterations: number;
  signal: AbortSignal | undefined;
  /** Start assignment (respecting col upper bounds except where locks exceed them). */
  start: Int32Array;
}

/** Outcome of {@link localSearch}: the best feasible assignment, or the least-violating one. */
export interface LocalSearchOutcome {
  rowToCol: Int32Array;
  feasible: boolean;
  iterations: number;
  /** The time limit, not the iteration budget, ended the search (the result may then vary). */
  timedOut: boolean;
}

const YIELD_MS = DEFAULT_SLICE_MS;
const CHUNK = 4096;

/**
 * Simulated annealing over assignments (Kirkpatrick, Gelatt and Vecchi, "Optimization by
 * simulated annealing", Science 220, 1983), with geometric cooling from a temperature calibrated
 * on sampled moves.
 *
 * Moves: relocate a row to another allowed col (or unassign it), swapping with a member when the
 * col is full; swap two rows' cols; pull a row into a cohesion neighbour's col; 2-exchange (two
 * rows of one col trade places with two of another); and where cols may stay empty but need two
 * or more rows to open, close a group (every member moves to another open col or out) and open
 * one (a row and enough others to reach its lower bound move in together). Hard rules enter the objective with a
 * penalty larger than any single move can gain; only assignments without hard violations are
 * kept as the best. Every move is applied and, if rejected, undone, with incremental bookkeeping
 * (col loads, constraint sums per copy, cohesion through adjacency lists, per-col slot counts
 * with a count histogram for the largest shared slot), so a move costs O(degree of its rows).
 *
 * Deterministic for a seed while the iteration budget, not the time limit, ends the search.
 * Yields to the event loop every ~8 ms so that timers run and `signal` can abort it.
 */
export async function localSearch(m: CompiledModel, o: LocalSearchOptions): Promise<LocalSearchOutcome> {
  const t0 = performance.now();
  const { rows, cols, score } = m;
  const rng = mulberry32(o.seed);

  // Static structure.
  const allowed = new Uint8Array(rows * cols);
  for (let i = 0; i < rows; i++) for (let a = m.allowStart[i]!; a < m.allowStart[i + 1]!; a++) allowed[i * cols + m.allowCol[a]!] = 1;
  const movable: number[] = [];
  const cohesive: number[] = [];
  for (let i = 0; i < rows; i++) {
    if (m.lockedCol[i]! >= 0 || m.allowStart[i + 1] === m.allowStart[i]) continue;
    movable.push(i);
    if (m.adjStart[i + 1]! > m.adjStart[i]!) cohesive.push(i);
  }
  const nc = m.constraints.length;
  const cSense = new Uint8Array(nc), cHard = new Uint8Array(nc), cPer = new Uint8Array(nc);
  const cRhs = new Float64Array(nc), cPen = new Float64Array(nc), cBase = new Int32Array(nc);
  let sumLen = 0;
  const rowConsCount = new Int32Array(rows + 1);
  m.constraints.forEach((c, k) => {
    cSense[k] = c.sense; cHard[k] = c.hard ? 1 : 0; cPer[k] = c.perCol ? 1 : 0;
    cRhs[k] = c.rhs; cPen[k] = c.penalty; cBase[k] = sumLen;
    sumLen += c.perCol ? cols : 1;
    for (const i of c.rowList) rowConsCount[i + 1]!++;
  });
  for (let i = 0; i < rows; i++) rowConsCount[i + 1]! += rowConsCount[i]!;
  const rowConsStart = rowConsCount.slice();
  const rowCons = new Int32Array(rowConsStart[rows]!);
  {
    const fill = rowConsStart.slice(0, rows);
    m.constraints.forEach((c, k) => { for (const i of c.rowList) rowCons[fill[i]!++] = k; });
  }
  const colCoef = m.constraints.map((c) => c.colCoef);
  const rowCoef = m.constraints.map((c) => c.rowCoef);
  // Per optional col, the per-col constraints that have a copy there (their rhs follows "used").
  const colPer: number[][] = Array.from({ length: cols }, () => []);
  m.constraints.forEach((c, k) => { if (c.perCol) for (const j of c.colList) if (m.optional[j]) colPer[j]!.push(k); });

  // Penalty per unit of hard violation: more than any one move can gain.
  let maxScore = 0, maxCoh = 0, maxSoft = 0;
  for (let t = 0; t < score.length; t++) if (score[t] !== -Infinity) maxScore = Math.max(maxScore, Math.abs(score[t]!));
  for (let i = 0; i < rows; i++) {
    let s = 0;
    for (let p = m.adjStart[i]!; p < m.adjStart[i + 1]!; p++) s += Math.abs(m.adjW[p]!);
    maxCoh = Math.max(maxCoh, s);
  }
  for (const c of m.constraints) if (!c.hard) {
    let mc = 0, mr = 0;
    for (const j of c.colList) mc = Math.max(mc, Math.abs(c.colCoef[j]!));
    for (const i of c.rowList) mr = Math.max(mr, Math.abs(c.rowCoef[i]!));
    maxSoft = Math.max(maxSoft, c.penalty * mc * mr);
  }
  const BIG = 20 * (2 * maxScore + 2 * maxCoh + 4 * maxSoft + 1);

  // Dynamic state.
  const assign = new Int32Array(rows).fill(-1);
  const load = new Int32Array(cols);
  const members: number[][] = Array.from({ length: cols }, () => []);
  const pos = new Int32Array(rows).fill(-1);
  const csum = new Float64Array(sumLen);
  let scoreSum = 0, cohSum = 0, softPen = 0, hardV = 0;

  // Slot counts: per col and allowed slot, how many members hold it; `hist` counts slots by count.
  const sl = m.slots;
  const S = sl ? sl.slotCount : 0;
  const cnt = new Int32Array(sl ? cols * S : 0);
  const histBase = new Int32Array(cols + 1);
  const maxc = new Int32Array(cols);
  let hist = new Int32Array(0);
  if (sl) {
    const initLoad = new Int32Array(cols);
    for (let i = 0; i < rows; i++) if (o.start[i]! >= 0) initLoad[o.start[i]!]!++;
    for (let j = 0; j < cols; j++) histBase[j + 1] = histBase[j]! + Math.max(m.upper[j]!, initLoad[j]!) + 3;
    hist = new Int32Array(histBase[cols]!);
    for (let j = 0; j < cols; j++) {
      let n = 0;
      for (let s = 0; s < S; s++) n += sl.colAllows[j * S + s]!;
      hist[histBase[j]!] = n;
    }
  }

  const colViol = (j: number): number => {
    const l = load[j]!;
    let v = l > m.upper[j]! ? l - m.upper[j]! : 0;
    if (l < m.lower[j]! && !(m.optional[j] && l === 0)) v += m.lower[j]! - l;
    if (sl && l > 0) v += l - maxc[j]!;
    return v;
  };
  const contrib = (k: number, j: number, sign: number): void => {
    const open = cPer[k] && m.optional[j] && load[j] === 0 ? 0 : 1;
    const amount = violationAmount(cSense[k] as 0 | 1 | 2, csum[cBase[k]! + (cPer[k] ? j : 0)]!, cRhs[k]! * open);
    if (amount === 0) return;
    if (cHard[k]) hardV += sign * amount;
    else softPen += sign * cPen[k]! * amount;
  };
  /** Adds `sign ×` the violation of every constraint copy that moving row i from → to can change. */
  const pass = (i: number, from: number, to: number, sign: number, openFrom: boolean, openTo: boolean): void => {
    if (from >= 0) hardV += sign * colViol(from);
    if (to >= 0) hardV += sign * colViol(to);
    for (let p = rowConsStart[i]!; p < rowConsStart[i + 1]!; p++) {
      const k = rowCons[p]!;
      if (cPer[k]) {
        const cc = colCoef[k]!;
        if (from >= 0 && cc[from] !== 0 && !openFrom) contrib(k, from, sign);
        if (to >= 0 && cc[to] !== 0 && !openTo) contrib(k, to, sign);
      } else contrib(k, 0, sign);
    }
    if (openFrom) for (const k of colPer[from]!) contrib(k, from, sign);
    if (openTo) for (const k of colPer[to]!) contrib(k, to, sign);
  };
  const slotInc = (j: number, s: number): void => {
    const c = cnt[j * S + s]!++;
    const b = histBase[j]!;
    hist[b + c]!--; hist[b + c + 1]!++;
    if (c + 1 > maxc[j]!) maxc[j] = c + 1;
  };
  const slotDec = (j: number, s: number): void => {
    const c = cnt[j * S + s]!--;
    const b = histBase[j]!;
    hist[b + c]!--; hist[b + c - 1]!++;
    if (c === maxc[j] && hist[b + c] === 0) maxc[j] = c - 1;
  };

  // Distinct classes: per group, rows assigned, classes hit and a count per class.
  const dm = m.distinct;
  const G = dm ? dm.groupMin.length : 0;
  const C = dm ? dm.classCount : 0;
  const gAssigned = new Int32Array(G), gHit = new Int32Array(G), gCnt = new Int32Array(G * C);
  const gViol = (g: number): number => (gAssigned[g]! > 0 && gHit[g]! < dm!.groupMin[g]! ? dm!.groupMin[g]! - gHit[g]! : 0);
  const distinctMove = (g: number, from: number, to: number): void => {
    hardV -= gViol(g);
    if (from >= 0) {
      gAssigned[g]!--;
      const c = dm!.classOf[from]!;
      if (c >= 0 && --gCnt[g * C + c]! === 0) gHit[g]!--;
    }
    if (to >= 0) {
      gAssigned[g]!++;
      const c = dm!.classOf[to]!;
      if (c >= 0 && gCnt[g * C + c]!++ === 0) gHit[g]!++;
    }
    hardV += gViol(g);
  };

  const changeRow = (i: number, to: number): void => {
    const from = assign[i]!;
    if (from === to) return;
    if (dm && dm.groupOf[i]! >= 0) distinctMove(dm.groupOf[i]!, from, to);
    const openFrom = from >= 0 && m.optional[from] === 1 && load[from] === 1;
    const openTo = to >= 0 && m.optional[to] === 1 && load[to] === 0;
    pass(i, from, to, -1, openFrom, openTo);
    for (let p = rowConsStart[i]!; p < rowConsStart[i + 1]!; p++) {
      const k = rowCons[p]!;
      const r = rowCoef[k]![i]!, cc = colCoef[k]!;
      if (cPer[k]) {
        if (from >= 0) csum[cBase[k]! + from]! -= r * cc[from]!;
        if (to >= 0) csum[cBase[k]! + to]! += r * cc[to]!;
      } else csum[cBase[k]!]! += r * ((to >= 0 ? cc[to]! : 0) - (from >= 0 ? cc[from]! : 0));
    }
    for (let p = m.adjStart[i]!; p < m.adjStart[i + 1]!; p++) {
      const a = assign[m.adjRow[p]!]!;
      if (a < 0) continue;
      if (a === from) cohSum -= m.adjW[p]!;
      else if (a === to) cohSum += m.adjW[p]!;
    }
    if (from >= 0) {
      scoreSum -= score[i * cols + from]!;
      load[from]!--;
      const list = members[from]!, q = pos[i]!, last = list.pop()!;
      if (last !== i) { list[q] = last; pos[last] = q; }
      if (sl) for (let t = sl.rowStart[i]!; t < sl.rowStart[i + 1]!; t++) {
        const s = sl.rowSlot[t]!;
        if (sl.colAllows[from * S + s]) slotDec(from, s);
      }
    } else if (m.mustAssign[i]) hardV -= 1;
    if (to >= 0) {
      scoreSum += score[i * cols + to]!;
      load[to]!++;
      pos[i] = members[to]!.length;
      members[to]!.push(i);
      if (sl) for (let t = sl.rowStart[i]!; t < sl.rowStart[i + 1]!; t++) {
        const s = sl.rowSlot[t]!;
        if (sl.colAllows[to * S + s]) slotInc(to, s);
      }
    } else if (m.mustAssign[i]) hardV += 1;
    assign[i] = to;
    pass(i, from, to, 1, openFrom, openTo);
  };

  // Initial state: everything unassigned, then apply the start.
  for (let i = 0; i < rows; i++) if (m.mustAssign[i]) hardV += 1;
  for (let j = 0; j < cols; j++) hardV += colViol(j);
  for (let k = 0; k < nc; k++) {
    if (cPer[k]) for (const j of m.constraints[k]!.colList) contrib(k, j, 1);
    else contrib(k, 0, 1);
  }
  for (let i = 0; i < rows; i++) if (o.start[i]! >= 0) changeRow(i, o.start[i]!);
  const value = (): number => scoreSum + cohSum - softPen - BIG * hardV;
  const FEAS = 1e-6;

  // Groups that may stay empty but need ≥ 2 rows to open: one-row moves cannot open or close
  // them without passing through a hard violation, so "open" and "close" moves do it whole.
  let groupMoves = false;
  let maxBatch = 4;
  for (let j = 0; j < cols; j++) {
    if (m.optional[j] && m.lower[j]! >= 2) groupMoves = true;
    maxBatch = Math.max(maxBatch, m.upper[j]! + 1);
  }
  const colRowStart = new Int32Array(groupMoves ? cols + 1 : 0);
  let colRow = new Int32Array(0);
  const hasLock = new Uint8Array(cols);
  const pend = new Int32Array(groupMoves ? cols : 0);
  const picked = new Uint8Array(groupMoves ? rows : 0);
  if (groupMoves) {
    for (let a = 0; a < m.allowCol.length; a++) colRowStart[m.allowCol[a]! + 1]!++;
    for (let j = 0; j < cols; j++) colRowStart[j + 1]! += colRowStart[j]!;
    colRow = new Int32Array(m.allowCol.length);
    const at = colRowStart.slice(0, cols);
    for (let i = 0; i < rows; i++) for (let a = m.allowStart[i]!; a < m.allowStart[i + 1]!; a++) colRow[at[m.allowCol[a]!]!++] = i;
    for (let i = 0; i < rows; i++) if (m.lockedCol[i]! >= 0) hasLock[m.lockedCol[i]!] = 1;
  }

  // Move proposal into `chRow`/`chTo` (applied in order); returns the number of changes.
  const chRow = new Int32Array(maxBatch), chTo = new Int32Array(maxBatch), chOld = new Int32Array(maxBatch);
  const nm = movable.length;
  const pick = (j: number): number => { const l = members[j]!; return l[rng.int(l.length)]!; };
  const isMovable = (k: number): boolean => m.lockedCol[k]! < 0;
  const fits = (k: number, j: number): boolean => j < 0 || allowed[k * cols + j] === 1;
  const swapInto = (i: number, b: number, avoid: number): number => {
    // i goes to full col b; a member of b goes to i's col.
    const a = assign[i]!;
    const k = pick(b);
    if (k === avoid || !isMovable(k) || !fits(k, a)) return 0;
    chRow[0] = i; chTo[0] = b; chRow[1] = k; chTo[1] = a;
    return 2;
  };
  /** Closes row i's group: every member moves to a random open col with room, or out. */
  const closeGroup = (i: number): number => {
    const a = assign[i]!;
    if (a < 0 || !m.optional[a] || m.lower[a]! < 2 || hasLock[a]) return 0;
    const list = members[a]!;
    if (list.length > maxBatch) return 0;
    let n = 0;
    for (const k of list) {
      let to = -1;
      const d = m.allowStart[k + 1]! - m.allowStart[k]!;
      for (let t = 0; t < 3 && to < 0; t++) {
        const b = m.allowCol[m.allowStart[k]! + rng.int(d)]!;
        if (b !== a && load[b]! > 0 && load[b]! + pend[b]! < m.upper[b]!) to = b;
      }
      if (to >= 0) pend[to]!++;
      chRow[n] = k; chTo[n] = to; n++;
    }
    for (let t = 0; t < n; t++) if (chTo[t]! >= 0) pend[chTo[t]!] = 0;
    return n;
  };
  /** Opens an empty group that row i may join, with i and enough random allowed rows to fill its minimum. */
  const openGroup = (i: number): number => {
    const d = m.allowStart[i + 1]! - m.allowStart[i]!;
    const b = m.allowCol[m.allowStart[i]! + rng.int(d)]!;
    if (load[b]! !== 0 || !m.optional[b] || m.lower[b]! < 2) return 0;
    const need = m.lower[b]!;
    const donorOk = (k: number): boolean => {
      const c = assign[k]!;
      return c < 0 || load[c]! - pend[c]! > m.lower[c]! || (m.optional[c] === 1 && load[c]! - pend[c]! === 1);
    };
    let n = 0;
    const take = (k: number): void => {
      picked[k] = 1;
      const c = assign[k]!;
      if (c >= 0) pend[c]!++;
      chRow[n] = k; chTo[n] = b; n++;
    };
    if (donorOk(i)) take(i);
    const span = colRowStart[b + 1]! - colRowStart[b]!;
    for (let t = 0; t < 4 * need && n < need && n > 0; t++) {
      const k = colRow[colRowStart[b]! + rng.int(span)]!;
      if (picked[k] || !isMovable(k) || !donorOk(k)) continue;
      take(k);
    }
    for (let t = 0; t < n; t++) {
      picked[chRow[t]!] = 0;
      const c = assign[chRow[t]!]!;
      if (c >= 0) pend[c] = 0;
    }
    return n === need ? n : 0;
  };
  const propose = (): number => {
    if (nm === 0) return 0;
    const r = rng.next();
    if (groupMoves && r < 0.04) {
      const i = movable[rng.int(nm)]!;
      return r < 0.02 ? closeGroup(i) : openGroup(i);
    }
    if (r < 0.45 || (r < 0.6 && cohesive.length === 0)) {
      const i = movable[rng.int(nm)]!;
      const a = assign[i]!;
      if (a >= 0 && !m.mustAssign[i] && rng.next() < 0.1) { chRow[0] = i; chTo[0] = -1; return 1; }
      const d = m.allowStart[i + 1]! - m.allowStart[i]!;
      const b = m.allowCol[m.allowStart[i]! + rng.int(d)]!;
      if (b === a) return 0;
      if (load[b]! < m.upper[b]!) { chRow[0] = i; chTo[0] = b; return 1; }
      return swapInto(i, b, -1);
    }
    if (r < 0.6) {
      const i = cohesive[rng.int(cohesive.length)]!;
      const p = m.adjStart[i]! + rng.int(m.adjStart[i + 1]! - m.adjStart[i]!);
      const nb = m.adjRow[p]!;
      const b = assign[nb]!;
      if (b < 0 || b === assign[i] || !fits(i, b)) return 0;
      if (load[b]! < m.upper[b]!) { chRow[0] = i; chTo[0] = b; return 1; }
      return swapInto(i, b, nb);
    }
    if (r < 0.88) {
      const i = movable[rng.int(nm)]!, k = movable[rng.int(nm)]!;
      const a = assign[i]!, b = assign[k]!;
      if (a === b || !fits(i, b) || !fits(k, a)) return 0;
      chRow[0] = i; chTo[0] = b; chRow[1] = k; chTo[1] = a;
      return 2;
    }
    // 2-exchange between two cols.
    const i = movable[rng.int(nm)]!, k = movable[rng.int(nm)]!;
    const a = assign[i]!, b = assign[k]!;
    if (a < 0 || b < 0 || a === b || load[a]! < 2 || load[b]! < 2) return 0;
    const i2 = pick(a), k2 = pick(b);
    if (i2 === i || k2 === k || !isMovable(i2) || !isMovable(k2)) return 0;
    if (!fits(i, b) || !fits(k, a) || !fits(i2, b) || !fits(k2, a)) return 0;
    chRow[0] = i; chTo[0] = b; chRow[1] = k; chTo[1] = a; chRow[2] = i2; chTo[2] = b; chRow[3] = k2; chTo[3] = a;
    return 4;
  };
  const apply = (n: number): void => {
    for (let t = 0; t < n; t++) { chOld[t] = assign[chRow[t]!]!; changeRow(chRow[t]!, chTo[t]!); }
  };
  const undo = (n: number): void => {
    for (let t = n - 1; t >= 0; t--) changeRow(chRow[t]!, chOld[t]!);
  };

  // Temperature: initial acceptance of an average worsening move ≈ 20 %, cooled 1000-fold.
  let worse = 0, nWorse = 0;
  for (let s = 0; s < 400 && nm > 0; s++) {
    const n = propose();
    if (n === 0) continue;
    const before = value(), hv = hardV;
    apply(n);
    const d = value() - before;
    if (d < 0 && Math.abs(hardV - hv) < FEAS) { worse -= d; nWorse++; }
    undo(n);
  }
  const T0 = nWorse > 0 ? worse / nWorse / Math.log(5) : Math.max(1e-6, maxScore * 1e-3);
  const Tend = T0 * 1e-3;

  let cur = value();
  const best = new Int32Array(assign);
  let bestValue = hardV < FEAS ? cur : -Infinity;
  let haveFeasible = hardV < FEAS;
  let pendingBest = false;
  const least = new Int32Array(assign);
  let leastValue = cur;
  let pendingLeast = false;
  const save = (target: Int32Array, n: number): void => {
    target.set(assign);
    for (let t = 0; t < n; t++) target[chRow[t]!] = chOld[t]!;
  };

  const maxIter = o.maxIterations;
  const byTime = !Number.isFinite(maxIter);
  let iter = 0, T: number, timedOut = false;
  let lastYield = performance.now();
  while (iter < maxIter) {
    const now = performance.now();
    if (now - t0 >= o.timeLimitMs) { timedOut = !byTime; break; }
    if (now - lastYield >= YIELD_MS) {
      await yieldToHost();
      throwIfAborted(o.signal);
      lastYield = performance.now();
    }
    const progress = byTime ? (now - t0) / o.timeLimitMs : iter / maxIter;
    T = T0 * Math.pow(Tend / T0, progress);
    const end = Math.min(maxIter, iter + CHUNK);
    for (; iter < end; iter++) {
      const n = propose();
      if (n === 0) continue;
      apply(n);
      const next = value();
      const d = next - cur;
      if (d >= 0 || rng.next() < Math.exp(d / T)) {
        if (d < 0) {
          // Leaving a local best: store it before moving on (saved lazily, not on every gain).
          if (pendingBest) { save(best, n); pendingBest = false; }
          if (pendingLeast) { save(least, n); pendingLeast = false; }
        }
        cur = next;
        if (hardV < FEAS && cur > bestValue + 1e-12) { bestValue = cur; pendingBest = true; haveFeasible = true; }
        if (!haveFeasible && cur > leastValue) { leastValue = cur; pendingLeast = true; }
      } else undo(n);
    }
  }
  throwIfAborted(o.signal);
  if (pendingBest) best.set(assign);
  if (pendingLeast) least.set(assign);
  return { rowToCol: haveFeasible ? best : least, feasible: haveFeasible, iterations: iter, timedOut };
}
