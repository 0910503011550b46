import { describe, expect, it } from "vitest";
import { MatchInputError, generateCohort, match, parseCohort, parseParticipantsCsv, scorePair, selectorMatches, type ParticipantInput, type ProgramInput } from "../../src/index.js";

const e = (extra: Partial<ParticipantInput> = {}): ParticipantInput => ({ id: "e", role: "mentee", ...extra });
const m = (extra: Partial<ParticipantInput> = {}): ParticipantInput => ({ id: "m", role: "mentor", ...extra });

describe("organisation rule", () => {
  it("different / same, only when both give an organisation; default any", () => {
    const different: ProgramInput = { rules: { organisation: "different" } };
    const same: ProgramInput = { rules: { organisation: "same" } };
    expect(scorePair(e({ organisation: "Acme" }), m({ organisation: "Acme" }), different).violations).toEqual(["organisation"]);
    expect(scorePair(e({ organisation: "Acme" }), m({ organisation: "Globex" }), different).violations).toEqual([]);
    expect(scorePair(e({ organisation: "Acme" }), m({ organisation: "Globex" }), same).violations).toEqual(["organisation"]);
    expect(scorePair(e({ organisation: "Acme" }), m(), same).violations).toEqual([]);
    expect(scorePair(e({ organisation: "Acme" }), m({ organisation: "Acme" })).violations).toEqual([]);
  });

  it("rejects an unknown rule value with a MatchInputError naming the path", () => {
    expect(() => parseCohort({ participants: [], program: { rules: { organisation: "other" } } })).toThrow(MatchInputError);
    try {
      parseCohort({ participants: [], program: { rules: { organisation: "other" } } });
    } catch (err) {
      expect((err as MatchInputError).issues[0]!.path).toEqual(["program", "rules", "organisation"]);
    }
  });

  it("an unmatched mentee excluded by it says so", async () => {
    const result = await match({
      participants: [e({ organisation: "Acme" }), m({ organisation: "Acme" })],
      program: { rules: { organisation: "different" } },
    });
    expect(result.matches).toHaveLength(0);
    expect(result.unmatched.find((u) => u.id === "e")!.detail.excludedBy).toEqual({ organisation: 1 });
  });
});

describe("organisation in selectors and quotas", () => {
  it("a selector on organisation picks by it", () => {
    const [a, b] = parseCohort({ participants: [e({ organisation: "Acme" }), m({ organisation: "Globex" })] }).participants;
    expect(selectorMatches(a!, { field: "organisation", equals: "Acme" })).toBe(true);
    expect(selectorMatches(b!, { field: "organisation", equals: "Acme" })).toBe(false);
    expect(selectorMatches(b!, { field: "organisation", in: ["Acme", "Globex"] })).toBe(true);
  });

  it("a quota gives a partner organisation's mentees their seats", async () => {
    // Two Acme mentors, one seat each. Acme mentee a1 and Globex mentee g1 share both goals with
    // both mentors (goals score 1); Globex mentee g2 shares one of its two goals (rankDecay 1: 0.5).
    // Without a quota the best total takes a1 and g1 (1 + 1 = 2 > 1 + 0.5); a quota of two seats
    // for Globex mentees must take g1 and g2 instead (total 1.5).
    const goals = ["x", "y"];
    const participants: ParticipantInput[] = [
      { id: "m1", role: "mentor", organisation: "Acme", goals },
      { id: "m2", role: "mentor", organisation: "Acme", goals },
      { id: "a1", role: "mentee", organisation: "Acme", goals },
      { id: "g1", role: "mentee", organisation: "Globex", goals },
      { id: "g2", role: "mentee", organisation: "Globex", goals: ["x", "z"] },
    ];
    const program: ProgramInput = { weights: { goals: 1, skills: 0, personality: 0, availability: 0, diversity: 0, preferences: 0 }, criteria: { goals: { rankDecay: 1 } } };
    const free = await match({ participants, program });
    expect(free.matches.flatMap((x) => x.menteeIds).sort()).toEqual(["a1", "g1"]);
    const quota = await match({
      participants,
      program: { ...program, quotas: [{ name: "Globex seats", mentees: { field: "organisation", equals: "Globex" }, min: 2 }] },
    });
    expect(quota.matches.flatMap((x) => x.menteeIds).sort()).toEqual(["g1", "g2"]);
    expect(quota.stats.total).toBeCloseTo(1.5, 9);
  });
});

describe("explanation scoping across organisations", () => {
  // Both a department aim and a level rule would be explained; the pair is across organisations.
  const mentee = e({ organisation: "Acme", department: "Finance", level: 3, goals: ["x"], managerId: "boss" });
  const mentor = m({ organisation: "Globex", department: "Finance", level: 3, goals: ["x"], managerId: "boss" });
  const program: ProgramInput = {
    rules: { department: "different" },
    criteria: { diversity: { aims: { department: "different", location: "same" } } },
    explain: { includeSensitive: true },
  };
  const internal = /department|manager|reporting|level/i; // the test cohort has no goal or skill sentences that use these words

  it("scoped (default): no reason and no diversity term mentions department, manager or level", () => {
    const s = scorePair({ ...mentee, location: "Oslo" }, { ...mentor, location: "Oslo" }, program);
    // The rules did fire: the admin still sees every code.
    expect(s.violations).toEqual(["reporting-line", "department", "level-gap"]);
    for (const r of s.reasons) expect(r.text).not.toMatch(internal);
    // Nor do the structured params a host would translate.
    expect(JSON.stringify(s.reasons.map((r) => [r.code, r.params]))).not.toMatch(internal);
    // One neutral sentence stands in for the three internal rules.
    expect(s.reasons.filter((r) => r.text.startsWith("Excluded")).map((r) => r.text)).toEqual(["Excluded: a rule on internal details (not shown across organisations)"]);
    const terms = (s.breakdown.diversity!.evidence as { terms?: { attribute: string }[] }).terms!;
    expect(terms.map((t) => t.attribute)).toEqual(["location"]);
    expect(JSON.stringify(s.breakdown)).not.toMatch(/department|managerId|"level"/);
  });

  it("full: the same pair is explained like any other", () => {
    const s = scorePair({ ...mentee, location: "Oslo" }, { ...mentor, location: "Oslo" }, { ...program, explain: { includeSensitive: true, crossOrganisation: "full" } });
    expect(s.reasons.some((r) => /department/.test(r.text))).toBe(true);
    expect(s.reasons.some((r) => /reporting line/.test(r.text))).toBe(true);
  });

  it("a pair inside one organisation, or with an organisation missing, is not scoped", () => {
    const same = scorePair(mentee, { ...mentor, organisation: "Acme" }, program);
    expect(same.reasons.some((r) => /department rule/.test(r.text))).toBe(true);
    const unknown = scorePair(mentee, { ...mentor, organisation: undefined }, program);
    expect(unknown.reasons.some((r) => /department rule/.test(r.text))).toBe(true);
  });

  it("match() results carry the scoped reasons", async () => {
    const result = await match({
      participants: [mentee, { ...mentor, department: "Sales", managerId: "other", level: 5 }],
      program: { criteria: { diversity: { aims: { department: "different" } } }, explain: { includeSensitive: true } },
    });
    expect(result.matches).toHaveLength(1);
    for (const r of result.matches[0]!.reasons) expect(r.text).not.toMatch(internal);
  });
});

describe("multi-organisation sample cohorts", () => {
  it("gives everyone an organisation, keeps managers in their organisation, and changes nothing else", () => {
    const plain = generateCohort({ mentees: 80, mentors: 30, seed: 5 });
    const multi = generateCohort({ mentees: 80, mentors: 30, seed: 5, organisations: 3 });
    const byId = new Map(multi.participants.map((p) => [p.id, p]));
    const names = new Set(multi.participants.map((p) => p.organisation));
    expect([...names].sort()).toEqual(["Acme", "Globex", "Initech"]);
    multi.participants.forEach((p, k) => {
      const manager = p.managerId === undefined ? undefined : byId.get(p.managerId);
      if (manager) expect(manager.organisation).toBe(p.organisation);
      const { organisation, managerId, ...rest } = p;
      const { managerId: plainManager, ...plainRest } = plain.participants[k]!;
      expect(rest).toEqual(plainRest);
      // Managers outside the cohort are named per organisation.
      if (managerId !== undefined && !manager) expect(managerId).toBe(`${organisation!.toLowerCase()}-${plainManager}`);
    });
    expect(parseCohort(JSON.parse(JSON.stringify(multi))).participants).toHaveLength(110);
  });

  it("takes organisation names, and rejects bad ones", () => {
    const c = generateCohort({ mentees: 10, mentors: 5, organisations: ["North", "South"] });
    expect(new Set(c.participants.map((p) => p.organisation))).toEqual(new Set(["North", "South"]));
    expect(() => generateCohort({ mentees: 1, mentors: 1, organisations: 0 })).toThrow(MatchInputError);
    expect(() => generateCohort({ mentees: 1, mentors: 1, organisations: ["A", "A"] })).toThrow(MatchInputError);
  });

  it("CSV reads an organisation column", () => {
    const [p] = parseParticipantsCsv("id,role,organisation\na,mentee,Acme\n");
    expect(p!.organisation).toBe("Acme");
  });
});
