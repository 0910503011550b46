import { describe, expect, it } from "vitest";
import { generateCohort, match as matchCohort, parseCohort, scoreMatrix, type CohortInput, type MatchOptions, type MatchResult } from "../../src/index.js";
import { statsOf } from "../support/result-stats.js";

/** These tests feed JSON-like literals (roles as plain strings), as untyped callers do; `match()` validates them at run time. */
const match = (input: unknown, options?: MatchOptions) => matchCohort(input as CohortInput, options);

/** Group results keep sizes and seats; returns how many mentees were placed. */
function checkGroups(result: MatchResult, raw: ReturnType<typeof generateCohort>): number {
  const { min, max } = raw.program!.group!.size;
  const capacity = new Map(raw.participants.filter((p) => p.role !== "mentee").map((p) => [p.id, p.capacity ?? 1]));
  const seen = new Set<string>();
  for (const g of result.matches) {
    expect(g.menteeIds.length).toBeGreaterThanOrEqual(min);
    expect(g.menteeIds.length).toBeLessThanOrEqual(Math.min(max, capacity.get(g.mentorIds[0]!)!));
    for (const id of g.menteeIds) {
      expect(seen.has(id)).toBe(false);
      seen.add(id);
    }
  }
  for (const u of result.unmatched) expect(u.message).not.toMatch(/matched elsewhere/);
  return seen.size;
}

describe("issue 14.1 (large): generated group programmes no longer place nobody", () => {
  it("issue 14.1: the default auto solver places mentees on generated 36 × 10 cohorts (seeds 8 and 10 placed 0)", async () => {
    for (const seed of [8, 10]) {
      const raw = generateCohort({ mentees: 36, mentors: 10, seed, format: "group" });
      const result = await match(raw);
      expect(statsOf(result, "group").status).not.toBe("infeasible");
      // At least one mentor has size.min eligible mentees, so placing nobody is never optimal.
      expect(checkGroups(result, raw)).toBeGreaterThanOrEqual(3);
    }
  });

  for (const [mentees, mentors, seed, seats] of [[500, 100, 3, 331], [1000, 200, 5, 670]] as const) {
    it(`issue 14.1: generateCohort({ mentees: ${mentees}, mentors: ${mentors}, seed: ${seed}, format: "group" }) fills nearly every seat (placed 0 before)`, async () => {
      const raw = generateCohort({ mentees, mentors, seed, format: "group" });
      // Seats: Σ over mentors of min(capacity, size.max) for those who can lead a group at all.
      const { min, max } = raw.program!.group!.size;
      const total = raw.participants.filter((p) => p.role !== "mentee").reduce((s, p) => s + ((p.capacity ?? 1) >= min ? Math.min(p.capacity ?? 1, max) : 0), 0);
      expect(total).toBeGreaterThanOrEqual(seats);
      const result = await match(raw);
      expect(statsOf(result, "group").status).not.toBe("infeasible");
      const placed = checkGroups(result, raw);
      expect(placed).toBe(result.stats.matchedMentees);
      // The issue counted about `seats` seats; a sound result fills all but a few of them.
      expect(placed).toBeGreaterThanOrEqual(Math.floor(0.97 * seats));
    });
  }
});

describe("issue 14.1 (other solvers): the Klingon repro", () => {
  const person = (id: string, role: string, extra: Record<string, unknown> = {}) => ({ id, role, level: role === "mentor" ? 6 : 2, languages: ["English"], goals: ["leadership"], ...extra });
  // As in regressions-14.test.ts: m1 (Klingon only) can gather only e1, e2 (< size.min 3), so it
  // leads no group; m2 and m3 take 4 each.
  const participants = [
    person("m1", "mentor", { languages: ["Klingon"], capacity: 4 }),
    person("m2", "mentor", { capacity: 4 }),
    person("m3", "mentor", { capacity: 4 }),
    person("e1", "mentee", { languages: ["English", "Klingon"] }),
    person("e2", "mentee", { languages: ["English", "Klingon"] }),
    ...["e3", "e4", "e5", "e6", "e7", "e8"].map((id) => person(id, "mentee")),
  ];
  for (const solver of ["auto", "exact"] as const) {
    it(`issue 14.1: group programme places everyone when one mentor cannot reach size.min (solver ${solver})`, async () => {
      const result = await match({ participants, program: { format: "group", solver, group: { size: { min: 3, max: 4 } } } });
      expect(statsOf(result, "group").status).not.toBe("infeasible");
      expect(result.matches.map((g) => [g.mentorIds[0], g.menteeIds.length])).toEqual([["m2", 4], ["m3", 4]]);
      expect(result.unmatched.filter((u) => u.role === "mentee")).toEqual([]);
    });
  }
});

describe("issue 14.6: maxMin and mentor minimums on a generated cohort", () => {
  it("issue 14.6: generated seed 183 — maxMin fills all 5 minimum seats, as maxTotal does", async () => {
    // generateCohort seed 183, 30 mentees × 20 mentors; minimum load 1 on the 5 mentors whose
    // eligible pairs score lowest on average (those the worst-score objective would skip).
    const raw = generateCohort({ seed: 183, mentees: 30, mentors: 20 });
    const m = scoreMatrix(parseCohort(raw));
    const mean: Array<[number, string]> = [];
    for (let j = 0; j < m.cols; j++) {
      let sum = 0, count = 0;
      for (let i = 0; i < m.rows; i++) if (m.eligible[i * m.cols + j]) { sum += m.scores[i * m.cols + j]!; count++; }
      if (count > 0) mean.push([sum / count, m.colIds[j]!]);
    }
    const chosen = new Set(mean.sort((a, b) => a[0] - b[0]).slice(0, 5).map(([, id]) => id));
    const participants = raw.participants.map((p) => {
      if (p.role !== "mentor") return p;
      const { minCapacity: _drop, ...rest } = p;
      return chosen.has(p.id) ? { ...rest, minCapacity: 1 } : rest;
    });
    const filledBy = (r: { matches: { mentorIds: string[] }[] }) => new Set(r.matches.map((x) => x.mentorIds[0]!).filter((id) => chosen.has(id))).size;
    const total = await match({ participants, program: { ...raw.program, objective: "maxTotal" } });
    const maxMin = await match({ participants, program: { ...raw.program, objective: "maxMin" } });
    expect(filledBy(total)).toBe(5); // so all 5 minimum seats can be filled with the most matched
    expect(maxMin.stats.matchedMentees).toBe(total.stats.matchedMentees);
    expect(filledBy(maxMin)).toBe(5);
    expect(maxMin.unmatched.filter((u) => u.code === "minimum-not-met")).toEqual([]);
    // Its worst score is still at least maxTotal's (both fill the same seats and match as many).
    expect(maxMin.stats.min).toBeGreaterThanOrEqual(total.stats.min - 1e-12);
  });
});
