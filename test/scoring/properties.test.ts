import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCohort, type Format, type ParticipantInput } from "../../src/model/index.js";
import { generateCohort } from "../../src/sample/generate.js";
import { explainPair, scoreMatrix, scorePair } from "../../src/score/index.js";
import { checkScorePairAgreesWithMatrix } from "../support/score-agreement.js";

const GOALS = ["g0", "g1", "g2", "g3", "g4", "g5"];
const SKILLS = ["s0", "s1", "s2", "s3"];
const DAYS = ["mon", "tue", "wed"] as const;
const ZONES = ["UTC", "America/New_York", "Europe/London", "Asia/Kolkata", "Asia/Kathmandu"];

const level = fc.integer({ min: 0, max: 5 });
const skillMap = fc.dictionary(fc.constantFrom(...SKILLS), level, { maxKeys: 4 });
const slot = fc
  .record({ day: fc.constantFrom(...DAYS), from: fc.integer({ min: 0, max: 46 }), len: fc.integer({ min: 1, max: 16 }) })
  .map(({ day, from, len }) => {
    const hhmm = (half: number) => `${String(Math.floor(half / 2)).padStart(2, "0")}:${half % 2 ? "30" : "00"}`;
    return { day, start: hhmm(from), end: hhmm(Math.min(48, from + len)) };
  });
const profile = fc.record(
  {
    goals: fc.uniqueArray(fc.constantFrom(...GOALS), { maxLength: 5 }),
    skills: skillMap,
    wantedSkills: skillMap,
    personality: fc.dictionary(fc.constantFrom("o", "c", "e"), fc.double({ min: 0, max: 1, noNaN: true }), { maxKeys: 3 }),
    timezone: fc.constantFrom(...ZONES),
    slots: fc.array(slot, { maxLength: 4 }),
    level,
  },
  { requiredKeys: [] },
);
type Profile = typeof profile extends fc.Arbitrary<infer T> ? T : never;
function person(id: string, role: "mentee" | "mentor", p: Profile): ParticipantInput {
  const { slots, ...rest } = p;
  return { id, role, ...rest, ...(slots ? { availability: { slots } } : {}) };
}
const criterionScore = (a: ParticipantInput, b: ParticipantInput, name: string, program = {}) => scorePair(a, b, program).breakdown[name]!.score;

describe("properties of the criteria", () => {
  it("every score and every criterion score is in [0, 1]", () => {
    fc.assert(
      fc.property(profile, profile, fc.constantFrom<Format>("one-on-one", "reverse", "peer"), (x, y, format) => {
        const r = scorePair(person("a", "mentee", x), person("b", "mentor", y), { format });
        expect(r.score).toBeGreaterThanOrEqual(0);
        expect(r.score).toBeLessThanOrEqual(1);
        for (const b of Object.values(r.breakdown)) if (b.score !== null) expect(b.score >= 0 && b.score <= 1).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it("a mentor listing one more of the mentee's goals never lowers the goals score", () => {
    fc.assert(
      fc.property(profile, profile, fc.constantFrom(...GOALS), (x, y, g) => {
        const before = criterionScore(person("a", "mentee", x), person("b", "mentor", y), "goals");
        const after = criterionScore(person("a", "mentee", x), person("b", "mentor", { ...y, goals: [...new Set([...(y.goals ?? []), g])] }), "goals");
        if (before !== null) expect(after!).toBeGreaterThanOrEqual(before);
      }),
      { numRuns: 200 },
    );
  });

  it("a mentor gaining a skill at or above the target never lowers the skills score", () => {
    fc.assert(
      fc.property(profile, profile, fc.constantFrom(...SKILLS), (x, y, s) => {
        const target = x.wantedSkills?.[s] ?? 5;
        const before = criterionScore(person("a", "mentee", x), person("b", "mentor", y), "skills");
        const after = criterionScore(person("a", "mentee", x), person("b", "mentor", { ...y, skills: { ...y.skills, [s]: Math.max(target, y.skills?.[s] ?? 0, 5) } }), "skills");
        if (before !== null) expect(after!).toBeGreaterThanOrEqual(before);
      }),
      { numRuns: 200 },
    );
  });

  it("more available time never lowers availability, and overlap is symmetric", () => {
    fc.assert(
      fc.property(profile, profile, slot, (x, y, extra) => {
        const a = person("a", "mentee", x);
        const before = criterionScore(a, person("b", "mentor", y), "availability");
        const after = criterionScore(a, person("b", "mentor", { ...y, slots: [...(y.slots ?? []), extra] }), "availability");
        if (before !== null) expect(after!).toBeGreaterThanOrEqual(before);
        const ab = scorePair(a, person("b", "mentor", y)).breakdown.availability!.evidence;
        const ba = scorePair(person("b", "mentee", y), person("a", "mentor", x)).breakdown.availability!.evidence;
        expect(ab).toEqual(ba);
      }),
      { numRuns: 150 },
    );
  });

  it("personality is symmetric in both modes", () => {
    fc.assert(
      fc.property(profile, profile, fc.constantFrom("similar", "complementary"), (x, y, mode) => {
        const program = { criteria: { personality: { default: mode } } };
        expect(criterionScore(person("a", "mentee", x), person("b", "mentor", y), "personality", program)).toBe(criterionScore(person("b", "mentee", y), person("a", "mentor", x), "personality", program));
      }),
      { numRuns: 150 },
    );
  });
});

describe("scorePair agrees with scoreMatrix bit for bit", () => {
  // 8 × 4 cohorts, 3 runs; test/scoring/properties.slow.test.ts runs 14 × 6, 4 runs.
  for (const format of ["one-on-one", "reverse", "peer"] as const) {
    it(`on generated ${format} cohorts`, () => {
      checkScorePairAgreesWithMatrix(format, { mentees: 8, mentors: 4, numRuns: 3 });
    });
  }
});

describe("sensitive attributes", () => {
  it("never appear in reasons or evidence unless explain.includeSensitive", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 }), (seed) => {
        const input = generateCohort({ mentees: 12, mentors: 5, seed, diversityShare: 1 });
        const aims = { department: "different" as const, gender: "different" as const };
        const participants = input.participants.map((p) => ({ ...p, diversity: { ...(p.diversity ?? {}), gender: "nonbinary-marker" }, preferences: { ...(p.preferences ?? {}), attributes: { gender: "same" as const } } }));
        const cohort = parseCohort({ ...input, participants, program: { ...input.program, weights: { diversity: 1 }, criteria: { diversity: { aims } }, explain: { maxReasons: 10 } } });
        const matrix = scoreMatrix(cohort);
        for (let i = 0; i < matrix.rows; i++) {
          for (let j = 0; j < matrix.cols; j++) {
            const r = explainPair(matrix, i, j);
            const text = JSON.stringify(r.reasons) + JSON.stringify(r.breakdown.diversity!.evidence);
            expect(text).not.toMatch(/gender|nonbinary|Diversity|department/);
          }
        }
        const open = parseCohort({ ...input, participants, program: { ...input.program, weights: { diversity: 1 }, criteria: { diversity: { aims } }, explain: { includeSensitive: true, maxReasons: 10 } } });
        const m2 = scoreMatrix(open);
        let shown = 0;
        for (let i = 0; i < m2.rows; i++) for (let j = 0; j < m2.cols; j++) if (explainPair(m2, i, j).reasons.some((t) => t.text.startsWith("Diversity:"))) shown++;
        expect(shown).toBeGreaterThan(0);
      }),
      { numRuns: 3 },
    );
  });
});
