import { MatchInputError, type MatchIssue } from "../errors.js";
import { readCounts, readDenseCost, type CostInput } from "./cost-input.js";
import { OptionReader } from "../guard.js";

/**
 * Options for {@link solveBMatching}.
 * @remarks Since 0.1.0
 */
export interface BMatchingOptions {
  /** Most edges at each row (non-negative integers, one per row). */
  rowCapacity: ArrayLike<number>;
  /** Most edges at each column (non-negative integers, one per column). */
  colCapacity: ArrayLike<number>;
  /** Maximise the total instead of minimising it. Default `false`. */
  maximize?: boolean;
}

/**
 * A b-matching: each edge (row, col) used at most once.
 * @remarks Since 0.1.0
 */
export interface BMatchingResult {
  /** Chosen edges as `[row, col]`, sorted by row then column. */
  edges: Array<[number, number]>;
  /** Edges at each row. */
  rowLoad: Int32Array;
  /** Edges at each column. */
  colLoad: Int32Array;
  /** Sum of the chosen entries. */
  total: number;
}

/**
 * Maximum-cardinality, optimal-weight bipartite b-matching on a dense matrix: every row takes at
 * most `rowCapacity[i]` columns, every column at most `colCapacity[j]` rows, and each pair at
 * most once. Among all b-matchings with the most edges it returns one of optimal total.
 * Forbidden pairs are `+Infinity` (minimising) or `-Infinity` (maximising), as in
 * `solveAssignment`.
 *
 * Successive shortest paths with node potentials (Dijkstra on reduced costs) on the flow network
 * source → rows → columns → sink; each augmentation adds one edge.
 * Reference: R. K. Ahuja, T. L. Magnanti, J. B. Orlin, "Network Flows", 1993, §9.7.
 *
 * Cost is O(F · (n·m + (n+m) log(n+m))) for F chosen edges: meant for shortlists and timetables,
 * not for 10⁴ × 10³ cohorts with large capacities.
 * @remarks Since 0.1.0
 */
export function solveBMatching(cost: CostInput, options: BMatchingOptions): BMatchingResult {
  if (options === null || typeof options !== "object" || Array.isArray(options)) {
    throw new MatchInputError([{ path: ["options"], code: "type", message: "expected { rowCapacity, colCapacity, maximize? }" }]);
  }
  const read = new OptionReader(["options"]);
  const maximize = read.boolean(options as unknown as Record<string, unknown>, "maximize", false);
  read.done();
  // The matrix, the allowed mask, the shifted costs and the chosen-edge mask.
  const { rows: n, cols: m, data } = readDenseCost(cost, "cost", 18);
  const issues: MatchIssue[] = [];
  const rowCap = readCounts(options.rowCapacity, "rowCapacity", n, issues, false, "row");
  const colCap = readCounts(options.colCapacity, "colCapacity", m, issues, false, "column");
  const forbidden = maximize ? -Infinity : Infinity;
  const allowed = new Uint8Array(n * m);
  let lo = Infinity;
  let hi = -Infinity;
  for (let k = 0; k < n * m; k++) {
    const v = data[k]!;
    if (v === forbidden) continue;
    if (!Number.isFinite(v)) {
      if (issues.length < 20) {
        issues.push({
          path: ["cost", Math.floor(k / m), k % m],
          code: Number.isNaN(v) ? "nan" : "wrong-infinity",
          message: Number.isNaN(v) ? "is NaN" : `is ${v}; forbidden pairs are ${forbidden} when ${maximize ? "maximising" : "minimising"}`,
        });
      }
      continue;
    }
    allowed[k] = 1;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (issues.length > 0) throw new MatchInputError(issues);

  // Non-negative edge costs: every unit of flow crosses exactly one row→col edge, so shifting
  // all costs by a constant does not change which max-flow is cheapest.
  const c = new Float64Array(n * m);
  for (let k = 0; k < n * m; k++) if (allowed[k]) c[k] = maximize ? hi - data[k]! : data[k]! - lo;

  const x = new Uint8Array(n * m);
  const rowLoad = new Int32Array(n);
  const colLoad = new Int32Array(m);
  // Node ids: rows 0..n-1, cols n..n+m-1, sink n+m. The source is implicit (distance 0 to rows
  // with spare capacity, whose potential we keep at 0 relative to it).
  const N = n + m + 1;
  const T = n + m;
  const pot = new Float64Array(N);
  const dist = new Float64Array(N);
  const prev = new Int32Array(N);
  const done = new Uint8Array(N);
  const heap = new MinHeap(N);

  for (;;) {
    dist.fill(Infinity);
    prev.fill(-1);
    done.fill(0);
    heap.clear();
    for (let i = 0; i < n; i++) {
      if (rowLoad[i]! < rowCap[i]!) {
        // A row with spare capacity is always at true distance 0 from the source (no negative
        // residual cycles), so its potential stays 0 and its reduced distance is 0.
        dist[i] = -pot[i]!;
        heap.push(i, dist[i]!);
      }
    }
    while (heap.size > 0) {
      const u = heap.pop();
      if (done[u]) continue;
      done[u] = 1;
      if (u === T) break;
      const du = dist[u]!;
      if (u < n) {
        const base = u * m;
        const pu = pot[u]!;
        for (let j = 0; j < m; j++) {
          const k = base + j;
          if (!allowed[k] || x[k]) continue;
          const v = n + j;
          if (done[v]) continue;
          const nd = du + c[k]! + pu - pot[v]!;
          if (nd < dist[v]!) {
            dist[v] = nd;
            prev[v] = u;
            heap.push(v, nd);
          }
        }
      } else {
        const j = u - n;
        const pu = pot[u]!;
        if (colLoad[j]! < colCap[j]!) {
          const nd = du + pu - pot[T]!;
          if (nd < dist[T]!) {
            dist[T] = nd;
            prev[T] = u;
            heap.push(T, nd);
          }
        }
        for (let i = 0; i < n; i++) {
          const k = i * m + j;
          if (!x[k] || done[i]) continue;
          const nd = du - c[k]! + pu - pot[i]!;
          if (nd < dist[i]!) {
            dist[i] = nd;
            prev[i] = u;
            heap.push(i, nd);
          }
        }
      }
    }
    if (!done[T]) break;
    const dT = dist[T]!;
    for (let v = 0; v < N; v++) pot[v]! += Math.min(dist[v]!, dT);
    // Augment one unit along the path sink ← col ← row ← col ← … ← row (free).
    let v = prev[T]!;
    colLoad[v - n]!++;
    for (;;) {
      const i = prev[v]!;
      const j = v - n;
      x[i * m + j] = 1;
      const back = prev[i]!;
      if (back === -1) {
        rowLoad[i]!++;
        break;
      }
      // Row i gives up its edge to column back−n and takes column j instead.
      x[i * m + (back - n)] = 0;
      v = back;
    }
  }

  const edges: Array<[number, number]> = [];
  let total = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      if (x[i * m + j]) {
        edges.push([i, j]);
        total += data[i * m + j]!;
      }
    }
  }
  return { edges, rowLoad, colLoad, total };
}


/** Binary min-heap of node ids keyed by distance, with lazy deletion. */
class MinHeap {
  private ids: Int32Array;
  private keys: Float64Array;
  size = 0;
  constructor(capacity: number) {
    this.ids = new Int32Array(Math.max(16, capacity));
    this.keys = new Float64Array(Math.max(16, capacity));
  }
  clear(): void {
    this.size = 0;
  }
  push(id: number, key: number): void {
    if (this.size === this.ids.length) {
      const ids = new Int32Array(this.size * 2);
      ids.set(this.ids);
      const keys = new Float64Array(this.size * 2);
      keys.set(this.keys);
      this.ids = ids;
      this.keys = keys;
    }
    let k = this.size++;
    while (k > 0) {
      const p = (k - 1) >> 1;
      if (this.keys[p]! <= key) break;
      this.ids[k] = this.ids[p]!;
      this.keys[k] = this.keys[p]!;
      k = p;
    }
    this.ids[k] = id;
    this.keys[k] = key;
  }
  pop(): number {
    const top = this.ids[0]!;
    const lastId = this.ids[--this.size]!;
    const lastKey = this.keys[this.size]!;
    let k = 0;
    for (;;) {
      let c = 2 * k + 1;
      if (c >= this.size) break;
      if (c + 1 < this.size && this.keys[c + 1]! < this.keys[c]!) c++;
      if (this.keys[c]! >= lastKey) break;
      this.ids[k] = this.ids[c]!;
      this.keys[k] = this.keys[c]!;
      k = c;
    }
    this.ids[k] = lastId;
    this.keys[k] = lastKey;
    return top;
  }
}
