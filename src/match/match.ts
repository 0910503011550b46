import { adoptParsedCohort, isParsedCohort, parseCohortSteps, type Cohort, type CohortInput } from "../model/cohort.js";
import type { Participant } from "../model/participant.js";
import { explainPair, makeReason, type CompatibilityMatrix, type ReasonMessages } from "../score/index.js";
import { scoreMatrixSteps } from "../score/score-matrix.js";
import { parallelScoringUnavailable, scoreInParallel } from "../worker/parallel-score.js";
import { defaultWorkerUrl } from "../worker/spawn.js";
import { runSteps, runStepsAsync, throwIfAborted, STEP_WORK, type Steps } from "../steps.js";
import type { CustomCriterion } from "../criteria/index.js";
import { solvePairsSteps, type PairProblem, type PairSolution } from "../formats/one-on-one.js";
import { countBlockingPairsSteps, solveStable, type PreferenceProblem } from "../formats/preferences.js";
import { solvePeersSteps } from "../formats/peer.js";
import { solveTimetable } from "../formats/flash.js";
import { explainUnmatched, matchableRows } from "../report/unmatched.js";
import { summarise } from "../report/stats.js";
import { cohortFingerprintSteps, RESULT_VERSION } from "../report/fingerprint.js";
import { overallScoreReason, partnerChoiceReason } from "../report/best-available.js";
import { describeBlockingPairs } from "../report/blocking-pairs.js";
import type { Match, MatchOptions, FormatResult, MatchResult, MatchStage, Unmatched } from "./types.js";
import { resolveMatchOptions, type ResolvedMatchOptions } from "./options.js";
import { checkCohortSize } from "./size-guard.js";
import { candidateMode, checkSparseSize } from "./candidate-mode.js";

/** Everything `explainWhyNot` and `rematch` need to revisit a result. */
export interface MatchContext {
  cohort: Cohort;
  matrix: CompatibilityMatrix;
  problem?: PairProblem;
  solution?: PairSolution;
  custom: CustomCriterion[];
  /** The host's message catalogue for reasons (`MatchOptions.messages`). */
  messages?: ReasonMessages | undefined;
  /** Stage timings of the run (ms), shared with the format solvers. */
  timings: Record<MatchStage | "total", number>;
}

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
export function prepareCohort(input: unknown, custom: readonly CustomCriterion[]): Cohort {
  return runSteps(prepareCohortSteps(input, custom));
}

/** {@link prepareCohort} as a resumable computation (see `src/steps.ts`). */
export function* prepareCohortSteps(input: unknown, custom: readonly CustomCriterion[]): Steps<Cohort> {
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
    const fingerprint = await runStepsAsync(cohortFingerprintSteps(cohort), { signal });
    const result: MatchResult = { ...solved, version: RESULT_VERSION, fingerprint };
    ensureReasons(result, options.messages);
    checkAborted(signal);
    timings.total = performance.now() - started;
    result.stats.timings = timings;
    return result;
  }
  // Scoring reports its own two stages: encode, then rows scored.
  checkAborted(signal);
  const scoredAt = performance.now();
  const warnings: string[] = [];
  const matrix = await scoreStage(cohort, custom, resolved, warnings);
  timings.score = performance.now() - scoredAt;
  timings.encode = matrix.timings.encodeMs;
  timings.score = Math.max(0, timings.score - matrix.timings.encodeMs);
  for (const lv of matrix.lockedViolations) {
    warnings.push(`locked pair ${JSON.stringify(matrix.colIds[lv.col])} → ${JSON.stringify(matrix.rowIds[lv.row])} breaks ${lv.violations.join(", ")}; kept as locked`);
  }
  const context: MatchContext = { cohort, matrix, custom, timings, messages: options.messages };
  if (program.quotas.length > 0 && (program.format === "peer" || program.format === "flash")) {
    warnings.push(`quotas apply to one-on-one, reverse, group and rotational programmes; this ${program.format} programme ignores its ${program.quotas.length} quota(s)`);
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
    default: {
      const { solveAdvancedFormat } = await import("./advanced.js");
      solved = await solveAdvancedFormat(context, stage, warnings, options);
    }
  }
  const fingerprint = await runStepsAsync(cohortFingerprintSteps(cohort), { signal });
  const result: MatchResult = { ...solved, version: RESULT_VERSION, fingerprint };
  ensureReasons(result, options.messages);
  checkAborted(signal);
  timings.total = performance.now() - started;
  result.stats.timings = timings;
  contexts.set(result, context);
  return result;
}

/** Scores the cohort: in slices on this thread, or on `threads` worker threads. */
async function scoreStage(cohort: Cohort, custom: readonly CustomCriterion[], o: ResolvedMatchOptions, warnings: string[]): Promise<CompatibilityMatrix> {
  const { signal, onProgress } = o;
  if (o.threads > 1) {
    const why = parallelScoringUnavailable(custom.length);
    if (why === null) {
      return scoreInParallel(cohort, { threads: o.threads, workerUrl: o.workerUrl ?? defaultWorkerUrl(), memoryLimit: o.memoryLimit, signal, onProgress });
    }
    warnings.push(`threads: scored on one thread because ${why}`);
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

/**
 * Runs one pipeline stage: abort check, progress, timing. Called with a function, it runs it in
 * one go; `sliced` runs a resumable stage (see `src/steps.ts`) in slices between turns of the
 * host's event loop, checking the signal after each.
 */
export interface StageRunner {
  <T>(name: MatchStage, run: () => T): T;
  sliced<T>(name: MatchStage, steps: Steps<T>): Promise<T>;
}

function participantsOf(matrix: CompatibilityMatrix, cohort: Cohort, axis: "row" | "col"): Participant[] {
  const idx = axis === "row" ? matrix.rowParticipants : matrix.colParticipants;
  return Array.from(idx, (p) => cohort.participants[p]!);
}

/** Builds the numeric one-on-one problem from a compatibility matrix. */
export function pairProblem(context: MatchContext): PairProblem {
  const { matrix, cohort } = context;
  const mentors = participantsOf(matrix, cohort, "col");
  const mentees = participantsOf(matrix, cohort, "row");
  return {
    rows: matrix.rows,
    cols: matrix.cols,
    scores: matrix.scores,
    eligible: matrix.eligible,
    capacity: Int32Array.from(mentors, (m) => m.capacity),
    minimum: Int32Array.from(mentors, (m) => m.minCapacity),
    priority: Uint8Array.from(mentees, (m) => (m.priority ? 1 : 0)),
    locked: matrix.locked,
  };
}

/** Preference view of a matrix: ranked lists by index, completed by score. */
export function preferenceProblem(context: MatchContext, capacity: Int32Array): PreferenceProblem {
  const { matrix, cohort } = context;
  const rank = (people: Participant[], other: ReadonlyMap<string, number>) =>
    people.map((p) => {
      const ranked = p.preferences?.ranked ?? [];
      if (ranked.length === 0) return undefined;
      const m = new Map<number, number>();
      ranked.forEach((id, pos) => {
        const t = other.get(id);
        if (t !== undefined && !m.has(t)) m.set(t, pos);
      });
      return m;
    });
  return {
    rows: matrix.rows,
    cols: matrix.cols,
    scores: matrix.scores,
    eligible: matrix.eligible,
    rowRank: rank(participantsOf(matrix, cohort, "row"), matrix.colIndex),
    colRank: rank(participantsOf(matrix, cohort, "col"), matrix.rowIndex),
    capacity,
  };
}

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
export function warnLockedDropped(context: MatchContext, dropped: ReadonlyArray<readonly [number, number]>, what: string, warnings: string[]): void {
  const { matrix } = context;
  for (const [i, j] of dropped) {
    warnings.push(`locked pair ${JSON.stringify(matrix.colIds[j])} → ${JSON.stringify(matrix.rowIds[i])} not kept: ${JSON.stringify(matrix.rowIds[i])} or ${JSON.stringify(matrix.colIds[j])} already has as many locked meetings as ${what} allow`);
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

async function solveOneOnOne(context: MatchContext, stage: StageRunner, warnings: string[], options: MatchOptions): Promise<FormatResult> {
  const { cohort, matrix } = context;
  const program = cohort.program;
  if (program.quotas.length > 0 || program.solver === "constraint" || program.solver === "local") {
    const { solveQuotaPairs } = await import("./advanced.js");
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

/** Turns a one-on-one solution into matches, unmatched explanations and statistics. */
export function reportPairs(context: MatchContext, problem: PairProblem, solution: PairSolution, warnings: string[], stable: boolean): FormatResult {
  return runSteps(reportPairsSteps(context, problem, solution, warnings, stable));
}

/** {@link reportPairs} as a resumable computation (see `src/steps.ts`). */
export function* reportPairsSteps(context: MatchContext, problem: PairProblem, solution: PairSolution, warnings: string[], stable: boolean): Steps<FormatResult> {
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
    let reason: { code: string; message: string } | undefined;
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
  if (solution.unmetMinimum.length > 0) warnings.push(`${solution.unmetMinimum.length} mentor(s) could not reach their minimum load`);

  const matchable = matchableRows(problem);
  const blocking = yield* countBlockingPairsSteps(preferenceProblem(context, problem.capacity), solution.rowToCol);
  const stats = summarise(matches.map((m) => m.score), {
    matchedMentees: matches.length,
    matchable,
    solver: solution.solver,
    optimal: solution.optimal,
    objective: stable ? "stable" : program.objective,
    blockingPairs: blocking,
  });
  if (solution.threshold !== null) stats["threshold"] = solution.threshold;
  stats.blockingPairsNote = describeBlockingPairs(blocking, stable ? "stable" : program.objective);
  if (stable && blocking > 0) warnings.push(`stable matching left ${stats.blockingPairsNote}; locked pairs or capacities caused them`);
  return { format: program.format, matches, unmatched, stats, warnings };
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

async function solvePeerFormat(context: MatchContext, stage: StageRunner, warnings: string[]): Promise<FormatResult> {
  const { cohort, matrix } = context;
  const program = cohort.program;
  const n = matrix.rows;
  const solution = await stage.sliced("solve", solvePeersSteps({ n, scores: matrix.scores, eligible: matrix.eligible, locked: matrix.locked }, program.peer.oddPolicy));
  for (const [a, b] of solution.lockConflicts) warnings.push(`locked pair ${JSON.stringify(matrix.rowIds[a])} – ${JSON.stringify(matrix.rowIds[b])} not kept: one of them is already locked to another peer`);
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
    return { format: program.format, matches, unmatched, stats, warnings };
  });
}

function solveFlashFormat(context: MatchContext, stage: StageRunner, warnings: string[]): FormatResult {
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
    const stats = summarise(matches.map((m) => m.score), {
      matchedMentees: met.reduce((s, v) => s + (v > 0 ? 1 : 0), 0),
      matchable,
      solver: "b-matching+edge-colouring",
      optimal: true,
      objective: "maxTotal",
      blockingPairs: null,
    });
    stats["slots"] = slots;
    stats["meetings"] = matches.length;
    return { format: program.format, matches, rounds: roundMatches, unmatched, stats, warnings };
  });
}
