import { MatchInputError, type MatchIssue } from "../errors.js";
import { checkMemory, defaultMemoryLimit, describeValue } from "../guard.js";

/**
 * Colours the edges of a bipartite multigraph with Δ colours (Δ = its maximum degree) so that no
 * two edges at a vertex share a colour — König's edge-colouring theorem, made constructive by
 * swapping two colours along an alternating path for each edge that finds no common free colour.
 * Reference: D. König, "Gráfok és alkalmazásuk…", 1916; the alternating-path proof as in
 * A. Schrijver, "Combinatorial Optimization", 2003, §20.1. O(E · (L + R)).
 *
 * `edges` are `[left, right]` with `0 ≤ left < leftCount`, `0 ≤ right < rightCount`.
 * Returns the colour of each edge (0 … colours − 1) and the number of colours used.
 * @remarks Since 0.1.0
 */
export function colorBipartiteEdges(
  leftCount: number,
  rightCount: number,
  edges: ReadonlyArray<readonly [number, number]>,
): { color: Int32Array; colors: number } {
  const issues: MatchIssue[] = [];
  const isCount = (x: unknown): x is number => typeof x === "number" && Number.isInteger(x) && x >= 0 && x <= 2 ** 30;
  if (!isCount(leftCount)) issues.push({ path: ["leftCount"], code: "shape", message: `must be an integer in [0, 2^30], got ${describeValue(leftCount)}` });
  if (!isCount(rightCount)) issues.push({ path: ["rightCount"], code: "shape", message: `must be an integer in [0, 2^30], got ${describeValue(rightCount)}` });
  if (!Array.isArray(edges)) issues.push({ path: ["edges"], code: "type", message: `expected an array of [left, right], got ${describeValue(edges)}` });
  if (issues.length > 0) throw new MatchInputError(issues);
  const V = leftCount + rightCount;
  checkMemory({ path: ["edges"], what: `${edges.length} edges on ${V} vertices`, entries: V, bytes: 8 * V + 16 * edges.length, limit: defaultMemoryLimit(), advice: "colour fewer edges at once" });
  const degree = new Int32Array(V);
  for (let e = 0; e < edges.length && issues.length < 20; e++) {
    const edge = edges[e] as unknown;
    if (!Array.isArray(edge) || edge.length < 2) {
      issues.push({ path: ["edges", e], code: "type", message: `expected [left, right], got ${describeValue(edge)}` });
      continue;
    }
    const [u, v] = edge as unknown[];
    if (!Number.isInteger(u) || !Number.isInteger(v) || (u as number) < 0 || (v as number) < 0 || (u as number) >= leftCount || (v as number) >= rightCount) {
      issues.push({ path: ["edges", e], code: "out-of-range", message: `edge [${describeValue(u)}, ${describeValue(v)}] is outside ${leftCount} × ${rightCount}` });
      continue;
    }
    degree[u as number]!++;
    degree[leftCount + (v as number)]!++;
  }
  if (issues.length > 0) throw new MatchInputError(issues);
  let delta = 0;
  for (const d of degree) if (d > delta) delta = d;
  // at[] below holds one entry per (vertex, colour).
  checkMemory({ path: ["edges"], what: `colouring ${edges.length} edges with ${delta} colours on ${V} vertices`, entries: V * delta, bytes: 4 * V * delta, limit: defaultMemoryLimit(), advice: "colour fewer edges at once" });
  // at[x * delta + c] = the edge of colour c at vertex x, or −1.
  const at = new Int32Array(V * delta).fill(-1);
  const color = new Int32Array(edges.length).fill(-1);
  const ends = (e: number): [number, number] => {
    const edge = edges[e]!;
    return [edge[0], leftCount + edge[1]];
  };
  const freeAt = (x: number): number => {
    for (let c = 0; c < delta; c++) if (at[x * delta + c] === -1) return c;
    return -1;
  };
  for (let e = 0; e < edges.length; e++) {
    const [u, v] = ends(e);
    const a = freeAt(u);
    const b = freeAt(v);
    if (at[v * delta + a] !== -1) {
      // a is taken at v and b is free at v. Walk the path from v whose edges alternate a, b, a, …
      // and swap the two colours on it; the path cannot reach u (bipartite parity), so afterwards
      // a is free at both u and v.
      const path: number[] = [];
      let x = v;
      let c = a;
      for (;;) {
        const f = at[x * delta + c]!;
        if (f === -1) break;
        path.push(f);
        const [p, q] = ends(f);
        x = p === x ? q : p;
        c = c === a ? b : a;
      }
      for (const f of path) {
        const [p, q] = ends(f);
        const old = color[f]!;
        if (at[p * delta + old] === f) at[p * delta + old] = -1;
        if (at[q * delta + old] === f) at[q * delta + old] = -1;
      }
      for (const f of path) {
        const [p, q] = ends(f);
        const nc = color[f] === a ? b : a;
        color[f] = nc;
        at[p * delta + nc] = f;
        at[q * delta + nc] = f;
      }
    }
    color[e] = a;
    at[u * delta + a] = e;
    at[v * delta + a] = e;
  }
  return { color, colors: delta };
}
