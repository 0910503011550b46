import { describe, expect, it } from "vitest";
import type { ParticipantInput, ProgramInput } from "../../src/model/index.js";
import { scorePair } from "../../src/score/index.js";

const mentee = (extra: Partial<ParticipantInput> = {}): ParticipantInput => ({ id: "e", role: "mentee", ...extra });
const mentor = (extra: Partial<ParticipantInput> = {}): ParticipantInput => ({ id: "m", role: "mentor", ...extra });
const criterion = (name: string, a: ParticipantInput, b: ParticipantInput, program: ProgramInput = {}) => scorePair(a, b, program).breakdown[name]!;

describe("goals (rank-weighted share of the mentee's goals)", () => {
  it("weighs first-listed goals more: [a, b, c] vs mentor {c, a} with rankDecay 0.8", () => {
    // weights 1, 0.8, 0.64 (total 2.44); covered a and c → (1 + 0.64) / 2.44
    const b = criterion("goals", mentee({ goals: ["a", "b", "c"] }), mentor({ goals: ["c", "a"] }));
    expect(b.score).toBeCloseTo(1.64 / 2.44, 12);
    expect(b.evidence).toEqual({ goals: ["a", "b", "c"], shared: ["a", "c"] });
  });
  it("covering the first goal beats covering the last", () => {
    const first = criterion("goals", mentee({ goals: ["a", "b"] }), mentor({ goals: ["a"] })).score!;
    const last = criterion("goals", mentee({ goals: ["a", "b"] }), mentor({ goals: ["b"] })).score!;
    // 1 / 1.8 vs 0.8 / 1.8
    expect(first).toBeCloseTo(1 / 1.8, 12);
    expect(last).toBeCloseTo(0.8 / 1.8, 12);
  });
  it("honours criteria.goals.rankDecay (1 = plain share)", () => {
    expect(criterion("goals", mentee({ goals: ["a", "b", "c", "d"] }), mentor({ goals: ["d"] }), { criteria: { goals: { rankDecay: 1 } } }).score).toBe(0.25);
  });
  it("has no data when either side lists no goal", () => {
    expect(criterion("goals", mentee({ goals: ["a"] }), mentor()).score).toBeNull();
    expect(criterion("goals", mentee({ goals: [] }), mentor({ goals: ["a"] })).score).toBeNull();
  });
  it("explains: Shares 2 of 3 goals", () => {
    const r = scorePair(mentee({ goals: ["leadership", "public speaking", "sql"] }), mentor({ goals: ["public speaking", "leadership"] }), { weights: { goals: 1 } });
    expect(r.reasons[0]).toEqual({ code: "shared-goals", params: { shared: ["leadership", "public speaking"], goals: 3 }, text: "Shares 2 of 3 goals: leadership, public speaking" });
  });
});

describe("skills (coverage of wanted skills up to target)", () => {
  it("gives partial credit for part of the gap: sql 2→4 with a level-3 mentor is 0.5, go 0→3 with level 5 is 1", () => {
    // sql: (3 − 2) / (4 − 2) = 0.5; go: min(1, 5 / 3) = 1; mean 0.75
    const b = criterion("skills", mentee({ skills: { sql: 2 }, wantedSkills: { sql: 4, go: 3 } }), mentor({ skills: { sql: 3, go: 5 } }));
    expect(b.score).toBe(0.75);
    expect(b.evidence).toMatchObject({ covered: 1, partial: 1 });
  });
  it("a mentor at or below the mentee's own level covers nothing", () => {
    // own 3, target 5: mentor 2 (below) → 0, mentor 3 (equal) → 0, mentor 4 → (4 − 3) / (5 − 3) = 0.5
    const m = (level: number) => criterion("skills", mentee({ skills: { sql: 3 }, wantedSkills: { sql: 5 } }), mentor({ skills: { sql: level } })).score;
    expect(m(2)).toBe(0);
    expect(m(3)).toBe(0);
    expect(m(4)).toBe(0.5);
  });
  it("a mentee already at target is covered by any mentor above them", () => {
    expect(criterion("skills", mentee({ skills: { sql: 4 }, wantedSkills: { sql: 3 } }), mentor({ skills: { sql: 5 } })).score).toBe(1);
  });
  it("has no data when the mentee wants nothing or the mentor lists no skill", () => {
    expect(criterion("skills", mentee({ wantedSkills: { sql: 3 } }), mentor()).score).toBeNull();
    expect(criterion("skills", mentee(), mentor({ skills: { sql: 3 } })).score).toBeNull();
  });
  it("explains: Covers 1 of 2 wanted skills at target level, 1 more in part", () => {
    const r = scorePair(mentee({ skills: { sql: 2 }, wantedSkills: { sql: 4, go: 3 } }), mentor({ skills: { sql: 3, go: 5 } }), { weights: { skills: 1 } });
    expect(r.reasons.map((x) => x.text)).toEqual(["Covers 1 of 2 wanted skills at target level, 1 more in part"]);
  });
  it("reverse mentoring scores the junior's skills against the senior's wants and says what the senior offers back", () => {
    const senior = mentee({ level: 6, skills: { strategy: 5 }, wantedSkills: { tiktok: 4 } });
    const junior = mentor({ level: 1, skills: { tiktok: 5 }, wantedSkills: { strategy: 4, finance: 3 } });
    const r = scorePair(senior, junior, { format: "reverse", weights: { skills: 1 } });
    expect(r.breakdown.skills!.score).toBe(1);
    expect(r.eligible).toBe(true);
    expect(r.reasons.map((x) => x.text)).toContain("In return, can teach 1 of 2 skills the mentor wants: strategy");
  });
  it("peer pairs average both directions", () => {
    // a→b: a wants sql 4 (own 0), b has 2 → 0.5; b→a: b wants go 2, a has 2 → 1; mean 0.75
    const a: ParticipantInput = { id: "a", role: "both", wantedSkills: { sql: 4 }, skills: { go: 2 } };
    const b: ParticipantInput = { id: "b", role: "both", wantedSkills: { go: 2 }, skills: { sql: 2 } };
    expect(criterion("skills", a, b, { format: "peer" }).score).toBe(0.75);
    expect(criterion("skills", b, a, { format: "peer" }).score).toBe(0.75);
  });
});

describe("personality (per-trait similar / complementary)", () => {
  it("openness 0.8 vs 0.6 similar (0.8) and extraversion 0.9 vs 0.2 complementary (0.7) → 0.75", () => {
    const program: ProgramInput = { criteria: { personality: { traits: { extraversion: "complementary" } } } };
    const b = criterion("personality", mentee({ personality: { openness: 0.8, extraversion: 0.9 } }), mentor({ personality: { openness: 0.6, extraversion: 0.2, agreeableness: 1 } }), program);
    expect(b.score).toBeCloseTo(0.75, 12);
    expect((b.evidence as { traits: unknown[] }).traits).toHaveLength(2); // agreeableness not shared
  });
  it("uses only traits both gave, and has no data without one", () => {
    expect(criterion("personality", mentee({ personality: { openness: 1 } }), mentor({ personality: { neuroticism: 0 } })).score).toBeNull();
  });
});

describe("availability (overlap vs need, meeting modes)", () => {
  const slot = (start: string, end: string) => ({ slots: [{ day: "mon" as const, start, end }] });
  it("90 shared minutes cover the 60 a week needed by two 60-minute meetings a month", () => {
    // required = 60 × max(1, 2 / 4) = 60; min(1, 90 / 60) = 1
    expect(criterion("availability", mentee({ availability: slot("09:00", "10:30") }), mentor({ availability: slot("09:00", "12:00") })).score).toBe(1);
  });
  it("eight meetings a month need 120 minutes a week: 90 shared score 0.75", () => {
    // required = 60 × 8 / 4 = 120; 90 / 120 = 0.75
    const program: ProgramInput = { criteria: { availability: { meetingsPerMonth: 8 } } };
    expect(criterion("availability", mentee({ availability: slot("09:00", "10:30") }), mentor({ availability: slot("09:00", "12:00") }), program).score).toBe(0.75);
  });
  it("an incompatible mode zeroes the score: in-person only in different cities", () => {
    const b = criterion("availability", mentee({ location: "Paris", availability: { ...slot("09:00", "12:00"), modes: ["in-person"] } }), mentor({ location: "Oslo", availability: { ...slot("09:00", "12:00"), modes: ["in-person"] } }));
    // overlap part 1 × mode part 0
    expect(b.score).toBe(0);
  });
  it("hybrid works with either mode", () => {
    const h = mentee({ location: "Paris", availability: { modes: ["hybrid"] } });
    expect(criterion("availability", h, mentor({ location: "Oslo", availability: { modes: ["virtual"] } })).score).toBe(1);
    expect(criterion("availability", h, mentor({ location: "Paris", availability: { modes: ["in-person"] } })).score).toBe(1);
    expect(criterion("availability", h, mentor({ location: "Oslo", availability: { modes: ["in-person"] } })).score).toBe(0);
  });
  it("explains hours and modes", () => {
    const r = scorePair(mentee({ availability: { slots: [{ day: "mon", start: "09:00", end: "17:00" }], modes: ["virtual"] } }), mentor({ availability: { slots: [{ day: "mon", start: "11:00", end: "17:00" }], modes: ["virtual", "in-person"] } }), { weights: { availability: 1 } });
    expect(r.reasons.map((x) => x.text)).toEqual(["6 h a week of shared working hours", "Both prefer virtual meetings"]);
  });
});

describe("diversity (aims and wishes)", () => {
  it("aim department different (met) and mentee wishes same gender (not met) → 1 / 2", () => {
    const program: ProgramInput = { criteria: { diversity: { aims: { department: "different" } } } };
    const b = criterion("diversity", mentee({ department: "Sales", diversity: { gender: "woman" }, preferences: { attributes: { gender: "same" } } }), mentor({ department: "R&D", diversity: { gender: "man" } }), program);
    expect(b.score).toBe(0.5);
    expect(b.evidence).toEqual({ met: 1, total: 2 });
  });
  it("has no data when no aim or wish can be compared", () => {
    expect(criterion("diversity", mentee({ preferences: { attributes: { gender: "same" } } }), mentor({ diversity: { gender: "man" } })).score).toBeNull();
  });
});

describe("preferences (rank decay, mutual bonus)", () => {
  const p = (ranked: string[]) => ({ preferences: { ranked } });
  it("mentee ranks the mentor 2nd, mentor ranks the mentee 1st: 0.75 × 1 + 0.25 × 0.75 = 0.9375", () => {
    expect(criterion("preferences", mentee(p(["x", "m"])), mentor(p(["e"]))).score).toBe(0.9375);
  });
  it("a one-sided first choice scores 0.75; lists naming others score 0; no lists, no data", () => {
    expect(criterion("preferences", mentee(p(["m"])), mentor()).score).toBe(0.75);
    expect(criterion("preferences", mentee(p(["x"])), mentor()).score).toBe(0);
    expect(criterion("preferences", mentee(), mentor()).score).toBeNull();
  });
  it("explains a mutual wish", () => {
    expect(scorePair(mentee(p(["m"])), mentor(p(["e"])), { weights: { preferences: 1 } }).reasons.map((x) => x.text)).toEqual(["Mutual wish: ranked each other 1st and 1st"]);
  });
});

describe("composite", () => {
  it("is the weighted mean of the criteria with data", () => {
    // goals 1 (w 0.3), skills 0.5 (w 0.3): (0.3 + 0.15) / 0.6 = 0.75
    const r = scorePair(mentee({ goals: ["a"], wantedSkills: { sql: 4 } }), mentor({ goals: ["a"], skills: { sql: 2 } }));
    expect(r.score).toBeCloseTo(0.75, 12);
    expect(r.breakdown.personality).toMatchObject({ score: null, used: false, neutral: false });
  });
});
