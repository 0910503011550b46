import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { MatchInputError } from "../../src/errors.js";
import { solveBMatching } from "../../src/solvers/b-matching.js";
import { colorBipartiteEdges } from "../../src/solvers/edge-coloring.js";

/** Brute force: best (most edges, then best total) over all edge subsets within capacities. */
function bruteForce(w: number[][], rowCap: number[], colCap: number[], maximize: boolean) {
  const n = w.length;
  const m = w[0]?.length ?? 0;
  const forbidden = maximize ? -Infinity : Infinity;
  const cells: Array<[number, number]> = [];
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) if (w[i]![j] !== forbidden) cells.push([i, j]);
  let best = { count: -1, total: 0 };
  for (let mask = 0; mask < 1 << cells.length; mask++) {
    const rl = new Array(n).fill(0);
    const cl = new Array(m).fill(0);
    let count = 0;
    let total = 0;
    let ok = true;
    for (let k = 0; k < cells.length && ok; k++) {
      if (!(mask & (1 << k))) continue;
      const [i, j] = cells[k]!;
      if (++rl[i] > rowCap[i]! || ++cl[j] > colCap[j]!) ok = false;
      count++;
      total += w[i]![j]!;
    }
    if (!ok) continue;
    const better = count > best.count || (count === best.count && (maximize ? total > best.total : total < best.total));
    if (better) best = { count, total };
  }
  return best;
}

const instance = fc
  .record({ n: fc.integer({ min: 1, max: 4 }), m: fc.integer({ min: 1, max: 3 }) })
  .chain(({ n, m }) =>
    fc.record({
      w: fc.array(fc.array(fc.oneof({ weight: 4, arbitrary: fc.integer({ min: -20, max: 20 }) }, { weight: 1, arbitrary: fc.constant(null) }), { minLength: m, maxLength: m }), { minLength: n, maxLength: n }),
      rowCap: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: n, maxLength: n }),
      colCap: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: m, maxLength: m }),
      maximize: fc.boolean(),
    }),
  );

describe("solveBMatching", () => {
  it("equals brute force: most edges, then optimal total (≤ 12 cells)", () => {
    fc.assert(
      fc.property(instance, ({ w, rowCap, colCap, maximize }) => {
        const forbidden = maximize ? -Infinity : Infinity;
        const cost = w.map((row) => row.map((v) => (v === null ? forbidden : v)));
        const got = solveBMatching(cost, { rowCapacity: rowCap, colCapacity: colCap, maximize });
        const want = bruteForce(cost, rowCap, colCap, maximize);
        expect(got.edges.length).toBe(want.count);
        expect(got.total).toBeCloseTo(want.total, 9);
        // Capacities, no forbidden edge, no repeated edge, loads consistent.
        const seen = new Set<string>();
        const rl = new Array(rowCap.length).fill(0);
        const cl = new Array(colCap.length).fill(0);
        for (const [i, j] of got.edges) {
          expect(cost[i]![j]).not.toBe(forbidden);
          expect(seen.has(`${i},${j}`)).toBe(false);
          seen.add(`${i},${j}`);
          rl[i]++;
          cl[j]++;
        }
        rl.forEach((l, i) => expect(l).toBeLessThanOrEqual(rowCap[i]!));
        cl.forEach((l, j) => expect(l).toBeLessThanOrEqual(colCap[j]!));
        expect(Array.from(got.rowLoad)).toEqual(rl);
        expect(Array.from(got.colLoad)).toEqual(cl);
      }),
      { numRuns: 400 },
    );
  });

  it("worked example: two rows of capacity 2, three columns of capacity 1 (maximise)", () => {
    // Rows want 2 columns each but only 3 seats exist. Best: row 0 takes cols 0 and 1 (9 + 8),
    // row 1 takes col 2 (7): 24. Row 1 taking col 0 (5) instead would give at most 8+5+7 = 20.
    const r = solveBMatching([[9, 8, 1], [5, 1, 7]], { rowCapacity: [2, 2], colCapacity: [1, 1, 1], maximize: true });
    expect(r.edges).toEqual([[0, 0], [0, 1], [1, 2]]);
    expect(r.total).toBe(24);
  });

  it("regression: a row of capacity 2 reached through one matched edge while its other edge is not tight", () => {
    // Minimising. Row 0 (capacity 2) costs [9, 4, 1, 8]; row 1 (capacity 1) costs [0, 2, 2, ∞];
    // column capacities [0, 1, 1, 3]. Three edges are possible only with row 0 on column 3 (8):
    //   row 1 → col 1 (2), row 0 → cols 2, 3 (1 + 8): 11   ← optimum
    //   row 1 → col 2 (2), row 0 → cols 1, 3 (4 + 8): 14
    // A search that scanned a row at the distance of the first matched edge it came through
    // (assuming every matched edge tight) returned 14.
    const r = solveBMatching([[9, 4, 1, 8], [0, 2, 2, Infinity]], { rowCapacity: [2, 1], colCapacity: [0, 1, 1, 3] });
    expect(r.edges).toEqual([[0, 2], [0, 3], [1, 1]]);
    expect(r.total).toBe(11);
  });

  it("rejects NaN, the wrong infinity and bad capacities", () => {
    expect(() => solveBMatching([[NaN]], { rowCapacity: [1], colCapacity: [1] })).toThrow(MatchInputError);
    expect(() => solveBMatching([[-Infinity]], { rowCapacity: [1], colCapacity: [1] })).toThrow(MatchInputError);
    expect(() => solveBMatching([[1]], { rowCapacity: [-1], colCapacity: [1] })).toThrow(MatchInputError);
    expect(() => solveBMatching([[1]], { rowCapacity: [1, 1], colCapacity: [1] })).toThrow(MatchInputError);
  });
});

describe("colorBipartiteEdges", () => {
  it("uses exactly Δ colours and no vertex sees a colour twice", () => {
    const graph = fc.record({ L: fc.integer({ min: 1, max: 7 }), R: fc.integer({ min: 1, max: 7 }) }).chain(({ L, R }) =>
      fc.record({ L: fc.constant(L), R: fc.constant(R), edges: fc.array(fc.tuple(fc.integer({ min: 0, max: L - 1 }), fc.integer({ min: 0, max: R - 1 })), { maxLength: 40 }) }),
    );
    fc.assert(
      fc.property(graph, ({ L, R, edges }) => {
        const { color, colors } = colorBipartiteEdges(L, R, edges);
        const deg = new Map<string, number>();
        for (const [u, v] of edges) {
          deg.set(`L${u}`, (deg.get(`L${u}`) ?? 0) + 1);
          deg.set(`R${v}`, (deg.get(`R${v}`) ?? 0) + 1);
        }
        const delta = Math.max(0, ...deg.values());
        expect(colors).toBe(delta);
        const used = new Set<string>();
        edges.forEach(([u, v], e) => {
          const c = color[e]!;
          expect(c).toBeGreaterThanOrEqual(0);
          expect(c).toBeLessThan(delta);
          for (const key of [`L${u}:${c}`, `R${v}:${c}`]) {
            expect(used.has(key)).toBe(false);
            used.add(key);
          }
        });
      }),
      { numRuns: 300 },
    );
  });
});
