import { describe, expect, it } from "vitest";
import { MatchInputError, match, toCsv, toRows, toUnmatchedRows, type CohortInput, type MatchResult } from "../../src/index.js";

/**
 * An RFC 4180 reader written for this test, independent of the writer: records end with CRLF,
 * a field is either bare (no quote, separator, CR or LF) or wrapped in quotes with inner quotes
 * doubled. Throws on anything else, so a sloppy writer fails here. Returns each field's text and
 * whether it was quoted.
 */
function readRfc4180(text: string, sep: string): { value: string; quoted: boolean }[][] {
  const records: { value: string; quoted: boolean }[][] = [];
  let i = 0;
  while (i < text.length) {
    const record: { value: string; quoted: boolean }[] = [];
    for (;;) {
      let value = "";
      let quoted = false;
      if (text[i] === '"') {
        quoted = true;
        i++;
        for (;;) {
          if (i >= text.length) throw new Error("unterminated quoted field");
          if (text[i] === '"') {
            if (text[i + 1] === '"') {
              value += '"';
              i += 2;
            } else {
              i++;
              break;
            }
          } else value += text[i++];
        }
      } else {
        while (i < text.length && text[i] !== sep && text[i] !== "\r" && text[i] !== "\n") {
          if (text[i] === '"') throw new Error(`bare quote in an unquoted field at ${i}`);
          value += text[i++];
        }
      }
      record.push({ value, quoted });
      if (text[i] === sep) {
        i++;
        continue;
      }
      if (text.startsWith("\r\n", i)) {
        i += 2;
        break;
      }
      throw new Error(`expected a separator or CRLF at ${i}, found ${JSON.stringify(text.slice(i, i + 5))}`);
    }
    records.push(record);
  }
  return records;
}

/** What a spreadsheet would run as a formula: a cell whose text starts with one of these. */
const RUNS_AS_FORMULA = /^[=+\-@\t\r]/;

const HOSTILE = ["=HYPERLINK(\"http://x.test\",\"click\")", "+1+2", "-2+3", "@SUM(A1:A2)", "\tTabbed", "\rReturn", "=cmd|' /C calc'!A0"];

function hostileCohort(): CohortInput {
  const names = [...HOSTILE, 'Ann "the boss", Jr.\nline two', "Zoë Ødegaard"];
  const participants: CohortInput["participants"] = [];
  names.forEach((name, k) => {
    participants.push({ id: `mentee-${k}`, name, role: "mentee", department: k % 2 ? "@Ops" : "-R&D", languages: ["English"], goals: ["leadership"] });
    participants.push({ id: `mentor-${k}`, name: `${name} (mentor)`, role: "mentor", department: "=Finance", languages: ["English"], goals: ["leadership"] });
  });
  participants.push({ id: "=lonely", name: "+Lonely", role: "mentee", languages: ["Klingon"], goals: ["leadership"] });
  return { participants, program: { rules: { sharedLanguage: true } } };
}

function nameOf(cohort: CohortInput, id: string): string | undefined {
  return cohort.participants.find((p) => p.id === id)?.name;
}

describe("toCsv: formula injection", () => {
  it("writes no cell a spreadsheet would run as a formula, and keeps every name readable after the quote", async () => {
    const cohort = hostileCohort();
    const result = await match(cohort);
    expect(result.matches.length).toBe(9);
    for (const sheet of ["matches", "unmatched"] as const) {
      for (const delimiter of [",", ";", "\t"] as const) {
        const records = readRfc4180(toCsv(result, cohort, { sheet, delimiter }), delimiter);
        const header = records[0]!.map((f) => f.value);
        for (const record of records) {
          expect(record.length).toBe(header.length);
          for (const field of record) {
            expect(RUNS_AS_FORMULA.test(field.value), `${sheet} ${JSON.stringify(delimiter)} cell ${JSON.stringify(field.value)}`).toBe(false);
            if (field.value.startsWith("'")) expect(field.quoted).toBe(true);
          }
        }
        // Each id/name cell is the participant's text, or a quote followed by it when it starts like a formula.
        const shown = (raw: string) => (RUNS_AS_FORMULA.test(raw) ? `'${raw}` : raw);
        const col = (name: string) => header.indexOf(name);
        for (const record of records.slice(1)) {
          if (sheet === "matches") {
            const menteeId = record[col("mentee_id")]!.value;
            const mentorId = record[col("mentor_id")]!.value;
            expect(record[col("mentee_name")]!.value).toBe(shown(nameOf(cohort, menteeId)!));
            expect(record[col("mentor_name")]!.value).toBe(shown(nameOf(cohort, mentorId)!));
            expect(record[col("mentor_department")]!.value).toBe("'=Finance");
            expect(["'-R&D", "'@Ops"]).toContain(record[col("mentee_department")]!.value);
          } else {
            expect(record[col("id")]!.value).toBe("'=lonely");
            expect(record[col("name")]!.value).toBe("'+Lonely");
          }
        }
      }
    }
  });

  it("keeps scores as plain numbers equal to the match scores (4 decimals)", async () => {
    const cohort = hostileCohort();
    const result = await match(cohort);
    const records = readRfc4180(toCsv(result, cohort), ",");
    const header = records[0]!.map((f) => f.value);
    const scores = records.slice(1).map((r) => r[header.indexOf("score")]!);
    for (const [k, cell] of scores.entries()) {
      expect(cell.quoted).toBe(false);
      expect(Number(cell.value)).toBeCloseTo(result.matches[k]!.score, 4);
    }
  });

  it("round-trips quotes, separators and line breaks inside names", async () => {
    const cohort = hostileCohort();
    const result = await match(cohort);
    const records = readRfc4180(toCsv(result, cohort), ",");
    const names = records.flatMap((r) => r.map((f) => f.value));
    expect(names).toContain('Ann "the boss", Jr.\nline two');
    expect(names).toContain("Zoë Ødegaard (mentor)");
  });
});

describe("toCsv: options", () => {
  const cohort: CohortInput = {
    participants: [
      { id: "m1", name: "Mia", role: "mentor", department: "Eng", goals: ["a"] },
      { id: "e1", name: "Eli", role: "mentee", department: "Ops", goals: ["a"] },
      { id: "e2", name: "Eve", role: "mentee", department: "Ops", goals: ["a"] },
    ],
    program: {},
  };

  it("adds the UTF-8 BOM only when asked, and ends every record with CRLF", async () => {
    const result = await match(cohort);
    const plain = toCsv(result, cohort);
    const withBom = toCsv(result, cohort, { bom: true });
    expect(plain.charCodeAt(0)).not.toBe(0xfeff);
    expect(withBom.charCodeAt(0)).toBe(0xfeff);
    expect(withBom.slice(1)).toBe(plain);
    expect(plain.endsWith("\r\n")).toBe(true);
    expect(plain.replace(/\r\n/g, "").includes("\n")).toBe(false);
  });

  it("puts the unmatched mentee in the unmatched sheet with its code (one seat for two mentees)", async () => {
    const result = await match(cohort);
    const records = readRfc4180(toCsv(result, cohort, { sheet: "unmatched" }), ",").map((r) => r.map((f) => f.value));
    expect(records[0]).toEqual(["id", "name", "department", "role", "code", "reason"]);
    expect(records.length).toBe(2);
    const unmatched = result.unmatched[0]!;
    expect(records[1]!.slice(0, 5)).toEqual([unmatched.id, unmatched.id === "e1" ? "Eli" : "Eve", "Ops", "mentee", "partners-at-capacity"]);
    expect(toUnmatchedRows(result, cohort)[0]!.reason).toBe(unmatched.message);
  });

  it("rejects unknown options and non-results with MatchInputError", async () => {
    const result = await match(cohort);
    expect(() => toCsv(result, cohort, { delimiter: "|" as "," })).toThrow(MatchInputError);
    expect(() => toCsv(result, cohort, { sheet: "pairs" as "matches" })).toThrow(MatchInputError);
    expect(() => toCsv({} as MatchResult, cohort)).toThrow(MatchInputError);
    expect(() => toRows(result, {} as CohortInput)).toThrow(MatchInputError);
  });
});

describe("toRows", () => {
  it("gives one row per meeting with its 1-based slot in a flash timetable (2 mentees × 2 mentors × 2 slots = 4 meetings)", async () => {
    const cohort: CohortInput = {
      participants: [
        { id: "m1", role: "mentor", goals: ["a"] },
        { id: "m2", role: "mentor", goals: ["a"] },
        { id: "e1", role: "mentee", goals: ["a"] },
        { id: "e2", role: "mentee", goals: ["a"] },
      ],
      program: { format: "flash", flash: { slots: 2 } },
    };
    const result = await match(cohort);
    const rows = toRows(result, cohort);
    expect(rows.length).toBe(4);
    expect(rows.map((r) => r.round).sort()).toEqual([1, 1, 2, 2]);
    const header = toCsv(result, cohort).split("\r\n")[0]!.split(",");
    expect(header.slice(0, 3)).toEqual(["match", "slot", "mentor_id"]);
    // Every mentee meets both mentors once.
    expect(new Set(rows.map((r) => `${r.menteeId}-${r.mentorId}`)).size).toBe(4);
  });

  it("gives a peer pair one row with the first peer in the mentor columns", async () => {
    const cohort: CohortInput = {
      participants: [
        { id: "a", name: "Ada", role: "mentee", goals: ["x"] },
        { id: "b", name: "Bo", role: "mentee", goals: ["x"] },
      ],
      program: { format: "peer" },
    };
    const result = await match(cohort);
    const rows = toRows(result, cohort);
    expect(rows.length).toBe(1);
    expect([rows[0]!.mentorName, rows[0]!.menteeName]).toEqual(["Ada", "Bo"]);
  });
});

describe("toRows: groups", () => {
  it("gives each group member a row that starts with the group's own reasons", async () => {
    const { generateCohort } = await import("../../src/index.js");
    const cohort = generateCohort({ mentees: 10, mentors: 3, seed: 4, format: "group" });
    const result = await match(cohort);
    const rows = toRows(result, cohort);
    result.matches.forEach((m, k) => {
      const groupTexts = m.reasons.filter((r) => r.code.startsWith("group-")).map((r) => r.text);
      const mine = rows.filter((r) => r.match === k + 1);
      expect(mine.length).toBe(m.members!.length);
      for (const [x, r] of mine.entries()) expect(r.reasons).toEqual([...groupTexts, ...m.members![x]!.reasons.map((t) => t.text)]);
    });
    expect(result.matches.some((m) => m.reasons.some((r) => r.code.startsWith("group-")))).toBe(true);
  });
});
