import { describe, it } from "vitest";
import { checkGroupRules } from "../support/group-rules.js";

// Full size; test/match/advanced.test.ts runs the same property twice.
describe("match: group (full size)", () => {
  it("groups respect size bounds, mentor seats, eligibility and the department mix cap (6 runs)", async () => {
    await checkGroupRules(6);
  });
});
