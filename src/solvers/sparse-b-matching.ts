import { runSteps, STEP_WORK, type Steps } from "../steps.js";
import { MatchInputError, type MatchIssue } from "../errors.js";
import { readCounts } from "./cost-input.js";
import { OptionReader } from "../guard.js";

/**
 * A bipartite graph in compressed sparse row form: the edges of row i are
 * `col[rowStart[i] .. rowStart[i + 1])` with weights `weight[…]` at the same positions.
 * @remarks Since 0.2.0
 */
export interface SparseBipartiteGraph {
  rows: number;
  cols: number;
  /** `rows + 1` offsets into `col` and `weight`, non-decreasing, from 0 to the number of edges. */
  rowStart: Int32Array;
  /** Column of each edge. A (row, column) pair appears at most once. */
  col: Int32Array;
  /** Weight (cost, or score when maximising) of each edge; finite. */
  weight: Float64Array;
}

/**
 * Options for {@link solveSparseBMatching}.
 * @remarks Since 0.2.0
 */
export interface SparseBMatchingOptions {
  /** Most edges at each row (non-negative integers, one per row). */
  rowCapacity: ArrayLike<number>;
  /** Most edges at each column (non-negative integers, one per column). */
  colCapacity: ArrayLike<number>;
  /** Fewest edges each column should get when that is feasible; default 0 for every column. */
  colMinimum?: ArrayLike<number>;
  /** Maximise the total weight instead of minimising it. @defaultValue false */
  maximize?: boolean;
}

/**
 * Dual potentials of an optimal b-matching, in the minimising sense (weights negated when
 * maximising). The reduced cost of pair (i, j) with minimising cost c is the lexicographic pair
 * `(rowTier[i] − colTier[j], c + row[i] − col[j])`: the first part carries the cardinality and
 * minimum-seat tiers (integers), the second the cost. At an optimum every unused edge has reduced
 * cost ≥ (0, 0) and every used edge ≤ (0, 0) (up to rounding); a pair left out of the graph
 * whose reduced cost is ≥ (0, 0) could not improve the optimum if it were added.
 * @remarks Since 0.2.0
 */
export interface BMatchingDual {
  row: Float64Array;
  col: Float64Array;
  rowTier: Float64Array;
  colTier: Float64Array;
}

/**
 * Result of {@link solveSparseBMatching}.
 * @remarks Since 0.2.0
 */
export interface SparseBMatchingResult {
  /** 1 for each chosen edge (same positions as `graph.col`), else 0. */
  used: Uint8Array;
  rowLoad: Int32Array;
  colLoad: Int32Array;
  /** Sum of the chosen edges' weights. */
  total: number;
  /** Columns whose `colMinimum` could not be met, in increasing order. */
  unmetMinimum: number[];
  dual: BMatchingDual;
}

/**
 * Result of {@link verifySparseBMatching}.
 * @remarks Since 0.2.0
 */
export interface SparseBMatchingCheck {
  valid: boolean;
  /** One sentence per problem found (at most 20); empty when valid. */
  problems: string[];
}

/**
 * Maximum-cardinality, optimal-weight bipartite b-matching on a sparse graph: row i takes at most
 * `rowCapacity[i]` edges, column j at most `colCapacity[j]` and, when feasible, at least
 * `colMinimum[j]`; each edge at most once. The objective is lexicographic: most edges, then most
 * minimum seats filled (Σ_j min(load_j, minimum_j)), then the optimal total. Returns the dual
 * potentials that prove it (see {@link BMatchingDual}).
 *
 * Successive shortest paths with node potentials from one unit of supply at a time (Ahuja,
 * Magnanti, Orlin, "Network Flows", 1993, §9.7), driven from the side with fewer units so that
 * each Dijkstra stops as soon as it reaches a free partner (as Jonker–Volgenant do for
 * assignment). Each unit of the driving side may also stay unused at cost K (K + 1 when that eats
 * into a column minimum), with K = Σ minimum + 1, and a column's first `minimum` seats cost −1:
 * path lengths are integer/float pairs compared lexicographically, so the tiers never mix. Each
 * search touches only the nodes it reaches, never the whole graph.
 *
 * @throws MatchInputError for a malformed graph (paths under `graph`), a non-finite weight
 *   (`["graph", "weight", e]`), bad capacities (`["rowCapacity", i]`, …) or `colMinimum[j] >
 *   colCapacity[j]`.
 * @remarks Since 0.2.0
 */
export function solveSparseBMatching(graph: SparseBipartiteGraph, options: SparseBMatchingOptions): SparseBMatchingResult {
  return runSteps(sparseBMatchingSteps(graph, options));
}

/**
 * {@link solveSparseBMatching} on a subgraph of a larger problem whose rows and columns have
 * `fullRowDegree` / `fullColDegree` allowed pairs (at least their degree here). Every unit of
 * capacity the full problem could use takes part in the search, so the duals stay valid when
 * pairs of the full problem are added later: a pair with reduced cost ≥ 0 cannot improve it.
 * @internal
 */
export function solveSubgraphBMatching(graph: SparseBipartiteGraph, options: SparseBMatchingOptions, fullRowDegree?: ArrayLike<number>, fullColDegree?: ArrayLike<number>): SparseBMatchingResult {
  return runSteps(sparseBMatchingSteps(graph, options, fullRowDegree, fullColDegree));
}

/**
 * {@link solveSparseBMatching} as a resumable computation (see `src/steps.ts`): input errors are
 * thrown on the first resume, then it yields about every `STEP_WORK` edges scanned.
 * @internal
 */
export function* sparseBMatchingSteps(graph: SparseBipartiteGraph, options: SparseBMatchingOptions, fullRowDegree?: ArrayLike<number>, fullColDegree?: ArrayLike<number>): Steps<SparseBMatchingResult> {
  const { n, m, rowCap, colCap, colMin, maximize } = resolve(graph, options);
  const { rowStart, col, weight } = graph;
  const E = col.length;
  const sign = maximize ? -1 : 1;
  const colDegree = new Int32Array(m);
  for (let e = 0; e < E; e++) colDegree[col[e]!]!++;
  const rowUnitsOf = new Int32Array(n);
  const colUnitsOf = new Int32Array(m);
  let rowUnits = 0;
  let colUnits = 0;
  for (let i = 0; i < n; i++) {
    const d = Math.max(rowStart[i + 1]! - rowStart[i]!, fullRowDegree ? fullRowDegree[i]! : 0);
    rowUnits += rowUnitsOf[i] = Math.min(rowCap[i]!, d);
  }
  for (let j = 0; j < m; j++) {
    const d = Math.max(colDegree[j]!, fullColDegree ? fullColDegree[j]! : 0);
    colUnits += colUnitsOf[j] = Math.min(colCap[j]!, d);
  }

  const used = new Uint8Array(E);
  const dual: BMatchingDual = { row: new Float64Array(n), col: new Float64Array(m), rowTier: new Float64Array(n), colTier: new Float64Array(m) };
  if (colUnits < rowUnits) {
    // Drive from the columns: A = columns over the transposed graph, B = rows.
    const start = new Int32Array(m + 1);
    for (let j = 0; j < m; j++) start[j + 1] = start[j]! + colDegree[j]!;
    const fill = start.slice(0, m);
    const to = new Int32Array(E);
    const tcost = new Float64Array(E);
    const orig = new Int32Array(E);
    for (let i = 0; i < n; i++) {
      for (let e = rowStart[i]!; e < rowStart[i + 1]!; e++) {
        const t = fill[col[e]!]!++;
        to[t] = i;
        tcost[t] = sign * weight[e]!;
        orig[t] = e;
      }
      if (i % 256 === 255) yield;
    }
    const out = yield* successiveShortestPathsSteps({ nA: m, nB: n, start, to, cost: tcost, capA: colCap, minA: colMin, capB: rowCap, minB: new Int32Array(n), unitsA: colUnitsOf });
    for (let t = 0; t < E; t++) if (out.used[t]) used[orig[t]!] = 1;
    orientDual(dual, out, true);
  } else {
    let cost = weight;
    if (maximize) {
      cost = new Float64Array(E);
      for (let e = 0; e < E; e++) {
        cost[e] = -weight[e]!;
        if (e % STEP_WORK === STEP_WORK - 1) yield;
      }
    }
    const out = yield* successiveShortestPathsSteps({ nA: n, nB: m, start: rowStart, to: col, cost, capA: rowCap, minA: new Int32Array(n), capB: colCap, minB: colMin, unitsA: rowUnitsOf });
    used.set(out.used);
    orientDual(dual, out, false);
  }

  const rowLoad = new Int32Array(n);
  const colLoad = new Int32Array(m);
  let total = 0;
  for (let i = 0; i < n; i++) {
    for (let e = rowStart[i]!; e < rowStart[i + 1]!; e++) {
      if (!used[e]) continue;
      rowLoad[i]!++;
      colLoad[col[e]!]!++;
      total += weight[e]!;
    }
  }
  const unmetMinimum: number[] = [];
  for (let j = 0; j < m; j++) if (colLoad[j]! < colMin[j]!) unmetMinimum.push(j);
  return { used, rowLoad, colLoad, total, unmetMinimum, dual };
}

/**
 * Row/column duals from the driving side's potentials. Driving from the rows, rc(i, j) =
 * c + hA(i) − hB(j); from the columns, rc(i, j) = c + hA(j) − hB(i), so row = −hB, col = −hA.
 * @internal
 */
export function orientDual(dual: BMatchingDual, h: { hAP: Float64Array; hAS: Float64Array; hBP: Float64Array; hBS: Float64Array }, fromColumns: boolean): void {
  if (fromColumns) {
    for (let i = 0; i < dual.row.length; i++) { dual.row[i] = -h.hBS[i]!; dual.rowTier[i] = -h.hBP[i]!; }
    for (let j = 0; j < dual.col.length; j++) { dual.col[j] = -h.hAS[j]!; dual.colTier[j] = -h.hAP[j]!; }
  } else {
    dual.row.set(h.hAS); dual.rowTier.set(h.hAP);
    dual.col.set(h.hBS); dual.colTier.set(h.hBP);
  }
}

/**
 * Checks a b-matching on a sparse graph: capacities, `rowLoad`/`colLoad`/`total` consistent with
 * `used`, and, when `dual` is given, the optimality conditions on every edge (unused edges have
 * reduced cost ≥ 0, used edges ≤ 0, up to `tolerance` times the largest |weight|, default 1e-9).
 * The dual check covers the pairs only, not the capacity outlets, so it proves that no other
 * choice of edges on the same rows and columns' tiers would do better, which is the part a
 * caller adding pairs to the graph needs.
 * @remarks Since 0.2.0
 */
export function verifySparseBMatching(
  graph: SparseBipartiteGraph,
  options: SparseBMatchingOptions,
  result: { used: ArrayLike<number>; rowLoad?: ArrayLike<number>; colLoad?: ArrayLike<number>; total?: number; dual?: BMatchingDual },
  tolerance = 1e-9,
): SparseBMatchingCheck {
  const { n, m, rowCap, colCap, maximize } = resolve(graph, options);
  const problems: string[] = [];
  const say = (s: string) => { if (problems.length < 20) problems.push(s); };
  const E = graph.col.length;
  if (result.used.length !== E) return { valid: false, problems: [`used has length ${result.used.length}, expected ${E}`] };
  const rowLoad = new Int32Array(n);
  const colLoad = new Int32Array(m);
  let total = 0;
  let scale = 1;
  for (let e = 0; e < E; e++) scale = Math.max(scale, Math.abs(graph.weight[e]!));
  const eps = tolerance * scale;
  for (let i = 0; i < n; i++) {
    for (let e = graph.rowStart[i]!; e < graph.rowStart[i + 1]!; e++) {
      const j = graph.col[e]!;
      const on = result.used[e];
      if (on !== 0 && on !== 1) { say(`used[${e}] is ${on}, expected 0 or 1`); continue; }
      if (on) { rowLoad[i]!++; colLoad[j]!++; total += graph.weight[e]!; }
      const d = result.dual;
      if (!d) continue;
      const c = maximize ? -graph.weight[e]! : graph.weight[e]!;
      const p = d.rowTier[i]! - d.colTier[j]!;
      const s = c + d.row[i]! - d.col[j]!;
      if (!on && (p < 0 || (p === 0 && s < -eps))) say(`edge ${e} (row ${i}, column ${j}) is unused but has negative reduced cost (${p}, ${s})`);
      if (on && (p > 0 || (p === 0 && s > eps))) say(`edge ${e} (row ${i}, column ${j}) is used but has positive reduced cost (${p}, ${s})`);
    }
  }
  for (let i = 0; i < n; i++) {
    if (rowLoad[i]! > rowCap[i]!) say(`row ${i} has ${rowLoad[i]} edges, capacity ${rowCap[i]}`);
    if (result.rowLoad && result.rowLoad[i] !== rowLoad[i]) say(`rowLoad[${i}] is ${result.rowLoad[i]}, but ${rowLoad[i]} edges are used`);
  }
  for (let j = 0; j < m; j++) {
    if (colLoad[j]! > colCap[j]!) say(`column ${j} has ${colLoad[j]} edges, capacity ${colCap[j]}`);
    if (result.colLoad && result.colLoad[j] !== colLoad[j]) say(`colLoad[${j}] is ${result.colLoad[j]}, but ${colLoad[j]} edges are used`);
  }
  if (result.total !== undefined && Math.abs(result.total - total) > 1e-9 * Math.max(1, Math.abs(total))) {
    say(`total is ${result.total}, but the used edges sum to ${total}`);
  }
  return { valid: problems.length === 0, problems };
}

function resolve(graph: SparseBipartiteGraph, options: SparseBMatchingOptions) {
  const issues: MatchIssue[] = [];
  if (graph === null || typeof graph !== "object") throw new MatchInputError([{ path: ["graph"], code: "type", message: "expected { rows, cols, rowStart, col, weight }" }]);
  const { rows: n, cols: m, rowStart, col, weight } = graph;
  if (!Number.isInteger(n) || n < 0 || !Number.isInteger(m) || m < 0) {
    throw new MatchInputError([{ path: ["graph"], code: "shape", message: `rows and cols must be non-negative integers, got ${String(n)} × ${String(m)}` }]);
  }
  if (!(rowStart instanceof Int32Array) || !(col instanceof Int32Array) || !(weight instanceof Float64Array)) {
    throw new MatchInputError([{ path: ["graph"], code: "type", message: "rowStart and col must be Int32Array, weight a Float64Array" }]);
  }
  if (rowStart.length !== n + 1 || rowStart[0] !== 0 || rowStart[n] !== col.length || weight.length !== col.length) {
    throw new MatchInputError([{ path: ["graph", "rowStart"], code: "shape", message: `expected ${n + 1} offsets from 0 to ${col.length} (one edge per col and weight entry)` }]);
  }
  const seen = new Int32Array(m).fill(-1);
  for (let i = 0; i < n && issues.length < 20; i++) {
    if (rowStart[i + 1]! < rowStart[i]!) { issues.push({ path: ["graph", "rowStart", i + 1], code: "order", message: "offsets must not decrease" }); break; }
    for (let e = rowStart[i]!; e < rowStart[i + 1]!; e++) {
      const j = col[e]!;
      if (j < 0 || j >= m) issues.push({ path: ["graph", "col", e], code: "range", message: `column ${j} does not exist (${m} columns)` });
      else if (seen[j] === i) issues.push({ path: ["graph", "col", e], code: "duplicate", message: `pair (${i}, ${j}) appears twice` });
      else seen[j] = i;
      if (!Number.isFinite(weight[e]!)) issues.push({ path: ["graph", "weight", e], code: "not-finite", message: `is ${weight[e]}; leave forbidden pairs out of the graph` });
    }
  }
  if (options === null || typeof options !== "object" || Array.isArray(options)) {
    throw new MatchInputError([{ path: ["options"], code: "type", message: "expected { rowCapacity, colCapacity, colMinimum?, maximize? }" }]);
  }
  const read = new OptionReader(["options"]);
  const maximize = read.boolean(options as unknown as Record<string, unknown>, "maximize", false);
  read.done();
  const rowCap = readCounts(options.rowCapacity, "rowCapacity", n, issues, false, "row");
  const colCap = readCounts(options.colCapacity, "colCapacity", m, issues, false, "column");
  const colMin = readCounts(options.colMinimum, "colMinimum", m, issues, true, "column");
  if (issues.length === 0) {
    for (let j = 0; j < m; j++) {
      if (colMin[j]! > colCap[j]!) issues.push({ path: ["colMinimum", j], code: "range", message: `minimum ${colMin[j]} exceeds capacity ${colCap[j]}` });
    }
  }
  if (issues.length > 0) throw new MatchInputError(issues.slice(0, 20));
  return { n, m, rowCap, colCap, colMin, maximize };
}

/**
 * The flow network seen from the driving side A; edges a → b cost `cost[e]` (minimising), the
 * edges of a at `start[a] .. start[a + 1]`.
 * @internal
 */
export interface Network {
  nA: number;
  nB: number;
  start: Int32Array;
  to: Int32Array;
  cost: Float64Array;
  capA: Int32Array;
  minA: Int32Array;
  capB: Int32Array;
  minB: Int32Array;
  /** Units of supply searched per A node; default min(capA, degree). */
  unitsA?: Int32Array;
}

/**
 * One shortest-path search per unit of A's capacity. Potentials (Johnson form, pairs P/S): the
 * reduced cost of a → b is cost + h(a) − h(b) ≥ 0; of b's seat outlet tier(b) + h(b) − h(T); of
 * a's skip outlet K(+1) + h(a) − h(T). After a search that reaches the sink at distance t, every
 * scanned node moves by d − t, which keeps all reduced costs non-negative (AMO §9.7).
 */
export function successiveShortestPaths(net: Network): FlowOutcome {
  return runSteps(successiveShortestPathsSteps(net));
}

/** What {@link successiveShortestPaths} returns: the edges used and the final potentials. */
export interface FlowOutcome {
  used: Uint8Array;
  hAP: Float64Array;
  hAS: Float64Array;
  hBP: Float64Array;
  hBS: Float64Array;
}

/**
 * {@link successiveShortestPaths} as a resumable computation: a checkpoint (`yield`) about every
 * `STEP_WORK` edges scanned, even inside one search (see `src/steps.ts`).
 * @internal
 */
export function* successiveShortestPathsSteps(net: Network): Steps<FlowOutcome> {
  const { nA, nB, start, to, cost, capA, minA, capB, minB } = net;
  let work = 0;
  const E = to.length;
  let K = 1;
  for (let a = 0; a < nA; a++) K += minA[a]!;
  for (let b = 0; b < nB; b++) K += minB[b]!;

  // The A node owning edge e (binary search on start; only matched edges are ever looked up).
  const fromA = (e: number) => {
    let lo = 0, hi = nA - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (start[mid]! <= e) lo = mid; else hi = mid - 1;
    }
    return lo;
  };
  const units = new Int32Array(nA);
  const freeUnits = new Int32Array(nA);
  for (let a = 0; a < nA; a++) {
    units[a] = net.unitsA ? net.unitsA[a]! : Math.min(capA[a]!, start[a + 1]! - start[a]!);
    freeUnits[a] = units[a]! - Math.min(minA[a]!, units[a]!);
  }
  // Seats of b hold the edges matched to it: slotEdge[slotStart[b] .. slotStart[b] + loadB[b]).
  const degB = new Int32Array(nB);
  for (let e = 0; e < E; e++) degB[to[e]!]!++;
  const slotStart = new Int32Array(nB + 1);
  for (let b = 0; b < nB; b++) slotStart[b + 1] = slotStart[b]! + Math.min(capB[b]!, degB[b]!);
  const slotEdge = new Int32Array(slotStart[nB]!);
  // slotA[s] caches the A node of slotEdge[s].
  const slotA = new Int32Array(slotStart[nB]!);
  const used = new Uint8Array(E);
  const loadB = new Int32Array(nB);
  const skipped = new Int32Array(nA);

  const hAP = new Float64Array(nA), hAS = new Float64Array(nA);
  const hBP = new Float64Array(nB), hBS = new Float64Array(nB).fill(Infinity);
  for (let e = 0; e < E; e++) {
    if (cost[e]! < hBS[to[e]!]!) hBS[to[e]!] = cost[e]!;
    if (e % STEP_WORK === STEP_WORK - 1) yield;
  }
  for (let b = 0; b < nB; b++) if (hBS[b] === Infinity) hBS[b] = 0;
  let htP = K, htS = 0;
  for (let b = 0; b < nB; b++) {
    if (capB[b] === 0) continue; // (with or without edges: a pair added later may reach it)
    const vP = minB[b]! > 0 ? -1 : 0, vS = hBS[b]!;
    if (vP < htP || (vP === htP && vS < htS)) { htP = vP; htS = vS; }
  }

  const dAP = new Float64Array(nA), dAS = new Float64Array(nA);
  const dBP = new Float64Array(nB), dBS = new Float64Array(nB);
  const predB = new Int32Array(nB);
  const viaA = new Int32Array(nA);
  const seenB = new Int32Array(nB).fill(-1);
  const doneB = new Int32Array(nB).fill(-1);
  const doneA = new Int32Array(nA).fill(-1);
  const seenA = new Int32Array(nA).fill(-1);
  const doneAList = new Int32Array(nA);
  const doneBList = new Int32Array(nB);
  const heap = new PairHeap(Math.max(16, nA + nB));

  let stamp = 0;
  for (let src = 0; src < nA; src++) {
    for (let unit = 0; unit < units[src]!; unit++, stamp++) {
      heap.clear();
      let nDoneA = 0, nDoneB = 0;
      let tP = Infinity, tS = Infinity, tNode = -1, tAtB = false;

      let a = src, aP = 0, aS = 0; // the A node being scanned
      viaA[src] = -1;
      for (;;) {
        // Scan A node a, reached at (aP, aS): its skip outlet, then its unused edges.
        doneA[a] = stamp;
        seenA[a] = stamp;
        dAP[a] = aP; dAS[a] = aS;
        doneAList[nDoneA++] = a;
        if ((work += start[a + 1]! - start[a]! + 1) >= STEP_WORK) { work = 0; yield; }
        const tier = skipped[a]! < freeUnits[a]! ? K : K + 1;
        const yP = aP + tier + hAP[a]! - htP, yS = aS + hAS[a]! - htS;
        if (yP < tP || (yP === tP && yS < tS)) { tP = yP; tS = yS; tNode = a; tAtB = false; }
        const oP = aP + hAP[a]!, oS = aS + hAS[a]!;
        for (let e = start[a]!, end = start[a + 1]!; e < end; e++) {
          if (used[e]) continue;
          const b = to[e]!;
          if (doneB[b] === stamp) continue;
          const vP = oP - hBP[b]!, vS = oS + cost[e]! - hBS[b]!;
          // Nodes no nearer than the best path found so far can never improve it.
          if (!(vP < tP || (vP === tP && vS < tS))) continue;
          if (seenB[b] !== stamp || vP < dBP[b]! || (vP === dBP[b]! && vS < dBS[b]!)) {
            seenB[b] = stamp;
            dBP[b] = vP; dBS[b] = vS; predB[b] = e;
            const lb = loadB[b]!;
            if (lb < capB[b]!) {
              // A free seat ends a path here: an upper bound on the distance to the sink.
              const xP = vP + (lb < minB[b]! ? -1 : 0) + hBP[b]! - htP, xS = vS + hBS[b]! - htS;
              if (xP < tP || (xP === tP && xS < tS)) { tP = xP; tS = xS; tNode = b; tAtB = true; }
            }
            heap.push(b, vP, vS);
          }
        }
        // Pop in distance order until an A node comes up to be scanned.
        let next = -1;
        while (heap.size > 0) {
          const id = heap.topId();
          const xP0 = heap.topP(), xS0 = heap.topS();
          heap.pop();
          if (!(xP0 < tP || (xP0 === tP && xS0 < tS))) break;
          if (id >= nB) {
            const a2 = id - nB;
            if (doneA[a2] === stamp || xP0 !== dAP[a2] || xS0 !== dAS[a2]) continue;
            next = a2; aP = xP0; aS = xS0;
            break;
          }
          const b = id;
          if (doneB[b] === stamp || xP0 !== dBP[b] || xS0 !== dBS[b]) continue;
          doneB[b] = stamp;
          doneBList[nDoneB++] = b;
          const lb = loadB[b]!;
          if (lb < capB[b]!) {
            const xP = xP0 + (lb < minB[b]! ? -1 : 0) + hBP[b]! - htP, xS = xS0 + hBS[b]! - htS;
            if (xP < tP || (xP === tP && xS < tS)) { tP = xP; tS = xS; tNode = b; tAtB = true; }
          }
          // Backward along the matched edges a — b: a may give b up.
          const bP = xP0 + hBP[b]!, bS = xS0 + hBS[b]!;
          for (let s = slotStart[b]!, end = s + lb; s < end; s++) {
            const e = slotEdge[s]!;
            const h = slotA[s]!;
            if (doneA[h] === stamp) continue;
            const vP = bP - hAP[h]!, vS = bS - cost[e]! - hAS[h]!;
            if (!(vP < tP || (vP === tP && vS < tS))) continue;
            if (seenA[h] !== stamp || vP < dAP[h]! || (vP === dAP[h]! && vS < dAS[h]!)) {
              seenA[h] = stamp;
              dAP[h] = vP; dAS[h] = vS; viaA[h] = e;
              heap.push(nB + h, vP, vS);
            }
          }
        }
        if (next < 0) break;
        a = next;
      }

      for (let q = 0; q < nDoneA; q++) {
        const a = doneAList[q]!;
        hAP[a] = hAP[a]! + dAP[a]! - tP;
        hAS[a] = hAS[a]! + dAS[a]! - tS;
      }
      for (let q = 0; q < nDoneB; q++) {
        const b = doneBList[q]!;
        hBP[b] = hBP[b]! + dBP[b]! - tP;
        hBS[b] = hBS[b]! + dBS[b]! - tS;
      }

      // Augment. Walking back, each A node on the path gives up the edge it was reached by
      // (viaA) and takes the forward edge that reached the next B node (predB).
      if (tAtB) {
        const b = tNode;
        const e = predB[b]!;
        const s = slotStart[b]! + loadB[b]!;
        loadB[b]!++;
        a = fromA(e);
        slotEdge[s] = e; slotA[s] = a; used[e] = 1;
      } else {
        a = tNode;
        skipped[a]!++;
      }
      // Walking back, each A node on the path gives up the edge it was reached by (viaA) to the
      // A node whose forward edge reached that B node (predB).
      while (a !== src) {
        const g = viaA[a]!;
        const b = to[g]!;
        const e = predB[b]!;
        let s = slotStart[b]!;
        while (slotEdge[s] !== g) s++;
        used[g] = 0;
        a = fromA(e);
        slotEdge[s] = e; slotA[s] = a; used[e] = 1;
      }
    }
  }
  // Normalise so that the sink sits at potential 0 (rc of outlets unchanged).
  for (let a = 0; a < nA; a++) { hAP[a] = hAP[a]! - htP; hAS[a] = hAS[a]! - htS; }
  for (let b = 0; b < nB; b++) { hBP[b] = hBP[b]! - htP; hBS[b] = hBS[b]! - htS; }
  return { used, hAP, hAS, hBP, hBS };
}

/** Binary min-heap of ids keyed by (P, S) pairs compared lexicographically; lazy deletion. */
class PairHeap {
  private ids: Int32Array;
  private kp: Float64Array;
  private ks: Float64Array;
  size = 0;
  constructor(capacity: number) {
    this.ids = new Int32Array(capacity);
    this.kp = new Float64Array(capacity);
    this.ks = new Float64Array(capacity);
  }
  clear(): void { this.size = 0; }
  topId(): number { return this.ids[0]!; }
  topP(): number { return this.kp[0]!; }
  topS(): number { return this.ks[0]!; }
  push(id: number, p: number, s: number): void {
    if (this.size === this.ids.length) {
      const ids = new Int32Array(this.size * 2); ids.set(this.ids); this.ids = ids;
      const kp = new Float64Array(this.size * 2); kp.set(this.kp); this.kp = kp;
      const ks = new Float64Array(this.size * 2); ks.set(this.ks); this.ks = ks;
    }
    const { ids, kp, ks } = this;
    let x = this.size++;
    while (x > 0) {
      const up = (x - 1) >> 1;
      const uP = kp[up]!;
      if (uP < p || (uP === p && ks[up]! <= s)) break;
      ids[x] = ids[up]!; kp[x] = uP; ks[x] = ks[up]!;
      x = up;
    }
    ids[x] = id; kp[x] = p; ks[x] = s;
  }
  pop(): void {
    const { ids, kp, ks } = this;
    const n = --this.size;
    const lastId = ids[n]!, lp = kp[n]!, ls = ks[n]!;
    let x = 0;
    for (;;) {
      let c = 2 * x + 1;
      if (c >= n) break;
      const c2 = c + 1;
      if (c2 < n && (kp[c2]! < kp[c]! || (kp[c2] === kp[c] && ks[c2]! < ks[c]!))) c = c2;
      const cP = kp[c]!;
      if (lp < cP || (lp === cP && ls <= ks[c]!)) break;
      ids[x] = ids[c]!; kp[x] = cP; ks[x] = ks[c]!;
      x = c;
    }
    ids[x] = lastId; kp[x] = lp; ks[x] = ls;
  }
}
