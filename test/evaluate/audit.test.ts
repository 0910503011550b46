import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MatchInputError, auditResult, compareResults, generateCohort, match, parseCohort, type MatchResult, type ParticipantInput } from "../../src/index.js";

/** A hand-made result: only `mentorIds`, `menteeIds` and `score` matter to the audit. */
const pair = (mentor: string, mentee: string, score: number) => ({ mentorIds: [mentor], menteeIds: [mentee], score, breakdown: {}, reasons: [] });
const resultOf = (matches: ReturnType<typeof pair>[]) => ({ format: "one-on-one", matches, unmatched: [], stats: {}, warnings: [] }) as unknown as MatchResult;

function issuesOf(run: () => unknown) {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(MatchInputError);
    return (err as MatchInputError).issues;
  }
  throw new Error("expected a MatchInputError");
}

// Scores under goals-only weights with rankDecay 1: a mentee with goals [x, y] scores 1 with m1
// (both goals), 0.5 with m2 (x), 0 with m3 and m4; a mentee with goals [w] scores 1 with m4.
const mentors: ParticipantInput[] = [
  { id: "m1", role: "mentor", goals: ["x", "y"], capacity: 3 },
  { id: "m2", role: "mentor", goals: ["x"], capacity: 3 },
  { id: "m3", role: "mentor", goals: ["z"], capacity: 3 },
  { id: "m4", role: "mentor", goals: ["w"], capacity: 3 },
];
const mentee = (id: string, department: string | undefined, extra: Partial<ParticipantInput> = {}): ParticipantInput => ({
  id,
  role: "mentee",
  goals: ["x", "y"],
  ...(department ? { department } : {}),
  ...extra,
});
const participants: ParticipantInput[] = [
  ...mentors,
  mentee("a1", "A", { preferences: { ranked: ["m2"] }, diversity: { gender: "woman" } }),
  mentee("a2", "A", { preferences: { ranked: ["m1", "m2"] }, diversity: { gender: "woman" } }),
  mentee("a3", "A", { diversity: { gender: "woman" } }),
  mentee("a4", "A", { diversity: { gender: "woman" } }),
  mentee("a5", "A", { diversity: { gender: "woman" } }),
  mentee("a6", "A", { diversity: { gender: "man" } }),
  mentee("b1", "B", { preferences: { ranked: ["m3"] }, diversity: { gender: "man" } }),
  mentee("b2", "B", { preferences: { ranked: ["m3"] }, diversity: { gender: "man" } }),
  mentee("b3", "B", { diversity: { gender: "man" } }),
  mentee("b4", "B", { diversity: { gender: "man" } }),
  mentee("b5", "B", { diversity: { gender: "woman" } }),
  mentee("c1", "C", { goals: ["w"], diversity: { gender: "non-binary" } }),
  mentee("c2", "C"),
  mentee("n1", undefined, { preferences: { ranked: ["m1"] } }),
];
const cohort = parseCohort({
  participants,
  program: { weights: { goals: 1, skills: 0, personality: 0, availability: 0, diversity: 0, preferences: 0 }, criteria: { goals: { rankDecay: 1 } } },
});
const result = resultOf([
  pair("m2", "a1", 0.9), // ranked m2 first: first choice
  pair("m2", "a2", 0.7), // ranked m1 first: not
  pair("m1", "a3", 0.8), // ranks nobody; m1 is their best eligible mentor (1.0): first choice
  pair("m2", "a4", 0.6), // ranks nobody; m2 scores 0.5 < 1.0: not
  pair("m3", "b1", 0.5), // ranked m3 first: first choice
  pair("m3", "b2", 0.4), // ranked m3 first: first choice
  pair("m4", "c1", 0.2), // ranks nobody; m4 is their best (goal w, 1.0): first choice
  pair("m4", "n1", 0.1), // ranked m1 first: not
]);

describe("auditResult: hand-counted", () => {
  it("groups by department with the default minimum group size 5", () => {
    const audit = auditResult(result, cohort, { groupBy: "department" });
    // A: 6 mentees, 4 matched → 4/6; scores 0.9, 0.7, 0.8, 0.6 → mean 3.0/4 = 0.75, min 0.6;
    //    first choice a1, a3 → 2/4 = 0.5.
    // B: 5 mentees, 2 matched → 2/5 = 0.4; scores 0.5, 0.4 → mean 0.45, min 0.4; first choice 2/2.
    // C (2) and "(not given)" (1) are under 5: suppressed, and their bucket of 3 is under 5 too.
    expect(audit.groups).toHaveLength(2);
    const [a, b] = audit.groups;
    expect(a).toMatchObject({ group: "A", participants: 6, matched: 4, minScore: 0.6, firstChoiceRate: 0.5 });
    expect(a!.matchRate).toBeCloseTo(4 / 6, 12);
    expect(a!.meanScore).toBeCloseTo(0.75, 12);
    expect(b).toMatchObject({ group: "B", participants: 5, matched: 2, matchRate: 0.4, minScore: 0.4, firstChoiceRate: 1 });
    expect(b!.meanScore).toBeCloseTo(0.45, 12);
    expect(audit.suppressedGroups).toBe(2);
    // Disparity against A (best on both): match rate 0.4 / (4/6) = 0.6, mean score 0.45 / 0.75 = 0.6.
    expect(audit.disparity.reference).toEqual({ matchRate: "A", meanScore: "A" });
    const [ra, rb] = audit.disparity.ratios;
    expect(ra).toEqual({ group: "A", matchRate: 1, meanScore: 1, flagged: [] });
    expect(rb!.matchRate).toBeCloseTo(0.6, 12);
    expect(rb!.meanScore).toBeCloseTo(0.6, 12);
    expect(rb!.flagged).toEqual(["matchRate", "meanScore"]);
  });

  it("shows the suppressed bucket when it is large enough itself, outside the disparity ratios", () => {
    const audit = auditResult(result, cohort, { groupBy: "department", minGroupSize: 3 });
    // C (2) and "(not given)" (1) merge into a bucket of 3: matched c1 and n1 → 2/3; scores 0.2 and
    // 0.1 → mean 0.15, min 0.1; first choice c1 only → 1/2.
    const bucket = audit.groups.at(-1)!;
    expect(bucket).toMatchObject({ group: "(suppressed)", participants: 3, matched: 2, minScore: 0.1, firstChoiceRate: 0.5 });
    expect(bucket.meanScore).toBeCloseTo(0.15, 12);
    expect(audit.disparity.ratios.map((r) => r.group)).toEqual(["A", "B"]);
  });

  it("minGroupSize 1 shows every group, the missing field last", () => {
    const audit = auditResult(result, cohort, { groupBy: "department", minGroupSize: 1 });
    expect(audit.groups.map((g) => [g.group, g.participants, g.matched])).toEqual([
      ["A", 6, 4],
      ["B", 5, 2],
      ["C", 2, 1],
      ["(not given)", 1, 1],
    ]);
  });

  it("audits mentors too: share with a mentee, their scores", () => {
    const audit = auditResult(result, { participants, program: cohort.program }, { groupBy: "level", side: "mentors", minGroupSize: 1 });
    // No mentor gives a level: one group of 4, all matched. Each one-on-one pair is its own match,
    // so the mean is over the 8 pairs: (0.9 + 0.7 + 0.8 + 0.6 + 0.5 + 0.4 + 0.2 + 0.1) / 8 = 0.525.
    expect(audit.groups).toHaveLength(1);
    expect(audit.groups[0]).toMatchObject({ group: "(not given)", participants: 4, matched: 4, matchRate: 1 });
    expect(audit.groups[0]!.meanScore).toBeCloseTo(0.525, 12);
    expect(audit.groups[0]!.minScore).toBe(0.1);
  });
});

describe("auditResult: privacy", () => {
  it("refuses a diversity field without an opt-in", () => {
    const issues = issuesOf(() => auditResult(result, cohort, { groupBy: "diversity.gender" }));
    expect(issues[0]).toMatchObject({ path: ["groupBy"], code: "sensitive-group-by" });
  });

  it("with the opt-in, suppresses groups under 5 and leaks nothing about them", () => {
    const audit = auditResult(result, cohort, { groupBy: "diversity.gender", allowSensitive: true });
    // women: a1–a5, b5 = 6; men: a6, b1–b4 = 5; non-binary: c1 = 1; not given: c2, n1 = 2.
    expect(audit.groups.map((g) => [g.group, g.participants])).toEqual([
      ["woman", 6],
      ["man", 5],
    ]);
    expect(audit.suppressedGroups).toBe(2);
    expect(JSON.stringify(audit)).not.toMatch(/non-binary|not given|suppressed"/);
    expect(audit.disparity.ratios.map((r) => r.group)).toEqual(["woman", "man"]);
  });

  it("takes the programme's explain.includeSensitive as the opt-in, and never a group size under 5", () => {
    const sensitive = parseCohort({ participants, program: { ...cohort.program, explain: { includeSensitive: true } } });
    expect(auditResult(result, sensitive, { groupBy: "diversity.gender" }).groups).toHaveLength(2);
    const issues = issuesOf(() => auditResult(result, sensitive, { groupBy: "diversity.gender", minGroupSize: 2 }));
    expect(issues[0]).toMatchObject({ path: ["minGroupSize"], code: "invalid-option" });
  });

  it("rejects unknown fields, ids outside the cohort and non-results", () => {
    expect(issuesOf(() => auditResult(result, cohort, { groupBy: "goals" }))[0]!.code).toBe("invalid-group-by");
    expect(issuesOf(() => auditResult(resultOf([pair("m1", "ghost", 0.5)]), cohort, { groupBy: "department" }))[0]).toMatchObject({
      code: "unknown-id",
      path: ["result", "matches", 0, "menteeIds", 0],
    });
    expect(issuesOf(() => auditResult({ matches: "no" }, cohort, { groupBy: "department" }))[0]!.code).toBe("invalid-result");
  });
});

describe("auditResult on a real match", () => {
  it("counts agree with the result itself (sample cohort)", async () => {
    const sample = parseCohort(JSON.parse(readFileSync(new URL("../../examples/cohort.json", import.meta.url), "utf8")));
    const real = await match(sample);
    const audit = auditResult(real, sample, { groupBy: "department", minGroupSize: 1 });
    const mentees = sample.participants.filter((p) => p.role !== "mentor");
    const matched = new Set(real.matches.flatMap((m) => m.menteeIds));
    expect(audit.groups.reduce((s, g) => s + g.participants, 0)).toBe(mentees.length);
    expect(audit.groups.reduce((s, g) => s + g.matched, 0)).toBe(matched.size);
    for (const g of audit.groups) {
      const inGroup = real.matches.filter((m) => sample.participants.find((p) => p.id === m.menteeIds[0])!.department === g.group);
      if (inGroup.length > 0) expect(g.minScore).toBe(Math.min(...inGroup.map((m) => m.score)));
    }
  });
});

describe("auditResult on other formats", () => {
  it("peer and mentor-less circles pool everyone; rotational counts a mentee once", async () => {
    for (const [format, program] of [
      ["peer", {}],
      ["group", { group: { size: { min: 3, max: 5 }, mentorless: true } }],
      ["rotational", {}],
    ] as const) {
      const raw = generateCohort({ mentees: 12, mentors: 4, seed: 4, format });
      const c = parseCohort({ ...raw, program: { ...raw.program, ...program } });
      const real = await match(c);
      const audit = auditResult(real, c, { groupBy: "department", minGroupSize: 1 });
      const pool = c.participants.filter((p) => format !== "rotational" || p.role !== "mentor");
      const placed = new Set(real.matches.flatMap((m) => (m.menteeIds.length > 1 || m.mentorIds.length > 0 ? m.menteeIds : [])));
      expect([format, audit.groups.reduce((s, g) => s + g.participants, 0)]).toEqual([format, pool.length]);
      // Everyone placed has a first-choice figure computed from a partner score (none is NaN).
      for (const g of audit.groups) if (g.matched > 0) expect(g.firstChoiceRate).not.toBeNull();
      expect([format, audit.groups.reduce((s, g) => s + g.matched, 0)]).toEqual([format, placed.size]);
    }
  });
});

describe("auditResult: first choice in mentor-less circles", () => {
  it("a mentor-role member's best partner comes from everyone (hand-worked)", () => {
    // Goals only (rankDecay 1): m1 and e1 share x (score 1), e2 and e3 share y (score 1), all else 0.
    // Circle [m1, e1, e2]: m1's best peer e1 is there (yes), e1's best m1 is there (yes), e2's best
    // e3 is not (no); e3 is unplaced. First choice 2 of 3 placed.
    const c = parseCohort({
      participants: [
        { id: "m1", role: "mentor", goals: ["x"] },
        { id: "e1", role: "mentee", goals: ["x"] },
        { id: "e2", role: "mentee", goals: ["y"] },
        { id: "e3", role: "mentee", goals: ["y"] },
      ],
      program: {
        format: "group",
        group: { size: { min: 3, max: 3 }, mentorless: true },
        weights: { goals: 1, skills: 0, personality: 0, availability: 0, diversity: 0, preferences: 0 },
        criteria: { goals: { rankDecay: 1 } },
      },
    });
    const circle = { format: "group", matches: [{ mentorIds: [], menteeIds: ["e1", "e2", "m1"], score: 1 / 3, breakdown: {}, reasons: [] }] };
    const audit = auditResult(circle, c, { groupBy: "level", minGroupSize: 1 });
    expect(audit.groups).toHaveLength(1);
    expect(audit.groups[0]).toMatchObject({ participants: 4, matched: 3 });
    expect(audit.groups[0]!.firstChoiceRate).toBeCloseTo(2 / 3, 12);
  });
});

describe("compareResults: hand-worked", () => {
  const before = resultOf([pair("m1", "a1", 0.8), pair("m2", "a2", 0.6), pair("m3", "b1", 0.5)]);
  const after = resultOf([pair("m1", "a1", 0.9), pair("m2", "b1", 0.7), pair("m4", "c1", 0.4)]);

  it("lists pairs kept, added and dropped with their scores", () => {
    const c = compareResults(before, after);
    expect(c.kept).toEqual([{ pair: ["m1", "a1"], before: 0.8, after: 0.9 }]);
    expect(c.added).toEqual([
      { pair: ["m2", "b1"], before: null, after: 0.7 },
      { pair: ["m4", "c1"], before: null, after: 0.4 },
    ]);
    expect(c.dropped).toEqual([
      { pair: ["m2", "a2"], before: 0.6, after: null },
      { pair: ["m3", "b1"], before: 0.5, after: null },
    ]);
  });

  it("gives each participant's change", () => {
    const c = compareResults(before, after);
    // a1 and m1 keep their partner (not listed); b1 moves m3 → m2 (0.5 → 0.7); m2 a2 → b1 (0.6 → 0.7).
    const b1 = c.participants.find((p) => p.id === "b1")!;
    expect(b1).toMatchObject({ status: "changed", before: ["m3"], after: ["m2"], scoreBefore: 0.5, scoreAfter: 0.7 });
    expect(b1.scoreChange).toBeCloseTo(0.2, 12);
    expect(c.participants.map((p) => [p.id, p.status])).toEqual([
      ["a2", "dropped"],
      ["b1", "changed"],
      ["c1", "added"],
      ["m2", "changed"],
      ["m3", "dropped"],
      ["m4", "added"],
    ]);
    // Mean pair score: before (0.8 + 0.6 + 0.5) / 3 = 0.6333…, after (0.9 + 0.7 + 0.4) / 3 = 0.6667.
    expect(c.summary).toMatchObject({ kept: 1, added: 2, dropped: 2, participantsKept: 2, participantsChanged: 2, participantsAdded: 2, participantsDropped: 2 });
    expect(c.summary.meanScoreChange).toBeCloseTo(2 / 3 - 1.9 / 3, 12);
  });

  it("a result compared with itself changes nothing", async () => {
    const sample = JSON.parse(readFileSync(new URL("../../examples/cohort.json", import.meta.url), "utf8"));
    const real = await match(sample);
    const c = compareResults(real, JSON.parse(JSON.stringify(real)));
    expect(c.added).toEqual([]);
    expect(c.dropped).toEqual([]);
    expect(c.participants).toEqual([]);
    expect(c.kept).toHaveLength(real.matches.length);
  });

  it("peer pairs are unordered", () => {
    const peers = (a: string, b: string) => ({ mentorIds: [], menteeIds: [a, b], score: 0.5, breakdown: {}, reasons: [] });
    const c = compareResults({ matches: [peers("p2", "p1")] }, { matches: [peers("p1", "p2")] });
    expect(c.kept).toEqual([{ pair: ["p1", "p2"], before: 0.5, after: 0.5 }]);
  });

  it("rejects something that is not a result", () => {
    expect(issuesOf(() => compareResults(null, before))[0]).toMatchObject({ path: ["before"], code: "invalid-result" });
  });
});

describe("auditResult: properties", () => {
  // Random cohorts of mentees in departments A–D (some without one) and 3 mentors; a random
  // result pairs a random subset of mentees. The counts are checked against a direct count.
  const arbitrary = fc.record({
    departments: fc.array(fc.constantFrom("A", "B", "C", "D", undefined), { minLength: 1, maxLength: 40 }),
    matched: fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
    scores: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 40, maxLength: 40 }),
    minGroupSize: fc.integer({ min: 1, max: 8 }),
  });
  it("counts agree with a direct count, and no shown figure covers fewer than minGroupSize people", () => {
    fc.assert(
      fc.property(arbitrary, ({ departments, matched, scores, minGroupSize }) => {
        const people: ParticipantInput[] = [
          ...["m1", "m2", "m3"].map((id) => ({ id, role: "mentor" as const, capacity: 40 })),
          ...departments.map((d, k) => ({ id: `e${k}`, role: "mentee" as const, ...(d ? { department: d } : {}) })),
        ];
        const c = parseCohort({ participants: people, program: { rules: { levelGap: null } } });
        const pairs = departments.flatMap((_, k) => (matched[k] ? [pair(`m${(k % 3) + 1}`, `e${k}`, scores[k]!)] : []));
        const audit = auditResult(resultOf(pairs), c, { groupBy: "department", minGroupSize });
        const label = (k: number) => departments[k] ?? "(not given)";
        const size = (g: string) => departments.filter((_, k) => label(k) === g).length;
        const named = audit.groups.filter((g) => g.group !== "(suppressed)");
        for (const g of named) {
          expect(g.participants).toBe(size(g.group));
          expect(g.participants).toBeGreaterThanOrEqual(minGroupSize);
          expect(g.matched).toBe(departments.filter((_, k) => label(k) === g.group && matched[k]).length);
        }
        const hidden = new Set(departments.map((_, k) => label(k)).filter((g) => size(g) < minGroupSize));
        expect(audit.suppressedGroups).toBe(hidden.size);
        const bucket = audit.groups.find((g) => g.group === "(suppressed)");
        const hiddenPeople = [...hidden].reduce((s, g) => s + size(g), 0);
        if (bucket) expect(bucket.participants).toBe(hiddenPeople);
        else expect(hiddenPeople < minGroupSize).toBe(true);
        expect(audit.disparity.ratios.map((r) => r.group)).toEqual(named.map((g) => g.group));
        for (const r of audit.disparity.ratios) if (r.matchRate !== null) expect(r.matchRate).toBeLessThanOrEqual(1);
      }),
      { numRuns: 60 },
    );
  });
});
