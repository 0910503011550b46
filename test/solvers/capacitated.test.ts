import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { solveCapacitatedAssignment, verifyCapacitatedAssignment } from "../../src/solvers/min-cost-flow.js";
import { solveAssignment } from "../../src/solvers/assignment.js";
import { MatchInputError } from "../../src/errors.js";

interface Problem {
  cost: number[][];
  capacity: number[];
  minimum: number[];
  maximize: boolean;
}

/** Lexicographic optimum by enumerating every assignment (each row: a column or none). */
function bruteForce({ cost, capacity, minimum, maximize }: Problem): { size: number; seats: number; total: number } {
  const n = cost.length, m = capacity.length;
  const forbidden = maximize ? -Infinity : Infinity;
  const load = new Array<number>(m).fill(0);
  let best = { size: -1, seats: -1, total: 0 };
  const go = (i: number, size: number, total: number): void => {
    if (i === n) {
      let seats = 0;
      for (let j = 0; j < m; j++) seats += Math.min(load[j] as number, minimum[j] as number);
      const better = size > best.size || (size === best.size && (seats > best.seats ||
        (seats === best.seats && (maximize ? total > best.total + 1e-9 : total < best.total - 1e-9))));
      if (better) best = { size, seats, total };
      return;
    }
    go(i + 1, size, total);
    for (let j = 0; j < m; j++) {
      const c = (cost[i] as number[])[j] as number;
      if (c === forbidden || (load[j] as number) >= (capacity[j] as number)) continue;
      load[j] = (load[j] as number) + 1;
      go(i + 1, size + 1, total + c);
      load[j] = (load[j] as number) - 1;
    }
  };
  go(0, 0, 0);
  return best;
}

const problemArb = (
  maxN: number, maxM: number, maxCap: number, withMinimum: boolean, entry: fc.Arbitrary<number>, minN = 0, forbiddenWeight = 1,
) =>
  fc.record({ n: fc.integer({ min: minN, max: maxN }), m: fc.integer({ min: 0, max: maxM }), maximize: fc.boolean() }).chain(({ n, m, maximize }) =>
    fc.record({
      cost: fc.array(
        fc.array(fc.oneof({ weight: 4, arbitrary: entry }, { weight: forbiddenWeight, arbitrary: fc.constant(maximize ? -Infinity : Infinity) }), {
          minLength: m, maxLength: m,
        }),
        { minLength: n, maxLength: n },
      ),
      capacity: fc.array(fc.integer({ min: 0, max: maxCap }), { minLength: m, maxLength: m }),
      seeds: fc.array(fc.integer({ min: 0, max: maxCap }), { minLength: m, maxLength: m }),
      maximize: fc.constant(maximize),
    }).map(({ cost, capacity, seeds, maximize: mx }): Problem => ({
      cost, capacity, maximize: mx,
      minimum: capacity.map((c, j) => (withMinimum ? Math.min(c, seeds[j] as number) : 0)),
    })),
  );

/** Flat form, so that a matrix with no rows still has its columns. */
const flat = (p: Problem) => ({ rows: p.cost.length, cols: p.capacity.length, data: Float64Array.from(p.cost.flat()) });

function checkAgainstBruteForce(p: Problem): void {
  const res = solveCapacitatedAssignment(flat(p), p);
  expect(verifyCapacitatedAssignment(flat(p), p, res).problems).toEqual([]);
  const best = bruteForce(p);
  let size = 0, seats = 0;
  for (const j of res.rowToCol) if (j >= 0) size++;
  p.minimum.forEach((mn, j) => { seats += Math.min(res.load[j] as number, mn); });
  expect(size).toBe(best.size);
  expect(seats).toBe(best.seats);
  expect(res.total).toBeCloseTo(best.total, 6);
  expect(res.unmetMinimum).toEqual(p.minimum.flatMap((mn, j) => ((res.load[j] as number) < mn ? [j] : [])));
}

describe("solveCapacitatedAssignment", () => {
  it("equals brute force with forbidden pairs and capacities (integers)", () => {
    fc.assert(fc.property(problemArb(6, 4, 3, false, fc.integer({ min: -10, max: 20 })), checkAgainstBruteForce), { numRuns: 400 });
  });

  it("equals brute force with minimums (lexicographic: rows, then minimum seats, then total)", () => {
    fc.assert(fc.property(problemArb(6, 4, 3, true, fc.integer({ min: -10, max: 20 })), checkAgainstBruteForce), { numRuns: 500 });
  });

  // Fewer seats than mentees runs the seat-driven search; forbidden pairs make seats go unfilled,
  // and then which mentor is left short decides the minimums.
  it("equals brute force with fewer seats than mentees, minimums and many forbidden pairs", () => {
    fc.assert(fc.property(problemArb(7, 3, 2, true, fc.integer({ min: -5, max: 9 }), 5, 4), checkAgainstBruteForce), { numRuns: 600 });
  });

  it("equals brute force with fractional, large and tiny costs", () => {
    const entry = fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: -1e-3, max: 1e-3, noNaN: true }));
    fc.assert(fc.property(problemArb(6, 4, 3, true, entry), checkAgainstBruteForce), { numRuns: 300 });
  });

  it("equals solveAssignment on the column-expanded matrix (each column repeated capacity times)", () => {
    fc.assert(
      fc.property(problemArb(30, 8, 4, false, fc.integer({ min: -50, max: 100 })), (p) => {
        const res = solveCapacitatedAssignment(flat(p), p);
        const expanded = p.cost.map((row) => row.flatMap((c, j) => new Array<number>(p.capacity[j] as number).fill(c)));
        const seatCount = p.capacity.reduce((a, b) => a + b, 0);
        const ref = solveAssignment({ rows: p.cost.length, cols: seatCount, data: Float64Array.from(expanded.flat()) }, { maximize: p.maximize });
        let size = 0, refSize = 0;
        for (const j of res.rowToCol) if (j >= 0) size++;
        for (const j of ref.rowToCol) if (j >= 0) refSize++;
        expect(size).toBe(refSize);
        expect(res.total).toBeCloseTo(ref.total, 6);
        for (let j = 0; j < p.capacity.length; j++) expect(res.load[j]).toBeLessThanOrEqual(p.capacity[j] as number);
      }),
      { numRuns: 300 },
    );
  });

  it("worked example: a minimum pulls a mentee away from its cheapest mentor", () => {
    // Mentor 0 costs 1 for both mentees, mentor 1 costs 5; mentor 0 has capacity 2, mentor 1
    // needs at least 1. Cheapest is both on mentor 0 (total 2), but meeting mentor 1's minimum
    // ranks above cost: one mentee moves, total 1 + 5 = 6. Ties go to the first mentee found.
    const res = solveCapacitatedAssignment([[1, 5], [1, 5]], { capacity: [2, 1], minimum: [0, 1] });
    expect(res.total).toBe(6);
    expect(Array.from(res.load)).toEqual([1, 1]);
    expect(res.unmetMinimum).toEqual([]);
  });

  it("reports an unmet minimum instead of throwing", () => {
    // Mentor 1 needs 2 mentees but only mentee 1 may go there.
    const res = solveCapacitatedAssignment([[1, Infinity], [1, 1]], { capacity: [2, 2], minimum: [0, 2] });
    expect(res.unmetMinimum).toEqual([1]);
    expect(Array.from(res.rowToCol)).toEqual([0, 1]);
  });

  it("cardinality ranks above minimums", () => {
    // Filling mentor 1's minimum with mentee 0 would leave mentee 1 (who only fits mentor 1) out.
    const res = solveCapacitatedAssignment([[0, 0], [Infinity, 0]], { capacity: [1, 1], minimum: [0, 1] });
    expect(Array.from(res.rowToCol)).toEqual([0, 1]);
    const res2 = solveCapacitatedAssignment([[0, 0], [Infinity, Infinity]], { capacity: [1, 1], minimum: [1, 1] });
    expect(res2.unmetMinimum.length).toBe(1);
  });

  it("accepts flat and Matrix-like input and never writes to the caller's data", () => {
    const data = new Float64Array([3, 1, 2, 4]);
    const res = solveCapacitatedAssignment({ rows: 2, cols: 2, data }, { capacity: [1, 1], maximize: true });
    expect(res.total).toBe(7);
    expect(Array.from(data)).toEqual([3, 1, 2, 4]);
  });

  describe("input errors", () => {
    const issuesOf = (f: () => unknown) => {
      try { f(); } catch (e) { expect(e).toBeInstanceOf(MatchInputError); return (e as MatchInputError).issues; }
      throw new Error("expected a MatchInputError");
    };
    it("NaN and the opposite infinity name the cell", () => {
      expect(issuesOf(() => solveCapacitatedAssignment([[1, NaN]], { capacity: [1, 1] }))[0]?.path).toEqual(["cost", 0, 1]);
      expect(issuesOf(() => solveCapacitatedAssignment([[1], [-Infinity]], { capacity: [1] }))[0]?.path).toEqual(["cost", 1, 0]);
      expect(issuesOf(() => solveCapacitatedAssignment([[Infinity]], { capacity: [1], maximize: true }))[0]?.path).toEqual(["cost", 0, 0]);
    });
    it("bad capacities and minimums", () => {
      expect(issuesOf(() => solveCapacitatedAssignment([[1, 2]], { capacity: [1, -1] }))[0]?.path).toEqual(["capacity", 1]);
      expect(issuesOf(() => solveCapacitatedAssignment([[1, 2]], { capacity: [1, 1.5] }))[0]?.path).toEqual(["capacity", 1]);
      expect(issuesOf(() => solveCapacitatedAssignment([[1, 2]], { capacity: [1] }))[0]?.path).toEqual(["capacity"]);
      expect(issuesOf(() => solveCapacitatedAssignment([[1, 2]], { capacity: [1, 1], minimum: [2, 0] }))[0]?.path).toEqual(["minimum", 0]);
      expect(issuesOf(() => solveCapacitatedAssignment([[1, 2]], { capacity: [1, 1], minimum: [0] }))[0]?.path).toEqual(["minimum"]);
    });
    it("ragged rows", () => {
      expect(issuesOf(() => solveCapacitatedAssignment([[1, 2], [1]], { capacity: [1, 1] }))[0]?.code).toBe("ragged");
    });
  });
});
