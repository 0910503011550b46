// Type-level checks of the result union (checked by `npm run typecheck`, which includes test/):
// each `@ts-expect-error` line must be a type error, or tsc fails on the unused directive.
import { describe, expect, it } from "vitest";
import { generateCohort, match, UNMATCHED_CODES, WARNING_CODES, type MatchResult, type Unmatched, type UnmatchedCode, type WarningCode } from "../../src/index.js";

/** `rounds` as a consumer reads it after narrowing on `format`: no `!`, no `?? []`. */
function roundsOf(result: MatchResult): number[] {
  if (result.format === "flash" || result.format === "rotational") return result.rounds.map((round) => round.length);
  // @ts-expect-error — one-on-one, reverse, peer and group results have no rounds to map over
  return result.rounds.map((round) => round.length);
}

function typeErrors(result: MatchResult): void {
  // @ts-expect-error — stats have no index signature: a misspelt field is a type error
  void result.stats.totl;
  // @ts-expect-error — a format's own field needs narrowing on format first
  void result.stats.jointBound;
  if (result.format === "rotational") void result.stats.jointBound.toFixed(3);
  if (result.format === "group") void result.stats.groups.toFixed(0);
  if (result.format === "flash") void result.stats.slots.toFixed(0);
  // @ts-expect-error — not an unmatched code
  const code: UnmatchedCode = "no-such-code";
  void code;
  // @ts-expect-error — an Unmatched's code is one of UNMATCHED_CODES
  const u: Unmatched = { id: "x", role: "mentee", code: "nobody-liked-them", message: "", detail: { candidates: 0, eligible: 0, excludedBy: {} } };
  void u;
  // @ts-expect-error — not a warning code
  const w: WarningCode = "highs-missing";
  void w;
  for (const warning of result.warnings) {
    // @ts-expect-error — warnings are { code, message }, not strings
    void warning.startsWith("highs");
    void warning.message.startsWith("highs");
  }
}

describe("result types", () => {
  it("a flash result's rounds are read without a check after narrowing, one per slot", async () => {
    const result = await match(generateCohort({ mentees: 6, mentors: 3, seed: 3, format: "flash" }));
    expect(result.format).toBe("flash");
    if (result.format !== "flash") return;
    // One round per slot, and every meeting is in exactly one round.
    expect(roundsOf(result)).toHaveLength(result.stats.slots);
    expect(roundsOf(result).reduce((s, n) => s + n, 0)).toBe(result.stats.meetings);
    expect(typeof typeErrors).toBe("function");
  });

  it("the code lists are kebab-case and without duplicates", () => {
    for (const list of [UNMATCHED_CODES, WARNING_CODES] as readonly (readonly string[])[]) {
      expect(new Set(list).size).toBe(list.length);
      for (const c of list) expect(c).toMatch(/^[a-z]+(-[a-z]+)*$/);
    }
  });
});
