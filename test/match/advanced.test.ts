import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { explainWhyNot, generateCohort, match as matchCohort, parseCohort, rematch, selectorMatches, type CohortInput, type MatchOptions } from "../../src/index.js";
import { checkGroupRules } from "../support/group-rules.js";
import { statsOf } from "../support/result-stats.js";

/** These tests feed JSON-like literals (roles as plain strings), as untyped callers do; `match()` validates them at run time. */
const match = (input: unknown, options?: MatchOptions) => matchCohort(input as CohortInput, options);

describe("match: group", () => {
  // 2 runs; test/match/advanced.slow.test.ts runs 6.
  it("groups respect size bounds, mentor seats, eligibility and the department mix cap", async () => {
    await checkGroupRules(2);
  });

  it("requireCommonSlot: every group has a meeting slot shared by all members and the mentor", async () => {
    const slot = (day: string, start: string, end: string) => ({ day, start, end });
    const p = (id: string, role: string, slots: ReturnType<typeof slot>[], extra: Record<string, unknown> = {}) => ({ id, role, level: role === "mentor" ? 6 : 2, timezone: "UTC", languages: ["English"], goals: ["leadership"], availability: { slots }, ...extra });
    const raw = {
      participants: [
        p("m1", "mentor", [slot("mon", "09:00", "11:00")], { capacity: 3 }),
        p("m2", "mentor", [slot("wed", "14:00", "16:00")], { capacity: 3 }),
        p("a", "mentee", [slot("mon", "09:00", "10:00"), slot("wed", "14:00", "15:00")]),
        p("b", "mentee", [slot("mon", "09:00", "10:00")]),
        p("c", "mentee", [slot("wed", "14:00", "16:00")]),
        p("d", "mentee", [slot("wed", "15:00", "16:00")]),
      ],
      program: { format: "group", group: { size: { min: 1, max: 3 }, requireCommonSlot: true } },
    };
    const result = await match(raw);
    const group = (mentor: string) => result.matches.find((g) => g.mentorIds[0] === mentor)!.menteeIds.sort();
    // b can only meet m1 (Mon 09–10); c and d only m2 on Wed (14–16 and 15–16 share 15–16).
    expect(group("m1")).toContain("b");
    expect(group("m2")).toEqual(expect.arrayContaining(["c", "d"]));
    expect(group("m2")).not.toContain("b");
    for (const g of result.matches) expect(g.reasons.some((r) => r.code === "group-common-slot" && r.text.startsWith("Common meeting slot"))).toBe(true);
  });

  it("reports every pipeline stage, solve included, for constraint-solved formats", async () => {
    const raw = generateCohort({ mentees: 8, mentors: 2, seed: 12, format: "group" });
    const stages: string[] = [];
    await match({ ...raw, program: { ...raw.program, format: "group", group: { size: { min: 2, max: 4 } } } }, { onProgress: (stage, done) => done === 0 && stages.push(stage) });
    // Groups score twice: mentees × mentors, then mentees × mentees for cohesion.
    expect(stages).toEqual(["validate", "encode", "score", "score", "solve", "report"]);
  });

  it("a mentor who gives no capacity leads a full group; one with fewer seats than size.min leads none", async () => {
    const p = (id: string, role: string, extra: Record<string, unknown> = {}) => ({ id, role, level: role === "mentor" ? 6 : 2, languages: ["English"], goals: ["leadership"], ...extra });
    const raw = {
      participants: [p("m1", "mentor"), p("m2", "mentor", { capacity: 1 }), p("a", "mentee"), p("b", "mentee"), p("c", "mentee")],
      program: { format: "group", group: { size: { min: 2, max: 3 } } },
    };
    expect(parseCohort(raw).participants.find((x) => x.id === "m1")!.capacity).toBe(3);
    const result = await match(raw);
    expect(result.matches).toHaveLength(1);
    expect(result.matches[0]!.mentorIds).toEqual(["m1"]);
    expect(result.matches[0]!.menteeIds).toEqual(["a", "b", "c"]);
    expect(result.warnings.some((w) => w.message.includes("m2"))).toBe(true);
  });

  it("regression: zero-score pairs still count — the most participants are matched first", async () => {
    // No criterion has data, so every pair scores 0; the joint rotational model must still meet.
    const result = await match({
      participants: [{ id: "a", role: "mentee", level: 1 }, { id: "m", role: "mentor", level: 5, department: "X" }],
      program: { format: "rotational", rotation: { rounds: 2, minDepartments: 2 } },
    });
    expect(result.matches).toHaveLength(1);
  });

  it("mentor-less peer circles partition everyone into groups of the given size", async () => {
    const raw = generateCohort({ mentees: 10, mentors: 0, seed: 3, format: "peer" });
    const result = await match({ ...raw, program: { ...raw.program, format: "group", group: { size: { min: 3, max: 4 }, mentorless: true } } });
    const sizes = result.matches.map((g) => g.menteeIds.length);
    expect(sizes.reduce((s, v) => s + v, 0)).toBe(10);
    for (const s of sizes) {
      expect(s).toBeGreaterThanOrEqual(3);
      expect(s).toBeLessThanOrEqual(4);
    }
  });
});

describe("match: rotational", () => {
  it("no mentee meets a mentor twice, one mentor per mentee per round, loads per round respected", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: 3 }), async (seed, rounds) => {
        const raw = generateCohort({ mentees: 10, mentors: 4, seed, format: "rotational" });
        const input = { ...raw, program: { ...raw.program, format: "rotational" as const, rotation: { rounds } } };
        const cohort = parseCohort(input);
        const cap = new Map(cohort.participants.map((p) => [p.id, p.capacity]));
        const result = await match(input);
        expect(result.rounds).toHaveLength(rounds);
        const met = new Set<string>();
        for (const round of result.rounds!) {
          const mentees = new Set<string>();
          const load = new Map<string, number>();
          for (const x of round) {
            const key = `${x.mentorIds[0]}|${x.menteeIds[0]}`;
            expect(met.has(key)).toBe(false);
            met.add(key);
            expect(mentees.has(x.menteeIds[0]!)).toBe(false);
            mentees.add(x.menteeIds[0]!);
            load.set(x.mentorIds[0]!, (load.get(x.mentorIds[0]!) ?? 0) + 1);
          }
          for (const [id, l] of load) expect(l).toBeLessThanOrEqual(cap.get(id)!);
        }
        expect(result.stats.optimal).toBe(true);
        expect(result.stats.total).toBeCloseTo(statsOf(result, "rotational").jointBound, 9);
      }),
      { numRuns: 15 },
    );
  });

  it("sequential mode reports its total against the joint bound", async () => {
    const raw = generateCohort({ mentees: 12, mentors: 4, seed: 21, format: "rotational" });
    const result = await match({ ...raw, program: { ...raw.program, format: "rotational", rotation: { rounds: 3, mode: "sequential" } } });
    // The bound is the joint solve's optimum: check it against an exact joint solve of the same cohort.
    const joint = await match({ ...raw, program: { ...raw.program, format: "rotational", rotation: { rounds: 3, mode: "joint" } } });
    expect(joint.stats.optimal).toBe(true);
    const bound = statsOf(result, "rotational").jointBound;
    expect(bound).toBeCloseTo(joint.stats.total, 9);
    // gapToJointBound = (bound − total) / bound, with total summed here from the matches.
    const total = result.matches.reduce((sum, x) => sum + x.score, 0);
    expect(result.stats.total).toBeCloseTo(total, 9);
    expect(total).toBeLessThanOrEqual(bound + 1e-9);
    expect(statsOf(result, "rotational").gapToJointBound).toBeCloseTo((bound - total) / bound, 12);
  });

  it("minDepartments: each mentee meets mentors from enough departments when possible", async () => {
    const mk = (id: string, role: string, department: string) => ({ id, role, department, level: role === "mentor" ? 6 : 2, languages: ["English"], goals: ["leadership"], capacity: 2 });
    const raw = {
      participants: [mk("e1", "mentor", "Eng"), mk("e2", "mentor", "Eng"), mk("s1", "mentor", "Sales"), mk("f1", "mentor", "Finance"), mk("a", "mentee", "Ops"), mk("b", "mentee", "Ops"), mk("c", "mentee", "Ops")],
      program: { format: "rotational", rotation: { rounds: 3, minDepartments: 3 } },
    };
    const result = await match(raw);
    const dept = new Map(raw.participants.map((p) => [p.id, p.department]));
    for (const mentee of ["a", "b", "c"]) {
      const ds = new Set(result.matches.filter((x) => x.menteeIds[0] === mentee).map((x) => dept.get(x.mentorIds[0]!)));
      expect(ds.size).toBe(3);
    }
  });
});

describe("quotas", () => {
  it("rotational: a hard quota holds in every round", async () => {
    const mk = (id: string, role: string, level: number, department: string) => ({ id, role, level, department, languages: ["English"], goals: ["leadership"], capacity: 1 });
    const raw = {
      participants: [mk("s1", "mentor", 7, "Eng"), mk("s2", "mentor", 7, "Eng"), mk("j1", "mentor", 4, "Ops"), mk("j2", "mentor", 4, "Ops"), mk("a", "mentee", 1, "Sales"), mk("b", "mentee", 1, "Sales"), mk("c", "mentee", 1, "Ops")],
      program: { format: "rotational", rotation: { rounds: 2 }, quotas: [{ name: "Sales meets seniors", mentees: { field: "department", equals: "Sales" }, mentors: { field: "level", min: 6 }, min: 1, unit: "share" }] },
    };
    const result = await match(raw);
    expect(result.stats.solver).toMatch(/^constraint\//);
    const level = new Map(raw.participants.map((p) => [p.id, p.level]));
    for (const round of result.rounds!) {
      for (const mentee of ["a", "b"]) {
        const x = round.find((m) => m.menteeIds[0] === mentee);
        expect(x, `${mentee} is matched in every round`).toBeDefined();
        expect(level.get(x!.mentorIds[0]!)).toBeGreaterThanOrEqual(6);
      }
    }
  });


  it("a hard quota is never violated and the result stays exact-engine optimal on small cohorts", async () => {
    const raw = generateCohort({ mentees: 12, mentors: 5, seed: 4 });
    const quota = { name: "seniors for Engineering", mentees: { field: "department", equals: "Engineering" }, mentors: { field: "level", min: 6 }, min: 0.5, unit: "share" as const };
    const input = { ...raw, program: { ...raw.program, quotas: [quota] } };
    const cohort = parseCohort(input);
    const result = await match(input);
    const byPid = new Map(cohort.participants.map((p) => [p.id, p]));
    const selected = cohort.participants.filter((p) => p.role !== "mentor" && selectorMatches(p, quota.mentees));
    const hits = result.matches.filter((x) => selectorMatches(byPid.get(x.menteeIds[0]!)!, quota.mentees) && selectorMatches(byPid.get(x.mentorIds[0]!)!, quota.mentors)).length;
    if (statsOf(result, "one-on-one").status !== "infeasible") expect(hits).toBeGreaterThanOrEqual(0.5 * selected.length - 1e-9);
    else expect(result.warnings.map((w) => w.message).join(" ")).toContain("seniors for Engineering");
  });

  it("why not on a quota result names rules but does not re-solve without the quotas", async () => {
    const raw = {
      participants: [
        { id: "m1", role: "mentor", level: 7, capacity: 1, languages: ["English"] },
        { id: "m2", role: "mentor", level: 7, capacity: 1, languages: ["German"] },
        { id: "a", role: "mentee", level: 1, department: "Eng", languages: ["English"] },
        { id: "b", role: "mentee", level: 1, department: "Eng", languages: ["English", "German"] },
      ],
      program: { quotas: [{ name: "Eng seniors", mentees: { field: "department", equals: "Eng" }, mentors: { field: "level", min: 6 }, min: 1 }] },
    };
    const result = await match(raw);
    expect(explainWhyNot(result, "a", "m2")).toMatchObject({ verdict: "ineligible", rules: ["shared-language"] });
    // a can only have m1 (language), so b gets m2; b–m1 is eligible but not paired.
    expect(result.matches.find((x) => x.menteeIds[0] === "b")!.mentorIds).toEqual(["m2"]);
    expect(explainWhyNot(result, "b", "m1").verdict).toBe("not-computed");
  });

  it("an infeasible quota is reported by name, not thrown and not dropped silently", async () => {
    const raw = {
      participants: [
        { id: "m", role: "mentor", level: 3, capacity: 2 },
        { id: "a", role: "mentee", level: 1, department: "Eng" },
        { id: "b", role: "mentee", level: 1, department: "Eng" },
      ],
      program: { quotas: [{ name: "senior mentors for Eng", mentees: { field: "department", equals: "Eng" }, mentors: { field: "level", min: 6 }, min: 1 }] },
    };
    const result = await match(raw);
    expect(statsOf(result, "one-on-one").status).toBe("infeasible");
    expect(statsOf(result, "one-on-one").infeasibility!.constraints).toContain("senior mentors for Eng");
    expect(result.warnings.some((w) => w.message.includes("senior mentors for Eng"))).toBe(true);
  });
});

describe("rematch", () => {
  it("peer and group results: kept pairs stay, leavers and rejected pairs are gone", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 10_000 }), async (seed) => {
        const raw = generateCohort({ mentees: 10, mentors: 0, seed, format: "peer" });
        const before = await match(raw);
        const pairs = before.matches.filter((m) => m.menteeIds.length === 2);
        if (pairs.length < 3) return;
        const [gone, ended, ...rest] = pairs;
        const after = await rematch(before, { leave: [gone!.menteeIds[0]!], reject: [{ mentorId: ended!.menteeIds[1]!, menteeId: ended!.menteeIds[0]! }] });
        for (const m of rest) expect(after.matches).toContainEqual(m);
        expect(after.matches.some((m) => m.menteeIds.includes(gone!.menteeIds[0]!))).toBe(false);
        expect(after.matches.some((m) => m.menteeIds.includes(ended!.menteeIds[0]!) && m.menteeIds.includes(ended!.menteeIds[1]!))).toBe(false);
      }),
      { numRuns: 5 },
    );
    const g = generateCohort({ mentees: 12, mentors: 3, seed: 5, format: "group" });
    const input = { ...g, program: { ...g.program, format: "group" as const, group: { size: { min: 2, max: 5 } } } };
    const before = await match(input);
    const first = before.matches[0]!;
    const leaving = first.menteeIds[0]!;
    const after = await rematch(before, { leave: [leaving] });
    for (const m of before.matches.slice(1)) {
      for (const id of m.menteeIds) expect(after.matches.find((x) => x.menteeIds.includes(id))?.mentorIds).toEqual(m.mentorIds);
    }
    expect(after.matches.some((m) => m.menteeIds.includes(leaving))).toBe(false);
  });

  it("maxExtraChanges lets a kept pair move only when that gains at least minGain", async () => {
    // Goals only. x–A shares both of x's goals (1.0); x–B shares the first of two (1 / 1.8 ≈ 0.556).
    // z speaks only German, so only A (German and English) is eligible for z; z–A scores 1.0.
    const weights = { goals: 1, skills: 0, personality: 0, availability: 0, diversity: 0, preferences: 0 };
    const A = { id: "A", role: "mentor" as const, level: 5, goals: ["g1", "g2"], languages: ["German", "English"] };
    const B = { id: "B", role: "mentor" as const, level: 5, goals: ["g1"], languages: ["English"] };
    const x = { id: "x", role: "mentee" as const, level: 1, goals: ["g1", "g2"], languages: ["English"] };
    const z = { id: "z", role: "mentee" as const, level: 1, goals: ["g2"], languages: ["German"] };
    const before = await match({ participants: [A, B, x], program: { weights } });
    expect(before.matches.map((m) => [m.mentorIds[0], m.menteeIds[0]])).toEqual([["A", "x"]]);

    const locked = await rematch(before, { join: [z] });
    expect(locked.matches.map((m) => [m.mentorIds[0], m.menteeIds[0]])).toEqual([["A", "x"]]);
    expect(locked.unmatched.find((u) => u.id === "z")!.code).toBe("partners-at-capacity");

    const tooGreedy = await rematch(before, { join: [z], maxExtraChanges: 1, minGain: 0.9 });
    expect(tooGreedy.matches.map((m) => [m.mentorIds[0], m.menteeIds[0]])).toEqual([["A", "x"]]);

    const moved = await rematch(before, { join: [z], maxExtraChanges: 1, minGain: 0.5 });
    expect(moved.matches.map((m) => [m.mentorIds[0], m.menteeIds[0]])).toEqual([["A", "z"], ["B", "x"]]);
    expect(moved.stats.rematch).toMatchObject({ changed: 1 });
    // Gain: (0.556 + 1.0) − 1.0 ≈ 0.556.
    expect(moved.stats.total - locked.stats.total).toBeCloseTo(1 / 1.8, 6);
  });


  it("keeps every kept pair byte-identical and re-solves only the freed", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 10_000 }), async (seed) => {
        const raw = generateCohort({ mentees: 10, mentors: 5, seed });
        const before = await match(raw);
        if (before.matches.length < 3) return;
        const leaving = before.matches[0]!.menteeIds[0]!;
        const rejected = before.matches[1]!;
        const after = await rematch(before, {
          leave: [leaving],
          reject: [{ mentorId: rejected.mentorIds[0]!, menteeId: rejected.menteeIds[0]! }],
          join: [{ id: "zz-new", role: "mentee", level: 1, languages: ["English"], goals: ["leadership"] }],
        });
        for (const m of before.matches.slice(2)) {
          const same = after.matches.find((x) => x.mentorIds[0] === m.mentorIds[0] && x.menteeIds[0] === m.menteeIds[0]);
          expect(same).toBeDefined();
          expect(JSON.stringify(same)).toBe(JSON.stringify(m));
        }
        expect(after.matches.some((x) => x.menteeIds.includes(leaving))).toBe(false);
        expect(after.matches.some((x) => x.mentorIds[0] === rejected.mentorIds[0] && x.menteeIds[0] === rejected.menteeIds[0])).toBe(false);
      }),
      { numRuns: 10 },
    );
  });
});
