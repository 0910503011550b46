import * as XLSX from "@e965/xlsx";
import { describe, expect, it } from "vitest";
import { MatchInputError, match, toRows, toUnmatchedRows, toXlsx, type CohortInput, type MatchResult } from "../../src/index.js";

const HOSTILE = ['=HYPERLINK("http://x.test","click")', "+1+2", "-2+3", "@SUM(A1:A2)", "\tTabbed", "\rReturn", "=cmd|' /C calc'!A0"];

function hostileCohort(): CohortInput {
  const participants: CohortInput["participants"] = [];
  HOSTILE.forEach((name, k) => {
    participants.push({ id: `mentee-${k}`, name, role: "mentee", department: "-R&D", languages: ["English"], goals: ["leadership"] });
    participants.push({ id: `mentor-${k}`, name: `${name} (mentor)`, role: "mentor", department: "=Finance", languages: ["English"], goals: ["leadership"] });
  });
  participants.push({ id: "=lonely", name: "+Lonely", role: "mentee", languages: ["Klingon"], goals: ["leadership"] });
  return { participants, program: { rules: { sharedLanguage: true } } };
}

/** Every cell of a sheet read back by SheetJS with formulas kept, as [address, cell]. */
function cellsOf(sheet: XLSX.WorkSheet): [string, XLSX.CellObject][] {
  return Object.entries(sheet).filter(([k]) => !k.startsWith("!")) as [string, XLSX.CellObject][];
}

describe("toXlsx", () => {
  it("writes Matches and Unmatched sheets whose text cells are strings equal to the names, with no formula anywhere", async () => {
    const cohort = hostileCohort();
    const result = await match(cohort);
    const bytes = await toXlsx(result, cohort);
    expect(bytes).toBeInstanceOf(Uint8Array);
    // A ZIP container (local file header "PK\x03\x04").
    expect([...bytes.slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    const book = XLSX.read(bytes, { type: "array", cellFormula: true });
    expect(book.SheetNames).toEqual(["Matches", "Unmatched"]);
    for (const name of book.SheetNames) {
      for (const [address, cell] of cellsOf(book.Sheets[name]!)) {
        expect(cell.f, `${name}!${address} has a formula`).toBeUndefined();
        expect(["s", "n"], `${name}!${address}`).toContain(cell.t);
      }
    }

    const matches = XLSX.utils.sheet_to_json<Record<string, unknown>>(book.Sheets["Matches"]!, { defval: null });
    const rows = toRows(result, cohort);
    expect(matches.length).toBe(rows.length);
    matches.forEach((m, k) => {
      // Names kept exactly as written (no quote prefix in XLSX: the cell type already says "text").
      expect(m["mentee_name"]).toBe(rows[k]!.menteeName);
      expect(m["mentor_name"]).toBe(rows[k]!.mentorName);
      expect(m["mentor_department"]).toBe("=Finance");
      expect(typeof m["score"]).toBe("number");
      expect(m["score"] as number).toBeCloseTo(rows[k]!.score, 4);
    });
    expect(new Set(matches.map((m) => m["mentee_name"]))).toEqual(new Set(HOSTILE));

    const unmatched = XLSX.utils.sheet_to_json<Record<string, unknown>>(book.Sheets["Unmatched"]!, { defval: null });
    expect(unmatched).toEqual(toUnmatchedRows(result, cohort).map((u) => ({ ...u })));
    expect(unmatched[0]).toMatchObject({ id: "=lonely", name: "+Lonely", role: "mentee" });
  });

  it("loads the library only when called, through options.load when given", async () => {
    const cohort = hostileCohort();
    const result = await match(cohort);
    let loads = 0;
    const bytes = await toXlsx(result, cohort, { load: () => (loads++, Promise.resolve(XLSX)) });
    expect(loads).toBe(1);
    expect(XLSX.read(bytes, { type: "array" }).SheetNames).toEqual(["Matches", "Unmatched"]);
  });

  it("says which package to install when the library cannot be loaded, and rejects non-results", async () => {
    const cohort = hostileCohort();
    const result = await match(cohort);
    await expect(toXlsx(result, cohort, { load: () => Promise.reject(new Error("Cannot find package '@e965/xlsx'")) })).rejects.toThrow(/npm install @e965\/xlsx/);
    await expect(toXlsx(result, cohort, { load: () => Promise.resolve({}) })).rejects.toThrow(/not SheetJS/);
    await expect(toXlsx({} as MatchResult, cohort)).rejects.toThrow(MatchInputError);
  });
});
