import { runSteps, type Steps } from "../steps.js";
import { MatchInputError, type MatchIssue } from "../errors.js";
import { OptionReader, checkMemory, defaultMemoryLimit, describeValue, readNumberArray, readOptions } from "../guard.js";

/** Bytes the solver holds per vertex and per edge (its typed arrays, counted from the code, rounded up). */
const BYTES_PER_VERTEX = 128;
const BYTES_PER_EDGE = 128;
/** Vertex ids and blossom ids (up to 2n) are kept in Int32Arrays. */
const MAX_VERTICES = 2 ** 30 - 1;

/**
 * Options for {@link maxWeightMatching}.
 * @remarks Since 0.1.0
 */
export interface MaxWeightMatchingOptions {
  /**
   * When true, only matchings of maximum cardinality are considered and the heaviest of those is
   * returned (negative edges are then taken when that is the only way to match more vertices).
   * @defaultValue false
   */
  maxCardinality?: boolean;
}

/**
 * Result of {@link maxWeightMatching}.
 * @remarks Since 0.1.0
 */
export interface MaxWeightMatchingResult {
  /** `mate[v]` is the vertex matched to `v`, or −1 when `v` is unmatched. */
  mate: Int32Array;
  /** Sum of the weights of the matched edges. */
  total: number;
}

/**
 * Result of {@link verifyMatching}.
 * @remarks Since 0.1.0
 */
export interface MatchingCheck {
  /** True when `mate` is a symmetric matching that uses only given edges. */
  valid: boolean;
  /** One sentence per problem found (empty when valid). */
  problems: string[];
  /** Sum of the weights of the matched edges (the heaviest edge when a pair is listed twice). */
  total: number;
}

const DEFAULTS: Required<MaxWeightMatchingOptions> = { maxCardinality: false };

const FREE = 0;
const OUTER = 1; // "S" in Edmonds' notation
const INNER = 2; // "T"

/**
 * Maximum-weight matching in a general (non-bipartite) undirected graph: Edmonds' blossom
 * algorithm with vertex and blossom dual variables, in the O(n³) primal–dual organisation of
 * Galil. Used for peer mentoring, where everyone is in one pool.
 *
 * `edges` are `[u, v, w]` with `0 ≤ u, v < n`, `u ≠ v` and finite `w`. Edges with negative
 * weight are never worth taking unless `maxCardinality` forces them. When the same pair is listed
 * more than once, the heaviest copy is kept (only one can ever be used).
 *
 * Precision: vertex duals are stored doubled (`slack = y[u] + y[v] − 2w`) so that with integer
 * weights every quantity stays an integer and the result is exact (for |w| < 2^50). With
 * fractional weights an edge counts as tight when its slack is within `1e−11 × max|w|`; the total
 * is then optimal up to about `n × 1e−11 × max|w|`.
 *
 * @param n - number of vertices.
 * @param edges - `[u, v, weight]` triples.
 * @param options - `maxCardinality` (default `false`).
 * @returns `mate` (−1 for unmatched) and the matched `total`.
 * @throws MatchInputError for a bad `n`, an endpoint out of range, a self-loop or a non-finite
 *   weight (path `["edges", k, …]`).
 * @remarks Since 0.1.0
 *
 * Reference: J. Edmonds, "Paths, trees, and flowers", 1965; Z. Galil, "Efficient algorithms for
 * finding maximum matching in graphs", ACM Computing Surveys 18(1), 1986.
 */
export function maxWeightMatching(
  n: number,
  edges: ReadonlyArray<readonly [number, number, number]>,
  options?: MaxWeightMatchingOptions,
): MaxWeightMatchingResult {
  return runSteps(maxWeightMatchingSteps(n, edges, options));
}

/**
 * {@link maxWeightMatching} as a resumable computation (see `src/steps.ts`): it yields after each
 * stage (one augmentation) and after each dual update inside a stage.
 * @internal
 */
export function* maxWeightMatchingSteps(
  n: number,
  edges: ReadonlyArray<readonly [number, number, number]>,
  options?: MaxWeightMatchingOptions,
): Steps<MaxWeightMatchingResult> {
  const o = readOptions<MaxWeightMatchingOptions>(options, "options") as Record<string, unknown>;
  const read = new OptionReader(["options"]);
  const maxCardinality = read.boolean(o, "maxCardinality", DEFAULTS.maxCardinality);
  read.done();
  const graph = buildGraph(n, edges);
  const mate = new Int32Array(n).fill(-1);
  if (graph.m === 0 || n < 2) return { mate, total: 0 };
  const solver = new BlossomSolver(graph, maxCardinality);
  yield* solver.run();
  let total = 0;
  const { ends, weight } = graph;
  for (let v = 0; v < n; v++) {
    const p = solver.mate[v] as number;
    if (p >= 0) {
      mate[v] = ends[p] as number;
      if (v < (ends[p] as number)) total += weight[p >> 1] as number;
    }
  }
  return { mate, total };
}

/**
 * Checks that `mate` is a matching of the given graph: symmetric (`mate[mate[v]] === v`), no
 * vertex matched to itself, every matched pair an edge. Returns the matched total too. It does
 * not prove optimality.
 * @remarks Since 0.1.0
 */
export function verifyMatching(
  n: number,
  edges: ReadonlyArray<readonly [number, number, number]>,
  mate: ArrayLike<number>,
): MatchingCheck {
  buildGraph(n, edges);
  mate = readNumberArray(mate, ["mate"]);
  const problems: string[] = [];
  if (mate.length !== n) problems.push(`mate has length ${mate.length}, expected ${n}`);
  const best = new Map<number, number>();
  for (const [u, v, w] of edges) {
    const key = Math.min(u, v) * n + Math.max(u, v);
    const old = best.get(key);
    if (old === undefined || w > old) best.set(key, w);
  }
  let total = 0;
  const len = Math.min(n, mate.length);
  for (let v = 0; v < len; v++) {
    const u = mate[v] as number;
    if (u === -1) continue;
    if (!Number.isInteger(u) || u < 0 || u >= n) { problems.push(`mate[${v}] = ${u} is not a vertex`); continue; }
    if (u === v) { problems.push(`vertex ${v} is matched to itself`); continue; }
    if (mate[u] !== v) { problems.push(`mate[${v}] = ${u} but mate[${u}] = ${mate[u]}`); continue; }
    const w = best.get(Math.min(u, v) * n + Math.max(u, v));
    if (w === undefined) { problems.push(`pair (${v}, ${u}) is not an edge`); continue; }
    if (v < u) total += w;
  }
  return { valid: problems.length === 0, problems, total };
}

interface Graph {
  n: number;
  m: number;
  /** `ends[2k]`, `ends[2k + 1]`: the two endpoints of edge k. Endpoint p belongs to edge p >> 1. */
  ends: Int32Array;
  weight: Float64Array;
  /** CSR adjacency: for vertex v, `adjEnd[adjStart[v] .. adjStart[v+1])` are the far endpoints. */
  adjStart: Int32Array;
  adjEnd: Int32Array;
  allInteger: boolean;
  maxAbs: number;
}

function buildGraph(n: number, edges: ReadonlyArray<readonly [number, number, number]>): Graph {
  if (typeof n !== "number" || !Number.isInteger(n) || n < 0) {
    throw new MatchInputError([{ path: ["n"], code: "shape", message: `must be a non-negative integer, got ${describeValue(n)}` }]);
  }
  if (!Array.isArray(edges)) {
    throw new MatchInputError([{ path: ["edges"], code: "type", message: "expected an array of [u, v, weight]" }]);
  }
  if (n > MAX_VERTICES) {
    throw new MatchInputError([{ path: ["n"], code: "too-large", message: `${n} vertices is more than the ${MAX_VERTICES} the solver can index; split the graph` }]);
  }
  checkMemory({
    path: ["n"], what: `a graph of ${n} vertices and ${edges.length} edges`, entries: edges.length,
    bytes: n * BYTES_PER_VERTEX + edges.length * BYTES_PER_EDGE, limit: defaultMemoryLimit(),
    advice: "split the graph or drop edges that can never be chosen",
  });
  const issues: MatchIssue[] = [];
  const total = edges.length;
  const lo = new Int32Array(total);
  const hi = new Int32Array(total);
  const w = new Float64Array(total);
  for (let k = 0; k < total && issues.length < 20; k++) {
    const e: unknown = edges[k];
    if (!Array.isArray(e) || e.length < 3) {
      issues.push({ path: ["edges", k], code: "type", message: "expected [u, v, weight]" });
      continue;
    }
    const [u, v, x] = e as unknown as readonly [unknown, unknown, unknown];
    if (typeof u !== "number" || !Number.isInteger(u) || u < 0 || u >= n) {
      issues.push({ path: ["edges", k, 0], code: "range", message: `vertex ${describeValue(u)} is not an integer in [0, ${n})` });
      continue;
    }
    if (typeof v !== "number" || !Number.isInteger(v) || v < 0 || v >= n) {
      issues.push({ path: ["edges", k, 1], code: "range", message: `vertex ${describeValue(v)} is not an integer in [0, ${n})` });
      continue;
    }
    if (u === v) {
      issues.push({ path: ["edges", k], code: "self-loop", message: `edge joins vertex ${u} to itself` });
      continue;
    }
    if (typeof x !== "number" || !Number.isFinite(x)) {
      issues.push({ path: ["edges", k, 2], code: "weight", message: `weight must be a finite number, got ${describeValue(x)}` });
      continue;
    }
    lo[k] = Math.min(u, v);
    hi[k] = Math.max(u, v);
    w[k] = x;
  }
  if (issues.length > 0) throw new MatchInputError(issues);

  // Deduplicate: bucket edges by lower endpoint, then keep the heaviest copy of each pair.
  const start = new Int32Array(n + 1);
  for (let k = 0; k < total; k++) { const a = (lo[k] as number) + 1; start[a] = (start[a] as number) + 1; }
  for (let v = 0; v < n; v++) start[v + 1] = (start[v + 1] as number) + (start[v] as number);
  const fill = start.slice(0, n);
  const bucket = new Int32Array(total);
  for (let k = 0; k < total; k++) { const a = lo[k] as number; const at = fill[a] as number; fill[a] = at + 1; bucket[at] = k; }
  const keep = new Uint8Array(total);
  const seenAt = new Int32Array(n).fill(-1);
  const seenEdge = new Int32Array(n);
  let m = 0;
  for (let u = 0; u < n; u++) {
    for (let t = start[u] as number; t < (start[u + 1] as number); t++) {
      const k = bucket[t] as number;
      const v = hi[k] as number;
      if (seenAt[v] === u) {
        const other = seenEdge[v] as number;
        if ((w[k] as number) > (w[other] as number)) { keep[other] = 0; keep[k] = 1; seenEdge[v] = k; }
      } else {
        seenAt[v] = u; seenEdge[v] = k; keep[k] = 1; m++;
      }
    }
  }
  const ends = new Int32Array(2 * m);
  const weight = new Float64Array(m);
  const degree = new Int32Array(n + 1);
  let allInteger = true;
  let maxAbs = 0;
  let e = 0;
  for (let k = 0; k < total; k++) {
    if (keep[k] === 0) continue;
    const a = lo[k] as number, b = hi[k] as number, x = w[k] as number;
    ends[2 * e] = a; ends[2 * e + 1] = b; weight[e] = x;
    degree[a + 1] = (degree[a + 1] as number) + 1; degree[b + 1] = (degree[b + 1] as number) + 1;
    if (allInteger && !Number.isInteger(x)) allInteger = false;
    if (Math.abs(x) > maxAbs) maxAbs = Math.abs(x);
    e++;
  }
  for (let v = 0; v < n; v++) degree[v + 1] = (degree[v + 1] as number) + (degree[v] as number);
  const adjStart = degree;
  const pos = adjStart.slice(0, n);
  const adjEnd = new Int32Array(2 * m);
  for (let k = 0; k < m; k++) {
    // Vertex ends[2k] sees its neighbour through endpoint 2k + 1, and vice versa.
    const a = ends[2 * k] as number, b = ends[2 * k + 1] as number;
    const pa = pos[a] as number, pb = pos[b] as number;
    adjEnd[pa] = 2 * k + 1; pos[a] = pa + 1;
    adjEnd[pb] = 2 * k; pos[b] = pb + 1;
  }
  return { n, m, ends, weight, adjStart, adjEnd, allInteger, maxAbs };
}

/**
 * The primal–dual state. Vertices are 0..n−1; non-trivial blossoms take ids n..2n−1.
 * An "endpoint" p names one end of edge p >> 1; `ends[p]` is its vertex and p ^ 1 the other end.
 * `mate[v]` is the far endpoint of v's matched edge; `labelEnd[b]` the far endpoint (outside b)
 * of the edge through which b was labelled. Vertex duals are doubled, blossom duals are not.
 */
class BlossomSolver {
  readonly n: number;
  readonly ends: Int32Array;
  readonly weight2: Float64Array;
  readonly adjStart: Int32Array;
  readonly adjEnd: Int32Array;
  readonly maxCardinality: boolean;
  readonly eps: number;

  readonly mate: Int32Array;
  readonly label: Int8Array;
  readonly labelEnd: Int32Array;
  readonly inBlossom: Int32Array;
  readonly parent: Int32Array;
  readonly base: Int32Array;
  readonly children: (Int32Array | null)[];
  /** `childEnds[b][i]`: endpoint in child i of the edge joining child i to child i + 1 (cyclically). */
  readonly childEnds: (Int32Array | null)[];
  readonly bestEdge: Int32Array;
  readonly blossomBestEdges: (Int32Array | null)[];
  readonly dual: Float64Array;
  /**
   * Edge k is "allowed" (known tight, usable in the alternating forest) in this stage. Kept per
   * adjacency slot, so the scan loop reads it sequentially: `allowedSlot[slotOf[2k]]` and
   * `allowedSlot[slotOf[2k + 1]]` both hold it. `allowedList[0 .. allowedCount)` lists the edges
   * set this stage, so the reset costs what was set instead of O(m).
   */
  readonly allowedSlot: Uint8Array;
  readonly allowedList: Int32Array;
  allowedCount = 0;
  /**
   * Per adjacency slot t (see Graph.adjEnd): the far vertex and the doubled weight, so scanning a
   * vertex reads memory sequentially instead of jumping through `ends` and `weight2` by edge id.
   */
  readonly adjVert: Int32Array;
  readonly adjW2: Float64Array;
  /** `slotOf[p]`: the adjacency slot whose `adjEnd` is endpoint p. */
  readonly slotOf: Int32Array;
  /**
   * `bestSlack[x]` is `slack(bestEdge[x])`, or +∞ when `bestEdge[x]` is −1: every write of
   * `bestEdge` writes it too, and the dual update recomputes it (with `slack()`, so the values are
   * bit-identical to computing them on demand). The scan loop then compares against one sequential
   * read instead of three scattered ones per edge.
   */
  readonly bestSlack: Float64Array;
  readonly freeIds: number[];
  readonly queue: number[] = [];
  readonly mark: Uint8Array;
  readonly bestTo: Int32Array;

  constructor(g: Graph, maxCardinality: boolean) {
    const n = g.n;
    this.n = n;
    this.ends = g.ends;
    this.weight2 = new Float64Array(g.m);
    let maxW = 0;
    for (let k = 0; k < g.m; k++) {
      const x = g.weight[k] as number;
      this.weight2[k] = 2 * x;
      if (x > maxW) maxW = x;
    }
    this.adjStart = g.adjStart;
    this.adjEnd = g.adjEnd;
    this.maxCardinality = maxCardinality;
    this.eps = g.allInteger ? 0 : 1e-11 * Math.max(1, g.maxAbs);
    this.mate = new Int32Array(n).fill(-1);
    this.label = new Int8Array(2 * n);
    this.labelEnd = new Int32Array(2 * n).fill(-1);
    this.inBlossom = new Int32Array(n);
    for (let v = 0; v < n; v++) this.inBlossom[v] = v;
    this.parent = new Int32Array(2 * n).fill(-1);
    this.base = new Int32Array(2 * n).fill(-1);
    for (let v = 0; v < n; v++) this.base[v] = v;
    this.children = new Array<Int32Array | null>(2 * n).fill(null);
    this.childEnds = new Array<Int32Array | null>(2 * n).fill(null);
    this.bestEdge = new Int32Array(2 * n).fill(-1);
    this.blossomBestEdges = new Array<Int32Array | null>(2 * n).fill(null);
    this.dual = new Float64Array(2 * n);
    for (let v = 0; v < n; v++) this.dual[v] = maxW;
    this.allowedSlot = new Uint8Array(2 * g.m);
    this.allowedList = new Int32Array(g.m);
    const m2 = 2 * g.m;
    this.adjVert = new Int32Array(m2);
    this.adjW2 = new Float64Array(m2);
    this.slotOf = new Int32Array(m2);
    for (let t = 0; t < m2; t++) {
      const p = g.adjEnd[t] as number;
      this.adjVert[t] = g.ends[p] as number;
      this.adjW2[t] = this.weight2[p >> 1] as number;
      this.slotOf[p] = t;
    }
    this.bestSlack = new Float64Array(2 * n).fill(Infinity);
    this.freeIds = [];
    for (let b = 2 * n - 1; b >= n; b--) this.freeIds.push(b);
    this.mark = new Uint8Array(2 * n);
    this.bestTo = new Int32Array(2 * n).fill(-1);
  }

  slack(k: number): number {
    return (this.dual[this.ends[2 * k] as number] as number) + (this.dual[this.ends[2 * k + 1] as number] as number) -
      (this.weight2[k] as number);
  }

  /** Marks edge k allowed (in both of its adjacency slots). */
  allow(k: number): void {
    const s0 = this.slotOf[2 * k] as number;
    if (this.allowedSlot[s0] === 1) return;
    this.allowedSlot[s0] = 1;
    this.allowedSlot[this.slotOf[2 * k + 1] as number] = 1;
    this.allowedList[this.allowedCount++] = k;
  }

  leaves(b: number, out: number[] = []): number[] {
    if (b < this.n) { out.push(b); return out; }
    for (const c of this.children[b] as Int32Array) this.leaves(c, out);
    return out;
  }

  assignLabel(w: number, t: number, p: number): void {
    const b = this.inBlossom[w] as number;
    this.label[w] = t; this.label[b] = t;
    this.labelEnd[w] = p; this.labelEnd[b] = p;
    this.bestEdge[w] = -1; this.bestEdge[b] = -1;
    this.bestSlack[w] = Infinity; this.bestSlack[b] = Infinity;
    if (t === OUTER) {
      if (b < this.n) this.queue.push(b);
      else for (const v of this.leaves(b)) this.queue.push(v);
    } else {
      // An inner blossom's base is matched; its mate becomes outer.
      const mb = this.mate[this.base[b] as number] as number;
      this.assignLabel(this.ends[mb] as number, OUTER, mb ^ 1);
    }
  }

  /** Walks up both alternating trees; returns the base of the new blossom, or −1 for an augmenting path. */
  scanBlossom(v0: number, w0: number): number {
    let v = v0, w = w0, found = -1;
    const path: number[] = [];
    while (v !== -1 || w !== -1) {
      let b = this.inBlossom[v] as number;
      if (this.mark[b] === 1) { found = this.base[b] as number; break; }
      path.push(b); this.mark[b] = 1;
      if (this.labelEnd[b] === -1) {
        v = -1;
      } else {
        v = this.ends[this.labelEnd[b] as number] as number;
        b = this.inBlossom[v] as number; // inner blossom
        v = this.ends[this.labelEnd[b] as number] as number;
      }
      if (w !== -1) { const t = v; v = w; w = t; }
    }
    for (const b of path) this.mark[b] = 0;
    return found;
  }

  addBlossom(baseVertex: number, k: number): void {
    let v = this.ends[2 * k] as number, w = this.ends[2 * k + 1] as number;
    const bb = this.inBlossom[baseVertex] as number;
    let bv = this.inBlossom[v] as number, bw = this.inBlossom[w] as number;
    // A laminar family of odd sets of at least three children never needs more than n ids; running
    // out means the state is corrupt, and carrying on with an undefined id would loop forever.
    if (this.freeIds.length === 0 || bv === bw) throw new Error("maxWeightMatching: internal error (degenerate blossom)");
    const b = this.freeIds.pop() as number;
    this.base[b] = baseVertex; this.parent[b] = -1; this.parent[bb] = b;
    const vSide: number[] = [], vEnds: number[] = [];
    while (bv !== bb) {
      this.parent[bv] = b; vSide.push(bv); vEnds.push(this.labelEnd[bv] as number);
      v = this.ends[this.labelEnd[bv] as number] as number; bv = this.inBlossom[v] as number;
    }
    const kids = [bb, ...vSide.reverse()];
    const kidEnds = [...vEnds.reverse(), 2 * k];
    while (bw !== bb) {
      this.parent[bw] = b; kids.push(bw); kidEnds.push((this.labelEnd[bw] as number) ^ 1);
      w = this.ends[this.labelEnd[bw] as number] as number; bw = this.inBlossom[w] as number;
    }
    this.children[b] = Int32Array.from(kids);
    this.childEnds[b] = Int32Array.from(kidEnds);
    this.label[b] = OUTER; this.labelEnd[b] = this.labelEnd[bb] as number; this.dual[b] = 0;
    for (const x of this.leaves(b)) {
      if (this.label[this.inBlossom[x] as number] === INNER) this.queue.push(x); // inner vertices turn outer
      this.inBlossom[x] = b;
    }
    // Least-slack edge from the new blossom to every other outer blossom (Galil's bookkeeping).
    const bestTo = this.bestTo, touched: number[] = [];
    for (const c of kids) {
      const lists = this.blossomBestEdges[c];
      if (lists !== null && lists !== undefined) {
        for (const e of lists) this.considerBestTo(b, e, touched);
      } else {
        for (const x of this.leaves(c)) {
          for (let t = this.adjStart[x] as number; t < (this.adjStart[x + 1] as number); t++) {
            this.considerBestTo(b, (this.adjEnd[t] as number) >> 1, touched);
          }
        }
      }
      this.blossomBestEdges[c] = null; this.bestEdge[c] = -1; this.bestSlack[c] = Infinity;
    }
    const list = new Int32Array(touched.length);
    let best = -1, bestS = Infinity;
    for (let i = 0; i < touched.length; i++) {
      const e = bestTo[touched[i] as number] as number;
      list[i] = e; bestTo[touched[i] as number] = -1;
      const s = this.slack(e);
      if (s < bestS) { bestS = s; best = e; }
    }
    this.blossomBestEdges[b] = list; this.bestEdge[b] = best; this.bestSlack[b] = bestS;
  }

  private considerBestTo(b: number, e: number, touched: number[]): void {
    let j = this.ends[2 * e + 1] as number;
    if (this.inBlossom[j] === b) j = this.ends[2 * e] as number;
    const bj = this.inBlossom[j] as number;
    if (bj === b || this.label[bj] !== OUTER) return;
    const cur = this.bestTo[bj] as number;
    if (cur === -1) { touched.push(bj); this.bestTo[bj] = e; } else if (this.slack(e) < this.slack(cur)) this.bestTo[bj] = e;
  }

  /** Index of the child of b that contains vertex v. */
  childIndexOf(b: number, v: number): number {
    let t = v;
    while (this.parent[t] !== b) t = this.parent[t] as number;
    return (this.children[b] as Int32Array).indexOf(t);
  }

  /** Endpoint in child j of the edge from child j to its neighbour in direction d (±1). */
  stepEnd(b: number, j: number, d: number): number {
    const ce = this.childEnds[b] as Int32Array;
    if (d === 1) return ce[j] as number;
    return (ce[(j - 1 + ce.length) % ce.length] as number) ^ 1;
  }

  expandBlossom(b: number, endOfStage: boolean): void {
    const n = this.n;
    const kids = this.children[b] as Int32Array;
    for (const s of kids) {
      this.parent[s] = -1;
      if (s < n) this.inBlossom[s] = s;
      else if (endOfStage && this.dual[s] === 0) this.expandBlossom(s, endOfStage);
      else for (const v of this.leaves(s)) this.inBlossom[v] = s;
    }
    if (!endOfStage && this.label[b] === INNER) {
      // Replace b in its alternating tree by the even-length path inside b from the entry child to
      // the base child; the other children become free unless an outer vertex already reaches them.
      const k = kids.length;
      const entry = this.inBlossom[this.ends[(this.labelEnd[b] as number) ^ 1] as number] as number;
      const e = kids.indexOf(entry);
      const d = e % 2 === 1 ? 1 : -1;
      let p = this.labelEnd[b] as number;
      let j = e;
      while (j !== 0) {
        this.label[this.ends[p ^ 1] as number] = FREE;
        this.assignLabel(this.ends[p ^ 1] as number, INNER, p);
        this.allow(this.stepEnd(b, j, d) >> 1); // matched edge to the next child
        j = (j + d + k) % k;
        p = this.stepEnd(b, j, d);
        this.allow(p >> 1);
        j = (j + d + k) % k;
      }
      const bv = kids[0] as number;
      const v0 = this.ends[p ^ 1] as number;
      this.label[v0] = INNER; this.label[bv] = INNER;
      this.labelEnd[v0] = p; this.labelEnd[bv] = p;
      this.bestEdge[bv] = -1; this.bestSlack[bv] = Infinity;
      j = (d + k) % k;
      while (j !== e) {
        const c = kids[j] as number;
        if (this.label[c] !== OUTER) {
          let reached = -1;
          for (const v of this.leaves(c)) if (this.label[v] !== FREE) { reached = v; break; }
          if (reached >= 0) {
            this.label[reached] = FREE;
            this.assignLabel(reached, INNER, this.labelEnd[reached] as number);
          }
        }
        j = (j + d + k) % k;
      }
    }
    this.label[b] = -1; this.labelEnd[b] = -1;
    this.children[b] = null; this.childEnds[b] = null;
    this.base[b] = -1; this.blossomBestEdges[b] = null; this.bestEdge[b] = -1; this.bestSlack[b] = Infinity;
    this.freeIds.push(b);
  }

  /** Re-matches inside blossom b so that vertex v becomes its base. */
  augmentBlossom(b: number, v: number): void {
    const n = this.n;
    let t = v;
    while (this.parent[t] !== b) t = this.parent[t] as number;
    if (t >= n) this.augmentBlossom(t, v);
    const kids = this.children[b] as Int32Array;
    const ce = this.childEnds[b] as Int32Array;
    const k = kids.length;
    const i = kids.indexOf(t);
    // Flip the even alternating path from child i to child 0: backward when i is even, forward when odd.
    const flip = (edgeIndex: number): void => {
      const p = ce[edgeIndex] as number;
      const a = this.ends[p] as number, c = this.ends[p ^ 1] as number;
      const ca = kids[edgeIndex] as number, cc = kids[(edgeIndex + 1) % k] as number;
      if (ca >= n) this.augmentBlossom(ca, a);
      if (cc >= n) this.augmentBlossom(cc, c);
      this.mate[a] = p ^ 1; this.mate[c] = p;
    };
    if (i % 2 === 0) { for (let e = i - 2; e >= 0; e -= 2) flip(e); } else { for (let e = i + 1; e < k; e += 2) flip(e); }
    const rotated = new Int32Array(k), rotatedEnds = new Int32Array(k);
    for (let x = 0; x < k; x++) { rotated[x] = kids[(x + i) % k] as number; rotatedEnds[x] = ce[(x + i) % k] as number; }
    this.children[b] = rotated; this.childEnds[b] = rotatedEnds;
    this.base[b] = v;
  }

  augmentMatching(k: number): void {
    const n = this.n;
    for (let side = 0; side < 2; side++) {
      let s = this.ends[2 * k + side] as number;
      let p = 2 * k + 1 - side;
      for (;;) {
        const bs = this.inBlossom[s] as number;
        if (bs >= n) this.augmentBlossom(bs, s);
        this.mate[s] = p;
        if (this.labelEnd[bs] === -1) break; // reached a tree root: a free vertex
        const t = this.ends[this.labelEnd[bs] as number] as number;
        const bt = this.inBlossom[t] as number;
        const q = this.labelEnd[bt] as number;
        s = this.ends[q] as number;
        const j = this.ends[q ^ 1] as number;
        if (bt >= n) this.augmentBlossom(bt, j);
        this.mate[j] = q;
        p = q ^ 1;
      }
    }
  }

  /**
   * Scans the edges of outer vertex v: grows the forest along tight edges, forms blossoms, and
   * records least-slack edges for the dual update. Returns true when it augmented the matching.
   */
  scanVertex(v: number): boolean {
    const { label, inBlossom, adjStart, adjEnd, adjVert, adjW2, allowedSlot, bestEdge, bestSlack, dual } = this;
    const eps = this.eps;
    // Vertex duals change only in the dual update, never while the queue drains, so v's dual can be
    // read once. Slacks are computed as (dual[v] + dual[w]) − 2w, bit-identical to slack(k) since
    // floating-point addition is commutative.
    const dv = dual[v] as number;
    for (let t = adjStart[v] as number, end = adjStart[v + 1] as number; t < end; t++) {
      const w = adjVert[t] as number;
      // Re-read v's top blossom for every edge: addBlossom (in tightEdge) may have just absorbed it,
      // and a stale id would let an edge inside the new blossom through (scanBlossom then returns
      // that blossom's own base and addBlossom wraps it in a one-child "blossom", again and again,
      // until the blossom ids run out).
      const bv = inBlossom[v] as number;
      const bw = inBlossom[w] as number;
      if (bv === bw) continue;
      if (allowedSlot[t] === 0) {
        const ks = dv + (dual[w] as number) - (adjW2[t] as number);
        if (ks > eps) {
          // Not tight: remember it if it is the least-slack edge to an outer blossom (for the
          // blossom) or to a free vertex (for the vertex). bestSlack[x] is +∞ when bestEdge[x] is −1.
          if (label[bw] === OUTER) {
            if (ks < (bestSlack[bv] as number)) { bestEdge[bv] = (adjEnd[t] as number) >> 1; bestSlack[bv] = ks; }
          } else if (label[w] === FREE) {
            if (ks < (bestSlack[w] as number)) { bestEdge[w] = (adjEnd[t] as number) >> 1; bestSlack[w] = ks; }
          }
          continue;
        }
        this.allow((adjEnd[t] as number) >> 1);
      }
      if (this.tightEdge(v, w, adjEnd[t] as number)) return true;
    }
    return false;
  }

  /**
   * Follows the tight (allowed) edge from outer vertex v to w (far endpoint p): labels w inner, or
   * forms a blossom, or augments. Returns true when it augmented.
   */
  tightEdge(v: number, w: number, p: number): boolean {
    const bw = this.inBlossom[w] as number;
    const label = this.label;
    if (label[bw] === FREE) {
      this.assignLabel(w, INNER, p ^ 1);
    } else if (label[bw] === OUTER) {
      const b = this.scanBlossom(v, w);
      if (b >= 0) this.addBlossom(b, p >> 1);
      else { this.augmentMatching(p >> 1); return true; }
    } else if (label[w] === FREE) {
      label[w] = INNER; this.labelEnd[w] = p ^ 1;
    }
    return false;
  }

  *run(): Steps<void> {
    const n = this.n;
    const { label, inBlossom, ends, allowedSlot, allowedList, bestEdge, dual, parent, base, queue, bestSlack, slotOf } = this;
    for (let stage = 0; stage < n; stage++) {
      label.fill(FREE);
      bestEdge.fill(-1); bestSlack.fill(Infinity);
      for (let b = n; b < 2 * n; b++) this.blossomBestEdges[b] = null;
      for (let i = 0; i < this.allowedCount; i++) {
        const k = allowedList[i] as number;
        allowedSlot[slotOf[2 * k] as number] = 0; allowedSlot[slotOf[2 * k + 1] as number] = 0;
      }
      this.allowedCount = 0;
      queue.length = 0;
      for (let v = 0; v < n; v++) {
        if (this.mate[v] === -1 && label[inBlossom[v] as number] === FREE) this.assignLabel(v, OUTER, -1);
      }
      let augmented = false;
      for (;;) {
        while (queue.length > 0 && !augmented) {
          if (this.scanVertex(queue.pop() as number)) augmented = true;
        }
        if (augmented) break;
        yield;

        // No augmenting path with the current tight edges: change the duals.
        let deltaType = -1, delta = 0, deltaEdge = -1, deltaBlossom = -1;
        if (!this.maxCardinality) {
          deltaType = 1;
          delta = Infinity;
          for (let v = 0; v < n; v++) if ((dual[v] as number) < delta) delta = dual[v] as number;
        }
        for (let v = 0; v < n; v++) {
          if (label[inBlossom[v] as number] === FREE && bestEdge[v] !== -1) {
            const d = bestSlack[v] as number;
            if (deltaType === -1 || d < delta) { delta = d; deltaType = 2; deltaEdge = bestEdge[v] as number; }
          }
        }
        for (let b = 0; b < 2 * n; b++) {
          if (parent[b] === -1 && label[b] === OUTER && bestEdge[b] !== -1 && (b < n || base[b] !== -1)) {
            const d = (bestSlack[b] as number) / 2;
            if (deltaType === -1 || d < delta) { delta = d; deltaType = 3; deltaEdge = bestEdge[b] as number; }
          }
        }
        for (let b = n; b < 2 * n; b++) {
          if (base[b] !== -1 && parent[b] === -1 && label[b] === INNER) {
            const d = dual[b] as number;
            if (deltaType === -1 || d < delta) { delta = d; deltaType = 4; deltaBlossom = b; }
          }
        }
        if (deltaType === -1) {
          // Max-cardinality mode with nothing left to grow: final update keeps duals verifiable.
          deltaType = 1;
          delta = Infinity;
          for (let v = 0; v < n; v++) if ((dual[v] as number) < delta) delta = dual[v] as number;
          delta = Math.max(0, delta);
        }
        if (delta < 0) delta = 0; // rounding with fractional weights
        for (let v = 0; v < n; v++) {
          const l = label[inBlossom[v] as number];
          if (l === OUTER) dual[v] = (dual[v] as number) - delta;
          else if (l === INNER) dual[v] = (dual[v] as number) + delta;
        }
        for (let b = n; b < 2 * n; b++) {
          if (base[b] !== -1 && parent[b] === -1) {
            if (label[b] === OUTER) dual[b] = (dual[b] as number) + delta;
            else if (label[b] === INNER) dual[b] = (dual[b] as number) - delta;
          }
        }
        for (let x = 0; x < 2 * n; x++) { // every slack may have changed
          const e = bestEdge[x] as number;
          if (e !== -1) bestSlack[x] = this.slack(e);
        }
        if (deltaType === 1) break;
        if (deltaType === 2 || deltaType === 3) {
          this.allow(deltaEdge);
          let i = ends[2 * deltaEdge] as number;
          if (label[inBlossom[i] as number] !== OUTER) i = ends[2 * deltaEdge + 1] as number;
          queue.push(i);
        } else {
          this.expandBlossom(deltaBlossom, false);
        }
      }
      if (!augmented) break;
      yield;
      // Outer blossoms whose dual fell to zero are dissolved between stages.
      for (let b = n; b < 2 * n; b++) {
        if (parent[b] === -1 && base[b] !== -1 && label[b] === OUTER && dual[b] === 0) this.expandBlossom(b, true);
      }
    }
  }
}
