import { describe, expect, it } from "vitest";
import {
  DEFAULT_REASON_MESSAGES,
  MatchInputError,
  REASON_CODES,
  generateCohort,
  match,
  scorePair,
  translateReasons,
  type CohortInput,
  type MatchResult,
  type ParticipantInput,
  type Reason,
} from "../../src/index.js";
import { describeBlockingPairs } from "../../src/report/blocking-pairs.js";

const week = { slots: [{ day: "mon" as const, start: "09:00", end: "15:00" }], modes: ["virtual" as const] };
const mentee = (extra: Partial<ParticipantInput> = {}): ParticipantInput => ({ id: "e", role: "mentee", ...extra });
const mentor = (extra: Partial<ParticipantInput> = {}): ParticipantInput => ({ id: "m", role: "mentor", ...extra });
const codes = (reasons: readonly Reason[]) => reasons.map((r) => r.code);

describe("reason order: by contribution (weight × criterion score), each criterion's main reason first", () => {
  // Goals: mentee [a, b], mentor [a] → 1 / 1.8 = 0.556 (rank weights 1, 0.8).
  // Availability: 6 h shared, both virtual → 1.
  const a = mentee({ goals: ["a", "b"], availability: week });
  const b = mentor({ goals: ["a"], availability: week });

  it("goals first when they contribute more: 0.6 × 0.556 = 0.333 > 0.3 × 1", () => {
    const r = scorePair(a, b, { weights: { goals: 0.6, availability: 0.3 } });
    expect(codes(r.reasons)).toEqual(["shared-goals", "shared-hours", "meet-virtually"]);
  });

  it("scheduling first when it contributes more (0.3 × 1 > 0.3 × 0.556), but its second sentence waits until goals have theirs", () => {
    const r = scorePair(a, b, { weights: { goals: 0.3, availability: 0.3 } });
    // Sorted by contribution alone this would be shared-hours, meet-virtually, shared-goals.
    expect(codes(r.reasons)).toEqual(["shared-hours", "shared-goals", "meet-virtually"]);
  });

  it("gives a personality reason when the profile fits overall though no single trait stands out", () => {
    // Two traits, similar mode: |0.5 − 0.8| → 0.7 and |0.5 − 0.2| → 0.7; none ≥ 0.75, mean 0.7 ≥ 0.5.
    const r = scorePair(mentee({ personality: { openness: 0.5, extraversion: 0.5 } }), mentor({ personality: { openness: 0.8, extraversion: 0.2 } }), { weights: { personality: 1 } });
    expect(r.breakdown.personality!.score).toBeCloseTo(0.7, 12);
    expect(r.reasons).toEqual([{ code: "personality-overall", params: { score: r.breakdown.personality!.score }, text: "Personality profiles fit well overall (0.70 of 1)" }]);
  });
});

describe("why this partner: result context", () => {
  // Mentors A and B, one seat each. x wants [g1, g2], y wants [g2, g1]; A offers both, B only g1.
  // x–A 1, x–B 1/1.8 = 0.556; y–A 1, y–B 0.8/1.8 = 0.444. Best total: x–B + y–A = 1.556 > 1.444.
  const cohort: CohortInput = {
    participants: [
      { id: "A", role: "mentor", goals: ["g1", "g2"] },
      { id: "B", role: "mentor", goals: ["g1"] },
      { id: "x", role: "mentee", goals: ["g1", "g2"] },
      { id: "y", role: "mentee", goals: ["g2", "g1"] },
    ],
    program: { weights: { goals: 1 } },
  };
  const reasonsOf = (r: MatchResult, id: string) => r.matches.find((m) => m.menteeIds[0] === id)!.reasons;

  it("says the higher-scoring mentor was full (x) and that y got the best of 2", async () => {
    const result = await match(cohort);
    expect(result.matches.map((m) => `${m.mentorIds[0]}-${m.menteeIds[0]}`)).toEqual(["A-y", "B-x"]);
    expect(reasonsOf(result, "x").at(-1)).toEqual({
      code: "best-available",
      params: { higher: 1, eligible: 2, partner: "mentor" },
      text: "Best available: the one eligible mentor who scores higher was full with other matches",
    });
    expect(reasonsOf(result, "y").at(-1)).toEqual({ code: "top-choice", params: { eligible: 2, partner: "mentor" }, text: "The highest-scoring of the 2 eligible mentors" });
  });

  it("says when a higher-scoring mentor had room and the objective chose otherwise (stable, x ranks B first)", async () => {
    const stable: CohortInput = {
      participants: [cohort.participants[0]!, cohort.participants[1]!, { id: "x", role: "mentee", goals: ["g1", "g2"], preferences: { ranked: ["B"] } }],
      program: { weights: { goals: 1 }, solver: "stable" },
    };
    const result = await match(stable);
    expect(result.matches.map((m) => m.mentorIds[0])).toEqual(["B"]);
    expect(reasonsOf(result, "x").at(-1)).toMatchObject({ code: "overall-optimum", params: { higher: 1, withRoom: 1, eligible: 2, objective: "stable matching" } });
  });

  it("a locked pair says it was locked instead", async () => {
    const result = await match({ ...cohort, program: { ...cohort.program, rules: { locked: [{ mentorId: "A", menteeId: "x" }] } } });
    expect(reasonsOf(result, "x").at(-1)!.code).toBe("locked");
  });

  it("a match with nothing in common still has a reason (peer pair with disjoint goals)", async () => {
    const result = await match({ participants: [mentee({ id: "p", goals: ["a"] }), mentee({ id: "q", goals: ["b"] })], program: { format: "peer", weights: { goals: 1 } } });
    expect(result.matches.length).toBe(1);
    expect(result.matches[0]!.reasons).toEqual([{ code: "overall-score", params: { score: 0 }, text: "Overall compatibility 0.00; no single criterion stands out" }]);
  });

  it("every match and group member in generated programmes has at least one reason", async () => {
    for (const format of ["one-on-one", "reverse", "peer", "flash", "group"] as const) {
      const result = await match(generateCohort({ mentees: 10, mentors: 4, seed: 5, format }));
      expect(result.matches.length, format).toBeGreaterThan(0);
      for (const m of result.matches) {
        expect(m.reasons.length, `${format} ${m.menteeIds.join(",")}`).toBeGreaterThan(0);
        for (const member of m.members ?? []) expect(member.reasons.length).toBeGreaterThan(0);
      }
    }
  });
});

describe("message catalogue", () => {
  const cohort: CohortInput = {
    participants: [mentor({ goals: ["a"], availability: week }), mentee({ goals: ["a"], availability: week })],
    program: { weights: { goals: 0.6, availability: 0.4 } },
  };

  it("translates the codes it has and leaves the others in English", async () => {
    const result = await match(cohort, { messages: { "shared-goals": (p) => `Partage ${p.shared.length} objectif : ${p.shared.join(", ")}` } });
    const texts = result.matches[0]!.reasons.map((r) => r.text);
    expect(texts[0]).toBe("Partage 1 objectif : a");
    expect(texts[1]).toBe("6 h a week of shared working hours");
  });

  it("re-renders a stored result's reasons (translateReasons on JSON)", async () => {
    const stored = JSON.parse(JSON.stringify(await match(cohort))) as MatchResult;
    const out = translateReasons(stored.matches[0]!.reasons, { "shared-hours": (p) => `${p.minutes / 60} h par semaine en commun` });
    expect(out.map((r) => r.text)).toContain("6 h par semaine en commun");
    expect(out.map((r) => r.code)).toEqual(stored.matches[0]!.reasons.map((r) => r.code));
  });

  it("refuses to translate what is not a reason (e.g. a 0.1 sentence)", () => {
    expect(() => translateReasons(["Shares 1 of 1 goal: a"] as never, {})).toThrow(MatchInputError);
    expect(() => translateReasons([{ code: "nope", params: {}, text: "" }] as never, {})).toThrow(MatchInputError);
  });

  it("rejects a catalogue entry that returns no string", async () => {
    await expect(match(cohort, { messages: { "shared-goals": (() => 42) as never } })).rejects.toThrow(MatchInputError);
  });

  it("rejects an unknown reason code or a non-function in the catalogue, naming it", async () => {
    const err = await match(cohort, { messages: { "shared-goal": () => "x", "shared-hours": "6 h" } as never }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MatchInputError);
    expect((err as MatchInputError).issues.map((i) => [i.path.join("."), i.code])).toEqual([
      ["options.messages.shared-goal", "unknown-reason-code"],
      ["options.messages.shared-hours", "invalid-option"],
    ]);
  });

  it("has an English sentence for every code", () => {
    expect(Object.keys(DEFAULT_REASON_MESSAGES).sort()).toEqual([...REASON_CODES].sort());
  });
});

describe("blocking pairs in plain words", () => {
  it("says what a blocking pair is, how many, and what trades it off", () => {
    expect(describeBlockingPairs(0, "maxTotal")).toMatch(/^no blocking pairs/);
    expect(describeBlockingPairs(1, "maxTotal")).toMatch(/^1 blocking pair: a mentee and a mentor who would both rather be matched with each other/);
    const many = describeBlockingPairs(34, "maxTotal");
    expect(many).toMatch(/^34 blocking pairs: each is a mentee and a mentor/);
    expect(many).toContain("higher total score");
    expect(many).toContain('solver "stable"');
  });

  it("is set in one-on-one stats beside the count", async () => {
    const input = generateCohort({ mentees: 12, mentors: 4, seed: 3 });
    const result = await match(input);
    expect(result.stats.blockingPairsNote).toBe(describeBlockingPairs(result.stats.blockingPairs!, "maxTotal"));
  });
});
