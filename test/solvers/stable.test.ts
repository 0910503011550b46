import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { blockingPairs, stableMatching } from "../../src/solvers/deferred-acceptance.js";
import { MatchInputError } from "../../src/errors.js";

interface Instance {
  proposerPrefs: number[][];
  receiverPrefs: number[][];
  capacities: number[];
}

/** Random instance: each side ranks a random subset of the other, in random order. */
const instanceArb = (maxP: number, maxR: number, maxCap: number) =>
  fc.record({ P: fc.integer({ min: 0, max: maxP }), R: fc.integer({ min: 0, max: maxR }) }).chain(({ P, R }) =>
    fc.record({
      proposerPrefs: fc.array(fc.shuffledSubarray(Array.from({ length: R }, (_, r) => r)), { minLength: P, maxLength: P }),
      receiverPrefs: fc.array(fc.shuffledSubarray(Array.from({ length: P }, (_, p) => p)), { minLength: R, maxLength: R }),
      capacities: fc.array(fc.integer({ min: 0, max: maxCap }), { minLength: R, maxLength: R }),
    }),
  );

/** Independent stability check, straight from the definition. */
function isStable({ proposerPrefs, receiverPrefs, capacities }: Instance, proposerTo: ArrayLike<number>): boolean {
  const rank = (list: number[], x: number) => list.indexOf(x);
  for (let p = 0; p < proposerPrefs.length; p++) {
    for (let r = 0; r < receiverPrefs.length; r++) {
      const pr = rank(proposerPrefs[p] as number[], r), rp = rank(receiverPrefs[r] as number[], p);
      if (pr < 0 || rp < 0 || proposerTo[p] === r) continue;
      const cur = proposerTo[p] as number;
      const pWants = cur === -1 || pr < rank(proposerPrefs[p] as number[], cur);
      const held = [];
      for (let q = 0; q < proposerPrefs.length; q++) if (proposerTo[q] === r) held.push(q);
      const rWants = held.length < (capacities[r] as number) || held.some((q) => rp < rank(receiverPrefs[r] as number[], q));
      if (pWants && rWants) return false;
    }
  }
  return true;
}

/** Every valid matching (mutually acceptable pairs, capacities respected). */
function allMatchings(inst: Instance): Int32Array[] {
  const P = inst.proposerPrefs.length;
  const out: Int32Array[] = [];
  const cur = new Int32Array(P).fill(-1);
  const load = new Array<number>(inst.receiverPrefs.length).fill(0);
  const go = (p: number): void => {
    if (p === P) { out.push(cur.slice()); return; }
    cur[p] = -1; go(p + 1);
    for (const r of inst.proposerPrefs[p] as number[]) {
      if (!(inst.receiverPrefs[r] as number[]).includes(p) || (load[r] as number) >= (inst.capacities[r] as number)) continue;
      load[r] = (load[r] as number) + 1; cur[p] = r; go(p + 1); load[r] = (load[r]) - 1; cur[p] = -1;
    }
  };
  go(0);
  return out;
}

describe("stableMatching", () => {
  it("is stable, respects capacities and acceptability, and blockingPairs agrees", () => {
    fc.assert(
      fc.property(instanceArb(12, 6, 3), (inst) => {
        const { proposerTo, receiverTo } = stableMatching(inst.proposerPrefs, inst.receiverPrefs, { capacities: inst.capacities });
        expect(isStable(inst, proposerTo)).toBe(true);
        expect(blockingPairs(inst.proposerPrefs, inst.receiverPrefs, proposerTo, inst.capacities)).toEqual([]);
        receiverTo.forEach((ps, r) => {
          expect(ps.length).toBeLessThanOrEqual(inst.capacities[r] as number);
          for (const p of ps) {
            expect(proposerTo[p]).toBe(r);
            expect(inst.proposerPrefs[p]).toContain(r);
            expect(inst.receiverPrefs[r]).toContain(p);
          }
          const ranks = ps.map((p) => (inst.receiverPrefs[r] as number[]).indexOf(p));
          expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
        });
      }),
      { numRuns: 400 },
    );
  });

  it("is proposer-optimal among all stable matchings (enumerated, with capacities)", () => {
    fc.assert(
      fc.property(instanceArb(6, 4, 2), (inst) => {
        const { proposerTo } = stableMatching(inst.proposerPrefs, inst.receiverPrefs, { capacities: inst.capacities });
        const rankOf = (p: number, r: number) => (r === -1 ? Infinity : (inst.proposerPrefs[p] as number[]).indexOf(r));
        let stableCount = 0;
        for (const m of allMatchings(inst)) {
          if (!isStable(inst, m)) continue;
          stableCount++;
          for (let p = 0; p < m.length; p++) expect(rankOf(p, proposerTo[p] as number)).toBeLessThanOrEqual(rankOf(p, m[p] as number));
        }
        expect(stableCount).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it("blockingPairs lists exactly the pairs that block an arbitrary matching", () => {
    fc.assert(
      fc.property(instanceArb(5, 4, 2), fc.nat(), (inst, pick) => {
        const all = allMatchings(inst);
        const m = all[pick % all.length] as Int32Array;
        const got = blockingPairs(inst.proposerPrefs, inst.receiverPrefs, m, inst.capacities);
        expect(got.length === 0).toBe(isStable(inst, m));
        // From the definition: p and r rank each other, p prefers r, r has room or prefers p.
        const want: [number, number][] = [];
        inst.proposerPrefs.forEach((list, p) => {
          for (const r of list) {
            if (r === m[p]) break;
            const rl = inst.receiverPrefs[r] as number[];
            if (!rl.includes(p)) continue;
            const held = Array.from(m).flatMap((x, q) => (x === r ? [q] : []));
            if (held.length < (inst.capacities[r] as number) || held.some((q) => rl.indexOf(p) < rl.indexOf(q))) want.push([p, r]);
          }
        });
        expect(got).toEqual(want);
      }),
      { numRuns: 300 },
    );
  });

  it("worked example: proposers get their best stable partner (Gale–Shapley)", () => {
    // Proposers A=0, B=1, C=2; receivers X=0, Y=1, Z=2.
    //   A: X Y Z   B: Y X Z   C: X Y Z        X: B A C   Y: A B C   Z: A B C
    // Round 1: A→X, B→Y, C→X. X holds A (ranks A 2nd, C 3rd) and rejects C.
    // Round 2: C→Y. Y holds B (2nd) over C (3rd) and rejects C. Round 3: C→Z, accepted.
    // Result A–X, B–Y, C–Z. The receiver-optimal matching A–Y, B–X, C–Z is also stable, but
    // deferred acceptance gives each proposer its best stable partner: A and B get first choices.
    const prefsP = [[0, 1, 2], [1, 0, 2], [0, 1, 2]];
    const prefsR = [[1, 0, 2], [0, 1, 2], [0, 1, 2]];
    const { proposerTo, receiverTo } = stableMatching(prefsP, prefsR);
    expect(Array.from(proposerTo)).toEqual([0, 1, 2]);
    expect(receiverTo).toEqual([[0], [1], [2]]);
    expect(blockingPairs(prefsP, prefsR, [1, 0, 2])).toEqual([]);
    // Swapping C and A's receivers creates a blocking pair: A prefers X, X prefers A to C.
    // A–Z, B–Y, C–X: A prefers X (X ranks A above C) and Y (Y ranks A above B); B and C hold
    // their first choices.
    expect(blockingPairs(prefsP, prefsR, [2, 1, 0])).toEqual([[0, 0], [0, 1]]);
  });

  it("hospitals/residents: a receiver with capacity 2 holds its two best proposers", () => {
    // Receiver 0 (capacity 2) ranks 2 > 0 > 1; all three propose to it first. It keeps 2 and 0;
    // proposer 1 falls back to receiver 1.
    const { proposerTo, receiverTo } = stableMatching([[0, 1], [0, 1], [0]], [[2, 0, 1], [1, 0]], { capacities: [2, 1] });
    expect(Array.from(proposerTo)).toEqual([0, 1, 0]);
    expect(receiverTo).toEqual([[2, 0], [1]]);
  });

  it("incomplete lists: a pair forms only when each ranks the other", () => {
    // Proposer 0 ranks receiver 0 only, but receiver 0 does not rank proposer 0.
    const { proposerTo } = stableMatching([[0], [0]], [[1]]);
    expect(Array.from(proposerTo)).toEqual([-1, 0]);
  });

  describe("input errors", () => {
    const issuesOf = (f: () => unknown) => {
      try { f(); } catch (e) { expect(e).toBeInstanceOf(MatchInputError); return (e as MatchInputError).issues; }
      throw new Error("expected a MatchInputError");
    };
    it("out-of-range, duplicate and non-integer indices; bad capacities", () => {
      expect(issuesOf(() => stableMatching([[0, 3]], [[0]]))[0]?.path).toEqual(["proposerPrefs", 0, 1]);
      expect(issuesOf(() => stableMatching([[0, 0]], [[0]]))[0]?.code).toBe("duplicate");
      expect(issuesOf(() => stableMatching([[0]], [[0.5]]))[0]?.path).toEqual(["receiverPrefs", 0, 0]);
      expect(issuesOf(() => stableMatching([[0]], [[0]], { capacities: [-1] }))[0]?.path).toEqual(["capacities", 0]);
      expect(issuesOf(() => stableMatching([[0]], [[0]], { capacities: [1, 1] }))[0]?.path).toEqual(["capacities"]);
    });
    it("blockingPairs rejects a matching that is not one", () => {
      expect(issuesOf(() => blockingPairs([[0], [0]], [[0, 1]], [0, 0]))[0]?.code).toBe("over-capacity");
      expect(issuesOf(() => blockingPairs([[0]], [[]], [0]))[0]?.code).toBe("unacceptable-pair");
      expect(issuesOf(() => blockingPairs([[0]], [[0]], [5]))[0]?.path).toEqual(["proposerTo", 0]);
    });
  });
});
