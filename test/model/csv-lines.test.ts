import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { MatchInputError, parseParticipantsCsv } from "../../src/index.js";

/**
 * Property: the line an issue cites is the line of the file where the bad record starts, counted
 * independently here while the file is written (1 for the header, +1 per blank line, +1 per
 * record, + the line breaks inside its quoted name).
 */
describe("CSV line numbers (issue 14.13)", () => {
  it("cite the bad record's first line, through quoted line breaks (LF or CRLF) and blank lines", () => {
    const record = fc.record({
      name: fc.array(fc.constantFrom("Ann", "Lee", '"quoted"', "a;b", "x,y"), { minLength: 1, maxLength: 3 }),
      breaks: fc.array(fc.constantFrom("\n", "\r\n"), { maxLength: 3 }),
      blanksBefore: fc.integer({ min: 0, max: 2 }),
    });
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 12 }), fc.nat(), fc.constantFrom("\n", "\r\n"), fc.constantFrom(",", ";", "\t"), (records, pick, eol, sep) => {
        const bad = pick % records.length;
        let text = ["id", "name", "role", "level"].join(sep) + eol;
        let line = 2;
        let badLine = -1;
        records.forEach((r, k) => {
          text += eol.repeat(r.blanksBefore);
          line += r.blanksBefore;
          if (k === bad) badLine = line;
          // The name holds the line breaks; quotes inside are doubled.
          const name = r.name.map((part, i) => part + (r.breaks[i] ?? "")).join(" ");
          text += [`p${k}`, `"${name.replace(/"/g, '""')}"`, "mentee", k === bad ? "senior" : "3"].join(sep) + eol;
          line += 1 + Math.min(r.breaks.length, r.name.length);
        });
        let issues: MatchInputError["issues"] = [];
        try {
          parseParticipantsCsv(text);
        } catch (err) {
          expect(err).toBeInstanceOf(MatchInputError);
          issues = (err as MatchInputError).issues;
        }
        expect(issues.map((i) => i.path)).toEqual([["csv", badLine, "level"]]);
        expect(issues[0]!.message).toContain(`line ${badLine} (id "p${bad}")`);
      }),
      { numRuns: 150 },
    );
  });
});
