// Hostile-input fuzz (issue 14, "Done when"): random JSON-ish values, near-valid cohorts with
// random corruptions, extreme numbers, huge strings, deep nesting and prototype-pollution keys,
// thrown at every public entry point that takes caller data (parseCohort, match, scoreMatrix,
// generateCohort, every solver and checker, the CSV reader). Each call must return or throw a
// well-formed MatchInputError — never another error — finish within its time limit, and leave
// Object.prototype untouched. Seeds are random per run; fast-check prints seed and path on failure.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anyArgs, anything, everyExport, expectClean, nearValidCohort, smallCohort, targets } from "./hostile.js";

/** Runs per target for the structured arbitraries; match() and the constraint solver are slower. */
/** A valid call per target whose random arguments are rarely valid: ([[0],[0]] proposers, one receiver of capacity 2). */
const VALID_EXAMPLES: Record<string, unknown[][]> = { blockingPairs: [[[[[0], [0]], [[1, 0]], [0, -1], [2]]]] };
const RUNS: Record<string, number> = { match: 300, scoreMatrix: 300, parseCohort: 1500, generateCohort: 300, solveConstrained: 300, evaluateConstrained: 600 };
/** Per-call limit: generous for match() on tiny cohorts and HiGHS on tiny models. */
const CALL_LIMIT_MS = 20_000;

describe("hostile input gets a result or a MatchInputError (slow fuzz)", () => {
  // Valid generated cohorts of every format among the corrupted ones, so the whole pipeline runs too.
  for (const target of targets(fc.oneof(smallCohort, nearValidCohort))) {
    it(`${target.name}: near-valid and extreme arguments`, async () => {
      const outcomes = { ok: 0, refused: 0 };
      await fc.assert(
        fc.asyncProperty(target.args, async (args) => {
          outcomes[await expectClean(target.name, () => target.call(...args), CALL_LIMIT_MS)]++;
        }),
        // Known valid calls run first (fast-check `examples`), so "not vacuous" below never rests on
        // the luck of the draw: valid blockingPairs arguments are rare among random ones.
        { numRuns: RUNS[target.name] ?? 1000, examples: (VALID_EXAMPLES[target.name] ?? []) as never },
      );
      // Not vacuous: the arbitraries reach both outcomes (for colour and matrix helpers too).
      expect(outcomes.ok).toBeGreaterThan(0);
      expect(outcomes.refused).toBeGreaterThan(0);
    });
    it(`${target.name}: anything() as every argument`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(anything, { maxLength: 4 }), async (args) => {
          await expectClean(target.name, () => target.call(...args), CALL_LIMIT_MS);
        }),
        { numRuns: 300 },
      );
    });
  }
  for (const [name, call] of everyExport) {
    it(`${name}: anything(), extremes and small cohorts as arguments (every export)`, async () => {
      await fc.assert(fc.asyncProperty(anyArgs, async (args) => void (await expectClean(name, () => call(...args), CALL_LIMIT_MS))), { numRuns: 300 });
    });
  }
});
