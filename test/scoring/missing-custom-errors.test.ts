import { describe, expect, it } from "vitest";
import type { CustomCriterion } from "../../src/criteria/index.js";
import { MatchInputError } from "../../src/errors.js";
import { parseCohort, type ParticipantInput } from "../../src/model/index.js";
import { explainPair, scoreMatrix, scorePair } from "../../src/score/index.js";

const e: ParticipantInput = { id: "e", role: "mentee", goals: ["a", "b"] };
const m: ParticipantInput = { id: "m", role: "mentor", goals: ["a"] };

describe("missing data", () => {
  it("drop (default): only criteria with data count", () => {
    // goals = 1 / 1.8 with rankDecay 0.8; nothing else has data → composite = goals score
    const r = scorePair(e, m);
    expect(r.score).toBeCloseTo(1 / 1.8, 12);
    expect(r.breakdown.skills).toMatchObject({ score: null, used: false, neutral: false });
  });
  it("neutral: missing criteria count as criteria.neutralScore", () => {
    // (0.3 × 1/1.8 + 0.5 × (0.3 + 0.1 + 0.15 + 0.05 + 0.1)) / 1.0
    const r = scorePair(e, m, { criteria: { missing: "neutral" } });
    expect(r.score).toBeCloseTo(0.3 / 1.8 + 0.5 * 0.7, 12);
    expect(r.breakdown.skills).toMatchObject({ score: null, used: true, neutral: true });
    expect(scorePair(e, m, { criteria: { missing: "neutral", neutralScore: 0 } }).score).toBeCloseTo(0.3 / 1.8, 12);
  });
  it("a pair with no data for any weighted criterion scores 0 and says so", () => {
    const r = scorePair({ id: "x", role: "mentee" }, { id: "y", role: "mentor" });
    expect(r.score).toBe(0);
    expect(r.reasons.map((x) => x.text)).toEqual(["No criterion has data for both people, so the score is 0"]);
  });
  it("zero-weight criteria are shown but not used", () => {
    const r = scorePair(e, m, { weights: { goals: 0, skills: 1 } });
    expect(r.breakdown.goals).toMatchObject({ weight: 0, used: false });
    expect(r.breakdown.goals!.score).toBeCloseTo(1 / 1.8, 12);
    expect(r.score).toBe(0);
  });
});

describe("custom criteria", () => {
  const tenure: CustomCriterion = {
    name: "tenure",
    weight: 1,
    score: (mentee, mentor) => {
      const a = mentee.attributes?.years;
      const b = mentor.attributes?.years;
      return typeof a === "number" && typeof b === "number" ? Math.min(1, Math.max(0, (b - a) / 10)) : null;
    },
    explain: (_a, _b, s) => `Tenure fit ${s.toFixed(1)}`,
  };
  it("enter the weighted mean and the reasons", () => {
    // goals 1/1.8 (w 0.3), tenure (12 − 2) / 10 = 1 (w 1): (0.3/1.8 + 1) / 1.3
    const r = scorePair({ ...e, attributes: { years: 2 } }, { ...m, attributes: { years: 12 } }, {}, { custom: [tenure] });
    expect(r.breakdown.tenure).toMatchObject({ score: 1, weight: 1, used: true, evidence: { custom: "Tenure fit 1.0" } });
    expect(r.score).toBeCloseTo((0.3 / 1.8 + 1) / 1.3, 12);
    expect(r.reasons[0]).toEqual({ code: "custom", params: { criterion: "tenure", text: "Tenure fit 1.0" }, text: "Tenure fit 1.0" });
  });
  it("null means no data", () => {
    expect(scorePair(e, m, {}, { custom: [tenure] }).breakdown.tenure).toMatchObject({ score: null, used: false });
  });
  it("take their weight from program.weights when not given, in a matrix", () => {
    const cohort = parseCohort({ participants: [e, m], program: { weights: { tenure: 2 } } }, { customCriteria: ["tenure"] });
    const matrix = scoreMatrix(cohort, { custom: [{ ...tenure, weight: undefined, score: () => 0.5 }], perCriterion: true });
    expect(matrix.weights.tenure).toBe(2);
    expect(matrix.perCriterion!.tenure![0]).toBe(0.5);
    expect(explainPair(matrix, 0, 0).score).toBe(matrix.scores[0]);
  });
  it("reject scores outside [0, 1] or NaN, naming the criterion and the pair", () => {
    for (const bad of [1.5, -0.1, Number.NaN, "0.5"]) {
      const c: CustomCriterion = { name: "odd", weight: 1, score: () => bad as number };
      try {
        scorePair(e, m, {}, { custom: [c] });
        expect.unreachable();
      } catch (err) {
        expect(err).toBeInstanceOf(MatchInputError);
        const issue = (err as MatchInputError).issues[0]!;
        expect(issue).toMatchObject({ path: ["custom", "odd"], code: "invalid-custom-score" });
        expect(issue.message).toContain('"e"');
        expect(issue.message).toContain('"m"');
      }
    }
  });
  it("reject a missing weight, a duplicate or built-in name", () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (err) {
        return (err as MatchInputError).issues[0]!.code;
      }
      return "none";
    };
    expect(code(() => scorePair(e, m, {}, { custom: [{ name: "x", score: () => 1 }] }))).toBe("missing-weight");
    expect(code(() => scorePair(e, m, {}, { custom: [{ name: "goals", weight: 1, score: () => 1 }] }))).toBe("duplicate-criterion");
    expect(code(() => scorePair(e, m, {}, { custom: [tenure, tenure] }))).toBe("duplicate-criterion");
  });
});

describe("input errors", () => {
  const issues = (f: () => unknown) => {
    try {
      f();
    } catch (err) {
      expect(err).toBeInstanceOf(MatchInputError);
      return (err as MatchInputError).issues;
    }
    throw new Error("expected a MatchInputError");
  };
  it("scorePair names the bad participant", () => {
    expect(issues(() => scorePair({ id: "e", role: "boss" } as never, m))[0]!.path).toEqual(["mentee", "role"]);
    expect(issues(() => scorePair(e, { ...m, skills: { sql: 9 } }))[0]!.path).toEqual(["mentor", "skills", "sql"]);
  });
  it("a reference week must be a Monday", () => {
    expect(issues(() => scorePair(e, m, { criteria: { availability: { referenceWeek: "2027-01-12" } } }))[0]).toMatchObject({ path: ["program", "criteria", "availability", "referenceWeek"], code: "invalid-reference-week" });
    expect(issues(() => scorePair(e, m, { criteria: { availability: { defaultTimeZone: "Mars/Olympus" } } }))[0]!.code).toBe("invalid-timezone");
  });
  it("unknown weights, unparsed cohorts and out-of-range pairs", () => {
    expect(issues(() => scorePair(e, m, { weights: { charm: 1 } }))[0]!.code).toBe("unknown-criterion");
    expect(issues(() => scoreMatrix({ participants: [e, e], program: {} } as never))[0]!.code).toBe("duplicate-id");
    const matrix = scoreMatrix(parseCohort({ participants: [e, m] }));
    expect(issues(() => explainPair(matrix, 0, 1))[0]!.code).toBe("out-of-range");
  });
  it("an aborted signal stops the pass", () => {
    const ctrl = new AbortController();
    ctrl.abort();
    expect(() => scoreMatrix(parseCohort({ participants: [e, m] }), { signal: ctrl.signal })).toThrow();
  });
});
