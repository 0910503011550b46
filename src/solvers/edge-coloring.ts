import { MatchInputError } from "../errors.js";

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
  const degree = new Int32Array(leftCount + rightCount);
  edges.forEach(([u, v], e) => {
    if (!Number.isInteger(u) || !Number.isInteger(v) || u < 0 || v < 0 || u >= leftCount || v >= rightCount) {
      throw new MatchInputError([{ path: ["edges", e], code: "out-of-range", message: `edge [${u}, ${v}] is outside ${leftCount} × ${rightCount}` }]);
    }
    degree[u]!++;
    degree[leftCount + v]!++;
  });
  let delta = 0;
  for (const d of degree) if (d > delta) delta = d;
  const V = leftCount + rightCount;
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
