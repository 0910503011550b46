import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { solveCapacitatedAssignment } from "../../src/solvers/min-cost-flow.js";
import { solveSparseBMatching, verifySparseBMatching } from "../../src/solvers/sparse-b-matching.js";

// Independent oracle: with one edge per row, the b-matching is the capacitated assignment of
// min-cost-flow.ts (a separate implementation with the same lexicographic objective: most rows,
// then minimum seats, then total).
describe("solveSparseBMatching against solveCapacitatedAssignment (rows of capacity 1)", () => {
  it("same matched count, minimum seats filled and total, and duals that pass the checker", () => {
    const instance = fc.record({ n: fc.integer({ min: 1, max: 30 }), m: fc.integer({ min: 1, max: 12 }), seed: fc.integer({ min: 1, max: 2 ** 30 }), maximize: fc.boolean(), density: fc.double({ min: 0.1, max: 1, noNaN: true }) });
    fc.assert(
      fc.property(instance, ({ n, m, seed, maximize, density }) => {
        let s = seed >>> 0;
        const r = () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
        const data = new Float64Array(n * m);
        for (let k = 0; k < n * m; k++) data[k] = r() < density ? Math.round(r() * 100) / 10 : maximize ? -Infinity : Infinity;
        const capacity = Array.from({ length: m }, () => Math.floor(r() * 4));
        const minimum = capacity.map((c) => Math.floor(r() * (c + 1)));
        const ref = solveCapacitatedAssignment({ rows: n, cols: m, data }, { capacity, minimum, maximize });
        const rowStart = new Int32Array(n + 1);
        const col: number[] = [];
        const weight: number[] = [];
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < m; j++) if (Number.isFinite(data[i * m + j]!)) { col.push(j); weight.push(data[i * m + j]!); }
          rowStart[i + 1] = col.length;
        }
        const graph = { rows: n, cols: m, rowStart, col: Int32Array.from(col), weight: Float64Array.from(weight) };
        const options = { rowCapacity: new Array<number>(n).fill(1), colCapacity: capacity, colMinimum: minimum, maximize };
        const got = solveSparseBMatching(graph, options);
        const filled = (load: ArrayLike<number>) => minimum.reduce((acc, l, j) => acc + Math.min(l, load[j]!), 0);
        expect(got.rowLoad.reduce((a, b) => a + b, 0)).toBe(ref.rowToCol.reduce((c, j) => c + (j >= 0 ? 1 : 0), 0));
        expect(filled(got.colLoad)).toBe(filled(ref.load));
        expect(got.total).toBeCloseTo(ref.total, 8);
        expect(verifySparseBMatching(graph, options, got).problems).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});
