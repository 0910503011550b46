import { RULE_CODES, listedPairs, ruleCodesOf, type PairDirection } from "../constraints/index.js";
import { BUILTIN_CRITERIA, isCriterionModule } from "../criteria/index.js";
import { encodeCohortSteps } from "./encode-cohort.js";
import type { EncodedCohort } from "../encode/index.js";
import { isParsedCohort, parseCohort, type Cohort } from "../model/index.js";
import { OptionReader, checkMemory, defaultMemoryLimit, describeValue, readOptions } from "../guard.js";
import { createRowScorer, resolveCustom, type ExtraCriterion, type RowScorer } from "./pair-evaluator.js";
import type { CompatibilityMatrix, LockedViolation, ScoreMatrixOptions } from "./types.js";
import { runSteps, STEP_WORK, throwIfAborted, type Steps } from "../steps.js";

/** Checks {@link ScoreMatrixOptions} once at the boundary (custom criteria are checked by `resolveCustom`). */
function resolveScoreOptions(raw: unknown): ScoreMatrixOptions {
  const o = readOptions<ScoreMatrixOptions>(raw, "options") as Record<string, unknown>;
  const read = new OptionReader(["options"]);
  const side = read.oneOf(o, "side", "auto", ["auto", "peer"] as const);
  const perCriterion = read.boolean(o, "perCriterion", false);
  const signal = read.signal(o, "signal");
  const onProgress = read.func<ScoreMatrixOptions["onProgress"]>(o, "onProgress");
  const memoryLimit = read.number(o, "memoryLimit", defaultMemoryLimit(), 1, Number.MAX_SAFE_INTEGER);
  const custom = o["custom"];
  if (custom !== undefined && !Array.isArray(custom)) read.issues.push({ path: ["options", "custom"], code: "invalid-option", message: `custom must be an array of custom criteria, got ${describeValue(custom)}` });
  read.done();
  return {
    side, perCriterion, memoryLimit,
    ...(custom !== undefined ? { custom: custom as ExtraCriterion[] } : {}),
    ...(signal ? { signal } : {}),
    ...(onProgress ? { onProgress } : {}),
  };
}

/** Which participants are rows and columns, and how they relate. */
export interface Sides {
  rows: Int32Array;
  cols: Int32Array;
  direction: PairDirection;
}

export function sidesOf(cohort: Cohort, side: "auto" | "peer"): Sides {
  const { participants, program } = cohort;
  const pick = (ok: (role: string) => boolean) => Int32Array.from(participants.flatMap((p, i) => (ok(p.role) ? [i] : [])));
  const mentee = (r: string) => r === "mentee" || r === "both";
  const mentor = (r: string) => r === "mentor" || r === "both";
  if (program.format === "peer") {
    const all = Int32Array.from(participants, (_, i) => i);
    return { rows: all, cols: all, direction: "peer" };
  }
  if (side === "peer") {
    const pool = pick(mentee);
    return { rows: pool, cols: pool, direction: "peer" };
  }
  return { rows: pick(mentee), cols: pick(mentor), direction: program.format === "reverse" ? "reverse" : "forward" };
}

/**
 * Scores every candidate pair of a cohort under its programme: the composite of the six built-in
 * criteria (and any custom ones), the hard rules as an eligibility mask with a violation bitmask
 * per pair, and admin-locked pairs.
 *
 * Sides: one-on-one, reverse, group, rotational and flash programmes score mentees (role `mentee`
 * or `both`) × mentors (`mentor` or `both`); a `both` participant is on both sides and their
 * (p, p) pair is ineligible (`self`). Reverse programmes treat the `mentor`-role participant as the
 * junior who mentors: skills are the junior's against the senior's wanted skills and the level
 * rule is inverted. Peer programmes score all participants × all participants, symmetric, both
 * skill and goal directions averaged, with `rules.maxLevelDiff` in place of the level gap.
 *
 * Missing data: a criterion without data for a pair drops out of its weighted mean
 * (`criteria.missing: "drop"`, default) or scores `criteria.neutralScore`; a pair with no data for
 * any weighted criterion scores 0.
 *
 * Cost: the cohort is encoded once into typed arrays (see `encodeCohort`); the pair pass does no
 * per-pair allocation and touches no strings. Memory is 13 bytes per pair (scores, eligibility,
 * violations) plus 8 per pair per criterion with `perCriterion`.
 *
 * @param cohort a cohort from `parseCohort`; anything else is parsed first.
 * @throws MatchInputError for an invalid cohort, bad custom criteria or an out-of-range custom score.
 * @remarks Since 0.1.0
 */
export function scoreMatrix(cohort: Cohort, rawOptions: ScoreMatrixOptions = {}): CompatibilityMatrix {
  const options = resolveScoreOptions(rawOptions);
  const custom = options.custom ?? [];
  const parsed = isParsedCohort(cohort) ? cohort : parseCohort(cohort, { customCriteria: custom.map((c) => c?.name).filter((n): n is string => typeof n === "string") });
  return buildMatrix(parsed, sidesOf(parsed, options.side ?? "auto"), options);
}

/**
 * {@link scoreMatrix} of a parsed cohort as a resumable computation, for `match()`.
 * @internal
 */
export function scoreMatrixSteps(cohort: Cohort, options: ScoreMatrixOptions = {}): Steps<CompatibilityMatrix> {
  return buildMatrixSteps(cohort, sidesOf(cohort, options.side ?? "auto"), options);
}

/**
 * The matrix pass for given sides; shared by `scoreMatrix` and `scorePair`.
 * @internal
 */
export function buildMatrix(cohort: Cohort, sides: Sides, options: ScoreMatrixOptions): CompatibilityMatrix {
  return runSteps(buildMatrixSteps(cohort, sides, options));
}

/**
 * {@link buildMatrix} as a resumable computation (see `src/steps.ts`): it yields between
 * rows, about every `STEP_WORK` pairs, so `match()` can score in slices.
 * @internal
 */
export function* buildMatrixSteps(cohort: Cohort, sides: Sides, options: ScoreMatrixOptions): Steps<CompatibilityMatrix> {
  const signal = options.signal;
  throwIfAborted(signal);
  const progress = options.onProgress;
  const t0 = performance.now();
  progress?.("encode", 0, 1);
  // Registrations are checked (names, weights) before anything is encoded.
  resolveCustom(options.custom ?? [], cohort.program.weights);
  const enc = yield* encodeCohortSteps(cohort, [...BUILTIN_CRITERIA, ...(options.custom ?? []).filter(isCriterionModule)]);
  progress?.("encode", 1, 1);
  const t1 = performance.now();
  const pass = createMatrixPass(cohort, enc, sides, options);
  const rows = sides.rows.length;
  // Report about a hundred times over the pass, never more often than every 64 rows.
  const every = Math.max(64, Math.ceil(rows / 100));
  progress?.("score", 0, rows);
  for (let i = 0, work = 0; i < rows; i++) {
    if (signal !== undefined && signal.aborted) throwIfAborted(signal);
    if (progress !== undefined && i > 0 && i % every === 0) progress("score", i, rows);
    pass.scoreRow(i);
    if ((work += pass.cols) >= STEP_WORK) {
      work = 0;
      yield;
    }
  }
  progress?.("score", rows, rows);
  const t2 = performance.now();
  return pass.finish({ encodeMs: t1 - t0, scoreMs: t2 - t1 });
}

/** Output arrays of a matrix pass (row-major, rows × cols), e.g. views of shared memory. */
export interface MatrixBuffers {
  scores: Float64Array;
  eligible: Uint8Array;
  violations: Uint32Array;
}

/** One pass over the pairs of given sides: score any row, in any order, then assemble. */
export interface MatrixPass {
  rows: number;
  cols: number;
  /** Scores row i into the buffers, and records its locked pairs. */
  scoreRow(i: number): void;
  /** Locked pairs and the rules they break, of the rows scored so far, in row order. */
  locks(): { locked: Array<[number, number]>; lockedViolations: LockedViolation[] };
  /** The compatibility matrix of the rows scored (every row, unless `locks` come from elsewhere). */
  finish(timings: { encodeMs: number; scoreMs: number }, locks?: { locked: Array<[number, number]>; lockedViolations: LockedViolation[] }): CompatibilityMatrix;
}

/**
 * Sets up a matrix pass over an encoded cohort. `buffers` receive the scores (fresh arrays when
 * omitted); workers scoring a share of the rows pass views of shared memory.
 * @internal
 */
export function createMatrixPass(cohort: Cohort, enc: EncodedCohort, sides: Sides, options: ScoreMatrixOptions, buffers?: MatrixBuffers): MatrixPass {
  const custom: readonly ExtraCriterion[] = options.custom ?? [];
  const customWeights = resolveCustom(custom, cohort.program.weights);
  const { rows: rowP, cols: colP, direction } = sides;
  const rows = rowP.length;
  const cols = colP.length;
  const perCriterion = options.perCriterion === true;
  const scorer = createRowScorer(enc, cohort, direction, custom, customWeights, perCriterion ? "all" : "weighted", cols);
  const C = scorer.names.length;
  const pairs = rows * cols;
  checkMemory({
    path: ["participants"], what: `scoring ${rows} × ${cols} pairs`, entries: pairs,
    bytes: pairs * (13 + (perCriterion ? 8 * C : 0)), limit: options.memoryLimit ?? defaultMemoryLimit(),
    advice: "score fewer candidates at once (split the cohort), or raise memoryLimit if this machine has the memory",
  });
  const scores = buffers?.scores ?? new Float64Array(pairs);
  const eligible = buffers?.eligible ?? new Uint8Array(pairs);
  const violations = buffers?.violations ?? new Uint32Array(pairs);
  const per = perCriterion ? scorer.names.map(() => new Float64Array(pairs)) : [];

  const pass = createRowPass(enc, cohort, sides, scorer);
  const { rowScores, rowBits, lockedRow } = pass;
  const locked: Array<[number, number]> = [];
  const lockedViolations: LockedViolation[] = [];

  const scoreRow = (i: number): void => {
    const anyLocked = pass.run(i);
    const base = i * cols;
    scores.set(rowScores, base);
    for (let j = 0; j < cols; j++) {
      const bits = rowBits[j]!;
      violations[base + j] = bits;
      eligible[base + j] = bits === 0 ? 1 : 0;
    }
    for (let c = 0; c < C; c++) if (perCriterion) per[c]!.set(scorer.values[c]!, base);

    if (anyLocked) {
      for (let j = 0; j < cols; j++) {
        if (lockedRow[j] === 0) continue;
        const at = base + j;
        eligible[at] = 1;
        locked.push([i, j]);
        if (violations[at] !== 0) lockedViolations.push({ row: i, col: j, violations: ruleCodesOf(violations[at]!) });
      }
    }
  };

  const finish: MatrixPass["finish"] = (timings, locks = { locked, lockedViolations }) => {
    const ids = enc.ids;
    const rowIds = Array.from(rowP, (p) => ids[p]!);
    const colIds = Array.from(colP, (p) => ids[p]!);
    const weights: Record<string, number> = {};
    scorer.names.forEach((n, c) => (weights[n] = scorer.weights[c]!));
    return {
      format: cohort.program.format,
      direction,
      rows,
      cols,
      rowIds,
      colIds,
      rowIndex: new Map(rowIds.map((id, i) => [id, i])),
      colIndex: new Map(colIds.map((id, j) => [id, j])),
      rowParticipants: rowP,
      colParticipants: colP,
      scores,
      eligible,
      violations,
      ruleCodes: RULE_CODES,
      locked: locks.locked,
      lockedViolations: locks.lockedViolations,
      criteria: scorer.names,
      weights,
      ...(perCriterion ? { perCriterion: Object.fromEntries(scorer.names.map((n, c) => [n, per[c]!])) } : {}),
      cohort,
      encoded: enc,
      custom,
      timings,
    };
  };
  return { rows, cols, scoreRow, locks: () => ({ locked, lockedViolations }), finish };
}

/**
 * One row of the pair pass: scores and rule bits of row i against every column, into
 * `rowScores` / `rowBits`, and `lockedRow[j] = 1` for the row's admin-locked columns. `run(i)`
 * returns whether the row has a locked pair. Shared by the dense matrix and the sparse
 * candidate pass, so both see the same scores bit for bit.
 * @internal
 */
export interface RowPass {
  readonly rowScores: Float64Array;
  readonly rowBits: Int32Array;
  readonly lockedRow: Uint8Array;
  run(i: number): boolean;
  /**
   * Scores row i against the columns `js[0 .. count)` only, into `scores[t]` / `bits[t]` for
   * column `js[t]` (locked pairs are not marked: callers use it on rows without any).
   */
  runSome(i: number, js: Int32Array, count: number, scores: Float64Array, bits: Int32Array): void;
}

/**
 * Builds the {@link RowPass} for given sides with a scorer sized for all columns.
 * @internal
 */
export function createRowPass(enc: EncodedCohort, cohort: Cohort, sides: Sides, scorer: RowScorer): RowPass {
  const { rows: rowP, cols: colP, direction } = sides;
  const cols = colP.length;
  const colOf = new Int32Array(enc.size).fill(-1);
  colP.forEach((p, j) => (colOf[p] = j));
  const listed = listedPairs(enc, cohort, direction);
  const rowBits = new Int32Array(cols);
  const rowScores = new Float64Array(cols);
  const rankAB = new Int32Array(cols).fill(-1);
  const rankBA = new Int32Array(cols).fill(-1);
  const lockedRow = new Uint8Array(cols);
  const posOf = new Int32Array(cols).fill(-1);
  const sub = new Int32Array(cols);
  const { ranked, rankedRank, rankedBy, rankedByRank } = enc;
  return {
    rowScores,
    rowBits,
    lockedRow,
    run(i: number): boolean {
      const a = rowP[i]!;
      rowBits.fill(0);
      lockedRow.fill(0);
      // Spread this row's listed pairs, preference ranks and locks into column-indexed scratch.
      for (let k = listed.start[a]!; k < listed.start[a + 1]!; k++) {
        const j = colOf[listed.col[k]!]!;
        if (j >= 0) rowBits[j] = rowBits[j]! | listed.bits[k]!;
      }
      for (let k = ranked.start[a]!; k < ranked.start[a + 1]!; k++) {
        const j = colOf[ranked.list[k]!]!;
        if (j >= 0) rankAB[j] = rankedRank[k]!;
      }
      for (let k = rankedBy.start[a]!; k < rankedBy.start[a + 1]!; k++) {
        const j = colOf[rankedBy.list[k]!]!;
        if (j >= 0) rankBA[j] = rankedByRank[k]!;
      }
      let anyLocked = false;
      for (let k = listed.lockedStart[a]!; k < listed.lockedStart[a + 1]!; k++) {
        const j = colOf[listed.lockedCol[k]!]!;
        if (j >= 0) {
          lockedRow[j] = 1;
          anyLocked = true;
        }
      }
      scorer.scoreRow(a, colP, rankAB, rankBA, rowScores, rowBits);
      for (let k = ranked.start[a]!; k < ranked.start[a + 1]!; k++) {
        const j = colOf[ranked.list[k]!]!;
        if (j >= 0) rankAB[j] = -1;
      }
      for (let k = rankedBy.start[a]!; k < rankedBy.start[a + 1]!; k++) {
        const j = colOf[rankedBy.list[k]!]!;
        if (j >= 0) rankBA[j] = -1;
      }
      return anyLocked;
    },
    runSome(i: number, js: Int32Array, count: number, scores: Float64Array, bits: Int32Array): void {
      const a = rowP[i]!;
      for (let t = 0; t < count; t++) {
        posOf[js[t]!] = t;
        sub[t] = colP[js[t]!]!;
        bits[t] = 0;
        rankAB[t] = -1;
        rankBA[t] = -1;
      }
      for (let k = listed.start[a]!; k < listed.start[a + 1]!; k++) {
        const j = colOf[listed.col[k]!]!;
        if (j >= 0 && posOf[j]! >= 0) bits[posOf[j]!] = bits[posOf[j]!]! | listed.bits[k]!;
      }
      for (let k = ranked.start[a]!; k < ranked.start[a + 1]!; k++) {
        const j = colOf[ranked.list[k]!]!;
        if (j >= 0 && posOf[j]! >= 0) rankAB[posOf[j]!] = rankedRank[k]!;
      }
      for (let k = rankedBy.start[a]!; k < rankedBy.start[a + 1]!; k++) {
        const j = colOf[rankedBy.list[k]!]!;
        if (j >= 0 && posOf[j]! >= 0) rankBA[posOf[j]!] = rankedByRank[k]!;
      }
      scorer.scoreRow(a, sub.subarray(0, count), rankAB.subarray(0, count), rankBA.subarray(0, count), scores, bits);
      for (let t = 0; t < count; t++) {
        posOf[js[t]!] = -1;
        rankAB[t] = -1;
        rankBA[t] = -1;
      }
    },
  };
}
