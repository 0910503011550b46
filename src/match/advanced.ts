import type { Participant } from "../model/participant.js";
import { adoptParsedCohort } from "../model/cohort.js";
import { explainPair, makeReason, type CompatibilityMatrix, type Reason } from "../score/index.js";
import { WEEK_CELLS, CELL_MINUTES, type EncodedCohort } from "../encode/index.js";
import { solveConstrained } from "../solvers/constraint/solve.js";
import type { ConstraintModel, ConstraintResult, LinearConstraint } from "../solvers/constraint/types.js";
import { runStepsAsync, SliceClock, throwIfAborted } from "../steps.js";
import { scoreMatrixSteps } from "../score/score-matrix.js";
import { colorBipartiteEdges } from "../solvers/edge-coloring.js";
import { solvePairs, type PairSolution } from "../formats/one-on-one.js";
import { fieldValue, selectorMatches } from "../formats/selectors.js";
import { eligibleScores, lockedBMatching } from "../formats/flash.js";
import { explainUnmatched, matchableRows } from "../report/unmatched.js";
import { summarise } from "../report/stats.js";
import { pairProblem, type MatchContext, type StageRunner } from "./context.js";
import { byMentorThenMentee, reportPairs, timetableMatches, warnLockedDropped } from "./pair-report.js";
import type { MatchWarning, UnmatchedCode, WarningCode } from "../report/outcome-codes.js";
import type { Match, MatchOptions, FormatResult, MemberScore, Unmatched, ConstraintStats, GroupStats, GroupFormatResult, RotationalStats, RotationalFormatResult } from "./types.js";

const DAY_NAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

function mentorsOf(context: MatchContext): Participant[] {
  return Array.from(context.matrix.colParticipants, (p) => context.cohort.participants[p]!);
}
function menteesOf(context: MatchContext): Participant[] {
  return Array.from(context.matrix.rowParticipants, (p) => context.cohort.participants[p]!);
}

/** Programme quotas as linear constraints over mentee rows × mentor cols. */
export function quotaConstraints(context: MatchContext, mentees: Participant[], mentors: Participant[], rowOf: (i: number) => number[] = (i) => [i], colOf: (j: number) => number[] = (j) => [j]): LinearConstraint[] {
  return context.cohort.program.quotas.map((q) => {
    const rows: number[] = [];
    mentees.forEach((p, i) => {
      if (!q.mentees || selectorMatches(p, q.mentees)) rows.push(...rowOf(i));
    });
    const selected = mentees.filter((p) => !q.mentees || selectorMatches(p, q.mentees)).length;
    const cols: number[] = [];
    mentors.forEach((p, j) => {
      if (!q.mentors || selectorMatches(p, q.mentors)) cols.push(...colOf(j));
    });
    const scale = q.unit === "share" ? selected : 1;
    const min = q.min !== undefined ? q.min * scale : undefined;
    const max = q.max !== undefined ? q.max * scale : undefined;
    const base = { rows, cols, hard: q.hard, ...(q.hard ? {} : { penalty: q.penalty }) };
    // A quota with both bounds becomes "=" only when they coincide; otherwise the tighter side
    // that the constraint model takes in one row: we encode [min, max] as two constraints.
    return [
      ...(min !== undefined ? [{ ...base, name: q.name + (max !== undefined ? " (min)" : ""), sense: ">=" as const, rhs: min }] : []),
      ...(max !== undefined ? [{ ...base, name: q.name + (min !== undefined ? " (max)" : ""), sense: "<=" as const, rhs: max }] : []),
    ];
  }).flat();
}

function engineOf(context: MatchContext): "auto" | "exact" | "local" {
  const s = context.cohort.program.solver;
  return s === "exact" ? "exact" : s === "local" ? "local" : "auto";
}

/** Constraints that define the format (no repeated pair, locked pairs): never relaxed. */
const STRUCTURAL = new WeakSet<LinearConstraint>();
function structural(c: LinearConstraint): LinearConstraint {
  STRUCTURAL.add(c);
  return c;
}

/** One solve with the programme's engine and seed (the local search from `start` when given). */
async function solveOnce(model: ConstraintModel, context: MatchContext, options: MatchOptions, warnings: MatchWarning[], start?: Int32Array): Promise<ConstraintResult> {
  // The local search must end on its iteration budget, not the clock, for results to be
  // reproducible for a seed; the time limit is only a safety net (abort with `signal`).
  const common = {
    engine: engineOf(context), seed: context.cohort.program.seed, timeLimitMs: 120_000,
    ...(options.signal ? { signal: options.signal } : {}), ...(options.highs !== undefined ? { highs: options.highs } : {}),
    ...(start ? { start } : {}),
  };
  const result = await solveConstrained(model, common);
  warnHighsFallback(result, warnings);
  return result;
}

/**
 * The model with its relaxable hard constraints penalised instead (structural ones stay) and no
 * department rule; with `locks`, also its locked pairs penalised when missing instead of fixed
 * (the last resort, so a lock that cannot fit a group's sizes does not empty the whole result;
 * the format reports each lock not kept).
 */
function relaxModel(model: ConstraintModel, locks: boolean): ConstraintModel {
  const { distinct: _distinct, locked, ...rest } = model;
  const soft: LinearConstraint[] = locks ? (locked ?? []).map(([i, j]) => ({ name: `locked pair ${i}→${j}`, rows: [i], cols: [j], sense: ">=", rhs: 1, hard: false, penalty: 10 })) : [];
  return {
    ...rest, // the department rule is relaxed too; the report names who falls short
    ...(locked && !locks ? { locked } : {}),
    constraints: [...(model.constraints ?? []).map((c) => (c.hard === false || STRUCTURAL.has(c) ? c : { ...c, hard: false, penalty: 10 })), ...soft],
  };
}

/**
 * Reports an infeasible model after its relaxed solve: the constraints the diagnosis named, plus
 * the relaxed ones the shown result had to break (the diagnosis may name only a structural rule,
 * such as a locked pair, that conflicts with them), and which of them the result relaxes.
 */
function warnInfeasible(model: ConstraintModel, found: NonNullable<ConstraintResult["infeasibility"]>, shown: ConstraintResult, warnings: MatchWarning[]): NonNullable<ConstraintResult["infeasibility"]> {
  const relaxedNames = new Set((model.constraints ?? []).filter((c) => c.hard !== false && !STRUCTURAL.has(c)).map((c) => c.name));
  const broken = shown.violations.map((v) => v.name).filter((name) => relaxedNames.has(name));
  const infeasibility = { ...found, constraints: [...new Set([...found.constraints, ...broken])] };
  const relaxable = infeasibility.constraints.filter((name) => relaxedNames.has(name));
  warnings.push({
    code: "infeasible",
    message:
    `infeasible: ${infeasibility.message}` +
      (relaxable.length > 0
        ? `; the result below relaxes ${relaxable.join(", ")} (penalised, not enforced)`
        : "; size and capacity rules cannot be relaxed, so the result below may leave participants unmatched"),
  });
  return infeasibility;
}

/**
 * Solves a model, and when its hard constraints cannot all be met, solves it again with them
 * relaxed to soft (penalised) so the admin still sees the closest result — the report names the
 * constraints that could not be met.
 */
async function solveReported(model: ConstraintModel, context: MatchContext, options: MatchOptions, warnings: MatchWarning[], start?: Int32Array): Promise<{ result: ConstraintResult; infeasibility?: NonNullable<ConstraintResult["infeasibility"]> }> {
  const result = await solveOnce(model, context, options, warnings, start);
  if (result.status !== "infeasible") return { result };
  const second = await solveOnce(relaxModel(model, false), context, options, warnings, start);
  return { result: second, infeasibility: warnInfeasible(model, result.infeasibility!, second, warnings) };
}

/** Names each locked pair a relaxed (infeasible) solve could not keep. */
function warnLocksNotKept(context: MatchContext, locked: ReadonlyArray<readonly [number, number]>, rowToCol: Int32Array, warnings: MatchWarning[]): void {
  const { matrix } = context;
  for (const [i, j] of locked) {
    if (rowToCol[i] === j) continue;
    warnings.push({ code: "locked-pair-not-kept", message: `locked pair ${JSON.stringify(matrix.colIds[j])} → ${JSON.stringify(matrix.rowIds[i])} not kept: the programme's hard rules (group sizes, quotas) cannot all be met with it (see stats.infeasibility)` });
  }
}

/** Names the fallback once per result when HiGHS was wanted but could not be loaded. */
function warnHighsFallback(result: ConstraintResult, warnings: MatchWarning[]): void {
  if (result.highsError === undefined || warnings.some((w) => w.code === HIGHS_FALLBACK)) return;
  const bound = result.boundSource === "flow" ? "its own flow bound (no LP)" : "no optimality bound";
  warnings.push({ code: HIGHS_FALLBACK, message: `${HIGHS_FALLBACK}: ${result.highsError}; solved by local search with ${bound} instead of the HiGHS MIP solver` });
}

/** Start of the warning that says HiGHS was not available. */
const HIGHS_FALLBACK = "highs-unavailable" satisfies WarningCode;

type Solved = { result: ConstraintResult; infeasibility?: NonNullable<ConstraintResult["infeasibility"]>; optimal: boolean };

/**
 * Solves lexicographically, as the exact flow path does: first the most rows assigned under the
 * hard constraints (every allowed pair worth 1; soft constraints and cohesion left out), then the
 * best objective among solutions that assign that many. When the hard constraints cannot all be
 * met, they are reported and the relaxed model — side constraints penalised, then, only if that
 * is not enough, locked pairs too — is solved the same way, so the result still places as many as
 * it can.
 */
async function solveLexicographic(model: ConstraintModel, context: MatchContext, options: MatchOptions, warnings: MatchWarning[]): Promise<Solved> {
  const first = await mostThenBest(model, context, options, warnings);
  if (!("infeasible" in first)) return first;
  for (const locks of [false, true]) {
    const second = await mostThenBest(relaxModel(model, locks), context, options, warnings);
    if ("infeasible" in second) continue;
    return { result: second.result, infeasibility: warnInfeasible(model, first.infeasible, second.result, warnings), optimal: false };
  }
  const direct = await solveReported(model, context, options, warnings);
  return { ...direct, optimal: false };
}

/** The two phases of {@link solveLexicographic}, or the diagnosis when the first is infeasible. */
async function mostThenBest(model: ConstraintModel, context: MatchContext, options: MatchOptions, warnings: MatchWarning[]): Promise<Solved | { infeasible: NonNullable<ConstraintResult["infeasibility"]> }> {
  // Each allowed pair is worth 1, plus a tie-break by score worth less than 1 in total, so the
  // counting solution is also a good start for the local search of the second phase.
  let lo = Infinity, hi = -Infinity;
  const given = model.score as ArrayLike<number>;
  for (let t = 0; t < given.length; t++) {
    const v = given[t]!;
    if (v !== -Infinity) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
  }
  const tie = 1 / ((hi > lo ? hi - lo : 1) * (model.rows + 1));
  const score = Float64Array.from(model.score as ArrayLike<number>, (v) => (v === -Infinity ? v : 1 + (v - lo) * tie));
  const hard = (model.constraints ?? []).filter((c) => c.hard !== false);
  const { cohesion: _cohesion, ...rest } = model;
  const counting = await solveOnce({ ...rest, score, constraints: hard }, context, options, []);
  if (counting.status === "infeasible") return { infeasible: counting.infeasibility! };
  if (!counting.feasible) {
    const direct = await solveReported(model, context, options, warnings);
    return { ...direct, optimal: false };
  }
  const most = counting.rowToCol.reduce((c, j) => c + (j >= 0 ? 1 : 0), 0);
  // The local search starts from the counting solution, which already meets "most matched".
  const final = await solveReported({ ...model, constraints: [...(model.constraints ?? []), { name: "most matched", sense: ">=", rhs: most, hard: true }] }, context, options, warnings, counting.rowToCol);
  return { ...final, optimal: final.result.optimal && counting.optimal };
}

/** Runs an asynchronous solve as the pipeline's "solve" stage: progress, abort check, timing. */
async function solving<T>(context: MatchContext, options: MatchOptions, run: () => Promise<T>): Promise<T> {
  checkAbort(options);
  options.onProgress?.("solve", 0, 1);
  const t0 = performance.now();
  const out = await run();
  context.timings.solve += performance.now() - t0;
  options.onProgress?.("solve", 1, 1);
  return out;
}

/** One-on-one or reverse with programme quotas (or `solver: "constraint" | "local"`). */
export async function solveQuotaPairs(context: MatchContext, stage: StageRunner, warnings: MatchWarning[], options: MatchOptions = {}): Promise<FormatResult> {
  const { matrix } = context;
  const problem = pairProblem(context);
  const mentees = menteesOf(context);
  const mentors = mentorsOf(context);
  const constraints: LinearConstraint[] = quotaConstraints(context, mentees, mentors);
  mentors.forEach((m, j) => {
    if (m.minCapacity > 0) constraints.push({ name: `minimum load of ${m.id}`, cols: [j], sense: ">=", rhs: m.minCapacity, hard: false, penalty: 1 });
  });
  const weights = eligibleScores(matrix);
  const base: ConstraintModel = {
    rows: matrix.rows,
    cols: matrix.cols,
    score: weights,
    colUpper: problem.capacity,
    locked: matrix.locked,
    constraints,
  };
  const { result, infeasibility, optimal } = await solving(context, options, () => solveLexicographic(base, context, options, warnings));
  warnLocksNotKept(context, matrix.locked, result.rowToCol, warnings);
  const load = new Int32Array(matrix.cols);
  for (const j of result.rowToCol) if (j >= 0) load[j]!++;
  const unmetMinimum: number[] = [];
  mentors.forEach((m, j) => {
    if (load[j]! < m.minCapacity) unmetMinimum.push(j);
  });
  const solution: PairSolution = { rowToCol: result.rowToCol, load, unmetMinimum, threshold: null, solver: `constraint/${result.engine}`, optimal };
  context.problem = problem;
  context.solution = solution;
  const out = stage("report", () => reportPairs(context, problem, solution, warnings, false));
  Object.assign(out.stats, constraintStats(result, infeasibility));
  return out;
}

/** The constraint solver's figures for a result's stats. */
function constraintStats(r: ConstraintResult, infeasibility?: ConstraintResult["infeasibility"]): ConstraintStats {
  return {
    engine: r.engine,
    status: infeasibility ? "infeasible" : r.status,
    gap: r.gap,
    bound: r.bound,
    seed: r.seed,
    softViolations: r.violations.map((v) => ({ ...v })),
    ...(infeasibility ? { infeasibility: { constraints: infeasibility.constraints, message: infeasibility.message, proven: infeasibility.proven } } : {}),
  };
}

/** Dispatches the formats that need more than one exact assignment. */
export async function solveAdvancedFormat(context: MatchContext, stage: StageRunner, warnings: MatchWarning[], options: MatchOptions): Promise<FormatResult> {
  const format = context.cohort.program.format;
  if (format === "group") return solveGroups(context, stage, warnings, options);
  return solveRotation(context, stage, warnings, options);
}

// ---------------------------------------------------------------------------------------------
// Group format

/**
 * Start cells of runs of `length` free cells in participant `p`'s weekly grid (wrapping at the
 * week's end). The encoded grid is word-major: word w of participant p is `grid[w * size + p]`.
 */
function meetingStarts(grid: Uint32Array, size: number, p: number, length: number): number[] {
  const free = (c: number) => {
    const cell = ((c % WEEK_CELLS) + WEEK_CELLS) % WEEK_CELLS;
    return (grid[(cell >>> 5) * size + p]! >>> (cell & 31)) & 1;
  };
  const out: number[] = [];
  for (let s = 0; s < WEEK_CELLS; s++) {
    let ok = true;
    for (let t = 0; t < length && ok; t++) if (!free(s + t)) ok = false;
    if (ok) out.push(s);
  }
  return out;
}

function describeCell(cell: number): string {
  const day = Math.floor(cell / (1440 / CELL_MINUTES));
  const minute = (cell % (1440 / CELL_MINUTES)) * CELL_MINUTES;
  return `${DAY_NAMES[day]} ${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")} UTC`;
}

/** Pair scores between the given participants (indices into the cohort), any eligibility. */
async function peerScores(context: MatchContext, people: Participant[], options: MatchOptions): Promise<CompatibilityMatrix> {
  const sub = adoptParsedCohort({ program: { ...context.cohort.program, format: "peer" as const }, participants: people });
  const { signal, onProgress } = options;
  // Reported as a second "score" pass (rows done of mentees); its encoding is part of it.
  const progress = onProgress && ((stage: "encode" | "score", done: number, total: number) => stage === "score" && onProgress(stage, done, total));
  const steps = scoreMatrixSteps(sub, { side: "peer", custom: context.custom, ...(signal ? { signal } : {}), ...(progress ? { onProgress: progress } : {}) });
  return runStepsAsync(steps, { signal });
}

async function solveGroups(context: MatchContext, stage: StageRunner, warnings: MatchWarning[], options: MatchOptions): Promise<FormatResult> {
  const { cohort, matrix } = context;
  const program = cohort.program;
  const group = program.group!;
  const mentorless = group.mentorless;
  const people = mentorless ? cohort.participants : menteesOf(context);
  const mentors = mentorless ? [] : mentorsOf(context);
  const n = people.length;
  const scoredAt = performance.now();
  const peer = n > 1 ? await peerScores(context, people, options) : null;
  context.timings.score += performance.now() - scoredAt;
  const peerIndex = (i: number) => peer!.rowIndex.get(people[i]!.id)!;

  const cols = mentorless ? Math.max(1, Math.ceil(n / group.size.max)) : matrix.cols;
  const score = mentorless ? new Float64Array(n * cols) : eligibleScores(matrix);
  const colUpper = mentorless ? new Int32Array(cols).fill(group.size.max) : Int32Array.from(mentors, (m) => Math.min(group.size.max, m.capacity));
  const colLower = new Int32Array(cols).fill(group.size.min);
  // A mentor with fewer seats than the smallest group cannot lead one.
  const tooSmall: string[] = [];
  for (let j = 0; j < cols; j++) {
    if (colUpper[j]! < colLower[j]!) {
      colUpper[j] = 0;
      colLower[j] = 0;
      tooSmall.push(mentors[j]!.id);
    }
  }
  if (tooSmall.length) warnings.push({ code: "group-seats-below-minimum", message: `${tooSmall.length} mentor(s) have fewer seats than group.size.min (${group.size.min}) and lead no group: ${tooSmall.slice(0, 5).join(", ")}${tooSmall.length > 5 ? ", …" : ""}` });

  // Cohesion: every mentee pair for small cohorts, else each mentee's 10 most compatible peers.
  const cohesionAt = performance.now();
  const pairs: number[] = [];
  const weight: number[] = [];
  // Symmetric peer compatibility in `people` order: mean of the two directions.
  const mutual = new Float64Array(peer ? n * n : 0);
  // Both O(n²) passes below give the host's event loop a turn between rows when a slice is over.
  const clock = new SliceClock(options.signal);
  if (peer) {
    const at = Int32Array.from(people, (_, i) => peerIndex(i));
    const mutualRow = (a: number) => {
      const pa = at[a]!;
      for (let b = a + 1; b < n; b++) {
        const pb = at[b]!;
        const v = (peer.scores[pa * peer.cols + pb]! + peer.scores[pb * peer.cols + pa]!) / 2;
        mutual[a * n + b] = v;
        mutual[b * n + a] = v;
      }
    };
    for (let a = 0; a < n; a++) {
      mutualRow(a);
      if (clock.due()) await clock.pause();
    }
  }
  if (peer && group.cohesionWeight > 0) {
    const all = n <= 60;
    const L = 10;
    const seen = new Set<number>();
    const add = (a: number, b: number) => {
      const lo = Math.min(a, b);
      const hi = Math.max(a, b);
      const key = lo * n + hi;
      if (seen.has(key)) return;
      seen.add(key);
      pairs.push(lo, hi);
      weight.push(group.cohesionWeight * mutual[key]!);
    };
    const topB = new Int32Array(L);
    const topV = new Float64Array(L);
    for (let a = 0; a < n; a++) {
      if (all) {
        for (let b = 0; b < n; b++) if (b !== a) add(a, b);
        continue;
      }
      // Keep the L best peers in a small sorted buffer (ties by index), one pass over the row.
      let size = 0;
      for (let b = 0; b < n; b++) {
        if (b === a) continue;
        const v = mutual[a * n + b]!;
        if (size === L && v <= topV[L - 1]!) continue;
        let k = size < L ? size++ : L - 1;
        while (k > 0 && topV[k - 1]! < v) {
          topV[k] = topV[k - 1]!;
          topB[k] = topB[k - 1]!;
          k--;
        }
        topV[k] = v;
        topB[k] = b;
      }
      for (let k = 0; k < size; k++) add(a, topB[k]!);
      if (clock.due()) await clock.pause();
    }
    if (!all) warnings.push({ code: "cohesion-partial", message: `cohesion counts each member's ${L} most compatible peers (cohort of ${n} is too large for all pairs)` });
  }
  context.timings.score += performance.now() - cohesionAt;

  const constraints: LinearConstraint[] = [];
  const allCols = Array.from({ length: cols }, (_, j) => j);
  for (const mix of group.mix) {
    const values = new Map<string, number[]>();
    people.forEach((p, i) => {
      const v = fieldValue(p, mix.field);
      if (v === undefined) return;
      const vals = Array.isArray(v) ? v : [v];
      for (const x of vals) {
        if (mix.equals !== undefined && x !== mix.equals) continue;
        const key = `${typeof x}:${String(x)}`;
        const list = values.get(key) ?? [];
        list.push(i);
        values.set(key, list);
      }
    });
    const label = mix.name ?? `${mix.field}${mix.equals !== undefined ? `=${String(mix.equals)}` : ""}`;
    for (const [key, rows] of [...values].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
      const base = { rows, cols: allCols, perCol: true, hard: mix.hard, ...(mix.hard ? {} : { penalty: mix.penalty }) };
      const name = mix.equals !== undefined ? label : `${label} (${key.slice(key.indexOf(":") + 1)})`;
      if (mix.maxPerGroup !== undefined) constraints.push({ ...base, name: `${name}: at most ${mix.maxPerGroup} per group`, sense: "<=", rhs: mix.maxPerGroup });
      if (mix.minPerGroup !== undefined && mix.equals !== undefined) constraints.push({ ...base, name: `${name}: at least ${mix.minPerGroup} per group`, sense: ">=", rhs: mix.minPerGroup });
    }
    if (mix.minPerGroup !== undefined && mix.equals === undefined) warnings.push({ code: "group-mix-ignored", message: `group mix ${label}: minPerGroup needs "equals" and was ignored` });
  }
  if (!mentorless) constraints.push(...quotaConstraints(context, people, mentors));

  let commonSlot: ConstraintModel["commonSlot"];
  let starts: number[][] = [];
  let mentorStarts: number[][] = [];
  if (group.requireCommonSlot) {
    const length = Math.ceil(program.criteria.availability.minutesPerMeeting / CELL_MINUTES);
    const startsOf = (enc: EncodedCohort, idx: number) => meetingStarts(enc.grid, enc.size, idx, length);
    starts = people.map((p) => (peer ? startsOf(peer.encoded, peer.rowParticipants[peerIndex(people.indexOf(p))]!) : []));
    if (!peer) starts = people.map(() => []);
    mentorStarts = mentors.map((_, j) => startsOf(matrix.encoded, matrix.colParticipants[j]!));
    commonSlot = { rowSlots: starts, ...(mentorless ? {} : { colSlots: mentorStarts }) };
  }

  const model: ConstraintModel = {
    rows: n,
    cols,
    score,
    colLower,
    colUpper,
    colOptional: true,
    // Nobody is forced in: when sizes do not divide the cohort, the optimum leaves the fewest out.
    rowMustAssign: false,
    ...(pairs.length ? { cohesion: { pairs: Int32Array.from(pairs), weight: Float64Array.from(weight) } } : {}),
    ...(constraints.length ? { constraints } : {}),
    ...(commonSlot ? { commonSlot } : {}),
    ...(!mentorless && matrix.locked.length ? { locked: matrix.locked } : {}),
  };
  const { result, infeasibility, optimal } = await solving(context, options, () => solveLexicographic(model, context, options, warnings));
  if (!mentorless) warnLocksNotKept(context, matrix.locked, result.rowToCol, warnings);
  return stage("report", () => {
    const members: number[][] = Array.from({ length: cols }, () => []);
    result.rowToCol.forEach((j, i) => {
      if (j >= 0) members[j]!.push(i);
    });
    const matches: Match[] = [];
    members.forEach((rows, j) => {
      if (rows.length === 0) return;
      rows.sort((a, b) => (people[a]!.id < people[b]!.id ? -1 : 1));
      const memberScores: MemberScore[] = mentorless
        ? []
        : rows.map((i) => {
            const e = explainPair(matrix, i, j, { messages: context.messages });
            return { mentorId: matrix.colIds[j]!, menteeId: matrix.rowIds[i]!, score: matrix.scores[i * matrix.cols + j]!, breakdown: e.breakdown, reasons: e.reasons };
          });
      let cohesionSum = 0;
      let cohesionCount = 0;
      if (peer) {
        for (let x = 0; x < rows.length; x++) {
          for (let y = x + 1; y < rows.length; y++) {
            cohesionSum += mutual[rows[x]! * n + rows[y]!]!;
            cohesionCount++;
          }
        }
      }
      const cohesion = cohesionCount ? cohesionSum / cohesionCount : 0;
      const reasons: Reason[] = [];
      if (group.requireCommonSlot || starts.length) {
        const sets = rows.map((i) => new Set(starts[i]));
        const candidates = mentorless ? starts[rows[0]!] ?? [] : mentorStarts[j] ?? [];
        const common = candidates.find((c) => sets.every((s) => s.has(c)));
        if (common !== undefined) reasons.push(makeReason("group-common-slot", { members: rows.length + (mentorless ? 0 : 1), slot: describeCell(common) }, context.messages));
      }
      const goalCount = new Map<string, number>();
      for (const i of rows) for (const g of new Set(people[i]!.goals ?? [])) goalCount.set(g, (goalCount.get(g) ?? 0) + 1);
      const shared = [...goalCount].filter(([, c]) => c >= 2).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
      if (shared.length) reasons.push(makeReason("group-shared-goals", { goals: shared.slice(0, 3).map(([g]) => g), counts: shared.slice(0, 3).map(([, c]) => c) }, context.messages));
      if (cohesionCount) reasons.push(makeReason("group-cohesion", { cohesion }, context.messages));
      const mean = mentorless ? cohesion : memberScores.reduce((s, m) => s + m.score, 0) / memberScores.length;
      const best = memberScores.slice().sort((a, b) => b.score - a.score)[0];
      matches.push({
        mentorIds: mentorless ? [] : [matrix.colIds[j]!],
        menteeIds: rows.map((i) => people[i]!.id),
        score: mean,
        breakdown: best ? best.breakdown : {},
        reasons: [...reasons, ...(best ? best.reasons.slice(0, 2) : [])],
        members: memberScores,
      });
    });
    matches.sort(byMentorThenMentee);
    const unmatched: Unmatched[] = [];
    const loads = members.map((r) => r.length);
    const matchedCount = result.rowToCol.reduce((s, j) => s + (j >= 0 ? 1 : 0), 0);
    result.rowToCol.forEach((j, i) => {
      if (j >= 0) return;
      if (mentorless) {
        unmatched.push({ id: people[i]!.id, role: "peer", code: "no-circle", message: "could not be placed in a circle within the size and slot rules", detail: { candidates: cols, eligible: cols, excludedBy: {} } });
        return;
      }
      const reason = groupReason(i, { eligible: matrix.eligible, cols, loads, colUpper, colIds: matrix.colIds, sizeMin: group.size.min, ruled: constraints.some((c) => c.hard !== false) || commonSlot !== undefined, ...(infeasibility && matchedCount === 0 ? { infeasible: infeasibility.message } : {}) });
      unmatched.push(explainUnmatched({ id: matrix.rowIds[i]!, role: "mentee", view: matrix, index: i, axis: "row", selfIndex: matrix.colIndex.get(matrix.rowIds[i]!) ?? -1, partnerWord: "mentor", partnerIds: matrix.colIds, full: (t) => loads[t]! >= colUpper[t]!, ...(reason ? { reason } : {}) }));
    });
    const matchable = mentorless ? n : matchableRows(matrix);
    const stats: GroupStats = {
      ...summarise(matches.map((m) => m.score), { matchedMentees: matchedCount, matchable, solver: `constraint/${result.engine}`, optimal, objective: "groupTotal", blockingPairs: null }),
      groups: matches.length,
      objectiveValue: result.objective,
      ...constraintStats(result, infeasibility),
    };
    const out: GroupFormatResult = { format: "group", matches, unmatched, stats, warnings };
    return out;
  });
}

/**
 * Why an eligible mentee has no group, when "at capacity" is not the whole truth: the grouping
 * was infeasible; some eligible mentors lead no group (it would need `sizeMin` members); or some
 * have room, but a hard group rule (mix, common slot, quota) keeps this mentee out.
 */
function groupReason(i: number, g: { eligible: Uint8Array; cols: number; loads: number[]; colUpper: Int32Array; colIds: readonly string[]; sizeMin: number; ruled: boolean; infeasible?: string }): { code: UnmatchedCode; message: string } | undefined {
  if (g.infeasible !== undefined) return { code: "groups-infeasible", message: `no grouping meets every hard group rule, so nobody was placed: ${g.infeasible}` };
  const list = (ids: string[]) => ids.slice(0, 5).join(", ") + (ids.length > 5 ? ", …" : "");
  const full: string[] = [], notFormed: string[] = [], room: string[] = [];
  for (let t = 0; t < g.cols; t++) {
    if (!g.eligible[i * g.cols + t]) continue;
    const id = g.colIds[t]!;
    if (g.colUpper[t] === 0 || (g.loads[t]! > 0 && g.loads[t]! >= g.colUpper[t]!)) full.push(id);
    else if (g.loads[t] === 0) notFormed.push(id);
    else room.push(id);
  }
  if (notFormed.length === 0 && room.length === 0) return undefined; // all full: "at capacity" is true
  const parts: string[] = [];
  if (full.length) parts.push(`${full.length} eligible mentor(s) have no free seat (${list(full)})`);
  if (notFormed.length) parts.push(`${notFormed.length} lead no group (${list(notFormed)}): a group needs at least ${g.sizeMin} members, and the solver found no way to form one that places more mentees overall`);
  if (room.length) parts.push(`${room.length} have room (${list(room)}) but ${g.ruled ? "adding this mentee would break a hard group rule (mix, common slot or quota)" : "the solver's search did not place this mentee there"}`);
  return { code: room.length ? "group-rule" : "group-not-formed", message: parts.join("; ") };
}

function checkAbort(options: MatchOptions): void {
  throwIfAborted(options.signal);
}

// ---------------------------------------------------------------------------------------------
// Rotational format

/**
 * R rounds without repeats, exactly: the best set of meetings where each mentee meets at most R
 * distinct mentors and mentor j at most R · capacity_j mentees is a bipartite b-matching; split
 * each mentor into `capacity` copies of degree ≤ R and colour the edges with R colours (König),
 * which gives R rounds with mentor loads ≤ capacity per round. So the joint optimum is reached
 * in polynomial time. With `minDepartments`, that optimum is the upper bound; the rounds are then
 * solved jointly by the constraint solver when the model is small enough, else round by round.
 */
async function solveRotation(context: MatchContext, stage: StageRunner, warnings: MatchWarning[], options: MatchOptions): Promise<FormatResult> {
  const { cohort, matrix } = context;
  const program = cohort.program;
  const R = program.rotation!.rounds;
  const minDepartments = program.rotation!.minDepartments;
  const mentors = mentorsOf(context);
  const capacity = Int32Array.from(mentors, (m) => m.capacity);
  const n = matrix.rows;
  const m = matrix.cols;

  const joint = stage("solve", () => jointRounds(matrix, capacity, R));
  warnLockedDropped(context, joint.dropped, `${R} round${R === 1 ? "" : "s"} and the mentor's capacity`, warnings);
  const droppedKeys = new Set(joint.dropped.map(([i, j]) => i * m + j));
  // Locked pairs every path keeps: each exactly once, in some round.
  const locked = dedupePairs(matrix.locked.filter(([i, j]) => !droppedKeys.has(i * m + j)), m);
  const bound = joint.total;
  let rounds = joint.rounds;
  let solver = "b-matching+edge-colouring";
  let optimal = true;
  let constraintResult: ConstraintResult | undefined;
  let infeasibility: ConstraintResult["infeasibility"];

  const departmentOf = mentors.map((p) => p.department);
  const departmentsMet = (rs: Array<Array<[number, number]>>) => {
    const met = Array.from({ length: n }, () => new Set<string>());
    for (const r of rs) for (const [i, j] of r) if (departmentOf[j] !== undefined) met[i]!.add(departmentOf[j]);
    return met;
  };
  const target = minDepartments === undefined ? null : departmentTargets(matrix, departmentOf, R, minDepartments);
  /** Mentees who meet someone but fewer departments than their target. */
  const shortOf = (rs: Array<Array<[number, number]>>) => {
    if (!target) return [];
    const met = departmentsMet(rs);
    const meets = new Int32Array(n);
    for (const r of rs) for (const [i] of r) meets[i]!++;
    const out: number[] = [];
    for (let i = 0; i < n; i++) if (meets[i]! > 0 && met[i]!.size < target[i]!) out.push(i);
    return out;
  };
  const solveJointly = async () => {
    const out = await solving(context, options, () => jointConstrained(context, R, target, capacity, locked, options, warnings));
    rounds = out.rounds;
    constraintResult = out.result;
    infeasibility = out.infeasibility;
    solver = `constraint/${out.result.engine}`;
    optimal = out.optimal;
  };
  if (program.quotas.length > 0) {
    // Quotas hold in every round: solve the rounds jointly with the constraint solver.
    await solveJointly();
  } else if (target) {
    if (shortOf(rounds).length > 0) {
      const mode = program.rotation!.mode;
      const modelSize = n * R * m * R;
      if (mode === "joint" || (mode === "auto" && modelSize <= 250_000)) {
        await solveJointly();
      } else {
        rounds = stage("solve", () => sequentialRounds(context, R, capacity, locked, target));
        solver = "sequential-min-cost-flow";
        optimal = false;
      }
    }
  } else if (program.rotation!.mode === "sequential") {
    rounds = stage("solve", () => sequentialRounds(context, R, capacity, locked, null));
    solver = "sequential-min-cost-flow";
    optimal = false;
  }

  return stage("report", () => {
    const roundMatches = timetableMatches(context, rounds);
    const matches = roundMatches.flat();
    const total = matches.reduce((s, x) => s + x.score, 0);
    const met = new Int32Array(n);
    for (const r of rounds) for (const [i] of r) met[i]!++;
    const unmatched: Unmatched[] = [];
    for (let i = 0; i < n; i++) {
      if (met[i]! > 0) continue;
      unmatched.push(explainUnmatched({ id: matrix.rowIds[i]!, role: "mentee", view: matrix, index: i, axis: "row", selfIndex: matrix.colIndex.get(matrix.rowIds[i]!) ?? -1, partnerWord: "mentor", partnerIds: matrix.colIds, full: () => true }));
    }
    if (minDepartments !== undefined && target) {
      const deps = departmentsMet(rounds);
      // Mentees short of their target are all named (the rule is broken for them); the merely limited, five at most.
      const list = (rows: number[], limit = 5) => rows.slice(0, limit).map((i) => `${matrix.rowIds[i]} (${deps[i]!.size})`).join(", ") + (rows.length > limit ? ", …" : "");
      const want = Math.min(minDepartments, R);
      const limited = [...Array(n).keys()].filter((i) => met[i]! > 0 && deps[i]!.size < want && deps[i]!.size >= target[i]!);
      const short = shortOf(rounds);
      if (R < minDepartments) warnings.push({ code: "departments-above-rounds", message: `minDepartments is ${minDepartments} but there are only ${R} round(s): at most ${R} department(s) per mentee` });
      if (limited.length) warnings.push({ code: "departments-limited", message: `${limited.length} mentee(s) meet fewer than ${want} departments because their eligible mentors come from fewer departments: ${list(limited)}` });
      if (short.length) {
        optimal = false;
        const cause = solver === "sequential-min-cost-flow"
          ? "the round-by-round solve (used for cohorts too large to solve jointly) found no free seat with an eligible mentor from another department in a round they were free"
          : "the department rule could not be kept together with the other hard rules and was relaxed (see stats.infeasibility)";
        warnings.push({ code: "departments-short", message: `${short.length} mentee(s) meet fewer departments than their eligible mentors allow (${want} wanted): ${list(short, short.length)}; ${cause}` });
      }
    }
    const stats: RotationalStats = {
      ...summarise(matches.map((x) => x.score), { matchedMentees: met.reduce((s, v) => s + (v > 0 ? 1 : 0), 0), matchable: matchableRows(matrix), solver, optimal, objective: "maxTotal", blockingPairs: null }),
      rounds: R,
      jointBound: bound,
      gapToJointBound: bound > 0 ? (bound - total) / bound : 0,
      ...(constraintResult ? constraintStats(constraintResult, infeasibility) : {}),
    };
    const out: RotationalFormatResult = { format: "rotational", matches, rounds: roundMatches, unmatched, stats, warnings };
    return out;
  });
}

/**
 * Per mentee, how many departments `minDepartments` asks for: min(minDepartments, R, the number of
 * departments among the mentee's eligible mentors) — the rule holds wherever it can.
 */
function departmentTargets(matrix: { rows: number; cols: number; eligible: Uint8Array }, departmentOf: ReadonlyArray<string | undefined>, R: number, minDepartments: number): Int32Array {
  const target = new Int32Array(matrix.rows);
  for (let i = 0; i < matrix.rows; i++) {
    const seen = new Set<string>();
    for (let j = 0; j < matrix.cols; j++) if (matrix.eligible[i * matrix.cols + j] && departmentOf[j] !== undefined) seen.add(departmentOf[j]!);
    target[i] = Math.min(minDepartments, R, seen.size);
  }
  return target;
}

/**
 * Exact joint rounds without department rules: b-matching + König colouring of mentor copies.
 * Locked pairs are kept (each in some round) while the mentee has rounds and the mentor seats
 * (R × capacity) left; the others are returned in `dropped`.
 */
export function jointRounds(matrix: { rows: number; cols: number; scores: Float64Array; eligible: Uint8Array; locked?: ReadonlyArray<readonly [number, number]> }, capacity: Int32Array, R: number): { rounds: Array<Array<[number, number]>>; total: number; dropped: Array<[number, number]> } {
  const { rows: n, cols: m } = matrix;
  const b = lockedBMatching(matrix, new Int32Array(n).fill(R), Int32Array.from(capacity, (c) => c * R), matrix.locked ?? []);
  return { rounds: colourRounds(n, m, capacity, R, b.edges), total: b.total, dropped: b.dropped };
}

/**
 * Splits meetings (mentee degree ≤ R, mentor degree ≤ R × capacity) into R rounds with mentor
 * loads ≤ capacity per round: mentor j becomes capacity_j copies, its edges dealt round-robin so
 * each copy has degree ≤ R, and a König edge colouring with R colours gives the rounds.
 */
function colourRounds(n: number, m: number, capacity: Int32Array, R: number, pairs: ReadonlyArray<readonly [number, number]>): Array<Array<[number, number]>> {
  const copyStart = new Int32Array(m + 1);
  for (let j = 0; j < m; j++) copyStart[j + 1] = copyStart[j]! + Math.max(1, capacity[j]!);
  const dealt = new Int32Array(m);
  const edges: Array<[number, number]> = pairs.map(([i, j]) => {
    const copies = Math.max(1, capacity[j]!);
    const c = copyStart[j]! + (dealt[j]!++ % copies);
    return [i, c];
  });
  const { color } = colorBipartiteEdges(n, copyStart[m]!, edges);
  const rounds: Array<Array<[number, number]>> = Array.from({ length: R }, () => []);
  pairs.forEach((e, k) => rounds[color[k]!]!.push([e[0], e[1]]));
  return rounds;
}

/** Each `[row, col]` pair once, in first-seen order. */
function dedupePairs(pairs: ReadonlyArray<readonly [number, number]>, cols: number): Array<[number, number]> {
  const seen = new Set<number>();
  const out: Array<[number, number]> = [];
  for (const [i, j] of pairs) {
    if (seen.has(i * cols + j)) continue;
    seen.add(i * cols + j);
    out.push([i, j]);
  }
  return out;
}

/**
 * Round by round, each an exact capacitated assignment with earlier partners excluded. Locked
 * pairs (mentee degree ≤ R, mentor degree ≤ R × capacity) are spread over the rounds first by an
 * edge colouring and fixed in their round. With department targets, a round admits only mentors
 * from departments the mentee has not met once the remaining rounds are just enough to reach its
 * target; afterwards a mentee who meets someone but still falls short gets a meeting with a
 * mentor from a new department added in a round it is free, or swapped for one of its meetings
 * in a department it met twice, where such a mentor has a free seat.
 */
function sequentialRounds(context: MatchContext, R: number, capacity: Int32Array, locked: ReadonlyArray<readonly [number, number]>, target: Int32Array | null): Array<Array<[number, number]>> {
  const { matrix } = context;
  const n = matrix.rows;
  const m = matrix.cols;
  const mentors = mentorsOf(context);
  const eligible = Uint8Array.from(matrix.eligible);
  const lockedRounds = colourRounds(n, m, capacity, R, locked);
  for (const [i, j] of locked) eligible[i * m + j] = 0; // met only in the round it is fixed to
  const met = Array.from({ length: n }, () => new Set<string>());
  const rounds: Array<Array<[number, number]>> = [];
  for (let r = 0; r < R; r++) {
    const roundEligible = Uint8Array.from(eligible);
    if (target) {
      for (let i = 0; i < n; i++) {
        const need = target[i]! - met[i]!.size;
        if (need <= 0 || need < R - r) continue;
        let any = false;
        for (let j = 0; j < m && !any; j++) {
          const d = mentors[j]!.department;
          if (eligible[i * m + j] && d !== undefined && !met[i]!.has(d)) any = true;
        }
        if (!any) continue;
        for (let j = 0; j < m; j++) {
          const d = mentors[j]!.department;
          if (d === undefined || met[i]!.has(d)) roundEligible[i * m + j] = 0;
        }
      }
    }
    const sol = solvePairs({ rows: n, cols: m, scores: matrix.scores, eligible: roundEligible, capacity, minimum: new Int32Array(m), priority: new Uint8Array(n), locked: lockedRounds[r]! }, "maxTotal");
    const pairs: Array<[number, number]> = [];
    sol.rowToCol.forEach((j, i) => {
      if (j < 0) return;
      pairs.push([i, j]);
      eligible[i * m + j] = 0;
      const d = mentors[j]!.department;
      if (d !== undefined) met[i]!.add(d);
    });
    rounds.push(pairs);
  }
  if (target) repairDepartments(matrix, mentors.map((p) => p.department), capacity, rounds, target, locked);
  return rounds;
}

/** The add-or-swap repair of {@link sequentialRounds}, in place. */
function repairDepartments(matrix: { rows: number; cols: number; scores: Float64Array; eligible: Uint8Array }, departmentOf: ReadonlyArray<string | undefined>, capacity: Int32Array, rounds: Array<Array<[number, number]>>, target: Int32Array, locked: ReadonlyArray<readonly [number, number]>): void {
  const { rows: n, cols: m } = matrix;
  const R = rounds.length;
  const at = new Int32Array(n * R).fill(-1); // mentor of mentee i in round r
  const load = new Int32Array(m * R);
  rounds.forEach((pairs, r) => { for (const [i, j] of pairs) { at[i * R + r] = j; load[r * m + j]!++; } });
  const isLocked = new Set(locked.map(([i, j]) => i * m + j));
  for (let i = 0; i < n; i++) {
    const count = new Map<string, number>();
    const partners = new Set<number>();
    let meets = 0;
    for (let r = 0; r < R; r++) {
      const j = at[i * R + r]!;
      if (j < 0) continue;
      meets++;
      partners.add(j);
      const d = departmentOf[j];
      if (d !== undefined) count.set(d, (count.get(d) ?? 0) + 1);
    }
    if (meets === 0) continue;
    // Best free mentor from a department i has not met, in round r (or −1).
    const fresh = (r: number): number => {
      let best = -1;
      for (let j = 0; j < m; j++) {
        const d = departmentOf[j];
        if (!matrix.eligible[i * m + j] || d === undefined || count.has(d) || partners.has(j) || load[r * m + j]! >= capacity[j]!) continue;
        if (best < 0 || matrix.scores[i * m + j]! > matrix.scores[i * m + best]!) best = j;
      }
      return best;
    };
    for (let r = 0; r < R && count.size < target[i]!; r++) {
      const old = at[i * R + r]!;
      if (old >= 0) {
        const d = departmentOf[old];
        // Swap only a meeting whose department stays covered, and never a locked one.
        if (isLocked.has(i * m + old) || (d !== undefined && count.get(d)! < 2)) continue;
      }
      const j = fresh(r);
      if (j < 0) continue;
      if (old >= 0) {
        load[r * m + old]!--;
        partners.delete(old);
        const d = departmentOf[old];
        if (d !== undefined) count.set(d, count.get(d)! - 1);
      }
      at[i * R + r] = j;
      load[r * m + j]!++;
      partners.add(j);
      count.set(departmentOf[j]!, 1);
    }
  }
  for (let r = 0; r < R; r++) {
    const pairs: Array<[number, number]> = [];
    for (let i = 0; i < n; i++) if (at[i * R + r]! >= 0) pairs.push([i, at[i * R + r]!]);
    rounds[r] = pairs;
  }
}

/**
 * Joint rounds through the constraint solver: no repeats, programme quotas in every round, and
 * (with minDepartments) a per-department cap that guarantees it.
 */
async function jointConstrained(context: MatchContext, R: number, target: Int32Array | null, capacity: Int32Array, locked: ReadonlyArray<readonly [number, number]>, options: MatchOptions, warnings: MatchWarning[]) {
  const { matrix } = context;
  const n = matrix.rows;
  const m = matrix.cols;
  const mentors = mentorsOf(context);
  const rows = n * R;
  const cols = m * R;
  const score = new Float64Array(rows * cols).fill(-Infinity);
  for (let r = 0; r < R; r++) {
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < m; j++) {
        const k = i * m + j;
        if (matrix.eligible[k]) score[(r * n + i) * cols + (r * m + j)] = matrix.scores[k]!;
      }
    }
  }
  const constraints: LinearConstraint[] = [];
  const roundsOf = (base: number, count: number, idx: number) => Array.from({ length: R }, (_, r) => r * count + idx + base);
  const isLocked = new Set(locked.map(([i, j]) => i * m + j));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      if (!matrix.eligible[i * m + j]) continue;
      // A locked pair meets exactly once, in whichever round suits the rest.
      if (isLocked.has(i * m + j)) constraints.push(structural({ name: `locked ${matrix.rowIds[i]}–${matrix.colIds[j]}`, rows: roundsOf(0, n, i), cols: roundsOf(0, m, j), sense: "=", rhs: 1 }));
      else constraints.push(structural({ name: `no repeat ${matrix.rowIds[i]}–${matrix.colIds[j]}`, rows: roundsOf(0, n, i), cols: roundsOf(0, m, j), sense: "<=", rhs: 1 }));
    }
  }
  // minDepartments: each mentee's rounds form a group whose mentors, when it meets anyone, span
  // at least target_i departments (indicator variables in the MIP, a counted rule in local search).
  let distinct: ConstraintModel["distinct"];
  if (target) {
    const index = new Map<string, number>();
    const classOf = Array.from({ length: cols }, (_, c) => {
      const d = mentors[c % m]!.department;
      if (d === undefined) return -1;
      if (!index.has(d)) index.set(d, index.size);
      return index.get(d)!;
    });
    const groups: Array<{ name: string; rows: number[]; min: number }> = [];
    for (let i = 0; i < n; i++) if (target[i]! >= 1) groups.push({ name: `${matrix.rowIds[i]}: at least ${target[i]} departments`, rows: roundsOf(0, n, i), min: target[i]! });
    if (groups.length) distinct = { classOf, groups };
  }
  const mentees = menteesOf(context);
  for (let r = 0; r < R; r++) {
    for (const c of quotaConstraints(context, mentees, mentors, (i) => [r * n + i], (j) => [r * m + j])) {
      constraints.push({ ...c, name: R > 1 ? `${c.name} (round ${r + 1})` : c.name });
    }
  }
  const model: ConstraintModel = { rows, cols, score, colUpper: Array.from({ length: cols }, (_, c) => capacity[c % m]!), constraints, ...(distinct ? { distinct } : {}) };
  const { result, infeasibility, optimal } = await solveLexicographic(model, context, options, warnings);
  const rounds: Array<Array<[number, number]>> = Array.from({ length: R }, () => []);
  result.rowToCol.forEach((c, row) => {
    if (c < 0) return;
    const r = Math.floor(row / n);
    rounds[r]!.push([row % n, c % m]);
  });
  return { rounds, result, infeasibility, optimal };
}
