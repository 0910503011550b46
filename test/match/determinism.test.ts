import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { generateCohort, match as matchCohort, type MatchResult, type CohortInput, type MatchOptions } from "../../src/index.js";

/** These tests feed JSON-like literals (roles as plain strings), as untyped callers do; `match()` validates them at run time. */
const match = (input: unknown, options?: MatchOptions) => matchCohort(input as CohortInput, options);

/** Seeded Fisher–Yates shuffle (its own LCG, so the test needs no global randomness). */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0;
  for (let k = out.length - 1; k > 0; k--) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const r = s % (k + 1);
    [out[k], out[r]] = [out[r]!, out[k]!];
  }
  return out;
}

const view = (r: MatchResult) => JSON.stringify({ matches: r.matches, rounds: r.rounds ?? null, unmatched: r.unmatched });

const programs = {
  peer: { format: "peer" },
  flash: { format: "flash", flash: { slots: 2 } },
  group: { format: "group", group: { size: { min: 2, max: 4 }, cohesionWeight: 0.3, mix: [{ field: "department", maxPerGroup: 2 }] } },
  rotational: { format: "rotational", rotation: { rounds: 2 } },
  reverse: { format: "reverse" },
} as const;

describe("every format is deterministic and independent of participant order", () => {
  for (const [name, program] of Object.entries(programs)) {
    it(name, async () => {
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), async (seed, order) => {
          const raw = generateCohort({ mentees: 9, mentors: name === "peer" ? 0 : 3, seed, format: program.format });
          const input = { ...raw, program: { ...raw.program, ...program } };
          const a = await match(input);
          const b = await match(input);
          const c = await match({ ...input, participants: shuffled(input.participants, order) });
          expect(view(b)).toBe(view(a));
          expect(view(c)).toBe(view(a));
        }),
        { numRuns: 4 },
      );
    });
  }
});
