import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { match } from "../../src/match/match.js";
import { generateCohort } from "../../src/sample/generate.js";
import { MatchInputError } from "../../src/errors.js";
import { pairStatsOf } from "../support/result-stats.js";

const tableOnly = { goals: 0, skills: 0, personality: 0, availability: 0, diversity: 0, preferences: 0, table: 1 };
const table = {
  name: "table",
  weight: 1,
  score: (mentee: { id: string }, mentor: { attributes?: Record<string, unknown> }) => Number((mentor.attributes?.["scores"] as Record<string, number>)[mentee.id] ?? 0),
};
const mentor = (id: string, scores: Record<string, number>) => ({ id, role: "mentor" as const, capacity: 1, attributes: { scores } });
const mentee = (id: string) => ({ id, role: "mentee" as const });

describe("sparse candidate mode (program.candidates)", () => {
  it("gives the dense exact solve's matched count and total, certified, on generated cohorts", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          mentees: fc.integer({ min: 3, max: 40 }),
          mentors: fc.integer({ min: 1, max: 12 }),
          seed: fc.integer({ min: 1, max: 1_000_000 }),
          k: fc.integer({ min: 1, max: 4 }),
          priority: fc.boolean(),
          reverse: fc.boolean(),
        }),
        async ({ mentees, mentors, seed, k, priority, reverse }) => {
          const cohort = generateCohort({ mentees, mentors, seed, format: reverse ? "reverse" : "one-on-one" });
          const program = { ...cohort.program, objective: priority ? ("priority" as const) : ("maxTotal" as const) };
          const participants = priority ? cohort.participants.map((p, x) => (x % 3 === 0 ? { ...p, priority: true } : p)) : cohort.participants;
          const dense = await match({ participants, program });
          const sparse = await match({ participants, program: { ...program, candidates: { perMentee: k } } });
          expect(pairStatsOf(sparse).certified).toBe(true);
          expect(sparse.stats.optimal).toBe(true);
          expect(sparse.stats.matchedMentees).toBe(dense.stats.matchedMentees);
          expect(sparse.stats.total).toBeCloseTo(dense.stats.total, 9);
          const priorityMatched = (r: typeof dense) => r.matches.filter((m) => participants.find((p) => p.id === m.menteeIds[0])?.priority).length;
          expect(priorityMatched(sparse)).toBe(priorityMatched(dense));
        },
      ),
      { numRuns: 20 },
    );
  });

  it("adds left-out pairs when k is too small: hand-worked two mentees, two mentors, k = 1", async () => {
    // a scores M1 0.9, M2 0.8; b scores M1 0.85, M2 0.2. With one candidate each, both keep M1
    // and only one can be matched. The full problem matches both: a→M2, b→M1 = 0.8 + 0.85 = 1.65
    // (a→M1, b→M2 would be 0.9 + 0.2 = 1.1). The duals of the one-edge optimum show a–M2 or
    // b–M2 can raise the cardinality, so the certificate adds them and solves again.
    const participants = [mentor("M1", { a: 0.9, b: 0.85 }), mentor("M2", { a: 0.8, b: 0.2 }), mentee("a"), mentee("b")];
    const result = await match({ participants, program: { weights: tableOnly, candidates: { perMentee: 1 } } }, { criteria: [table] });
    expect(result.matches.map((m) => `${m.mentorIds[0]}-${m.menteeIds[0]}`).sort()).toEqual(["M1-b", "M2-a"]);
    expect(result.stats.total).toBeCloseTo(1.65, 12);
    expect(pairStatsOf(result).certified).toBe(true);
    const c = pairStatsOf(result).candidates!;
    expect(c.pairs).toBe(2);
    expect(c.added).toBeGreaterThan(0);
    expect(c.solves).toBeGreaterThan(1);
  });

  it("adds a pair that only raises the total: hand-worked three mentees, k = 1", async () => {
    // Capacity 1 each. x: M1 0.9, M2 0.5; y: M1 0.95, M2 0.1; z only M3 0.7 (M1, M2 score 0).
    // k = 1 keeps x–M1, y–M1, z–M3: optimum y→M1 + z→M3 = 1.65 with x unmatched. The full
    // problem matches x→M2 too (0.5): 2.15; so x–M2 has negative reduced cost and is added.
    const participants = [
      mentor("M1", { x: 0.9, y: 0.95, z: 0 }), mentor("M2", { x: 0.5, y: 0.1, z: 0 }), mentor("M3", { x: 0, y: 0, z: 0.7 }),
      mentee("x"), mentee("y"), mentee("z"),
    ];
    const program = { weights: tableOnly, rules: { minScore: 0.05 } };
    const dense = await match({ participants, program }, { criteria: [table] });
    const sparse = await match({ participants, program: { ...program, candidates: { perMentee: 1 } } }, { criteria: [table] });
    expect(dense.stats.total).toBeCloseTo(2.15, 12);
    expect(sparse.stats.total).toBeCloseTo(2.15, 12);
    expect(sparse.matches.map((m) => `${m.mentorIds[0]}-${m.menteeIds[0]}`).sort()).toEqual(["M1-y", "M2-x", "M3-z"]);
  });

  it("refuses candidates where the sparse mode does not apply", async () => {
    const cohort = generateCohort({ mentees: 6, mentors: 3, seed: 3 });
    await expect(match({ ...cohort, program: { ...cohort.program, objective: "maxMin", candidates: { perMentee: 2 } } })).rejects.toThrow(MatchInputError);
    await expect(match({ ...cohort, program: { ...cohort.program, objective: "maxMin", candidates: { perMentee: 2 } } })).rejects.toMatchObject({ issues: [{ code: "candidates-unsupported", path: ["program", "candidates"] }] });
  });
});
