import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { generateCohort, match as matchCohort, parseCohort, recommend, recommendAll, scoreMatrix, type Cohort, type CohortInput, type MatchOptions } from "../../src/index.js";

/** These tests feed JSON-like literals (roles as plain strings), as untyped callers do; `match()` validates them at run time. */
const match = (input: unknown, options?: MatchOptions) => matchCohort(input as CohortInput, options);

const byId = (c: Cohort): Cohort => ({ ...c, participants: [...c.participants].sort((a, b) => (a.id < b.id ? -1 : 1)) });

/** Best (most pairs, then total) over all matchings of a peer pool, by brute force. */
function bestPeerMatching(n: number, ok: (a: number, b: number) => boolean, w: (a: number, b: number) => number) {
  let best = { pairs: -1, total: -Infinity };
  const used = new Array(n).fill(false);
  const rec = (a: number, pairs: number, total: number) => {
    while (a < n && used[a]) a++;
    if (a >= n) {
      if (pairs > best.pairs || (pairs === best.pairs && total > best.total + 1e-12)) best = { pairs, total };
      return;
    }
    used[a] = true;
    rec(a + 1, pairs, total);
    for (let b = a + 1; b < n; b++) {
      if (used[b] || !ok(a, b)) continue;
      used[b] = true;
      rec(a + 1, pairs + 1, total + w(a, b));
      used[b] = false;
    }
    used[a] = false;
  };
  rec(0, 0, 0);
  return best;
}

describe("match: peer", () => {
  it("pairs the pool optimally (most pairs, then best total) — brute force on n ≤ 8", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 2, max: 8 }), async (seed, n) => {
        const raw = generateCohort({ mentees: n, mentors: 0, seed, format: "peer" });
        const cohort = byId(parseCohort(raw));
        const m = scoreMatrix(cohort);
        const ok = (a: number, b: number) => m.eligible[a * n + b] === 1 && m.eligible[b * n + a] === 1;
        const best = bestPeerMatching(n, ok, (a, b) => m.scores[a * n + b]!);
        const result = await match(raw);
        expect(result.matches.length).toBe(best.pairs);
        expect(result.stats.total).toBeCloseTo(best.total, 9);
        const seen = new Set<string>();
        for (const x of result.matches) {
          expect(x.mentorIds).toEqual([]);
          expect(x.menteeIds).toHaveLength(2);
          const [a, b] = x.menteeIds.map((id) => m.rowIndex.get(id)!) as [number, number];
          expect(ok(a, b)).toBe(true);
          for (const id of x.menteeIds) {
            expect(seen.has(id)).toBe(false);
            seen.add(id);
          }
        }
        expect(seen.size + result.unmatched.length).toBe(n);
      }),
      { numRuns: 30 },
    );
  });

  it("peer scores are symmetric and both directions count", () => {
    const cohort = byId(parseCohort(generateCohort({ mentees: 6, mentors: 0, seed: 5, format: "peer" })));
    const m = scoreMatrix(cohort);
    for (let a = 0; a < m.rows; a++) for (let b = 0; b < m.rows; b++) expect(m.scores[a * m.cols + b]).toBe(m.scores[b * m.cols + a]);
  });

  it("an odd pool leaves one out with a reason, or forms a triad when asked", async () => {
    const person = (id: string) => ({ id, role: "both", level: 3, goals: ["leadership", "negotiation"], languages: ["English"] });
    const raw = { participants: ["a", "b", "c", "d", "e"].map(person), program: { format: "peer" } };
    const left = await match(raw);
    expect(left.matches).toHaveLength(2);
    expect(left.unmatched).toHaveLength(1);
    expect(left.unmatched[0]!.code).toBe("odd-pool");
    const triad = await match({ ...raw, program: { format: "peer", peer: { oddPolicy: "triad" } } });
    expect(triad.unmatched).toHaveLength(0);
    const sizes = triad.matches.map((x) => x.menteeIds.length).sort();
    expect(sizes).toEqual([2, 3]);
    expect(triad.matches.find((x) => x.menteeIds.length === 3)!.members).toHaveLength(3);
  });
});

describe("match: flash timetable", () => {
  it("every slot is a matching, no pair meets twice, and the total equals the b-matching bound", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: 4 }), async (seed, slots) => {
        const raw = generateCohort({ mentees: 9, mentors: 4, seed, format: "flash" });
        const result = await match({ ...raw, program: { ...raw.program, flash: { slots } } });
        expect(result.rounds).toHaveLength(slots);
        const pairs = new Set<string>();
        for (const round of result.rounds!) {
          const mentees = new Set<string>();
          const mentors = new Set<string>();
          for (const x of round) {
            expect(mentees.has(x.menteeIds[0]!)).toBe(false);
            expect(mentors.has(x.mentorIds[0]!)).toBe(false);
            mentees.add(x.menteeIds[0]!);
            mentors.add(x.mentorIds[0]!);
            const key = `${x.mentorIds[0]}|${x.menteeIds[0]}`;
            expect(pairs.has(key)).toBe(false);
            pairs.add(key);
          }
        }
        // Greedy slot-by-slot can never beat the exact timetable.
        expect(result.stats.optimal).toBe(true);
        expect(result.matches.length).toBe(pairs.size);
      }),
      { numRuns: 20 },
    );
  });
});

describe("recommend and recommendAll", () => {
  const raw = generateCohort({ mentees: 20, mentors: 6, seed: 9, format: "flash" });
  it("recommend returns the top-k eligible mentors, best first", () => {
    const cohort = byId(parseCohort(raw));
    const m = scoreMatrix(cohort);
    const menteeId = m.rowIds[0]!;
    const recs = recommend(raw, menteeId, { k: 3 });
    const i = m.rowIndex.get(menteeId)!;
    const eligible = [...Array(m.cols).keys()].filter((j) => m.eligible[i * m.cols + j]).map((j) => m.scores[i * m.cols + j]!).sort((a, b) => b - a);
    expect(recs.map((r) => r.score)).toEqual(eligible.slice(0, 3));
    for (const r of recs) expect(r.reasons.length).toBeGreaterThan(0);
  });

  it("recommend filters by skill and goal", () => {
    const cohort = parseCohort(raw);
    const mentee = cohort.participants.find((p) => p.role === "mentee")!;
    const skill = Object.keys(cohort.participants.find((p) => p.role === "mentor" && p.skills && Object.keys(p.skills).length)!.skills!)[0]!;
    for (const r of recommend(raw, mentee.id, { k: 10, skill })) {
      const mentor = cohort.participants.find((p) => p.id === r.mentorId)!;
      expect(mentor.skills?.[skill] ?? 0).toBeGreaterThan(0);
    }
  });

  it("recommendAll caps each mentor at multiple × free capacity and keeps lists ≤ k", () => {
    const cohort = parseCohort(raw);
    const lists = recommendAll(raw, { k: 3, multiple: 2 });
    const shown = new Map<string, number>();
    for (const [, list] of lists) {
      expect(list.length).toBeLessThanOrEqual(3);
      for (let t = 1; t < list.length; t++) expect(list[t - 1]!.score).toBeGreaterThanOrEqual(list[t]!.score);
      for (const r of list) shown.set(r.mentorId, (shown.get(r.mentorId) ?? 0) + 1);
    }
    for (const [id, count] of shown) {
      const mentor = cohort.participants.find((p) => p.id === id)!;
      expect(count).toBeLessThanOrEqual(Math.ceil(2 * mentor.capacity));
    }
  });
});
