import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { closestName, editDistance } from "../../src/model/closest-name.js";

/** Textbook full-table optimal string alignment distance, as an oracle. */
function osa(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  return d[a.length]![b.length]!;
}

describe("editDistance and closestName", () => {
  it("equals the full-table distance, and never understates it under a limit", () => {
    const word = fc.string({ unit: fc.constantFrom("a", "b", "c", "d"), maxLength: 8 });
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 4 }), (a, b, limit) => {
        const exact = osa(a, b);
        expect(editDistance(a, b)).toBe(exact);
        expect(editDistance(a, b, limit)).toBe(exact <= limit ? exact : limit + 1);
      }),
      { numRuns: 500 },
    );
  });

  it("suggests likely typos only", () => {
    expect(closestName("--objectve", ["--out", "--objective", "--seed"])).toBe("--objective");
    expect(closestName("mtach", ["match", "validate", "schema"])).toBe("match");
    expect(closestName("maxmin", ["maxTotal", "maxMin"])).toBe("maxMin");
    expect(closestName("zzz", ["match", "validate"])).toBeUndefined();
    expect(closestName("--bogus", ["--out", "--seed", "--quiet"])).toBeUndefined();
  });
});
