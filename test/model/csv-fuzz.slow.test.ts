import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { MatchInputError, parseCohort, parseParticipantsCsv } from "../../src/index.js";

/** Either a value or a MatchInputError: never another error. */
function inputErrorOr<T>(run: () => T): T | MatchInputError {
  try {
    return run();
  } catch (err) {
    if (err instanceof MatchInputError) return err;
    throw err;
  }
}

const cellChars = fc.constantFrom(..."ab;,\t\"\n\r :|-+.0123456789xeELmMonrtyTRUE\u00a0\uFEFF\u001b_", "mentor", "mentee", "Mon 09:00-10:00", "sql:4", "__proto__", "constructor");
const header = fc.constantFrom("id", "ID", "Employee ID", "role", "Role", "level", "Job Level", "skills", "availability.slots", "availability.modes", "priority", "personality.openness", "diversity.__proto__", "attributes.x", "preferences.attributes.dept", "capacity", "bogus", "", "goals");

describe("CSV reader fuzz (issue 14 Done-when)", () => {
  it("random text gives participants or a MatchInputError, never another error", () => {
    fc.assert(
      fc.property(fc.string({ unit: cellChars, maxLength: 200 }), (text) => {
        const rows = inputErrorOr(() => parseParticipantsCsv(text));
        if (!(rows instanceof MatchInputError)) inputErrorOr(() => parseCohort({ participants: rows }));
      }),
      { numRuns: 5000 },
    );
  });

  it("structured tables with random headers, cells and mappings never escape as another error", () => {
    const mapping = fc.oneof(
      fc.constant(undefined),
      fc.record({
        columns: fc.dictionary(fc.constantFrom("id", "level", "levl", "role", "__proto__", "personality.x"), header, { maxKeys: 3 }),
        values: fc.dictionary(fc.constantFrom("level", "role", "priority", "nope"), fc.dictionary(fc.string({ maxLength: 4 }), fc.oneof(fc.integer(), fc.string({ maxLength: 6 }), fc.boolean(), fc.constant(null)), { maxKeys: 3 }), { maxKeys: 2 }),
        listSeparator: fc.option(fc.constantFrom("|", ",", ";", ""), { nil: undefined }),
        delimiter: fc.option(fc.constantFrom(",", ";", "\t", "x"), { nil: undefined }),
        ignore: fc.array(header, { maxLength: 2 }),
      }),
      fc.anything(),
    );
    fc.assert(
      fc.property(fc.array(header, { minLength: 1, maxLength: 6 }), fc.array(fc.array(fc.string({ unit: cellChars, maxLength: 12 }), { maxLength: 7 }), { maxLength: 6 }), fc.constantFrom(",", ";", "\t"), mapping, (cols, rows, sep, map) => {
        const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
        const text = [cols.map(q).join(sep), ...rows.map((r) => r.map(q).join(sep))].join("\n");
        const out = inputErrorOr(() => parseParticipantsCsv(text, { mapping: map as never }));
        if (!(out instanceof MatchInputError)) {
          expect(Array.isArray(out)).toBe(true);
          expect(({} as Record<string, unknown>)["x"]).toBeUndefined();
          inputErrorOr(() => parseCohort({ participants: out }));
        }
      }),
      { numRuns: 3000 },
    );
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });
});
