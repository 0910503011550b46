import { describe, it } from "vitest";
import fc from "fast-check";
import { match } from "../../src/index.js";
import { checkFeasible, cohortArbitrary, type Format } from "../support/feasibility.js";

// Issue 14, "Done when": every format's result is feasible against the raw profiles — each hard
// rule, capacity, group size, locked pairs, no repeated pair across rounds, minDepartments where
// achievable, and quotas — checked by test/support/feasibility.ts, which never calls the
// library's eligibility or solver code. Small cohorts here; larger ones in feasibility.slow.test.ts.
const FORMATS: Format[] = ["one-on-one", "reverse", "peer", "group", "rotational", "flash"];

describe("feasibility against the raw profiles (issue 14)", () => {
  for (const format of FORMATS) {
    it(`${format}: every result keeps the rules, capacities and locked pairs`, async () => {
      await fc.assert(
        fc.asyncProperty(cohortArbitrary(format, 3, 5), async (cohort) => {
          checkFeasible(cohort, await match(cohort));
        }),
        { numRuns: format === "group" || format === "rotational" ? 12 : 25 },
      );
    });
  }
});
