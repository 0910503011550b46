// Fast version of the hostile-input fuzz (issue 14): a few dozen runs per public entry point, each
// call must return or throw MatchInputError, never anything else, and never pollute a prototype.
// The long version is hostile-input.slow.test.ts (`npm run test:slow`).
import fc from "fast-check";
import { describe, it } from "vitest";
import { anyArgs, everyExport, expectClean, nearValidCohort, targets } from "./hostile.js";

const RUNS: Record<string, number> = { match: 8, scoreMatrix: 8, parseCohort: 25, generateCohort: 10, solveConstrained: 10 };

describe("hostile input gets a result or a MatchInputError (fast fuzz)", () => {
  for (const target of targets(nearValidCohort)) {
    it(target.name, async () => {
      await fc.assert(
        fc.asyncProperty(target.args, async (args) => {
          await expectClean(target.name, () => target.call(...args), 5_000);
        }),
        { numRuns: RUNS[target.name] ?? 25, seed: 14 },
      );
    });
  }
  it("every other export, with anything() as arguments", async () => {
    for (const [name, call] of everyExport) {
      await fc.assert(fc.asyncProperty(anyArgs, async (args) => void (await expectClean(name, () => call(...args), 5_000))), { numRuns: 8, seed: 14 });
    }
  });
});
