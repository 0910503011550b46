import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { generateCohort, MatchInputError, parseCohort, parseParticipantsCsv } from "../../src/index.js";

function issuesOf(text: string) {
  try {
    parseParticipantsCsv(text);
  } catch (err) {
    expect(err).toBeInstanceOf(MatchInputError);
    return (err as MatchInputError).issues;
  }
  throw new Error("expected an error");
}

/** An independent CSV writer for generated participants (quotes every field). */
function toCsv(participants: Array<Record<string, any>>): string {
  const columns = new Set<string>(["id", "role"]);
  const flat = participants.map((p) => {
    const row: Record<string, string> = {};
    const put = (k: string, v: string) => {
      columns.add(k);
      row[k] = v;
    };
    for (const k of ["id", "name", "role", "department", "managerId", "location", "timezone"]) if (p[k] !== undefined) put(k, String(p[k]));
    for (const k of ["level", "capacity", "minCapacity"]) if (p[k] !== undefined) put(k, String(p[k]));
    if (p.priority !== undefined) put("priority", String(p.priority));
    for (const k of ["languages", "goals", "history"]) if (p[k] !== undefined) put(k, p[k].join("; "));
    for (const k of ["skills", "wantedSkills"]) if (p[k] !== undefined) put(k, Object.entries(p[k]).map(([n, l]) => `${n}:${String(l)}`).join("; "));
    for (const [t, v] of Object.entries(p.personality ?? {})) put(`personality.${t}`, String(v));
    for (const [t, v] of Object.entries(p.diversity ?? {})) put(`diversity.${t}`, String(v));
    for (const [t, v] of Object.entries(p.attributes ?? {})) put(`attributes.${t}`, String(v));
    if (p.availability?.slots) put("availability.slots", p.availability.slots.map((s: any) => `${s.day} ${s.start}-${s.end}${s.overnight ? " +1" : ""}`).join("; "));
    if (p.availability?.hoursPerMonth !== undefined) put("availability.hoursPerMonth", String(p.availability.hoursPerMonth));
    if (p.availability?.modes) put("availability.modes", p.availability.modes.join("; "));
    if (p.preferences?.ranked) put("preferences.ranked", p.preferences.ranked.join("; "));
    if (p.preferences?.avoid) put("preferences.avoid", p.preferences.avoid.join("; "));
    for (const [t, v] of Object.entries(p.preferences?.attributes ?? {})) put(`preferences.attributes.${t}`, String(v));
    return row;
  });
  const cols = [...columns];
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  return [cols.map(q).join(","), ...flat.map((r) => cols.map((c) => q(r[c] ?? "")).join(","))].join("\r\n") + "\r\n";
}

/** Diversity and attribute values come back from CSV as strings. */
const stringly = (c: ReturnType<typeof parseCohort>) =>
  c.participants.map((p) => ({
    ...p,
    ...(p.diversity ? { diversity: Object.fromEntries(Object.entries(p.diversity).map(([k, v]) => [k, String(v)])) } : {}),
    ...(p.attributes ? { attributes: Object.fromEntries(Object.entries(p.attributes).map(([k, v]) => [k, String(v)])) } : {}),
  }));

describe("parseParticipantsCsv", () => {
  it("round-trips generated cohorts through an independent CSV writer", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), (seed) => {
        const raw = generateCohort({ mentees: 12, mentors: 5, seed });
        const fromCsv = parseCohort({ participants: parseParticipantsCsv(toCsv(raw.participants as any)), program: raw.program });
        expect(stringly(fromCsv)).toEqual(stringly(parseCohort(raw)));
      }),
      { numRuns: 20 },
    );
  });

  it("reads quoted fields with commas, newlines and doubled quotes", () => {
    const rows = parseParticipantsCsv('id,name,role,goals\r\n"a","Smith, ""Jo""\nJr",mentee,"public speaking; leadership"\n');
    expect(rows).toEqual([{ id: "a", name: 'Smith, "Jo"\nJr', role: "mentee", goals: ["public speaking", "leadership"] }]);
  });

  it("reads slots, level maps, numbers and booleans", () => {
    const rows = parseParticipantsCsv("id,role,level,skills,availability.slots,availability.hoursPerMonth,priority,personality.openness\nm,mentor,5,sql:4; system design:5,mon 09:00-11:00; fri 22:00-01:00 +1,6,true,0.7\n");
    expect(rows[0]).toEqual({
      id: "m",
      role: "mentor",
      level: 5,
      skills: { sql: 4, "system design": 5 },
      availability: { slots: [{ day: "mon", start: "09:00", end: "11:00" }, { day: "fri", start: "22:00", end: "01:00", overnight: true }], hoursPerMonth: 6 },
      priority: true,
      personality: { openness: 0.7 },
    });
    // The rows are a valid cohort, the overnight slot included.
    const parsed = parseCohort({ participants: rows }).participants[0]!;
    expect(parsed.availability!.slots).toEqual([{ day: "mon", start: "09:00", end: "11:00" }, { day: "fri", start: "22:00", end: "01:00", overnight: true }]);
    expect(parsed.skills).toEqual({ sql: 4, "system design": 5 });
  });

  it("reports structural problems with line and column", () => {
    expect(issuesOf("id,role,wantedSkils\na,mentee,x\n")[0]).toMatchObject({ code: "unknown-column", path: ["csv", 1, "wantedSkils"] });
    expect(issuesOf("id,role\na,mentee,extra\n")[0]).toMatchObject({ code: "ragged", path: ["csv", 2] });
    expect(issuesOf("id,role,level\na,mentee,senior\n")[0]).toMatchObject({ code: "csv-value", path: ["csv", 2, "level"] });
    expect(issuesOf("id,role,availability.slots\na,mentee,monday 9-5\n")[0]).toMatchObject({ code: "csv-value", path: ["csv", 2, "availability.slots"] });
    expect(issuesOf('id,role\n"a,mentee\n')[0]!.code).toBe("csv-quote");
    expect(issuesOf("")[0]!.code).toBe("csv-empty");
    expect(issuesOf("id,id\n")[0]!.code).toBe("duplicate-column");
  });

  it('a "__proto__" key column becomes a refused key, never a prototype', () => {
    const rows = parseParticipantsCsv("id,role,diversity.__proto__\na,mentee,x\n");
    expect(Object.getPrototypeOf(rows[0]!["diversity"])).toBe(Object.prototype);
    expect(() => parseCohort({ participants: rows })).toThrow(MatchInputError);
    expect(({} as Record<string, unknown>)["x"]).toBeUndefined();
  });
});
