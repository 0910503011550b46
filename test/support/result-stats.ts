import { expect } from "vitest";
import type { Format } from "../../src/model/program.js";
import type { MatchResult, StatsByFormat } from "../../src/match/types.js";

/** A result's stats typed for `format`, after checking the result is of that format. */
export function statsOf<F extends Format>(result: MatchResult, format: F): StatsByFormat[F] {
  expect(result.format).toBe(format);
  return result.stats as unknown as StatsByFormat[F];
}

/** A one-on-one or reverse result's stats, after checking it is one. */
export function pairStatsOf(result: MatchResult): StatsByFormat["one-on-one"] {
  expect(["one-on-one", "reverse"]).toContain(result.format);
  return result.stats;
}
