import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { MatchInputError } from "../../src/errors.js";
import { solveSparseBMatching, verifySparseBMatching, type SparseBipartiteGraph } from "../../src/solvers/sparse-b-matching.js";

/** Graph from a matrix where `null` leaves the pair out. */
function toGraph(w: (number | null)[][], cols: number): SparseBipartiteGraph {
  const rowStart = new Int32Array(w.length + 1);
  const col: number[] = [];
  const weight: number[] = [];
  w.forEach((row, i) => {
    row.forEach((v, j) => { if (v !== null) { col.push(j); weight.push(v); } });
    rowStart[i + 1] = col.length;
  });
  return { rows: w.length, cols, rowStart, col: Int32Array.from(col), weight: Float64Array.from(weight) };
}

/** Brute force over edge subsets: most edges, then most minimum seats filled, then best total. */
function bruteForce(g: SparseBipartiteGraph, rowCap: number[], colCap: number[], colMin: number[], maximize: boolean) {
  const E = g.col.length;
  const rowOf: number[] = [];
  for (let i = 0; i < g.rows; i++) for (let e = g.rowStart[i]!; e < g.rowStart[i + 1]!; e++) rowOf.push(i);
  let best = { count: -1, filled: -1, total: 0 };
  for (let mask = 0; mask < 1 << E; mask++) {
    const rl = new Array(g.rows).fill(0);
    const cl = new Array(g.cols).fill(0);
    let count = 0;
    let total = 0;
    let ok = true;
    for (let e = 0; e < E && ok; e++) {
      if (!(mask & (1 << e))) continue;
      if (++rl[rowOf[e]!] > rowCap[rowOf[e]!]! || ++cl[g.col[e]!] > colCap[g.col[e]!]!) ok = false;
      count++;
      total += g.weight[e]!;
    }
    if (!ok) continue;
    const filled = colMin.reduce((s, l, j) => s + Math.min(l, cl[j]), 0);
    const better = count > best.count || (count === best.count && (filled > best.filled || (filled === best.filled && (maximize ? total > best.total : total < best.total))));
    if (better) best = { count, filled, total };
  }
  return best;
}

const instance = fc
  .record({ n: fc.integer({ min: 1, max: 4 }), m: fc.integer({ min: 1, max: 4 }) })
  .chain(({ n, m }) =>
    fc.record({
      m: fc.constant(m),
      w: fc.array(fc.array(fc.oneof({ weight: 3, arbitrary: fc.integer({ min: -9, max: 9 }) }, { weight: 2, arbitrary: fc.constant(null) }), { minLength: m, maxLength: m }), { minLength: n, maxLength: n }),
      rowCap: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: n, maxLength: n }),
      colCap: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: m, maxLength: m }),
      minShare: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: m, maxLength: m }),
      maximize: fc.boolean(),
    }),
  )
  .filter(({ w }) => w.flat().filter((v) => v !== null).length <= 12);

describe("solveSparseBMatching", () => {
  it("equals brute force (most edges, then minimum seats, then total) and its duals pass the checker", () => {
    fc.assert(
      fc.property(instance, ({ m, w, rowCap, colCap, minShare, maximize }) => {
        const g = toGraph(w, m);
        const colMin = colCap.map((c, j) => Math.floor(minShare[j]! * c));
        const options = { rowCapacity: rowCap, colCapacity: colCap, colMinimum: colMin, maximize };
        const got = solveSparseBMatching(g, options);
        const want = bruteForce(g, rowCap, colCap, colMin, maximize);
        const count = got.rowLoad.reduce((s, v) => s + v, 0);
        expect(count).toBe(want.count);
        expect(colMin.reduce((s, l, j) => s + Math.min(l, got.colLoad[j]!), 0)).toBe(want.filled);
        expect(got.total).toBeCloseTo(want.total, 9);
        expect(got.unmetMinimum).toEqual(colMin.flatMap((l, j) => (got.colLoad[j]! < l ? [j] : [])));
        expect(verifySparseBMatching(g, options, got).problems).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("worked example: the column minimum comes before the score", () => {
    // Maximising. Row 0 scores col 0 at 9 and col 1 at 1; row 1 only col 0 at 5. Column 0 takes
    // one row, column 1 one row with minimum 1. Two edges are possible only as row 0 → col 1,
    // row 1 → col 0 (1 + 5 = 6), which also fills column 1's minimum; 9 alone would be 1 edge.
    const g = toGraph([[9, 1], [5, null]], 2);
    const r = solveSparseBMatching(g, { rowCapacity: [1, 1], colCapacity: [1, 1], colMinimum: [0, 1], maximize: true });
    expect(Array.from(r.used)).toEqual([0, 1, 1]);
    expect(r.total).toBe(6);
    expect(r.unmetMinimum).toEqual([]);
  });

  it("the checker flags a worse b-matching whose duals cannot certify it", () => {
    // Maximising; rows 0 and 1 each take one of two columns. Optimal: 0→0 (5) and 1→1 (4) = 9.
    const g = toGraph([[5, 1], [3, 4]], 2);
    const options = { rowCapacity: [1, 1], colCapacity: [1, 1], maximize: true };
    const best = solveSparseBMatching(g, options);
    expect(best.total).toBe(9);
    const swapped = { used: Uint8Array.from([0, 1, 1, 0]), dual: best.dual, total: 4 };
    const check = verifySparseBMatching(g, options, swapped);
    expect(check.valid).toBe(false);
    expect(check.problems.some((p) => p.includes("reduced cost"))).toBe(true);
  });

  it("rejects malformed graphs and capacities", () => {
    const g = toGraph([[1, 2]], 2);
    expect(() => solveSparseBMatching({ ...g, col: Int32Array.from([0, 0]) }, { rowCapacity: [1], colCapacity: [1, 1] })).toThrow(MatchInputError);
    expect(() => solveSparseBMatching({ ...g, col: Int32Array.from([0, 5]) }, { rowCapacity: [1], colCapacity: [1, 1] })).toThrow(MatchInputError);
    expect(() => solveSparseBMatching({ ...g, weight: Float64Array.from([1, NaN]) }, { rowCapacity: [1], colCapacity: [1, 1] })).toThrow(MatchInputError);
    expect(() => solveSparseBMatching(g, { rowCapacity: [1], colCapacity: [1, 1], colMinimum: [2, 0] })).toThrow(MatchInputError);
    try {
      solveSparseBMatching({ ...g, rowStart: Int32Array.from([0, 3]) }, { rowCapacity: [1], colCapacity: [1, 1] });
      expect.unreachable();
    } catch (e) {
      expect((e as MatchInputError).issues[0]!.path).toEqual(["graph", "rowStart"]);
    }
  });
});
