import { explainPair, makeReason } from "../score/index.js";
import { runSteps, STEP_WORK, type Steps } from "../steps.js";
import type { PairProblem, PairSolution } from "../formats/one-on-one.js";
import { countBlockingPairsSteps } from "../formats/preferences.js";
import { explainUnmatched, matchableRows } from "../report/unmatched.js";
import { summarise } from "../report/stats.js";
import { partnerChoiceReason } from "../report/best-available.js";
import { describeBlockingPairs } from "../report/blocking-pairs.js";
import type { MatchWarning, UnmatchedCode } from "../report/outcome-codes.js";
import type { Format } from "../model/program.js";
import type { Match, PairFormatResult, PairStats, Unmatched } from "./types.js";
import { preferenceProblem, type MatchContext } from "./context.js";

// Turning solutions into matches, shared by the formats in match.ts and advanced.ts.

/** A mentor–mentee match with its explanation. */
export function pairMatch(context: MatchContext, row: number, col: number, extra: Partial<Match> = {}): Match {
  const { matrix } = context;
  const explained = explainPair(matrix, row, col, { messages: context.messages });
  const reasons = explained.reasons;
  return {
    mentorIds: [matrix.colIds[col]!],
    menteeIds: [matrix.rowIds[row]!],
    score: matrix.scores[row * matrix.cols + col]!,
    breakdown: explained.breakdown,
    reasons,
    ...extra,
  };
}

/**
 * Builds timetable meetings (round or slot `round`), each marked `locked` (with the rules it
 * breaks) when the admin locked the pair.
 */
export function timetableMatches(context: MatchContext, rounds: ReadonlyArray<ReadonlyArray<readonly [number, number]>>): Match[][] {
  const { matrix } = context;
  const rules = new Map<number, string[]>();
  for (const [i, j] of matrix.locked) rules.set(i * matrix.cols + j, []);
  for (const lv of matrix.lockedViolations) if (rules.has(lv.row * matrix.cols + lv.col)) rules.set(lv.row * matrix.cols + lv.col, [...lv.violations]);
  return rounds.map((pairs, round) =>
    pairs
      .map(([i, j]) => {
        const broken = rules.get(i * matrix.cols + j);
        return pairMatch(context, i, j, broken ? { round, locked: true, lockedViolations: [...broken] } : { round });
      })
      .sort(byMentorThenMentee),
  );
}

/** Names, in `warnings`, the locked pairs a timetable could not keep, and why. */
export function warnLockedDropped(context: MatchContext, dropped: ReadonlyArray<readonly [number, number]>, what: string, warnings: MatchWarning[]): void {
  const { matrix } = context;
  for (const [i, j] of dropped) {
    warnings.push({ code: "locked-pair-not-kept", message: `locked pair ${JSON.stringify(matrix.colIds[j])} → ${JSON.stringify(matrix.rowIds[i])} not kept: ${JSON.stringify(matrix.rowIds[i])} or ${JSON.stringify(matrix.colIds[j])} already has as many locked meetings as ${what} allow` });
  }
}

function lockedInfo(context: MatchContext): Map<number, { col: number; rules: string[] }> {
  const out = new Map<number, { col: number; rules: string[] }>();
  for (const [row, col] of context.matrix.locked) out.set(row, { col, rules: [] });
  for (const lv of context.matrix.lockedViolations) {
    const hit = out.get(lv.row);
    if (hit && hit.col === lv.col) hit.rules = [...lv.violations];
  }
  return out;
}

/** Turns a one-on-one solution into matches, unmatched explanations and statistics. */
export function reportPairs(context: MatchContext, problem: PairProblem, solution: PairSolution, warnings: MatchWarning[], stable: boolean): PairFormatResult {
  return runSteps(reportPairsSteps(context, problem, solution, warnings, stable));
}

/** {@link reportPairs} as a resumable computation (see `src/steps.ts`). */
export function* reportPairsSteps(context: MatchContext, problem: PairProblem, solution: PairSolution, warnings: MatchWarning[], stable: boolean): Steps<PairFormatResult> {
  const { cohort, matrix } = context;
  const program = cohort.program;
  const locked = lockedInfo(context);
  const full = (j: number) => solution.load[j]! >= problem.capacity[j]!;
  const objective = stable ? "stable matching" : program.quotas.length > 0 ? `${program.objective} with quotas` : program.objective;
  const matches: Match[] = [];
  // Explaining a pair or an unmatched participant costs about one row of the matrix.
  let work = 0;
  for (let i = 0; i < problem.rows; i++) {
    const j = solution.rowToCol[i]!;
    if (j < 0) continue;
    const lock = locked.get(i);
    const m = pairMatch(context, i, j, lock && lock.col === j ? { locked: true, lockedViolations: lock.rules } : {});
    const skip = matrix.colIndex.get(matrix.rowIds[i]!) ?? -1;
    m.reasons.push(
      m.locked ? makeReason("locked", {}, context.messages) : partnerChoiceReason({ view: matrix, row: i, col: j, skip, full, partner: "mentor", objective, messages: context.messages }),
    );
    matches.push(m);
    if ((work += problem.cols) >= STEP_WORK) {
      work = 0;
      yield;
    }
  }
  sortMatches(matches);

  const unmatched: Unmatched[] = [];
  const selfCol = (i: number) => matrix.colIndex.get(matrix.rowIds[i]!) ?? -1;
  const selfRow = (j: number) => matrix.rowIndex.get(matrix.colIds[j]!) ?? -1;
  for (let i = 0; i < problem.rows; i++) {
    if (solution.rowToCol[i]! >= 0) continue;
    let reason: { code: UnmatchedCode; message: string } | undefined;
    if (stable) reason = { code: "not-preferred", message: "every eligible mentor with a free seat or a choice prefers the mentees they hold (stable matching)" };
    else if (solution.threshold !== null) {
      // Under maxMin, free eligible mentors may exist whose pair scores fall under the bottleneck.
      let open = false;
      for (let j = 0; j < problem.cols; j++) if (problem.eligible[i * problem.cols + j] && !full(j)) open = true;
      if (open) reason = { code: "below-threshold", message: `every eligible mentor with a free seat scores below ${solution.threshold.toFixed(3)}, the best lowest score that keeps the most mentees matched and mentor minimums met` };
    }
    unmatched.push(
      explainUnmatched({ id: matrix.rowIds[i]!, role: "mentee", view: matrix, index: i, axis: "row", selfIndex: selfCol(i), partnerWord: "mentor", partnerIds: matrix.colIds, full, ...(reason ? { reason } : {}) }),
    );
    if ((work += problem.cols) >= STEP_WORK) {
      work = 0;
      yield;
    }
  }
  const unmet = new Set(solution.unmetMinimum);
  for (let j = 0; j < problem.cols; j++) {
    if (solution.load[j]! > 0 && !unmet.has(j)) continue;
    if (problem.capacity[j] === 0 && problem.minimum[j] === 0) continue;
    const u = explainUnmatched({
      id: matrix.colIds[j]!,
      role: "mentor",
      view: matrix,
      index: j,
      axis: "col",
      selfIndex: selfRow(j),
      partnerWord: "mentee",
      partnerIds: matrix.rowIds,
      full: (i) => solution.rowToCol[i]! >= 0,
    });
    if (unmet.has(j)) {
      u.code = "minimum-not-met";
      u.message = `has ${solution.load[j]} mentee${solution.load[j] === 1 ? "" : "s"}, below the minimum of ${problem.minimum[j]}: ${u.message}`;
    } else if (u.code === "partners-at-capacity") {
      u.code = "no-mentee";
      u.message = `no mentee assigned: ${u.message.replace(/^(all .* are|both .* are) at capacity with other matches/, "every eligible mentee is matched to a better-scoring mentor").replace(/^the only eligible mentee is at capacity with other matches/, "the only eligible mentee is matched to a better-scoring mentor")}`;
    } else if (u.code === "no-eligible-partner") {
      u.message = `no mentee assigned: ${u.message}`;
    }
    unmatched.push(u);
    if ((work += problem.rows) >= STEP_WORK) {
      work = 0;
      yield;
    }
  }
  unmatched.sort((a, b) => (a.role === b.role ? (a.id < b.id ? -1 : 1) : a.role === "mentee" ? -1 : 1));
  if (solution.unmetMinimum.length > 0) warnings.push({ code: "minimum-not-met", message: `${solution.unmetMinimum.length} mentor(s) could not reach their minimum load` });

  const matchable = matchableRows(problem);
  const blocking = yield* countBlockingPairsSteps(preferenceProblem(context, problem.capacity), solution.rowToCol);
  const stats: PairStats = summarise(matches.map((m) => m.score), {
    matchedMentees: matches.length,
    matchable,
    solver: solution.solver,
    optimal: solution.optimal,
    objective: stable ? "stable" : program.objective,
    blockingPairs: blocking,
  });
  if (solution.threshold !== null) stats.threshold = solution.threshold;
  stats.blockingPairsNote = describeBlockingPairs(blocking, stable ? "stable" : program.objective);
  if (stable && blocking > 0) warnings.push({ code: "blocking-pairs", message: `stable matching left ${stats.blockingPairsNote}; locked pairs or capacities caused them` });
  return { format: pairFormat(program.format), matches, unmatched, stats, warnings };
}

/** A one-on-one or reverse programme's format (the only ones whose solutions are pairs). */
export function pairFormat(format: Format): PairFormatResult["format"] {
  if (format === "one-on-one" || format === "reverse") return format;
  throw new Error(`internal: ${format} results are not reported as pairs`);
}

function orderKey(m: Match): string {
  return `${m.round ?? 0}\u0000${m.mentorIds.join("\u0001")}\u0000${m.menteeIds.join("\u0001")}`;
}

/** Orders matches by round, then mentor ids, then mentee ids (deterministic output order). */
export function byMentorThenMentee(a: Match, b: Match): number {
  const ka = orderKey(a);
  const kb = orderKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** Sorts matches in place as {@link byMentorThenMentee} does, building each key once. */
export function sortMatches(matches: Match[]): void {
  const keyed = matches.map((m) => ({ m, k: orderKey(m) }));
  keyed.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
  keyed.forEach((x, t) => (matches[t] = x.m));
}
