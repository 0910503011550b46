// Brute-force oracle and graph arbitraries shared by test/solvers/blossom.test.ts (small runs in the
// fast suite) and test/solvers/blossom.slow.test.ts (the full-size runs).
import { expect } from "vitest";
import fc from "fast-check";
import { maxWeightMatching, verifyMatching } from "../../src/solvers/blossom.js";

export type Edge = readonly [number, number, number];

/**
 * Best (cardinality, weight) over all matchings: DP over the set of vertices already decided,
 * always deciding the lowest undecided vertex (left single, or matched to a later neighbour).
 */
export function bruteForce(n: number, edges: readonly Edge[], maxCardinality: boolean): { size: number; total: number } {
  const w = new Map<number, number>();
  for (const [u, v, x] of edges) {
    const key = Math.min(u, v) * n + Math.max(u, v);
    const old = w.get(key);
    if (old === undefined || x > old) w.set(key, x);
  }
  const full = (1 << n) - 1;
  const size = new Int32Array(1 << n);
  const total = new Float64Array(1 << n);
  const better = (s: number, t: number, bs: number, bt: number): boolean =>
    maxCardinality ? s > bs || (s === bs && t > bt + 1e-9) : t > bt + 1e-9;
  for (let mask = full - 1; mask >= 0; mask--) {
    let v = 0;
    while (mask & (1 << v)) v++;
    let bs = size[mask | (1 << v)] as number, bt = total[mask | (1 << v)] as number;
    for (let u = v + 1; u < n; u++) {
      const x = w.get(v * n + u);
      if (x === undefined || mask & (1 << u)) continue;
      const next = mask | (1 << v) | (1 << u);
      const s = (size[next] as number) + 1, t = (total[next] as number) + x;
      if (better(s, t, bs, bt)) { bs = s; bt = t; }
    }
    size[mask] = bs; total[mask] = bt;
  }
  return { size: size[0] as number, total: total[0] as number };
}

/** Random graph on n ≤ maxN vertices; each pair present with probability `density`. */
export const graphArb = (maxN: number, weight: fc.Arbitrary<number>, density = fc.double({ min: 0, max: 1, noNaN: true })) =>
  fc.integer({ min: 0, max: maxN }).chain((n) =>
    fc.record({
      n: fc.constant(n),
      density,
      present: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: (n * (n - 1)) / 2, maxLength: (n * (n - 1)) / 2 }),
      weights: fc.array(weight, { minLength: (n * (n - 1)) / 2, maxLength: (n * (n - 1)) / 2 }),
    }).map(({ n: nn, density: d, present, weights }) => {
      const edges: Edge[] = [];
      let t = 0;
      for (let u = 0; u < nn; u++) {
        for (let v = u + 1; v < nn; v++, t++) if ((present[t] as number) < d) edges.push([u, v, weights[t] as number]);
      }
      return { n: nn, edges };
    }),
  );

export function checkAgainstBruteForce(n: number, edges: readonly Edge[], maxCardinality: boolean): void {
  const { mate, total } = maxWeightMatching(n, edges, { maxCardinality });
  const check = verifyMatching(n, edges, mate);
  expect(check.problems).toEqual([]);
  expect(check.total).toBeCloseTo(total, 6);
  const best = bruteForce(n, edges, maxCardinality);
  if (maxCardinality) {
    let size = 0;
    for (let v = 0; v < n; v++) if ((mate[v] as number) > v) size++;
    expect(size).toBe(best.size);
  }
  expect(total).toBeCloseTo(best.total, 6);
}


export const bruteForceProperties = {
  integer: (numRuns: number) =>
    fc.assert(
      fc.property(graphArb(10, fc.integer({ min: -20, max: 100 })), fc.boolean(), ({ n, edges }, mc) => {
        checkAgainstBruteForce(n, edges, mc);
      }),
      { numRuns },
    ),
  // Sparse graphs of this size are where inner blossoms get expanded mid-stage with some of their
  // children already reached from outside (the rarest branch of the algorithm).
  sparse: (numRuns: number, maxN: number) =>
    fc.assert(
      fc.property(
        graphArb(maxN, fc.integer({ min: 0, max: 12 }), fc.double({ min: 0.15, max: 0.4, noNaN: true })).filter((g) => g.n >= 10),
        fc.boolean(),
        ({ n, edges }, mc) => {
          checkAgainstBruteForce(n, edges, mc);
        },
      ),
      { numRuns },
    ),
  ties: (numRuns: number) =>
    fc.assert(
      fc.property(graphArb(10, fc.integer({ min: 0, max: 3 })), fc.boolean(), ({ n, edges }, mc) => {
        checkAgainstBruteForce(n, edges, mc);
      }),
      { numRuns },
    ),
  fractional: (numRuns: number) =>
    fc.assert(
      fc.property(graphArb(9, fc.double({ min: -50, max: 50, noNaN: true })), fc.boolean(), ({ n, edges }, mc) => {
        checkAgainstBruteForce(n, edges, mc);
      }),
      { numRuns },
    ),
};
