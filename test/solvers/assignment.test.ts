import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Matrix } from "ml-matrix";
import computeMunkres from "munkres-js";
import { solveAssignment, verifyAssignment, type AssignmentResult } from "../../src/solvers/assignment.js";
import { MatchInputError } from "../../src/errors.js";

type Grid = number[][];

/**
 * Best (cardinality, total) over every partial injective map rows → columns that avoids the
 * forbidden value: plain enumeration, row by row (a row is skipped or takes a free column).
 */
function bruteForce(cost: Grid, cols: number, maximize = false): { size: number; total: number } {
  const forbidden = maximize ? -Infinity : Infinity;
  const used = new Array<boolean>(cols).fill(false);
  let bestSize = 0;
  let bestTotal = 0;
  const visit = (i: number, size: number, total: number): void => {
    if (i === cost.length) {
      const better = maximize ? total > bestTotal : total < bestTotal;
      if (size > bestSize || (size === bestSize && better)) {
        bestSize = size;
        bestTotal = total;
      }
      return;
    }
    visit(i + 1, size, total);
    const row = cost[i]!;
    for (let j = 0; j < cols; j++) {
      if (used[j] || row[j] === forbidden) continue;
      used[j] = true;
      visit(i + 1, size + 1, total + row[j]!);
      used[j] = false;
    }
  };
  visit(0, 0, 0);
  return { size: bestSize, total: bestTotal };
}

function assignedCount(result: AssignmentResult): number {
  let k = 0;
  for (const j of result.rowToCol) if (j >= 0) k++;
  return k;
}

function absSum(cost: Grid): number {
  let s = 0;
  for (const row of cost) for (const v of row) if (Number.isFinite(v)) s += Math.abs(v);
  return s;
}

/** Seeded generator (mulberry32) for the non-fast-check cases. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomGrid(rows: number, cols: number, next: () => number, f: (u: number) => number): Grid {
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => f(next())));
}

type Kind = "ties" | "floats" | "huge" | "tiny";
const values: Record<Kind, fc.Arbitrary<number>> = {
  ties: fc.integer({ min: -2, max: 2 }),
  floats: fc.double({ min: -100, max: 100, noNaN: true, noDefaultInfinity: true }),
  huge: fc.integer({ min: -1e12, max: 1e12 }),
  tiny: fc.double({ min: -1e-9, max: 1e-9, noNaN: true, noDefaultInfinity: true }),
};

/** A rows × cols matrix (0–7 each way) of one value kind with a given share of forbidden entries. */
const problem = (forbidden: number) =>
  fc
    .record({
      rows: fc.integer({ min: 0, max: 7 }),
      cols: fc.integer({ min: 0, max: 7 }),
      kind: fc.constantFrom<Kind>("ties", "floats", "huge", "tiny"),
      density: forbidden > 0 ? fc.constantFrom(0, 0.2, 0.5, 0.8, 1) : fc.constant(0),
    })
    // number[][] cannot express 0 × n, so an empty matrix is 0 × 0 here ("empty shapes" covers the rest).
    .map((p) => (p.rows === 0 ? { ...p, cols: 0 } : p))
    .chain(({ rows, cols, kind, density }) =>
      fc
        .array(fc.tuple(values[kind], fc.double({ min: 0, max: 1, noNaN: true })), {
          minLength: rows * cols,
          maxLength: rows * cols,
        })
        .map((cells) => {
          const cost: Grid = [];
          for (let i = 0; i < rows; i++) {
            cost.push(cells.slice(i * cols, (i + 1) * cols).map(([v, u]) => (u < density ? Infinity : v)));
          }
          return { rows, cols, kind, cost };
        }),
    );

function expectOptimal(cost: Grid, rows: number, cols: number, maximize: boolean): void {
  const result = solveAssignment(cost, { maximize });
  const check = verifyAssignment(cost, result, { maximize });
  expect(check.problems).toEqual([]);
  expect(result.rowToCol.length).toBe(rows);
  expect(result.colToRow.length).toBe(cols);
  const best = bruteForce(cost, cols, maximize);
  expect(assignedCount(result)).toBe(best.size);
  // Integer kinds (ties, huge ±1e12) are exact; floats get a relative tolerance.
  expect(Math.abs(result.total - best.total)).toBeLessThanOrEqual(1e-9 * (absSum(cost) + 1e-300));
}

describe("solveAssignment against brute force", () => {
  it("minimises, with forbidden pairs, rectangular both ways, ties, negatives, huge and tiny values", () => {
    fc.assert(
      fc.property(problem(1), ({ rows, cols, cost }) => expectOptimal(cost, rows, cols, false)),
      { numRuns: 1500 },
    );
  });

  it("maximises (forbidden = -Infinity)", () => {
    fc.assert(
      fc.property(problem(1), ({ rows, cols, cost }) => {
        const scores = cost.map((row) => row.map((v) => (v === Infinity ? -Infinity : v)));
        expectOptimal(scores, rows, cols, true);
      }),
      { numRuns: 800 },
    );
  });

  it("dense finite matrices always get min(rows, cols) pairs", () => {
    fc.assert(
      fc.property(problem(0), ({ rows, cols, cost }) => {
        const result = solveAssignment(cost);
        expect(assignedCount(result)).toBe(Math.min(rows, cols));
        expectOptimal(cost, rows, cols, false);
      }),
      { numRuns: 200 },
    );
  });

  it("a fully forbidden mask assigns nothing and totals 0", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 7 }), fc.boolean(), (rows, cols, maximize) => {
        const cost = Array.from({ length: rows }, () => new Array<number>(cols).fill(maximize ? -Infinity : Infinity));
        const result = solveAssignment(cost, { maximize });
        expect([...result.rowToCol].every((j) => j === -1)).toBe(true);
        expect([...result.colToRow].every((i) => i === -1)).toBe(true);
        expect(result.total).toBe(0);
      }),
      { numRuns: 50 },
    );
  });

  it("shuffling rows and columns permutes the answer's pairs but keeps the optimal total", () => {
    fc.assert(
      fc.property(problem(1), fc.integer(), ({ rows, cols, cost, kind }, seed) => {
        const next = rng(seed);
        const pr = Array.from({ length: rows }, (_, i) => i).sort(() => next() - 0.5);
        const pc = Array.from({ length: cols }, (_, j) => j).sort(() => next() - 0.5);
        const shuffled = pr.map((i) => pc.map((j) => cost[i]![j]!));
        const a = solveAssignment(cost);
        const b = solveAssignment(shuffled);
        expect(assignedCount(b)).toBe(assignedCount(a));
        const tol = kind === "ties" || kind === "huge" ? 0 : 1e-9 * (absSum(cost) + 1e-300);
        expect(Math.abs(a.total - b.total)).toBeLessThanOrEqual(tol);
      }),
      { numRuns: 200 },
    );
  });
});

describe("solveAssignment against munkres-js", () => {
  // munkres-js has no forbidden pairs: Infinity entries turn into NaN after its reductions
  // (Infinity − Infinity) and it loops forever on NaN or an all-Infinity row. So it is fed finite
  // matrices only. Forbidden pairs are compared through a finite stand-in: on instances built to
  // have a complete allowed assignment, a penalty far above every real total (1e9 with costs in
  // [0, 100)) makes munkres-js avoid them exactly as solveAssignment does.
  it("equal optimal totals on random dense matrices up to 60 × 60", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 60 }), fc.integer(), fc.boolean(), (rows, cols, seed, integers) => {
        const cost = randomGrid(rows, cols, rng(seed), (u) => (integers ? Math.floor(u * 10) : u * 200 - 100));
        const ours = solveAssignment(cost);
        let theirs = 0;
        for (const [i, j] of computeMunkres(cost)) if (i < rows && j < cols) theirs += cost[i]![j]!;
        expect(assignedCount(ours)).toBe(Math.min(rows, cols));
        expect(verifyAssignment(cost, ours).valid).toBe(true);
        expect(ours.total).toBeCloseTo(theirs, 6);
      }),
      { numRuns: 60 },
    );
  });

  it("equal totals when forbidden pairs leave a complete assignment (finite penalty for munkres-js)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.integer(), (n, seed) => {
        const next = rng(seed);
        const cost = randomGrid(n, n, next, (u) => (u < 0.6 ? Infinity : Math.floor(next() * 100)));
        for (let i = 0; i < n; i++) cost[i]![(i + 3) % n] = Math.floor(next() * 100); // a guaranteed perfect matching
        const ours = solveAssignment(cost);
        const finite = cost.map((row) => row.map((v) => (v === Infinity ? 1e9 : v)));
        let theirs = 0;
        for (const [i, j] of computeMunkres(finite)) theirs += finite[i]![j]!;
        expect(assignedCount(ours)).toBe(n);
        expect(ours.total).toBe(theirs);
      }),
      { numRuns: 40 },
    );
  });
});

describe("forbidden pairs at medium sizes, against munkres-js with an exact big-M stand-in", () => {
  // With integer costs in [0, 9], a forbidden pair replaced by BIG = 10 · min(rows, cols) + 1
  // costs more than any whole assignment of real pairs, so munkres-js' optimum on the finite
  // matrix uses as few forbidden pairs as possible, then minimises the real cost: exactly the
  // contract of solveAssignment once those pairs are dropped. All sums are small integers.
  it("same cardinality and total with random and block masks up to 40 × 40, both orientations", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 40 }),
        fc.constantFrom(0.3, 0.7, 0.9, 0.97, -1),
        fc.integer(),
        (rows, cols, density, seed) => {
          const next = rng(seed);
          const split = Math.floor(next() * Math.min(rows, cols));
          const cost = randomGrid(rows, cols, next, (u) => Math.floor(u * 10));
          for (let i = 0; i < rows; i++) {
            for (let j = 0; j < cols; j++) {
              // density −1: a block mask where rows below `split` may only use columns below 2.
              const forbidden = density < 0 ? (i < split) !== (j < 2) : next() < density;
              if (forbidden) cost[i]![j] = Infinity;
            }
          }
          const ours = solveAssignment(cost);
          expect(verifyAssignment(cost, ours).problems).toEqual([]);
          const big = 10 * Math.min(rows, cols) + 1;
          const finite = cost.map((row) => row.map((v) => (v === Infinity ? big : v)));
          let size = 0;
          let total = 0;
          for (const [i, j] of computeMunkres(finite)) {
            if (i < rows && j < cols && cost[i]![j] !== Infinity) {
              size++;
              total += cost[i]![j]!;
            }
          }
          expect(assignedCount(ours)).toBe(size);
          expect(ours.total).toBe(total);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("input forms", () => {
  it("number[][], ml-matrix Matrix and flat { rows, cols, data } give the same answer", () => {
    fc.assert(
      fc.property(problem(1), fc.boolean(), ({ rows, cols, cost }, asArray) => {
        const data = new Float64Array(rows * cols);
        cost.forEach((row, i) => row.forEach((v, j) => (data[i * cols + j] = v)));
        const a = solveAssignment(cost);
        const b = solveAssignment({ rows, cols, data: asArray ? Array.from(data) : data });
        const forms = [a, b];
        if (rows > 0 && cols > 0) forms.push(solveAssignment(new Matrix(cost)));
        for (const r of forms) {
          expect([...r.rowToCol]).toEqual([...a.rowToCol]);
          expect([...r.colToRow]).toEqual([...a.colToRow]);
          expect(r.total).toBe(a.total);
        }
      }),
      { numRuns: 100 },
    );
  });

  it("does not modify the caller's matrix", () => {
    const data = new Float64Array([3, 1, Infinity, 2]);
    solveAssignment({ rows: 2, cols: 2, data });
    expect([...data]).toEqual([3, 1, Infinity, 2]);
    const scores = [[1, 2, 3], [4, 5, 6]];
    solveAssignment(scores, { maximize: true });
    expect(scores).toEqual([[1, 2, 3], [4, 5, 6]]);
  });
});

describe("input errors", () => {
  const issuesOf = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(MatchInputError);
      return (e as MatchInputError).issues;
    }
    throw new Error("expected a MatchInputError");
  };

  it("NaN names the entry", () => {
    expect(issuesOf(() => solveAssignment([[1, 2], [3, NaN]]))).toEqual([
      expect.objectContaining({ path: ["cost", 1, 1], code: "nan" }),
    ]);
    expect(issuesOf(() => solveAssignment(new Matrix([[NaN, 2]])))[0]).toMatchObject({ path: ["cost", 0, 0], code: "nan" });
  });

  it("the opposite infinity is an error in both modes, reported in the caller's orientation", () => {
    expect(issuesOf(() => solveAssignment([[1, -Infinity]]))[0]).toMatchObject({ path: ["cost", 0, 1], code: "wrong-infinity" });
    // 3 × 1 is transposed internally; the path must still be [row, col] of the input.
    expect(issuesOf(() => solveAssignment([[1], [2], [Infinity]], { maximize: true }))[0]).toMatchObject({
      path: ["cost", 2, 0],
      code: "wrong-infinity",
    });
    // −∞ is "forbidden" when maximising: row 2 stays unassigned and the one column takes row 1 (2 > 1).
    const allowed = solveAssignment([[1], [2], [-Infinity]], { maximize: true });
    expect(Array.from(allowed.rowToCol)).toEqual([-1, 0, -1]);
    expect(allowed.total).toBe(2);
  });

  it("every bad entry is listed, not just the first", () => {
    expect(issuesOf(() => solveAssignment([[NaN, 1], [-Infinity, NaN]])).map((i) => i.path)).toEqual([
      ["cost", 0, 0],
      ["cost", 1, 0],
      ["cost", 1, 1],
    ]);
  });

  it("ragged rows, wrong flat length, non-numbers and non-matrices", () => {
    expect(issuesOf(() => solveAssignment([[1, 2], [3]]))[0]).toMatchObject({ path: ["cost", 1], code: "ragged" });
    expect(issuesOf(() => solveAssignment({ rows: 2, cols: 3, data: new Float64Array(5) }))[0]).toMatchObject({
      path: ["cost", "data"],
      code: "length",
    });
    expect(issuesOf(() => solveAssignment([[1, "2" as unknown as number]]))[0]).toMatchObject({ path: ["cost", 0, 1], code: "type" });
    expect(issuesOf(() => solveAssignment({ rows: -1, cols: 2, data: [] }))[0]).toMatchObject({ path: ["cost", "rows"], code: "shape" });
    expect(issuesOf(() => solveAssignment("x" as never))[0]).toMatchObject({ path: ["cost"], code: "type" });
  });
});

describe("verifyAssignment", () => {
  const cost = [
    [4, 1, 3],
    [2, 0, 5],
    [3, 2, 2],
  ];

  it("accepts the solver's answer and rejects broken ones", () => {
    const good = solveAssignment(cost);
    expect(verifyAssignment(cost, good)).toEqual({ valid: true, problems: [] });
    const badTotal = { ...good, total: good.total + 1 };
    expect(verifyAssignment(cost, badTotal).problems).toEqual([expect.stringMatching(/total/)]);
    const inconsistent = { ...good, colToRow: Int32Array.from([0, 0, 2]) };
    expect(verifyAssignment(cost, inconsistent).valid).toBe(false);
    const notMaximal = { rowToCol: Int32Array.from([1, -1, -1]), colToRow: Int32Array.from([-1, 0, -1]), total: 1 };
    expect(verifyAssignment(cost, notMaximal).problems).toEqual([expect.stringMatching(/3 can be assigned/)]);
    const wrongLength = { rowToCol: new Int32Array(2), colToRow: new Int32Array(3), total: 0 };
    expect(verifyAssignment(cost, wrongLength).valid).toBe(false);
  });

  it("finds a missed pair in a tall matrix, and ignores NaN and forbidden entries for it", () => {
    const tall = [[Infinity], [NaN], [3]];
    const none = { rowToCol: Int32Array.from([-1, -1, -1]), colToRow: Int32Array.from([-1]), total: 0 };
    expect(verifyAssignment(tall, none).problems).toEqual(["0 pairs assigned but 1 can be assigned without forbidden pairs"]);
    const blocked = [[Infinity], [NaN], [Infinity]];
    expect(verifyAssignment(blocked, { ...none }).valid).toBe(true);
  });

  it("reports a forbidden pair", () => {
    const forbidden = [[Infinity, 1], [2, 3]];
    const r = { rowToCol: Int32Array.from([0, 1]), colToRow: Int32Array.from([0, 1]), total: Infinity };
    expect(verifyAssignment(forbidden, r).problems.some((p) => /forbidden/.test(p))).toBe(true);
    const maxi = [[-Infinity, 1], [2, 3]];
    expect(verifyAssignment(maxi, { ...r, total: -Infinity }, { maximize: true }).problems.some((p) => /forbidden/.test(p))).toBe(true);
  });
});

describe("worked examples", () => {
  it("3 × 3 by hand: 1 + 2 + 2 = 5 beats every other permutation", () => {
    // Permutations (col of row 0,1,2) and totals: 012 → 4+0+2=6, 021 → 4+5+2=11, 102 → 1+2+2=5,
    // 120 → 1+5+3=9, 201 → 3+2+2=7, 210 → 3+0+3=6. The minimum is 5 with rows → 1, 0, 2.
    const r = solveAssignment([
      [4, 1, 3],
      [2, 0, 5],
      [3, 2, 2],
    ]);
    expect([...r.rowToCol]).toEqual([1, 0, 2]);
    expect([...r.colToRow]).toEqual([1, 0, 2]);
    expect(r.total).toBe(5);
  });

  it("maximising the same matrix: 4 + 5 + 2 = 11", () => {
    const r = solveAssignment([
      [4, 1, 3],
      [2, 0, 5],
      [3, 2, 2],
    ], { maximize: true });
    expect([...r.rowToCol]).toEqual([0, 2, 1]);
    expect(r.total).toBe(11);
  });

  it("rectangular both ways: the wide matrix and its transpose give mirrored answers", () => {
    // Row 0 takes column 1 (1), row 1 takes column 3 (0): total 1; columns 0 and 2 stay free.
    const wide = [
      [5, 1, 9, 4],
      [6, 2, 8, 0],
    ];
    const a = solveAssignment(wide);
    expect([...a.rowToCol]).toEqual([1, 3]);
    expect([...a.colToRow]).toEqual([-1, 0, -1, 1]);
    expect(a.total).toBe(1);
    const tall = wide[0]!.map((_, j) => wide.map((row) => row[j]!));
    const b = solveAssignment(tall);
    expect([...b.rowToCol]).toEqual([...a.colToRow]);
    expect([...b.colToRow]).toEqual([...a.rowToCol]);
    expect(b.total).toBe(1);
  });

  it("empty shapes", () => {
    for (const [rows, cols] of [[0, 0], [0, 4], [4, 0]] as const) {
      const r = solveAssignment({ rows, cols, data: new Float64Array(0) });
      expect(r.rowToCol.length).toBe(rows);
      expect(r.colToRow.length).toBe(cols);
      expect(r.total).toBe(0);
    }
    expect(solveAssignment([]).total).toBe(0);
  });
});

describe("regressions and guards", () => {
  it("max cardinality picks the cheaper of two rows competing for their only column", () => {
    // Rows 0 and 1 can only use column 0; row 2 only column 1. A row-by-row greedy that skips a
    // row it cannot augment would keep row 0 (cost 10); the optimum keeps row 1: 1 + 3 = 4.
    const r = solveAssignment([
      [10, Infinity, Infinity],
      [1, Infinity, Infinity],
      [Infinity, 3, Infinity],
    ]);
    expect([...r.rowToCol]).toEqual([-1, 0, 1]);
    expect(r.total).toBe(4);
  });

  it("more pairs beat a cheaper total: cardinality first, then cost", () => {
    // Taking (0,0) alone costs -100 but blocks both rows from a second pair; 2 + 3 = 5 wins.
    const r = solveAssignment([
      [-100, 2],
      [3, Infinity],
    ]);
    expect([...r.rowToCol]).toEqual([1, 0]);
    expect(r.total).toBe(5);
  });

  it("rows with a single allowed column in augmenting row reduction (price must not become -Infinity)", () => {
    const next = rng(7);
    for (let t = 0; t < 50; t++) {
      const n = 2 + Math.floor(next() * 30);
      const cost = randomGrid(n, n, next, (u) => Math.floor(u * 50));
      // Each row keeps exactly one allowed column, a permutation: the answer is forced.
      const perm = Array.from({ length: n }, (_, i) => i).sort(() => next() - 0.5);
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (j !== perm[i]) cost[i]![j] = Infinity;
      const r = solveAssignment(cost);
      expect([...r.rowToCol]).toEqual(perm);
    }
  });

  it("terminates and stays optimal on nearly tied huge floats (price steps lost to rounding)", () => {
    // Around 1e17 one ulp is 16, so many reduced-cost differences vanish when applied to prices.
    const next = rng(11);
    for (let t = 0; t < 20; t++) {
      const n = 1 + Math.floor(next() * 40);
      const cost = randomGrid(n, n, next, (u) => 1e17 + Math.floor(u * 4) * 16);
      const r = solveAssignment(cost);
      expect(verifyAssignment(cost, r).valid).toBe(true);
      let best = 0;
      for (const [i, j] of computeMunkres(cost.map((row) => row.map((v) => (v - 1e17) / 16)))) best += cost[i]![j]! - 1e17;
      const ours = [...r.rowToCol].reduce((s, j, i) => s + cost[i]![j]! - 1e17, 0);
      expect(ours).toBe(best);
    }
  });

  it("columns forbidden for everyone are dropped and the rest re-oriented (was 12 s at 2000 × 2000)", () => {
    // With half the columns forbidden, 40 rows compete for 20 real columns. Solving the 40 × 20
    // submatrix directly must give the same pairs and total as solving the padded 40 × 40.
    const next = rng(21);
    for (let t = 0; t < 10; t++) {
      const sub = randomGrid(40, 20, next, (u) => Math.floor(u * 1000));
      const padded = sub.map((row) => [...row, ...new Array<number>(20).fill(Infinity)]);
      const a = solveAssignment(padded);
      const b = solveAssignment(sub);
      expect(a.total).toBe(b.total);
      expect([...a.rowToCol]).toEqual([...b.rowToCol]);
      expect(verifyAssignment(padded, a).problems).toEqual([]);
    }
  });

  it("deterministic: the same input gives the same pairs", () => {
    const cost = randomGrid(40, 55, rng(3), (u) => Math.floor(u * 3));
    const a = solveAssignment(cost);
    const b = solveAssignment(cost);
    expect([...a.rowToCol]).toEqual([...b.rowToCol]);
  });

  it("larger sparse-mask instances stay valid and maximal (Hopcroft–Karp + dummy columns path)", () => {
    const next = rng(5);
    for (const [rows, cols, p] of [[120, 80, 0.97], [80, 120, 0.97], [100, 100, 0.99], [150, 150, 0.5]] as const) {
      const cost = randomGrid(rows, cols, next, (u) => (u < p ? Infinity : Math.floor(next() * 1000)));
      const r = solveAssignment(cost);
      expect(verifyAssignment(cost, r).problems).toEqual([]);
    }
  });
});
