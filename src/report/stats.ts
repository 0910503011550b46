import type { BaseStats } from "../match/types.js";

/**
 * Summary statistics of match scores: total, mean, min, median, and coverage
 * (matched ÷ matchable; 1 when nobody is matchable).
 */
export function summarise(
  scores: readonly number[],
  info: { matchedMentees: number; matchable: number; solver: string; optimal: boolean; objective: string; blockingPairs: number | null },
): BaseStats {
  const sorted = [...scores].sort((a, b) => a - b);
  const n = sorted.length;
  const total = sorted.reduce((s, v) => s + v, 0);
  const median = n === 0 ? 0 : n % 2 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
  return {
    matches: n,
    matchedMentees: info.matchedMentees,
    total,
    mean: n ? total / n : 0,
    min: n ? sorted[0]! : 0,
    median,
    coverage: info.matchable === 0 ? 1 : Math.min(1, info.matchedMentees / info.matchable),
    matchable: info.matchable,
    solver: info.solver,
    optimal: info.optimal,
    objective: info.objective,
    blockingPairs: info.blockingPairs,
    timings: { validate: 0, encode: 0, score: 0, solve: 0, report: 0, total: 0 },
  };
}
