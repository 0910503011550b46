import { adoptParsedCohort, isParsedCohort, parseCohortSteps, type Cohort, type CohortInput } from "../model/cohort.js";
import { explainPair, makeReason, type CompatibilityMatrix, type ReasonMessages } from "../score/index.js";
import { scoreMatrixSteps } from "../score/score-matrix.js";
import { parallelScoringUnavailable, scoreInParallel } from "../worker/parallel-score.js";
import { defaultWorkerUrl } from "../worker/spawn.js";
import { runSteps, runStepsAsync, throwIfAborted, type Steps } from "../steps.js";
import type { ExtraCriterion } from "../criteria/index.js";
import { solvePairsSteps, type PairProblem, type PairSolution } from "../formats/one-on-one.js";
import { solveStable } from "../formats/preferences.js";
import { solvePeersSteps } from "../formats/peer.js";
import { solveTimetable } from "../formats/flash.js";
import { explainUnmatched, matchableRows } from "../report/unmatched.js";
import { summarise } from "../report/stats.js";
import { cohortFingerprintSteps, RESULT_VERSION } from "../report/fingerprint.js";
import { overallScoreReason } from "../report/best-available.js";
import type { MatchWarning } from "../report/outcome-codes.js";
import type { FlashStats, Match, MatchOptions, FormatResult, MatchResult, MatchStage, Unmatched } from "./types.js";
import { resolveMatchOptions, type ResolvedMatchOptions } from "./options.js";
import { checkCohortSize } from "./size-guard.js";
import { candidateMode, checkSparseSize } from "./candidate-mode.js";
import { pairProblem, preferenceProblem, type MatchContext, type StageRunner } from "./context.js";
import { byMentorThenMentee, reportPairsSteps, timetableMatches, warnLockedDropped } from "./pair-report.js";
import { solveAdvancedFormat, solveQuotaPairs } from "./advanced.js";

export type { MatchContext, StageRunner } from "./context.js";

const contexts = new WeakMap<MatchResult, MatchContext>();

/** The context a result was made from (for `explainWhyNot`), or undefined for foreign objects. */
export function contextOf(result: MatchResult): MatchContext | undefined {
  return contexts.get(result);
}

/** Throws a DOMException named `AbortError` (the signal's reason as `cause`) when the signal has fired. */
export function checkAborted(signal: AbortSignal | undefined): void {
  throwIfAborted(signal);
}

/** Orders participants by id (UTF-16 code units) so results never depend on input order. */
export function canonicalCohort(cohort: Cohort): Cohort {
  const participants = [...cohort.participants].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return adoptParsedCohort({ participants, program: cohort.program });
}

/** Validates raw input (or accepts a cohort from `parseCohort`) and puts it in canonical order. */
export function prepareCohort(input: unknown, custom: readonly ExtraCriterion[]): Cohort {
  return runSteps(prepareCohortSteps(input, custom));
}

/** {@link prepareCohort} as a resumable computation (see `src/steps.ts`). */
export function* prepareCohortSteps(input: unknown, custom: readonly ExtraCriterion[]): Steps<Cohort> {
  const cohort = isParsedCohort(input) ? input : yield* parseCohortSteps(input, { customCriteria: custom.map((c) => c.name) });
  return canonicalCohort(cohort);
}

/**
 * Matches a cohort: validate → encode → score → solve → report.
 *
 * Accepts raw input (validated with `parseCohort`) or a parsed cohort. Deterministic: the same
 * input and seed give the same result, and the order of `participants` does not change which
 * pairs are made (participants are ordered by id before solving, so ties break by id).
 *
 * @throws MatchInputError for invalid input; a DOMException named `AbortError` when
 *   `options.signal` fires.
 * @remarks Since 0.1.0
 */
export async function match(input: CohortInput | Cohort, rawOptions: MatchOptions = {}): Promise<MatchResult> {
  const resolved = resolveMatchOptions(rawOptions);
  const options: MatchOptions = {
    criteria: resolved.criteria,
    memoryLimit: resolved.memoryLimit,
    ...(resolved.signal ? { signal: resolved.signal } : {}),
    ...(resolved.onProgress ? { onProgress: resolved.onProgress } : {}),
    ...(resolved.messages ? { messages: resolved.messages } : {}),
    ...(resolved.highs !== undefined ? { highs: resolved.highs } : {}),
  };
  const custom = resolved.criteria;
  const signal = options.signal;
  const timings: Record<MatchStage | "total", number> = { validate: 0, encode: 0, score: 0, solve: 0, report: 0, total: 0 };
  const started = performance.now();
  const stage = (<T>(name: MatchStage, run: () => T): T => {
    checkAborted(signal);
    options.onProgress?.(name, 0, 1);
    const t0 = performance.now();
    const out = run();
    timings[name] += performance.now() - t0;
    options.onProgress?.(name, 1, 1);
    return out;
  }) as StageRunner;
  stage.sliced = async <T>(name: MatchStage, steps: Steps<T>): Promise<T> => {
    checkAborted(signal);
    options.onProgress?.(name, 0, 1);
    const t0 = performance.now();
    const out = await runStepsAsync(steps, { signal });
    timings[name] += performance.now() - t0;
    options.onProgress?.(name, 1, 1);
    return out;
  };

  const cohort = await stage.sliced("validate", prepareCohortSteps(input, custom));
  const sparse = candidateMode(cohort);
  if (sparse) checkSparseSize(cohort, sparse.perMentee, resolved.memoryLimit);
  else checkCohortSize(cohort, resolved.memoryLimit);
  const program = cohort.program;
  if (sparse) {
    // Sparse candidates: no dense matrix, so no context for explainWhyNot / rematch from memory.
    const { matchSparse } = await import("./sparse.js");
    const solved = await matchSparse(cohort, custom, options, stage, timings, [], sparse);
    return stampResult(solved, cohort, options, timings, started);
  }
  // Scoring reports its own two stages: encode, then rows scored.
  checkAborted(signal);
  const scoredAt = performance.now();
  const warnings: MatchWarning[] = [];
  const matrix = await scoreStage(cohort, custom, resolved, warnings);
  timings.score = performance.now() - scoredAt;
  timings.encode = matrix.timings.encodeMs;
  timings.score = Math.max(0, timings.score - matrix.timings.encodeMs);
  for (const lv of matrix.lockedViolations) {
    warnings.push({ code: "locked-pair-breaks-rules", message: `locked pair ${JSON.stringify(matrix.colIds[lv.col])} → ${JSON.stringify(matrix.rowIds[lv.row])} breaks ${lv.violations.join(", ")}; kept as locked` });
  }
  const context: MatchContext = { cohort, matrix, custom, timings, messages: options.messages };
  if (program.quotas.length > 0 && (program.format === "peer" || program.format === "flash")) {
    warnings.push({ code: "quotas-ignored", message: `quotas apply to one-on-one, reverse, group and rotational programmes; this ${program.format} programme ignores its ${program.quotas.length} quota(s)` });
  }
  let solved: FormatResult;
  switch (program.format) {
    case "one-on-one":
    case "reverse":
      solved = await solveOneOnOne(context, stage, warnings, options);
      break;
    case "peer":
      solved = await solvePeerFormat(context, stage, warnings);
      break;
    case "flash":
      solved = solveFlashFormat(context, stage, warnings);
      break;
    default:
      solved = await solveAdvancedFormat(context, stage, warnings, options);
  }
  const result = await stampResult(solved, cohort, options, timings, started);
  contexts.set(result, context);
  return result;
}

/** The last step of every path: version and cohort fingerprint, a reason on every match, timings. */
async function stampResult(solved: FormatResult, cohort: Cohort, options: MatchOptions, timings: Record<MatchStage | "total", number>, started: number): Promise<MatchResult> {
  const { signal } = options;
  const fingerprint = await runStepsAsync(cohortFingerprintSteps(cohort), { signal });
  const result: MatchResult = { ...solved, version: RESULT_VERSION, fingerprint };
  ensureReasons(result, options.messages);
  checkAborted(signal);
  timings.total = performance.now() - started;
  result.stats.timings = timings;
  return result;
}

/** Scores the cohort: in slices on this thread, or on `threads` worker threads. */
async function scoreStage(cohort: Cohort, custom: readonly ExtraCriterion[], o: ResolvedMatchOptions, warnings: MatchWarning[]): Promise<CompatibilityMatrix> {
  const { signal, onProgress } = o;
  if (o.threads > 1) {
    const why = parallelScoringUnavailable(custom.length);
    if (why === null) {
      return scoreInParallel(cohort, { threads: o.threads, workerUrl: o.workerUrl ?? defaultWorkerUrl(), memoryLimit: o.memoryLimit, signal, onProgress });
    }
    warnings.push({ code: "threads-unavailable", message: `threads: scored on one thread because ${why}` });
  }
  return runStepsAsync(scoreMatrixSteps(cohort, { custom, memoryLimit: o.memoryLimit, ...(signal ? { signal } : {}), ...(onProgress ? { onProgress } : {}) }), { signal });
}

/** Gives every match (and group member) without a reason the last-resort `overall-score` reason. */
function ensureReasons(result: MatchResult, messages: ReasonMessages | undefined): void {
  for (const m of result.matches) {
    if (m.reasons.length === 0) m.reasons.push(overallScoreReason(m.score, messages));
    for (const member of m.members ?? []) if (member.reasons.length === 0) member.reasons.push(overallScoreReason(member.score, messages));
  }
}

async function solveOneOnOne(context: MatchContext, stage: StageRunner, warnings: MatchWarning[], options: MatchOptions): Promise<FormatResult> {
  const { cohort } = context;
  const program = cohort.program;
  if (program.quotas.length > 0 || program.solver === "constraint" || program.solver === "local") {
    return solveQuotaPairs(context, stage, warnings, options);
  }
  const problem = pairProblem(context);
  let solution: PairSolution;
  let stable = false;
  if (program.solver === "stable") {
    stable = true;
    solution = stage("solve", () => solveStablePairs(context, problem));
  } else {
    solution = await stage.sliced("solve", solvePairsSteps(problem, program.objective));
  }
  context.problem = problem;
  context.solution = solution;
  return stage.sliced("report", reportPairsSteps(context, problem, solution, warnings, stable));
}

function solveStablePairs(context: MatchContext, problem: PairProblem): PairSolution {
  const rowToCol = new Int32Array(problem.rows).fill(-1);
  const capacity = Int32Array.from(problem.capacity);
  const lockedRow = new Uint8Array(problem.rows);
  for (const [i, j] of problem.locked) {
    rowToCol[i] = j;
    lockedRow[i] = 1;
    capacity[j] = Math.max(0, capacity[j]! - 1);
  }
  const prefs = preferenceProblem(context, capacity);
  // Locked mentees do not take part: make them ineligible for everyone in the stable run.
  const eligible = Uint8Array.from(problem.eligible);
  for (let i = 0; i < problem.rows; i++) if (lockedRow[i]) eligible.fill(0, i * problem.cols, (i + 1) * problem.cols);
  const stableTo = solveStable({ ...prefs, eligible });
  for (let i = 0; i < problem.rows; i++) if (!lockedRow[i]) rowToCol[i] = stableTo[i]!;
  const load = new Int32Array(problem.cols);
  for (const j of rowToCol) if (j >= 0) load[j]!++;
  const unmetMinimum: number[] = [];
  for (let j = 0; j < problem.cols; j++) if (load[j]! < problem.minimum[j]!) unmetMinimum.push(j);
  return { rowToCol, load, unmetMinimum, threshold: null, solver: "deferred-acceptance", optimal: false };
}

async function solvePeerFormat(context: MatchContext, stage: StageRunner, warnings: MatchWarning[]): Promise<FormatResult> {
  const { cohort, matrix } = context;
  const program = cohort.program;
  const n = matrix.rows;
  const solution = await stage.sliced("solve", solvePeersSteps({ n, scores: matrix.scores, eligible: matrix.eligible, locked: matrix.locked }, program.peer.oddPolicy));
  for (const [a, b] of solution.lockConflicts) warnings.push({ code: "locked-pair-not-kept", message: `locked pair ${JSON.stringify(matrix.rowIds[a])} – ${JSON.stringify(matrix.rowIds[b])} not kept: one of them is already locked to another peer` });
  return stage("report", () => {
    const lockedSet = new Set(matrix.locked.map(([a, b]) => `${Math.min(a, b)},${Math.max(a, b)}`));
    const matches: Match[] = solution.groups.map((g) => {
      const ids = g.map((p) => matrix.rowIds[p]!);
      if (g.length === 2) {
        const [a, b] = g as [number, number];
        const explained = explainPair(matrix, a, b, { messages: context.messages });
        const m: Match = { mentorIds: [], menteeIds: ids, score: matrix.scores[a * n + b]!, breakdown: explained.breakdown, reasons: explained.reasons };
        if (lockedSet.has(`${a},${b}`)) m.locked = true;
        return m;
      }
      const members = g.flatMap((p, x) => g.slice(x + 1).map((q) => ({ p, q, s: matrix.scores[p * n + q]! })));
      members.sort((u, v) => v.s - u.s);
      const top = members[0]!;
      const explained = explainPair(matrix, top.p, top.q, { messages: context.messages });
      return {
        mentorIds: [],
        menteeIds: ids,
        score: members.reduce((s, m) => s + m.s, 0) / members.length,
        breakdown: explained.breakdown,
        reasons: [makeReason("triad", { ids }, context.messages), ...explained.reasons],
        members: members.map((m) => {
          const e = explainPair(matrix, m.p, m.q, { messages: context.messages });
          return { mentorId: matrix.rowIds[m.p]!, menteeId: matrix.rowIds[m.q]!, score: m.s, breakdown: e.breakdown, reasons: e.reasons };
        }),
      };
    });
    matches.sort(byMentorThenMentee);
    const matched = new Uint8Array(n);
    for (const g of solution.groups) for (const p of g) matched[p] = 1;
    const unmatched: Unmatched[] = solution.leftOut.map((p) => {
      const u = explainUnmatched({ id: matrix.rowIds[p]!, role: "peer", view: matrix, index: p, axis: "row", selfIndex: p, partnerWord: "peer", partnerIds: matrix.rowIds, full: (q) => matched[q] === 1 });
      if (u.code === "partners-at-capacity" || u.code === "not-selected") {
        u.code = "odd-pool";
        u.message = `left out by the optimum: every eligible peer is paired, and pairing this participant instead would lower the total; ${u.message}`;
      }
      return u;
    });
    let matchable = 0;
    for (let a = 0; a < n; a++) {
      for (let b = 0; b < n; b++) {
        if (a !== b && matrix.eligible[a * n + b] && matrix.eligible[b * n + a]) {
          matchable++;
          break;
        }
      }
    }
    const matchedCount = matched.reduce((s, v) => s + v, 0);
    const stats = summarise(matches.map((m) => m.score), { matchedMentees: matchedCount, matchable, solver: solution.solver, optimal: solution.optimal, objective: "maxTotal", blockingPairs: null });
    return { format: "peer", matches, unmatched, stats, warnings };
  });
}

function solveFlashFormat(context: MatchContext, stage: StageRunner, warnings: MatchWarning[]): FormatResult {
  const { cohort, matrix } = context;
  const program = cohort.program;
  const slots = program.flash.slots;
  const { rounds, dropped } = stage("solve", () => solveTimetable(matrix, slots, matrix.locked));
  warnLockedDropped(context, dropped, `${slots} slot${slots === 1 ? "" : "s"}`, warnings);
  return stage("report", () => {
    const roundMatches = timetableMatches(context, rounds);
    const matches = roundMatches.flat();
    const met = new Int32Array(matrix.rows);
    const seen = new Int32Array(matrix.cols);
    for (const pairs of rounds) for (const [i, j] of pairs) {
      met[i]!++;
      seen[j]!++;
    }
    const unmatched: Unmatched[] = [];
    for (let i = 0; i < matrix.rows; i++) {
      if (met[i]! > 0) continue;
      unmatched.push(explainUnmatched({ id: matrix.rowIds[i]!, role: "mentee", view: matrix, index: i, axis: "row", selfIndex: matrix.colIndex.get(matrix.rowIds[i]!) ?? -1, partnerWord: "mentor", partnerIds: matrix.colIds, full: (j) => seen[j]! >= slots }));
    }
    const matchable = matchableRows(matrix);
    const stats: FlashStats = {
      ...summarise(matches.map((m) => m.score), {
        matchedMentees: met.reduce((s, v) => s + (v > 0 ? 1 : 0), 0),
        matchable,
        solver: "b-matching+edge-colouring",
        optimal: true,
        objective: "maxTotal",
        blockingPairs: null,
      }),
      slots,
      meetings: matches.length,
    };
    return { format: "flash", matches, rounds: roundMatches, unmatched, stats, warnings };
  });
}
