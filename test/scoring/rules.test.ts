import { describe, expect, it } from "vitest";
import { parseCohort, type ParticipantInput, type ProgramInput } from "../../src/model/index.js";
import { explainPair, scoreMatrix, scorePair } from "../../src/score/index.js";

const e = (extra: Partial<ParticipantInput> = {}): ParticipantInput => ({ id: "e", role: "mentee", ...extra });
const m = (extra: Partial<ParticipantInput> = {}): ParticipantInput => ({ id: "m", role: "mentor", ...extra });
const violations = (a: ParticipantInput, b: ParticipantInput, program: ProgramInput = {}) => scorePair(a, b, program).violations;
const slots = (start: string, end: string) => ({ slots: [{ day: "tue" as const, start, end }] });

describe("hard rules: each with a breaking and a passing case", () => {
  it("reporting-line: same manager, or one manages the other, either direction", () => {
    expect(violations(e({ managerId: "boss" }), m({ managerId: "boss" }))).toEqual(["reporting-line"]);
    expect(violations(e({ managerId: "m" }), m())).toEqual(["reporting-line"]);
    expect(violations(e(), m({ managerId: "e" }))).toEqual(["reporting-line"]);
    expect(violations(e({ managerId: "boss1" }), m({ managerId: "boss2" }))).toEqual([]);
    expect(violations(e({ managerId: "m" }), m(), { rules: { reportingLine: false } })).toEqual([]);
  });
  it("department: same or different as configured, only when both are given", () => {
    expect(violations(e({ department: "A" }), m({ department: "A" }), { rules: { department: "different" } })).toEqual(["department"]);
    expect(violations(e({ department: "A" }), m({ department: "B" }), { rules: { department: "different" } })).toEqual([]);
    expect(violations(e({ department: "A" }), m({ department: "B" }), { rules: { department: "same" } })).toEqual(["department"]);
    expect(violations(e({ department: "A" }), m(), { rules: { department: "same" } })).toEqual([]);
    expect(violations(e({ department: "A" }), m({ department: "A" }))).toEqual([]); // default "any"
  });
  it("shared-language: only when both list languages", () => {
    expect(violations(e({ languages: ["fr"] }), m({ languages: ["de", "en"] }))).toEqual(["shared-language"]);
    expect(violations(e({ languages: ["fr", "en"] }), m({ languages: ["de", "en"] }))).toEqual([]);
    expect(violations(e({ languages: ["fr"] }), m())).toEqual([]);
  });
  it("level-gap: mentor at least levelGap above; inverted for reverse mentoring", () => {
    expect(violations(e({ level: 3 }), m({ level: 3 }))).toEqual(["level-gap"]);
    expect(violations(e({ level: 3 }), m({ level: 4 }))).toEqual([]);
    expect(violations(e({ level: 3 }), m({ level: 4 }), { rules: { levelGap: 2 } })).toEqual(["level-gap"]);
    expect(violations(e({ level: 3 }), m({ level: 3 }), { rules: { levelGap: null } })).toEqual([]);
    // reverse: the mentor (junior) must be at least levelGap below the senior mentee
    expect(violations(e({ level: 6 }), m({ level: 2 }), { format: "reverse" })).toEqual([]);
    expect(violations(e({ level: 6 }), m({ level: 6 }), { format: "reverse" })).toEqual(["level-gap"]);
    expect(violations(e({ level: 2 }), m({ level: 6 }), { format: "reverse" })).toEqual(["level-gap"]);
  });
  it("level-diff: peers at most maxLevelDiff apart", () => {
    const peer: ProgramInput = { format: "peer" };
    expect(violations({ id: "a", role: "both", level: 1 }, { id: "b", role: "both", level: 4 }, peer)).toEqual(["level-diff"]);
    expect(violations({ id: "a", role: "both", level: 1 }, { id: "b", role: "both", level: 3 }, peer)).toEqual([]);
  });
  it("availability-overlap: below rules.minOverlapMinutes, only when both give slots", () => {
    const rules: ProgramInput = { rules: { minOverlapMinutes: 60 } };
    expect(violations(e({ availability: slots("09:00", "09:30") }), m({ availability: slots("09:00", "12:00") }), rules)).toEqual(["availability-overlap"]);
    expect(violations(e({ availability: slots("09:00", "10:30") }), m({ availability: slots("09:00", "12:00") }), rules)).toEqual([]);
    expect(violations(e({ availability: slots("09:00", "09:30") }), m(), rules)).toEqual([]);
  });
  it("mode: no workable meeting mode", () => {
    const inPerson = (location: string) => ({ location, availability: { modes: ["in-person" as const] } });
    expect(violations(e(inPerson("Paris")), m(inPerson("Oslo")))).toEqual(["mode"]);
    expect(violations(e(inPerson("Paris")), m(inPerson("Paris")))).toEqual([]);
    expect(violations(e(inPerson("Paris")), m(inPerson("Oslo")), { rules: { modeCompatibility: false } })).toEqual([]);
    expect(violations(e({ availability: { modes: ["virtual"] } }), m({ availability: { modes: ["in-person"] } }))).toEqual(["mode"]);
  });
  it("avoid: either side's list, unless respectAvoid is off", () => {
    expect(violations(e({ preferences: { avoid: ["m"] } }), m())).toEqual(["avoid"]);
    expect(violations(e(), m({ preferences: { avoid: ["e"] } }))).toEqual(["avoid"]);
    expect(violations(e({ preferences: { avoid: ["x"] } }), m())).toEqual([]);
    expect(violations(e({ preferences: { avoid: ["m"] } }), m(), { rules: { respectAvoid: false } })).toEqual([]);
  });
  it("history: pairs already made, either side, when noRepeats", () => {
    expect(violations(e({ history: ["m"] }), m())).toEqual(["history"]);
    expect(violations(e(), m({ history: ["e"] }))).toEqual(["history"]);
    expect(violations(e({ history: ["m"] }), m(), { rules: { noRepeats: false } })).toEqual([]);
  });
  it("forbidden: admin pairs, by mentee and mentor", () => {
    expect(violations(e(), m(), { rules: { forbidden: [{ mentorId: "m", menteeId: "e" }] } })).toEqual(["forbidden"]);
    expect(violations(e(), m(), { rules: { forbidden: [{ mentorId: "e", menteeId: "m" }] } })).toEqual([]);
  });
  it("min-score: composite below rules.minScore", () => {
    // goals score 0.5 with rankDecay 1 (one of two goals shared)
    const a = e({ goals: ["x", "y"] });
    const b = m({ goals: ["x"] });
    expect(violations(a, b, { rules: { minScore: 0.6 }, criteria: { goals: { rankDecay: 1 } } })).toEqual(["min-score"]);
    expect(violations(a, b, { rules: { minScore: 0.5 }, criteria: { goals: { rankDecay: 1 } } })).toEqual([]);
  });
  it("self: a `both` participant against themself in a matrix", () => {
    const matrix = scoreMatrix(parseCohort({ participants: [{ id: "x", role: "both" }, { id: "y", role: "both" }] }));
    expect(matrix.rowIds).toEqual(["x", "y"]);
    expect(matrix.colIds).toEqual(["x", "y"]);
    expect(Array.from(matrix.eligible)).toEqual([0, 1, 1, 0]);
    expect(explainPair(matrix, 0, 0).violations).toEqual(["self"]);
  });
  it("each excluded pair says why in a sentence", () => {
    expect(scorePair(e({ history: ["m"] }), m()).reasons.map((x) => x.text)).toContain("Excluded: already paired before");
  });
});

describe("locked pairs", () => {
  const cohort = parseCohort({
    participants: [
      { id: "e1", role: "mentee", languages: ["fr"] },
      { id: "e2", role: "mentee" },
      { id: "m1", role: "mentor", languages: ["de"] },
      { id: "m2", role: "mentor", capacity: 1 },
    ],
    program: { rules: { locked: [{ menteeId: "e1", mentorId: "m1" }, { menteeId: "e2", mentorId: "m2" }], forbidden: [{ menteeId: "e2", mentorId: "m1" }] } },
  });
  const matrix = scoreMatrix(cohort);
  it("are eligible and keep their violation bits", () => {
    expect(matrix.locked).toEqual([[0, 0], [1, 1]]);
    expect(matrix.eligible[0]).toBe(1);
    expect(matrix.violations[0]).toBe(1 << matrix.ruleCodes.indexOf("shared-language"));
    expect(matrix.lockedViolations).toEqual([{ row: 0, col: 0, violations: ["shared-language"] }]);
  });
  it("a locked pair that breaks nothing is not listed as violating; other pairs keep their rules", () => {
    expect(matrix.violations[3]).toBe(0);
    expect(matrix.eligible[2]).toBe(0); // e2 × m1 forbidden
    expect(explainPair(matrix, 1, 0).violations).toEqual(["forbidden"]);
    const locked = explainPair(matrix, 0, 0);
    expect(locked).toMatchObject({ eligible: true, locked: true, violations: ["shared-language"] });
    expect(locked.reasons.map((x) => x.text)).toContain("Excluded: no shared language (kept: locked by the admin)");
  });
});
