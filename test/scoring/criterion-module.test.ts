import { describe, expect, it } from "vitest";
import { BUILTIN_CRITERIA } from "../../src/criteria/index.js";
import { match } from "../../src/match/match.js";
import { CRITERIA, criteriaOptionsSchema, parseCohort, weightsSchema, type ParticipantInput } from "../../src/model/index.js";
import { explainPair, scoreMatrix, scorePair } from "../../src/score/index.js";
import { tenureCriterion } from "./toy/tenure-criterion.js";

const person = (id: string, role: "mentee" | "mentor", tenure: number | undefined, goals: string[]): ParticipantInput => ({
  id, role, goals, ...(tenure === undefined ? {} : { attributes: { tenure } }),
});

// Mentees e1 (tenure 1), e2 (tenure 4), e3 (none); mentors m1 (tenure 6), m2 (tenure 3).
const participants: ParticipantInput[] = [
  person("e1", "mentee", 1, ["a", "b"]),
  person("e2", "mentee", 4, ["a"]),
  person("e3", "mentee", undefined, ["b"]),
  person("m1", "mentor", 6, ["a"]),
  person("m2", "mentor", 3, ["b"]),
];
// Only goals and tenure weigh: goals 0.5, tenure its default 0.2.
const program = { weights: { goals: 0.5, skills: 0, personality: 0, availability: 0, diversity: 0, preferences: 0 }, rules: { levelGap: null } };

describe("the registry", () => {
  it("derives CRITERIA, the weights and the criterion-options schema from BUILTIN_CRITERIA", () => {
    expect([...CRITERIA]).toEqual(BUILTIN_CRITERIA.map((m) => m.name));
    const weights = weightsSchema.parse({}) as Record<string, number>;
    for (const m of BUILTIN_CRITERIA) expect(weights[m.name]).toBe(m.defaultWeight);
    // The default weights sum to 1 (0.3 + 0.3 + 0.1 + 0.15 + 0.05 + 0.1).
    expect(BUILTIN_CRITERIA.reduce((s, m) => s + m.defaultWeight, 0)).toBeCloseTo(1, 12);
    const options = criteriaOptionsSchema.parse({}) as Record<string, unknown>;
    for (const m of BUILTIN_CRITERIA) expect(Object.hasOwn(options, m.name)).toBe(m.options !== undefined);
  });
});

describe("a toy criterion registered through the same contract as the built-ins", () => {
  const cohort = parseCohort({ participants, program }, { customCriteria: ["tenure"] });
  const matrix = scoreMatrix(cohort, { custom: [tenureCriterion], perCriterion: true });
  const at = (mentee: string, mentor: string) => matrix.rowIndex.get(mentee)! * matrix.cols + matrix.colIndex.get(mentor)!;

  it("scores with its kernel, weight and missing-data marker in scoreMatrix", () => {
    expect(matrix.criteria).toEqual([...CRITERIA, "tenure"]);
    expect(matrix.weights["tenure"]).toBe(0.2);
    const tenure = matrix.perCriterion!["tenure"]!;
    // e1 (1) vs m1 (6): min(1, 5 / 5) = 1; e1 vs m2 (3): 2 / 5 = 0.4; e2 (4) vs m2 (3): 0; e3: no data.
    expect(tenure[at("e1", "m1")]).toBe(1);
    expect(tenure[at("e1", "m2")]).toBe(0.4);
    expect(tenure[at("e2", "m2")]).toBe(0);
    expect(tenure[at("e3", "m1")]).toBeNaN();
    // Composite e1–m2: goals share 0.8 / 1.8 (goals [a, b], rankDecay 0.8, m2 lists b),
    // tenure 0.4 → (0.5 × 0.8/1.8 + 0.2 × 0.4) / 0.7.
    expect(matrix.scores[at("e1", "m2")]).toBeCloseTo((0.5 * (0.8 / 1.8) + 0.2 * 0.4) / 0.7, 12);
    // e3 has no tenure: tenure drops out; goals e3 [b] vs m1 [a] = 0 → 0.
    expect(matrix.scores[at("e3", "m1")]).toBe(0);
    expect(matrix.scores[at("e3", "m2")]).toBe(1);
  });

  it("takes its weight from program.weights and its evidence and reasons into explainPair and scorePair", () => {
    const heavy = scoreMatrix(parseCohort({ participants, program: { ...program, weights: { ...program.weights, tenure: 2 } } }, { customCriteria: ["tenure"] }), { custom: [tenureCriterion] });
    expect(heavy.weights["tenure"]).toBe(2);
    const x = explainPair(matrix, matrix.rowIndex.get("e1")!, matrix.colIndex.get("m1")!);
    expect(x.breakdown["tenure"]).toEqual({ score: 1, weight: 0.2, used: true, neutral: false, evidence: { menteeYears: 1, mentorYears: 6 } });
    expect(x.reasons).toContainEqual({ code: "custom", params: { criterion: "tenure", text: "5 more years at the company" }, text: "5 more years at the company" });
    expect(explainPair(matrix, matrix.rowIndex.get("e3")!, matrix.colIndex.get("m1")!).breakdown["tenure"]).toEqual({ score: null, weight: 0.2, used: false, neutral: false, evidence: null });
    const pair = scorePair(participants[0]!, participants[4]!, program, { custom: [tenureCriterion] });
    expect(pair.breakdown["tenure"]!.score).toBe(0.4);
    expect(pair.score).toBe(matrix.scores[at("e1", "m2")]);
  });

  it("flows through match(): breakdowns, reasons and the assignment follow its scores", async () => {
    // Tenure alone weighs: e1 → m1 (1 vs 0.4) and e2 → m1 is 0.4 vs m2 0 — one seat each, so the
    // best total is e1–m1 (1) + e2–m2 (0) = 1 against e1–m2 (0.4) + e2–m1 (0.4) = 0.8.
    const onlyTenure = { ...program, weights: { ...program.weights, goals: 0, tenure: 1 } };
    const result = await match({ participants: participants.filter((p) => p.id !== "e3"), program: onlyTenure }, { criteria: [tenureCriterion] });
    const pairs = result.matches.map((m) => `${m.menteeIds[0]}-${m.mentorIds[0]}`).sort();
    expect(pairs).toEqual(["e1-m1", "e2-m2"]);
    const e1 = result.matches.find((m) => m.menteeIds[0] === "e1")!;
    expect(e1.breakdown["tenure"]!.score).toBe(1);
    expect(e1.reasons.map((r) => r.code)).toContain("custom");
  });

  it("refuses a module whose name is taken by a built-in", () => {
    expect(() => scoreMatrix(cohort, { custom: [{ ...tenureCriterion, name: "goals" }] })).toThrow(expect.objectContaining({ issues: [expect.objectContaining({ code: "duplicate-criterion" })] }));
  });
});
