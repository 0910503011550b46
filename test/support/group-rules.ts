// Group results keep their rules on generated cohorts: a few runs in test/match/advanced.test.ts,
// the full 6 in test/match/advanced.slow.test.ts.
import fc from "fast-check";
import { expect } from "vitest";
import { generateCohort, match, parseCohort, scoreMatrix, type Cohort } from "../../src/index.js";

const byId = (c: Cohort): Cohort => ({ ...c, participants: [...c.participants].sort((a, b) => (a.id < b.id ? -1 : 1)) });

/**
 * On `numRuns` generated 14 × 4 group cohorts (size 2–4, mentor seats 4, at most 2 of a department
 * per group): every group has one mentor, 2–4 mentees it may mentor, no mentee twice, and the mix cap holds.
 */
export async function checkGroupRules(numRuns: number): Promise<void> {
  await fc.assert(
    fc.asyncProperty(fc.integer({ min: 1, max: 10_000 }), async (seed) => {
      const raw = generateCohort({ mentees: 14, mentors: 4, seed, format: "group" });
      const program = { ...raw.program, format: "group" as const, group: { size: { min: 2, max: 4 }, cohesionWeight: 0.3, mix: [{ field: "department", maxPerGroup: 2 }] } };
      const input = { ...raw, participants: raw.participants.map((p) => (p.role === "mentor" ? { ...p, capacity: 4 } : p)), program };
      const cohort = byId(parseCohort(input));
      const m = scoreMatrix(cohort);
      const result = await match(input);
      const seen = new Set<string>();
      for (const g of result.matches) {
        expect(g.mentorIds).toHaveLength(1);
        expect(g.menteeIds.length).toBeGreaterThanOrEqual(2);
        expect(g.menteeIds.length).toBeLessThanOrEqual(4);
        const j = m.colIndex.get(g.mentorIds[0]!)!;
        const depts = new Map<string, number>();
        for (const id of g.menteeIds) {
          expect(seen.has(id)).toBe(false);
          seen.add(id);
          expect(m.eligible[m.rowIndex.get(id)! * m.cols + j]).toBe(1);
          const d = cohort.participants.find((p) => p.id === id)!.department!;
          depts.set(d, (depts.get(d) ?? 0) + 1);
        }
        for (const c of depts.values()) expect(c).toBeLessThanOrEqual(2);
        expect(g.members).toHaveLength(g.menteeIds.length);
      }
    }),
    { numRuns },
  );
}
