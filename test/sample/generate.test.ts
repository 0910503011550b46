import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MatchInputError } from "../../src/errors.js";
import { parseCohort, type Cohort } from "../../src/model/cohort.js";
import type { Participant } from "../../src/model/participant.js";
import { FORMATS } from "../../src/model/program.js";
import { generateCohort } from "../../src/sample/generate.js";
import { overlapMinutes, weekMinutes } from "./week-minutes.js";

const isMentor = (p: Participant) => p.role === "mentor" || p.role === "both";
const isMentee = (p: Participant) => p.role === "mentee" || p.role === "both";
const sharesLanguage = (a: Participant, b: Participant) => (a.languages ?? []).some((l) => (b.languages ?? []).includes(l));

describe("generateCohort: determinism", () => {
  it("gives byte-identical JSON for the same seed and options", () => {
    const a = JSON.stringify(generateCohort({ mentees: 120, mentors: 40, seed: 42 }));
    const b = JSON.stringify(generateCohort({ mentees: 120, mentors: 40, seed: 42 }));
    expect(a).toBe(b);
  });

  it("differs for a different seed", () => {
    const a = JSON.stringify(generateCohort({ mentees: 120, mentors: 40, seed: 42 }).participants);
    const b = JSON.stringify(generateCohort({ mentees: 120, mentors: 40, seed: 43 }).participants);
    expect(a).not.toBe(b);
  });

  it("defaults the seed to 1 and records it in the programme", () => {
    const a = generateCohort({ mentees: 10, mentors: 4 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(generateCohort({ mentees: 10, mentors: 4, seed: 1 })));
    expect(a.program?.seed).toBe(1);
  });
});

describe("generateCohort: always valid", () => {
  it("passes parseCohort for any seed, size, format and share of role 'both'", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 15 }),
        fc.constantFrom(...FORMATS),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (seed, mentees, mentors, format, bothShare) => {
          const input = generateCohort({ mentees, mentors, seed, format, bothShare });
          // Through JSON, as a platform would send it.
          const cohort = parseCohort(JSON.parse(JSON.stringify(input)));
          expect(cohort.participants).toHaveLength(mentees + mentors);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("rejects options out of range with a MatchInputError naming each", () => {
    let error: unknown;
    try {
      generateCohort({ mentees: -1, mentors: 2.5, seed: -3, bothShare: 2 });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(MatchInputError);
    expect((error as MatchInputError).issues.map((i) => i.path[0])).toEqual(["mentees", "mentors", "seed", "bothShare"]);
  });
});

describe("generateCohort: shape and distributions", () => {
  const cohort: Cohort = parseCohort(generateCohort({ mentees: 2000, mentors: 500, seed: 3 }));
  const mentors = cohort.participants.filter(isMentor);
  const mentees = cohort.participants.filter(isMentee);
  const byId = new Map(cohort.participants.map((p) => [p.id, p]));

  it("has the requested numbers of mentees and mentors, with unique ids", () => {
    expect(mentees).toHaveLength(2000);
    expect(mentors).toHaveLength(500);
    expect(cohort.participants.some((p) => p.role === "both")).toBe(false);
    expect(new Set(cohort.participants.map((p) => p.id)).size).toBe(2500);
  });

  it("has fewer seniors than juniors, and mentors mostly above their mentees", () => {
    const levels = cohort.participants.map((p) => p.level!);
    const juniors = levels.filter((l) => l <= 3).length;
    const seniors = levels.filter((l) => l >= 6).length;
    expect(seniors).toBeLessThan(juniors);
    for (let level = 1; level <= 8; level++) expect(levels).toContain(level);
    // Share of (mentor, mentee) pairs where the mentor is more senior: most, but not all.
    let above = 0;
    for (const m of mentors) for (const e of mentees) if (m.level! > e.level!) above++;
    const share = above / (mentors.length * mentees.length);
    expect(share).toBeGreaterThan(0.75);
    expect(share).toBeLessThan(0.98);
  });

  it("spreads people over at least 3 time zones, 8 departments and 4 languages, some without English", () => {
    expect(new Set(cohort.participants.map((p) => p.timezone)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(cohort.participants.map((p) => p.department)).size).toBeGreaterThanOrEqual(8);
    expect(new Set(cohort.participants.flatMap((p) => p.languages ?? [])).size).toBeGreaterThanOrEqual(4);
    const noEnglish = cohort.participants.filter((p) => !p.languages!.includes("English")).length;
    expect(noEnglish).toBeGreaterThan(0);
    expect(noEnglish / cohort.participants.length).toBeLessThan(0.1);
  });

  it("draws goals and skills from a broad taxonomy, mentee goals 1–4", () => {
    expect(new Set(cohort.participants.flatMap((p) => p.goals ?? [])).size).toBeGreaterThanOrEqual(25);
    expect(new Set(cohort.participants.flatMap((p) => Object.keys(p.skills ?? {}))).size).toBeGreaterThanOrEqual(50);
    for (const e of mentees) {
      expect(e.goals!.length).toBeGreaterThanOrEqual(1);
      expect(e.goals!.length).toBeLessThanOrEqual(4);
      expect(Object.keys(e.wantedSkills ?? {}).length).toBeGreaterThan(0);
    }
    for (const m of mentors) expect(Object.keys(m.skills ?? {}).length).toBeGreaterThan(0);
  });

  it("has pairs with no weekly overlap and pairs with hours of it (minute sets from Intl offsets)", () => {
    const week = new Map(cohort.participants.filter((p) => p.availability).map((p) => [p.id, weekMinutes(p.availability!.slots, p.timezone!)]));
    let none = 0;
    let long = 0;
    for (const e of mentees.slice(0, 120)) {
      for (const m of mentors.slice(0, 60)) {
        const a = week.get(e.id);
        const b = week.get(m.id);
        if (!a || !b) continue;
        const minutes = overlapMinutes(a, b);
        if (minutes === 0) none++;
        if (minutes >= 180) long++;
      }
    }
    expect(none).toBeGreaterThan(0);
    expect(long).toBeGreaterThan(0);
    // Los Angeles against Kolkata (13.5 hours apart in January) barely overlaps in working hours.
    const la = cohort.participants.filter((p) => p.timezone === "America/Los_Angeles" && p.availability);
    const kolkata = cohort.participants.filter((p) => p.timezone === "Asia/Kolkata" && p.availability);
    let overlapping = 0;
    for (const a of la.slice(0, 60)) for (const b of kolkata.slice(0, 60)) if (overlapMinutes(week.get(a.id)!, week.get(b.id)!) > 0) overlapping++;
    expect(overlapping / (Math.min(60, la.length) * Math.min(60, kolkata.length))).toBeLessThan(0.1);
  });

  it("links some mentees to a mentor manager in their department, and has preferences, avoid lists and history", () => {
    const managed = mentees.filter((e) => e.managerId !== undefined && byId.get(e.managerId)?.role === "mentor");
    expect(managed.length).toBeGreaterThan(0);
    for (const e of managed) expect(byId.get(e.managerId!)!.department).toBe(e.department);
    const ranked = mentees.filter((e) => (e.preferences?.ranked.length ?? 0) > 0);
    expect(ranked.length / mentees.length).toBeGreaterThan(0.15);
    expect(ranked.length / mentees.length).toBeLessThan(0.35);
    for (const e of ranked) {
      expect(e.preferences!.ranked.length).toBeGreaterThanOrEqual(2);
      expect(e.preferences!.ranked.length).toBeLessThanOrEqual(3);
      for (const id of e.preferences!.ranked) expect(byId.get(id)!.role).toBe("mentor");
    }
    expect(mentees.some((e) => (e.preferences?.avoid.length ?? 0) > 0)).toBe(true);
    expect(cohort.participants.some((p) => p.history.length > 0)).toBe(true);
  });

  it("gives mentors capacities 1–3 (some minimums), diversity only to a share, Big Five in [0, 1]", () => {
    for (const m of mentors) {
      expect(m.capacity).toBeGreaterThanOrEqual(1);
      expect(m.capacity).toBeLessThanOrEqual(3);
    }
    expect(mentors.some((m) => m.minCapacity > 0)).toBe(true);
    const withDiversity = cohort.participants.filter((p) => p.diversity !== undefined).length / cohort.participants.length;
    expect(withDiversity).toBeGreaterThan(0.3);
    expect(withDiversity).toBeLessThan(0.9);
    const withPersonality = cohort.participants.filter((p) => p.personality);
    expect(withPersonality.length).toBeGreaterThan(0);
    for (const p of withPersonality) expect(Object.keys(p.personality!).sort()).toEqual(["agreeableness", "conscientiousness", "extraversion", "neuroticism", "openness"]);
  });
});

describe("examples/cohort.json", () => {
  const raw: unknown = JSON.parse(readFileSync(new URL("../../examples/cohort.json", import.meta.url), "utf8"));
  const cohort = parseCohort(raw);
  const mentors = cohort.participants.filter(isMentor);
  const mentees = cohort.participants.filter(isMentee);

  it("parses and has about 60 mentees and 25 mentors in a one-on-one programme", () => {
    expect(mentees.length).toBeGreaterThanOrEqual(50);
    expect(mentees.length).toBeLessThanOrEqual(70);
    expect(mentors.length).toBeGreaterThanOrEqual(20);
    expect(mentors.length).toBeLessThanOrEqual(30);
    expect(cohort.program.format).toBe("one-on-one");
    expect(cohort.program.name).toMatch(/Mentorship/);
  });

  it("is interesting to match: a manager who is the only mentor sharing a mentee's language, preferences", () => {
    const onlyManager = mentees.filter((e) => {
      const sharing = mentors.filter((m) => sharesLanguage(e, m));
      return sharing.length > 0 && sharing.every((m) => m.id === e.managerId);
    });
    expect(onlyManager.length).toBeGreaterThanOrEqual(1);
    expect(mentees.filter((e) => (e.preferences?.ranked.length ?? 0) > 0).length).toBeGreaterThanOrEqual(3);
  });
});
