import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { MatchInputError, parseCohort } from "../../src/index.js";

function issuesOf(input: unknown) {
  try {
    parseCohort(input);
  } catch (err) {
    expect(err).toBeInstanceOf(MatchInputError);
    return (err as MatchInputError).issues;
  }
  throw new Error("expected parseCohort to throw");
}

const mentor = (id: string, extra: Record<string, unknown> = {}) => ({ id, role: "mentor", ...extra });
const mentee = (id: string, extra: Record<string, unknown> = {}) => ({ id, role: "mentee", ...extra });

describe("parseCohort: schema rules", () => {
  it("applies documented defaults", () => {
    const c = parseCohort({ participants: [mentor("m"), mentee("e")] });
    expect(c.program.format).toBe("one-on-one");
    expect(c.program.solver).toBe("auto");
    expect(c.program.weights.goals).toBe(0.3);
    expect(c.program.rules.levelGap).toBe(1);
    expect(c.program.rules.locked).toEqual([]);
    expect(c.participants[0]!.capacity).toBe(1);
    expect(c.participants[0]!.minCapacity).toBe(0);
    expect(c.participants[1]!.history).toEqual([]);
  });

  it("reports every problem at once, each with path and code", () => {
    const issues = issuesOf({
      participants: [
        mentor("a", { level: 2.5, capacity: -1 }),
        mentee("b", { role: "boss" }),
        mentee("c", { skills: { sql: 7 } }),
      ],
      program: { format: "speed-dating" },
    });
    const paths = issues.map((i) => i.path.join("."));
    expect(paths).toContain("participants.0.level");
    expect(paths).toContain("participants.0.capacity");
    expect(paths).toContain("participants.1.role");
    expect(paths).toContain("participants.2.skills.sql");
    expect(paths).toContain("program.format");
    for (const i of issues) {
      expect(typeof i.code).toBe("string");
      expect(i.message.length).toBeGreaterThan(0);
    }
  });

  it("rejects unknown keys so that typos are not silently ignored", () => {
    const issues = issuesOf({ participants: [mentee("a", { wantedSkils: { sql: 3 } })] });
    expect(issues[0]!.code).toBe("unrecognized-keys");
    expect(issues[0]!.message).toContain("wantedSkils");
  });

  it("validates slot times and names the slot in the message", () => {
    const err = (() => {
      try {
        parseCohort({ participants: [mentee("a", { availability: { slots: [{ day: "mon", start: "09:00", end: "10:00" }, { day: "tue", start: "25:00", end: "26:00" }] } })] });
      } catch (e) {
        return e as MatchInputError;
      }
    })();
    expect(err).toBeInstanceOf(MatchInputError);
    expect(err!.issues[0]!.path).toEqual(["participants", 0, "availability", "slots", 1, "start"]);
    expect(err!.issues[0]!.code).toBe("invalid-time");
    expect(err!.message).toContain('participants[0].availability.slots[1].start: "25:00" is not a time of day');
  });

  it("rejects end <= start unless the slot is marked overnight", () => {
    const slot = (s: Record<string, unknown>) => ({ participants: [mentee("a", { availability: { slots: [{ day: "fri", ...s }] } })] });
    expect(issuesOf(slot({ start: "10:00", end: "10:00" }))[0]!.code).toBe("end-before-start");
    expect(issuesOf(slot({ start: "22:00", end: "01:00" }))[0]!.code).toBe("end-before-start");
    expect(parseCohort(slot({ start: "22:00", end: "01:00", overnight: true })).participants[0]!.availability!.slots).toEqual([{ day: "fri", start: "22:00", end: "01:00", overnight: true }]);
    expect(parseCohort(slot({ start: "22:00", end: "24:00" })).participants[0]!.availability!.slots).toEqual([{ day: "fri", start: "22:00", end: "24:00" }]);
    expect(issuesOf(slot({ start: "22:00", end: "23:00", overnight: true }))[0]!.code).toBe("invalid-slot");
    expect(issuesOf(slot({ start: "24:00", end: "24:00" }))[0]!.code).toBe("invalid-time");
  });

  it("checks IANA time zones with Intl", () => {
    expect(parseCohort({ participants: [mentee("a", { timezone: "Asia/Kolkata" })] }).participants[0]!.timezone).toBe("Asia/Kolkata");
    expect(issuesOf({ participants: [mentee("a", { timezone: "Mars/Olympus_Mons" })] })[0]!.code).toBe("invalid-timezone");
  });

  it("bounds skill levels, personality traits and weights", () => {
    expect(issuesOf({ participants: [mentee("a", { wantedSkills: { sql: -1 } })] })[0]!.path).toEqual(["participants", 0, "wantedSkills", "sql"]);
    expect(issuesOf({ participants: [mentee("a", { personality: { openness: 1.5 } })] })[0]!.path).toEqual(["participants", 0, "personality", "openness"]);
    expect(issuesOf({ participants: [], program: { weights: { goals: -0.1 } } })[0]!.path).toEqual(["program", "weights", "goals"]);
  });
});

describe("parseCohort: cross-field checks", () => {
  it("finds duplicate ids", () => {
    const issues = issuesOf({ participants: [mentor("x"), mentee("x")] });
    expect(issues).toEqual([expect.objectContaining({ path: ["participants", 1, "id"], code: "duplicate-id" })]);
  });

  it("requires history, preferences and admin pairs to name known ids", () => {
    const issues = issuesOf({
      participants: [mentor("m"), mentee("e", { history: ["ghost"], preferences: { ranked: ["m", "phantom"], avoid: ["nobody"] } })],
      program: { rules: { forbidden: [{ mentorId: "m", menteeId: "who" }], locked: [{ mentorId: "nope", menteeId: "e" }] } },
    });
    const got = issues.map((i) => [i.path.join("."), i.code]);
    expect(got).toEqual(
      expect.arrayContaining([
        ["participants.1.history.0", "unknown-id"],
        ["participants.1.preferences.ranked.1", "unknown-id"],
        ["participants.1.preferences.avoid.0", "unknown-id"],
        ["program.rules.forbidden.0.menteeId", "unknown-id"],
        ["program.rules.locked.0.mentorId", "unknown-id"],
      ]),
    );
    expect(issues).toHaveLength(5);
  });

  it("accepts a managerId outside the cohort but not a self-manager", () => {
    expect(parseCohort({ participants: [mentee("e", { managerId: "vp-eng" })] }).participants[0]!.managerId).toBe("vp-eng");
    expect(issuesOf({ participants: [mentee("e", { managerId: "e" })] })[0]!.code).toBe("self-reference");
  });

  it("rejects self-preference, rank duplicates and ranked-and-avoided", () => {
    const codes = issuesOf({ participants: [mentor("m"), mentee("e", { preferences: { ranked: ["e", "m", "m"], avoid: ["m"] } })] }).map((i) => i.code);
    expect(codes.sort()).toEqual(["conflicting-preference", "duplicate-id", "self-reference"]);
  });

  it("requires capacity >= minCapacity", () => {
    expect(issuesOf({ participants: [mentor("m", { capacity: 1, minCapacity: 2 })] })[0]).toMatchObject({ path: ["participants", 0, "minCapacity"], code: "capacity-below-minimum" });
  });

  it("requires at least one positive weight and known criterion names", () => {
    const zero = { goals: 0, skills: 0, personality: 0, availability: 0, diversity: 0, preferences: 0 };
    expect(issuesOf({ participants: [], program: { weights: zero } })[0]!.code).toBe("no-positive-weight");
    expect(issuesOf({ participants: [], program: { weights: { gaols: 1 } } })[0]).toMatchObject({ path: ["program", "weights", "gaols"], code: "unknown-criterion" });
    expect(parseCohort({ participants: [], program: { weights: { ...zero, tenure: 1 } } }, { customCriteria: ["tenure"] }).program.weights).toEqual({ ...zero, tenure: 1 });
  });

  it("checks locked pairs against roles, capacity and forbidden pairs", () => {
    const issues = issuesOf({
      participants: [mentor("m", { capacity: 1 }), mentee("e1"), mentee("e2"), mentee("e3")],
      program: {
        rules: {
          locked: [
            { mentorId: "m", menteeId: "e1" },
            { mentorId: "m", menteeId: "e2" },
            { mentorId: "e3", menteeId: "m" },
          ],
          forbidden: [{ mentorId: "m", menteeId: "e1" }],
        },
      },
    });
    const codes = issues.map((i) => i.code).sort();
    expect(codes).toEqual(["locked-and-forbidden", "locked-over-capacity", "wrong-role", "wrong-role"]);
  });

  it("requires format options for group and rotational programmes", () => {
    expect(issuesOf({ participants: [], program: { format: "group" } })[0]).toMatchObject({ path: ["program", "group"], code: "missing-format-options" });
    expect(issuesOf({ participants: [], program: { format: "rotational" } })[0]).toMatchObject({ path: ["program", "rotation"], code: "missing-format-options" });
    expect(issuesOf({ participants: [], program: { format: "group", group: { size: { min: 5, max: 3 } } } })[0]!.code).toBe("invalid-range");
    expect(parseCohort({ participants: [], program: { format: "group", group: { size: { min: 3, max: 5 } } } }).program.group?.size).toEqual({ min: 3, max: 5 });
  });

  it("checks quotas", () => {
    expect(issuesOf({ participants: [], program: { quotas: [{ name: "q" }] } })[0]!.code).toBe("empty-quota");
    expect(issuesOf({ participants: [], program: { quotas: [{ name: "q", min: 2, unit: "share" }] } })[0]!.code).toBe("invalid-share");
  });
});

describe("parseCohort: ids are arbitrary strings", () => {
  it('works with "__proto__", "constructor" and "toString" as ids', () => {
    const c = parseCohort(
      JSON.parse(
        JSON.stringify({
          participants: [
            { id: "__proto__", role: "mentor" },
            { id: "constructor", role: "mentee", history: ["__proto__"], preferences: { ranked: ["__proto__"] } },
            { id: "toString", role: "mentee", managerId: "constructor" },
          ],
          program: { rules: { locked: [{ mentorId: "__proto__", menteeId: "constructor" }] } },
        }),
      ),
    );
    expect(c.participants.map((p) => p.id)).toEqual(["__proto__", "constructor", "toString"]);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    expect(issuesOf({ participants: [{ id: "__proto__", role: "mentor" }, { id: "__proto__", role: "mentee" }] })[0]!.code).toBe("duplicate-id");
  });

  it('refuses "__proto__" as a skill name instead of silently dropping it', () => {
    const issues = issuesOf(JSON.parse('{"participants":[{"id":"a","role":"mentee","wantedSkills":{"__proto__":3,"sql":2}}]}'));
    expect(issues[0]).toMatchObject({ path: ["participants", 0, "wantedSkills", "__proto__"], code: "reserved-key" });
  });

  it("rejects a 10^6-character id with an input error", () => {
    const issues = issuesOf({ participants: [mentee("x".repeat(1_000_000))] });
    expect(issues[0]!.path).toEqual(["participants", 0, "id"]);
    expect(issues[0]!.message.length).toBeLessThan(300);
  });
});

describe("parseCohort: any JSON value", () => {
  it.each([null, undefined, 0, "cohort", [], [1, 2], true, {}, { participants: null }, { participants: [null] }])("throws MatchInputError for %j", (junk) => {
    expect(() => parseCohort(junk)).toThrow(MatchInputError);
  });

  it("never throws anything but MatchInputError for random JSON", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        try {
          parseCohort(value);
        } catch (err) {
          if (!(err instanceof MatchInputError)) throw err;
          expect(err.issues.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("never throws anything but MatchInputError for near-valid cohorts with junk fields", () => {
    const field = fc.constantFrom("id", "role", "level", "skills", "availability", "preferences", "history", "capacity", "timezone", "goals", "__proto__", "constructor");
    const person = fc.record({ id: fc.oneof(fc.string(), fc.constantFrom("__proto__", "toString")), role: fc.constantFrom("mentor", "mentee", "both") });
    const junky = fc.tuple(person, fc.dictionary(field, fc.jsonValue({ maxDepth: 4 }))).map(([p, extra]) => ({ ...p, ...extra }));
    fc.assert(
      fc.property(fc.array(junky, { maxLength: 6 }), fc.jsonValue({ maxDepth: 3 }), (participants, program) => {
        try {
          parseCohort({ participants, program });
        } catch (err) {
          if (!(err instanceof MatchInputError)) throw err;
        }
      }),
      { numRuns: 300 },
    );
  });

  it("survives deeply nested junk in attributes", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 5000; i++) deep = [deep];
    // Accepted and kept as given (attributes are opaque): 5000 levels down to the 1.
    let kept: unknown = parseCohort({ participants: [mentee("a", { attributes: { deep } })] }).participants[0]!.attributes!["deep"];
    let depth = 0;
    for (; Array.isArray(kept); depth++) kept = kept[0] as unknown;
    expect([depth, kept]).toEqual([5000, 1]);
    expect(() => parseCohort({ participants: [mentee("a", { goals: deep })] })).toThrow(MatchInputError);
  });
});
