import { describe, it } from "vitest";
import fc from "fast-check";
import { match } from "../../src/index.js";
import { checkFeasible, cohortArbitrary, type Format } from "../support/feasibility.js";

// The larger run of test/match/feasibility.test.ts: bigger cohorts, more runs, and group
// programmes with cohesion (so the local search, not only HiGHS, is checked).
const FORMATS: Format[] = ["one-on-one", "reverse", "peer", "group", "rotational", "flash"];

describe("feasibility against the raw profiles, larger cohorts (issue 14)", () => {
  for (const format of FORMATS) {
    it(`${format}: every result keeps the rules, capacities and locked pairs`, async () => {
      await fc.assert(
        fc.asyncProperty(cohortArbitrary(format, 6, 16, { cohesionWeight: 0.3 }), async (cohort) => {
          checkFeasible(cohort, await match(cohort));
        }),
        { numRuns: format === "group" || format === "rotational" ? 100 : 300 },
      );
    });
  }
});
