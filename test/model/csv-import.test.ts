import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { MatchInputError, parseCohort, parseParticipantsCsv } from "../../src/index.js";
import { readParticipantsCsv } from "../../src/model/csv.js";
import { match } from "../../src/match/match.js";

const fixture = (name: string) => readFileSync(join(import.meta.dirname, "../fixtures", name), "utf8");
const hrisMapping = JSON.parse(fixture("hris-mapping.json"));

function issuesOf(run: () => unknown) {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(MatchInputError);
    return (err as MatchInputError).issues;
  }
  throw new Error("expected a MatchInputError");
}

describe("HRIS export through a column mapping (issue 11.2)", () => {
  it("reads the hand-written export: BOM, semicolons, mixed-case headers, L-levels through values, quotes and newlines in names", () => {
    const { participants, lines } = readParticipantsCsv(fixture("hris-export.csv"), { mapping: hrisMapping });
    expect(participants.map((p) => p["id"])).toEqual(["E100", "E101", "E200", "E201"]);
    expect(participants.map((p) => p["name"])).toEqual(['Grace "Amazing" Hopper', "Ada\nLovelace", 'O\'Brien; "Sam"', "Priya Natarajan"]);
    expect(participants.map((p) => p["role"])).toEqual(["mentor", "mentor", "mentee", "mentee"]);
    expect(participants.map((p) => p["level"])).toEqual([7, 6, 2, 3]);
    // DEPARTMENT and Languages need no mapping: headers match fields in any case.
    expect(participants[0]).toMatchObject({ department: "Engineering", languages: ["English", "German"], goals: ["leadership", "public speaking"] });
    // "Monday 9:00-11:00" is normalised to the model's day and time format.
    expect(participants[1]!["availability"]).toEqual({ slots: [{ day: "mon", start: "09:00", end: "11:00" }] });
    // Line 1 header, 2 E100, 3–4 E101 (a newline inside the name), 5 blank, 6 E200, 7 E201.
    expect(lines).toEqual([2, 3, 6, 7]);
    expect(participants[0]).not.toHaveProperty("E-mail");
  });

  it("validates and matches: E201 speaks only German, and only E100 does, so E100–E201 and E101–E200", async () => {
    const participants = parseParticipantsCsv(fixture("hris-export.csv"), { mapping: hrisMapping });
    const cohort = parseCohort({ participants });
    const result = await match(cohort);
    expect(result.matches.map((m) => [m.mentorIds[0], m.menteeIds[0]]).sort()).toEqual([["E100", "E201"], ["E101", "E200"]]);
    expect(result.unmatched).toEqual([]);
  });

  it("without the mapping, each unknown column is reported once, with a did-you-mean and no list of every field", () => {
    const issues = issuesOf(() => parseParticipantsCsv(fixture("hris-export.csv")));
    expect(issues.map((i) => i.path)).toEqual([["csv", 1, "Employee ID"], ["csv", 1, "Full Name"], ["csv", 1, "Programme Role"], ["csv", 1, "Job Level"], ["csv", 1, "Availability"], ["csv", 1, "E-mail"]]);
    expect(issues[0]!.message).toContain('did you mean "id"?');
    expect(issues[3]!.message).toContain('did you mean "level"?');
    for (const issue of issues) expect(issue.message.length).toBeLessThan(200);
  });

  it("a value missing from the mapping cites the line (after the embedded newline and blank line) and the id", () => {
    const text = fixture("hris-export.csv").replace("MENTEE;L3", "MENTEE;L9");
    const issues = issuesOf(() => parseParticipantsCsv(text, { mapping: hrisMapping }));
    expect(issues).toEqual([{ path: ["csv", 7, "Job Level"], code: "csv-value", message: 'line 7 (id "E201"), Job Level: "L9" is not a whole number; map it in the mapping\'s "values"' }]);
  });

  it("a mapping is validated: unknown fields and headers missing from the file get a did-you-mean", () => {
    const bad = { ...hrisMapping, columns: { ...hrisMapping.columns, levl: "Job Level" } };
    expect(issuesOf(() => parseParticipantsCsv(fixture("hris-export.csv"), { mapping: bad }))).toEqual([
      { path: ["mapping", "columns", "levl"], code: "unknown-field", message: '"levl" is not a participant field; did you mean "level"?' },
    ]);
    const missing = { ...hrisMapping, columns: { ...hrisMapping.columns, name: "Full Nmae" } };
    const issues = issuesOf(() => parseParticipantsCsv(fixture("hris-export.csv"), { mapping: missing }));
    expect(issues).toContainEqual({ path: ["mapping", "columns", "name"], code: "missing-column", message: 'no column "Full Nmae" in the file (did you mean "Full Name"?)' });
    expect(issuesOf(() => parseParticipantsCsv("id,role\n", { mapping: { listSeparator: 5 } as never }))[0]!.path).toEqual(["mapping", "listSeparator"]);
    expect(issuesOf(() => parseParticipantsCsv("id,role\n", { mapping: { colums: {} } as never }))[0]!.code).toBe("unrecognized-keys");
  });

  it("listSeparator and delimiter in the mapping", () => {
    // Only "|" splits: "x, y" stays one goal.
    expect(parseParticipantsCsv("id;role;goals\na;mentee;x, y|z\n", { mapping: { listSeparator: "|" } })).toEqual([{ id: "a", role: "mentee", goals: ["x, y", "z"] }]);
    // The header has two commas and two semicolons: detection would pick the comma.
    const text = "id;attributes.x,y,z;role\na;1;mentee\n";
    expect(parseParticipantsCsv(text, { mapping: { delimiter: ";" } })).toEqual([{ id: "a", role: "mentee", attributes: { "x,y,z": "1" } }]);
    expect(issuesOf(() => parseParticipantsCsv(text))[0]!.code).toBe("unknown-column");
  });
});

describe("CSV reading details (issue 14.13)", () => {
  it("detects comma, semicolon and tab delimiters, and drops a byte-order mark", () => {
    const expected = [{ id: "a", role: "mentee", level: 2 }];
    expect(parseParticipantsCsv("id,role,level\na,mentee,2\n")).toEqual(expected);
    expect(parseParticipantsCsv("\uFEFFid;role;level\r\na;mentee;2\r\n")).toEqual(expected);
    expect(parseParticipantsCsv("id\trole\tlevel\na\tmentee\t2\n")).toEqual(expected);
  });

  it("matches headers regardless of case, spacing and punctuation", () => {
    const rows = parseParticipantsCsv("ID, Role ,Manager ID,Availability Hours-Per-Month,AVAILABILITY.MODES,Personality: Openness\na,Mentee,b,6,Remote,0.5\n");
    expect(rows).toEqual([{ id: "a", role: "mentee", managerId: "b", availability: { hoursPerMonth: 6, modes: ["virtual"] }, personality: { Openness: 0.5 } }]);
    // Common HR names are only suggestions without a mapping.
    expect(issuesOf(() => parseParticipantsCsv("id,role,Hours per month\na,mentee,6\n"))[0]!.message).toContain('did you mean "availability.hoursPerMonth"?');
  });

  it("normalises common values: roles in any case, yes/no, day names, meeting modes", () => {
    const rows = parseParticipantsCsv("id,role,priority,availability.slots,availability.modes\na,MENTOR,yes,Tuesday 9:00-10:30,Remote; In person\nb,Both,0,thu 22:00-01:00 +1,hybrid\n");
    expect(rows).toEqual([
      { id: "a", role: "mentor", priority: true, availability: { slots: [{ day: "tue", start: "09:00", end: "10:30" }], modes: ["virtual", "in-person"] } },
      { id: "b", role: "both", priority: false, availability: { slots: [{ day: "thu", start: "22:00", end: "01:00", overnight: true }], modes: ["hybrid"] } },
    ]);
  });

  it("issue-14.13: error line numbers stay right after embedded newlines and blank lines", () => {
    // Line 1 header; 2–4 a (two newlines in its name); 5 and 6 blank; 7 b with a bad level.
    const issues = issuesOf(() => parseParticipantsCsv('id,name,role,level\na,"x\ny\nz",mentee,1\n\n\nb,B,mentee,high\n'));
    expect(issues).toEqual([{ path: ["csv", 7, "level"], code: "csv-value", message: 'line 7 (id "b"), level: "high" is not a whole number; map it in the mapping\'s "values"' }]);
  });

  it('issue-14.13: "abc"def is an error, not abcdef', () => {
    const issues = issuesOf(() => parseParticipantsCsv('id,role,name\na,mentee,x\nb,mentee,"abc"def\n'));
    expect(issues[0]).toMatchObject({ path: ["csv", 3], code: "csv-quote" });
  });

  it("issue-14.13: 0x10 and 1e1 are not accepted as levels (or capacities)", () => {
    for (const bad of ["0x10", "1e1", "1.5", "Infinity", "10 years"]) {
      const issues = issuesOf(() => parseParticipantsCsv(`id,role,level\na,mentee,${bad}\n`));
      expect(issues[0]).toMatchObject({ path: ["csv", 2, "level"], code: "csv-value" });
    }
    expect(issuesOf(() => parseParticipantsCsv("id,role,capacity\na,mentor,0x2\n"))[0]!.path).toEqual(["csv", 2, "capacity"]);
    expect(parseParticipantsCsv("id,role,level\na,mentee,+3\n")[0]!["level"]).toBe(3);
  });

  it("a decimal comma is read in semicolon files only", () => {
    expect(parseParticipantsCsv("id;role;personality.openness\na;mentee;0,75\n")[0]!["personality"]).toEqual({ openness: 0.75 });
    expect(issuesOf(() => parseParticipantsCsv('id,role,personality.openness\na,mentee,"0,75"\n'))[0]!.code).toBe("csv-value");
  });

  it("issue-14.13: the header check is linear: 60,000 columns are read quickly, and unknown ones are capped", () => {
    const n = 60_000;
    const header = ["id", "role", ...Array.from({ length: n }, (_, k) => `attributes.c${k}`)].join(",");
    const row = ["a", "mentee", ...Array.from({ length: n }, (_, k) => String(k))].join(",");
    const t0 = performance.now();
    const rows = parseParticipantsCsv(`${header}\n${row}\n`);
    const known = performance.now() - t0;
    expect(Object.keys(rows[0]!["attributes"] as object)).toHaveLength(n);
    const t1 = performance.now();
    const issues = issuesOf(() => parseParticipantsCsv(["id", "role", ...Array.from({ length: n }, (_, k) => `col${k}`)].join(",") + "\n"));
    const unknown = performance.now() - t1;
    // 20 listed, then one line counting the rest.
    expect(issues).toHaveLength(21);
    expect(issues[20]!.message).toBe(`… and ${n - 20} more columns that are not participant fields`);
    // Was 12–15 s (quadratic); linear work here is well under a second on this machine.
    expect(known + unknown).toBeLessThan(5_000);
  });
});
