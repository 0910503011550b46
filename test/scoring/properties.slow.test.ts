import { describe, it } from "vitest";
import { checkScorePairAgreesWithMatrix } from "../support/score-agreement.js";

// Full size; test/scoring/properties.test.ts runs the same property on 8 × 4 cohorts.
describe("scorePair agrees with scoreMatrix bit for bit (full size)", () => {
  for (const format of ["one-on-one", "reverse", "peer"] as const) {
    it(`on generated ${format} cohorts (14 × 6)`, () => {
      checkScorePairAgreesWithMatrix(format, { mentees: 14, mentors: 6, numRuns: 4 });
    });
  }
});
