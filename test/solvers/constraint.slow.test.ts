import { describe, it } from "vitest";
import { checkLocalSearchAgainstExact } from "../support/local-search-check.js";

// Full size; test/solvers/constraint.test.ts runs the first 5 trials of the same sequence.
describe("solveConstrained — local search (full size)", () => {
  it("never beats the exact optimum and never returns a hard-violating solution (12 trials)", async () => {
    await checkLocalSearchAgainstExact(12);
  });
});
