import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { FROZEN_CASES, frozenDigests } from "./frozen-scores.js";

// The fixture was written by the scorer as it was before criteria became modules (the commit is
// in the file). Any change to a score bit, an eligibility, a per-criterion value, a weight or an
// explanation of these seeded sample cohorts changes a digest.
const fixture = JSON.parse(readFileSync(new URL("../fixtures/frozen-scores.json", import.meta.url), "utf8")) as {
  cases: Record<string, { scores: string; perCriterion: string; explanations: string }>;
};

describe("scores of seeded sample cohorts are bit-identical to the pre-module scorer", () => {
  for (const c of FROZEN_CASES) {
    it(c.name, () => {
      expect(frozenDigests(c)).toEqual(fixture.cases[c.name]);
    });
  }
});
