import { RULE_CODES } from "../constraints/index.js";
import type { ExtraCriterion } from "../criteria/index.js";
import { solveCandidatePairs } from "../formats/candidate-pairs.js";
import type { Cohort } from "../model/cohort.js";
import { SPARSE_AUTO_PAIRS } from "./candidate-mode.js";
import { explainPair, makeReason } from "../score/index.js";
import { scoreCandidatesSteps } from "../score/candidates.js";
import type { CompatibilityMatrix } from "../score/types.js";
import { partnerChoiceReason } from "../report/best-available.js";
import { summarise } from "../report/stats.js";
import { explainUnmatched } from "../report/unmatched.js";
import type { StageRunner } from "./context.js";
import { byMentorThenMentee, pairFormat } from "./pair-report.js";
import type { MatchWarning } from "../report/outcome-codes.js";
import type { FormatResult, Match, MatchOptions, MatchStage, PairStats, Unmatched } from "./types.js";
import { runStepsAsync } from "../steps.js";

/**
 * One-on-one / reverse on candidate pairs: score row by row keeping each mentee's best
 * candidates, solve, certify against every eligible pair, report. Matches and mentee reasons
 * are the dense path's (same kernels); unmatched mentors get a shorter reason (no per-rule
 * counts, which would need a pass over their column).
 */
export async function matchSparse(
  cohort: Cohort, custom: ExtraCriterion[], options: MatchOptions, stage: StageRunner,
  timings: Record<MatchStage | "total", number>, warnings: MatchWarning[], mode: { perMentee: number; automatic: boolean },
): Promise<FormatResult> {
  const program = cohort.program;
  if (mode.automatic) {
    warnings.push({ code: "sparse-candidates", message: `sparse candidate mode: more than ${SPARSE_AUTO_PAIRS.toLocaleString("en-US")} mentee × mentor pairs, so each mentee keeps its ${mode.perMentee} best eligible mentors and the result is checked against every eligible pair (stats.certified); set program.candidates.perMentee to choose the number` });
  }
  const scoredAt = performance.now();
  const set = await runStepsAsync(scoreCandidatesSteps(cohort, mode.perMentee, { custom, ...(options.signal ? { signal: options.signal } : {}), ...(options.onProgress ? { onProgress: options.onProgress } : {}) }), options.signal ? { signal: options.signal } : {});
  timings.encode = set.timings.encodeMs;
  timings.score = Math.max(0, performance.now() - scoredAt - set.timings.encodeMs);
  const { rows, cols } = set;
  const people = cohort.participants;
  const ids = set.encoded.ids;
  const rowIds = Array.from(set.sides.rows, (p) => ids[p]!);
  const colIds = Array.from(set.sides.cols, (p) => ids[p]!);
  const mentors = Array.from(set.sides.cols, (p) => people[p]!);
  const mentees = Array.from(set.sides.rows, (p) => people[p]!);
  for (const lv of set.lockedViolations) {
    warnings.push({ code: "locked-pair-breaks-rules", message: `locked pair ${JSON.stringify(colIds[lv.col])} → ${JSON.stringify(rowIds[lv.row])} breaks ${lv.violations.join(", ")}; kept as locked` });
  }
  const lockedSet = new Map<number, number>(set.locked.map(([i, j]) => [i, j]));
  const rescoreRow = (i: number, scores: Float64Array, eligible: Uint8Array) => {
    const anyLocked = set.pass.run(i);
    scores.set(set.pass.rowScores);
    for (let j = 0; j < cols; j++) eligible[j] = set.pass.rowBits[j] === 0 || (anyLocked && set.pass.lockedRow[j] === 1) ? 1 : 0;
  };
  const someBits = new Int32Array(cols);
  const rescore = (i: number, js: Int32Array, count: number, scores: Float64Array, eligible: Uint8Array) => {
    set.pass.runSome(i, js, count, scores, someBits);
    for (let t = 0; t < count; t++) eligible[t] = someBits[t] === 0 ? 1 : 0;
  };
  const problem = {
    rows, cols, rowStart: set.rowStart, col: set.col, score: set.score,
    eligibleCount: set.eligibleCount, colEligibleCount: set.colEligibleCount, cutoff: set.cutoff,
    capacity: Int32Array.from(mentors, (m) => m.capacity),
    minimum: Int32Array.from(mentors, (m) => m.minCapacity),
    priority: Uint8Array.from(mentees, (m) => (m.priority ? 1 : 0)),
    locked: set.locked,
    rescore,
  };
  const solution = stage("solve", () => solveCandidatePairs(problem, program.objective === "priority" ? "priority" : "maxTotal"));

  return stage("report", () => {
    // explainPair needs the cohort, its encoding and the sides, never the dense arrays.
    const hollow: CompatibilityMatrix = {
      format: program.format, direction: set.sides.direction, rows, cols, rowIds, colIds,
      rowIndex: new Map(rowIds.map((id, i) => [id, i])), colIndex: new Map(colIds.map((id, j) => [id, j])),
      rowParticipants: set.sides.rows, colParticipants: set.sides.cols,
      scores: new Float64Array(0), eligible: new Uint8Array(0), violations: new Uint32Array(0), ruleCodes: RULE_CODES,
      locked: set.locked, lockedViolations: set.lockedViolations, criteria: [], weights: {},
      cohort, encoded: set.encoded, custom: set.custom, timings: set.timings,
    };
    const full = (j: number) => solution.load[j]! >= problem.capacity[j]!;
    const matches: Match[] = [];
    for (let i = 0; i < rows; i++) {
      const j = solution.rowToCol[i]!;
      if (j < 0) continue;
      const explained = explainPair(hollow, i, j, { messages: options.messages });
      const m: Match = { mentorIds: [colIds[j]!], menteeIds: [rowIds[i]!], score: explained.score, breakdown: explained.breakdown, reasons: explained.reasons };
      if (lockedSet.get(i) === j) {
        m.locked = true;
        m.lockedViolations = [...explained.violations];
        m.reasons.push(makeReason("locked", {}, options.messages));
      } else {
        // Everyone who scores higher than the match is among the row's candidates.
        const start = set.rowStart[i]!;
        const d = set.rowStart[i + 1]! - start;
        const local = set.col.subarray(start, start + d);
        const at = local.indexOf(j);
        const view = { cols: d + (at < 0 ? 1 : 0), scores: new Float64Array(d + 1), eligible: new Uint8Array(d + 1).fill(1) };
        view.scores.set(set.score.subarray(start, start + d));
        if (at < 0) view.scores[d] = explained.score;
        m.reasons.push(partnerChoiceReason({ view, row: 0, col: at < 0 ? d : at, skip: -1, full: (t) => full(t < d ? local[t]! : j), partner: "mentor", objective: program.objective, messages: options.messages }));
      }
      matches.push(m);
    }
    matches.sort(byMentorThenMentee);

    const unmatched: Unmatched[] = [];
    const scores = new Float64Array(cols);
    const eligible = new Uint8Array(cols);
    for (let i = 0; i < rows; i++) {
      if (solution.rowToCol[i]! >= 0) continue;
      rescoreRow(i, scores, eligible);
      const view = { rows: 1, cols, eligible, violations: Uint32Array.from(set.pass.rowBits), ruleCodes: RULE_CODES };
      const self = colIds.indexOf(rowIds[i]!);
      unmatched.push(explainUnmatched({ id: rowIds[i]!, role: "mentee", view, index: 0, axis: "row", selfIndex: self, partnerWord: "mentor", partnerIds: colIds, full }));
    }
    const unmet = new Set(solution.unmetMinimum);
    for (let j = 0; j < cols; j++) {
      if (solution.load[j]! > 0 && !unmet.has(j)) continue;
      if (problem.capacity[j] === 0 && problem.minimum[j] === 0) continue;
      const e = set.colEligibleCount[j]!;
      const detail = { candidates: rows, eligible: e, excludedBy: {} };
      if (unmet.has(j)) {
        unmatched.push({ id: colIds[j]!, role: "mentor", code: "minimum-not-met", message: `has ${solution.load[j]} mentee${solution.load[j] === 1 ? "" : "s"}, below the minimum of ${problem.minimum[j]}: ${e} eligible mentee${e === 1 ? "" : "s"} in all`, detail });
      } else if (e === 0) {
        unmatched.push({ id: colIds[j]!, role: "mentor", code: "no-eligible-partner", message: "no mentee assigned: no eligible mentee", detail });
      } else {
        unmatched.push({ id: colIds[j]!, role: "mentor", code: "no-mentee", message: `no mentee assigned: its ${e} eligible mentee${e === 1 ? " is" : "s are"} matched to mentors that suit the overall result better`, detail });
      }
    }
    unmatched.sort((a, b) => (a.role === b.role ? (a.id < b.id ? -1 : 1) : a.role === "mentee" ? -1 : 1));
    if (solution.unmetMinimum.length > 0) warnings.push({ code: "minimum-not-met", message: `${solution.unmetMinimum.length} mentor(s) could not reach their minimum load` });
    const c = solution.certificate;
    if (!c.certified) warnings.push({ code: "sparse-not-certified", message: `sparse candidates: ${c.violations} left-out pair(s) could still improve the result after ${c.rounds} solves; raise program.candidates.perMentee` });
    let matchable = 0;
    for (let i = 0; i < rows; i++) if (set.eligibleCount[i]! > 0) matchable++;
    const stats: PairStats = summarise(matches.map((m) => m.score), { matchedMentees: matches.length, matchable, solver: solution.solver, optimal: solution.optimal, objective: program.objective, blockingPairs: null });
    stats.certified = c.certified;
    stats.candidates = { perMentee: mode.perMentee, pairs: c.candidates, added: c.added, solves: c.rounds, rowsRescored: c.rowsRescored, violations: c.violations };
    return { format: pairFormat(program.format), matches, unmatched, stats, warnings };
  });
}
