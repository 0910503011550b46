import { ruleCodesOf } from "../constraints/index.js";
import { BUILTIN_CRITERIA, isCriterionModule, type ExtraCriterion } from "../criteria/index.js";
import { encodeCohortSteps } from "./encode-cohort.js";
import type { EncodedCohort } from "../encode/index.js";
import { STEP_WORK, throwIfAborted, type Steps } from "../steps.js";
import type { Cohort } from "../model/index.js";
import { createRowScorer, resolveCustom } from "./pair-evaluator.js";
import { createRowPass, sidesOf, type RowPass, type Sides } from "./score-matrix.js";
import type { LockedViolation } from "./types.js";

/**
 * Each mentee's best eligible mentors, kept without a dense matrix: a compressed sparse row
 * graph of candidate pairs and, per mentee, how many eligible mentors it has in all and the best
 * score among the eligible mentors left out (the bound the optimality certificate uses).
 * @internal
 */
export interface CandidateSet {
  sides: Sides;
  rows: number;
  cols: number;
  /** Candidates of row i: `col[rowStart[i] .. rowStart[i + 1])`, increasing, with `score[…]`. */
  rowStart: Int32Array;
  col: Int32Array;
  score: Float64Array;
  /** Eligible mentors per mentee (locked pairs included), in the full problem. */
  eligibleCount: Int32Array;
  /** Eligible mentees per mentor, in the full problem. */
  colEligibleCount: Int32Array;
  /** Per row, the highest score of an eligible pair left out (−Infinity when none is). */
  cutoff: Float64Array;
  locked: Array<[number, number]>;
  lockedViolations: LockedViolation[];
  encoded: EncodedCohort;
  custom: readonly ExtraCriterion[];
  /** Re-scores row i (same kernels as the dense matrix) into `pass.rowScores` / `pass.rowBits`. */
  pass: RowPass;
  timings: { encodeMs: number; scoreMs: number };
}

/**
 * Scores the cohort row by row (as a resumable computation, see `src/steps.ts`) and keeps each mentee's `perMentee` best eligible mentors (ties
 * to the lower column, so the set is deterministic) in a bounded min-heap, plus every locked
 * pair. Memory: O(rows × perMentee + cols); each row's full scores live only while it is scored.
 * @internal
 */
export function* scoreCandidatesSteps(
  cohort: Cohort,
  perMentee: number,
  options: { custom?: readonly ExtraCriterion[]; signal?: AbortSignal; onProgress?: (stage: "encode" | "score", done: number, total: number) => void },
): Steps<CandidateSet> {
  const custom = options.custom ?? [];
  const customWeights = resolveCustom(custom, cohort.program.weights);
  const progress = options.onProgress;
  const t0 = performance.now();
  progress?.("encode", 0, 1);
  const enc = yield* encodeCohortSteps(cohort, [...BUILTIN_CRITERIA, ...custom.filter(isCriterionModule)]);
  progress?.("encode", 1, 1);
  const t1 = performance.now();
  const sides = sidesOf(cohort, "auto");
  const rows = sides.rows.length;
  const cols = sides.cols.length;
  const scorer = createRowScorer(enc, cohort, sides.direction, custom, customWeights, "weighted", cols);
  const pass = createRowPass(enc, cohort, sides, scorer);
  const { rowScores, rowBits, lockedRow } = pass;

  const k = Math.max(1, Math.min(perMentee, cols));
  const heapCol = new Int32Array(k);
  const heapScore = new Float64Array(k);
  // Candidates grow in chunks of rows × k; a row's picks are copied out sorted by column.
  const rowStart = new Int32Array(rows + 1);
  let col = new Int32Array(Math.max(16, rows * Math.min(k, 8)));
  let score = new Float64Array(col.length);
  const eligibleCount = new Int32Array(rows);
  const colEligibleCount = new Int32Array(cols);
  const cutoff = new Float64Array(rows).fill(-Infinity);
  const locked: Array<[number, number]> = [];
  const lockedViolations: LockedViolation[] = [];
  const picked: number[] = [];
  const signal = options.signal;
  const every = Math.max(64, Math.ceil(rows / 100));
  progress?.("score", 0, rows);

  // Min-heap on (score, −col): the root is the weakest kept candidate.
  const weaker = (s1: number, c1: number, s2: number, c2: number) => s1 < s2 || (s1 === s2 && c1 > c2);
  for (let i = 0, work = 0; i < rows; i++) {
    if (signal !== undefined && signal.aborted) throwIfAborted(signal);
    if ((work += cols) >= STEP_WORK) {
      work = 0;
      yield;
    }
    if (progress !== undefined && i > 0 && i % every === 0) progress("score", i, rows);
    const anyLocked = pass.run(i);
    let size = 0;
    let out = -Infinity;
    let count = 0;
    for (let j = 0; j < cols; j++) {
      if (rowBits[j] !== 0 || (anyLocked && lockedRow[j])) {
        if (anyLocked && lockedRow[j]) {
          count++;
          colEligibleCount[j]!++;
        }
        continue;
      }
      count++;
      colEligibleCount[j]!++;
      const s = rowScores[j]!;
      if (size < k) {
        let x = size++;
        while (x > 0) {
          const up = (x - 1) >> 1;
          if (!weaker(s, j, heapScore[up]!, heapCol[up]!)) break;
          heapScore[x] = heapScore[up]!; heapCol[x] = heapCol[up]!;
          x = up;
        }
        heapScore[x] = s; heapCol[x] = j;
      } else if (weaker(heapScore[0]!, heapCol[0]!, s, j)) {
        if (heapScore[0]! > out) out = heapScore[0]!;
        let x = 0;
        for (;;) {
          let c = 2 * x + 1;
          if (c >= size) break;
          if (c + 1 < size && weaker(heapScore[c + 1]!, heapCol[c + 1]!, heapScore[c]!, heapCol[c]!)) c++;
          if (!weaker(heapScore[c]!, heapCol[c]!, s, j)) break;
          heapScore[x] = heapScore[c]!; heapCol[x] = heapCol[c]!;
          x = c;
        }
        heapScore[x] = s; heapCol[x] = j;
      } else if (s > out) out = s;
    }
    eligibleCount[i] = count;
    cutoff[i] = out;
    picked.length = 0;
    for (let t = 0; t < size; t++) picked.push(heapCol[t]!);
    if (anyLocked) {
      for (let j = 0; j < cols; j++) {
        if (!lockedRow[j]) continue;
        picked.push(j);
        locked.push([i, j]);
        if (rowBits[j] !== 0) lockedViolations.push({ row: i, col: j, violations: ruleCodesOf(rowBits[j]! >>> 0) });
      }
    }
    picked.sort((a, b) => a - b);
    const at = rowStart[i]!;
    if (at + picked.length > col.length) {
      const grown = Math.max(col.length * 2, at + picked.length);
      const c2 = new Int32Array(grown); c2.set(col); col = c2;
      const s2 = new Float64Array(grown); s2.set(score); score = s2;
    }
    for (let t = 0; t < picked.length; t++) {
      col[at + t] = picked[t]!;
      score[at + t] = rowScores[picked[t]!]!;
    }
    rowStart[i + 1] = at + picked.length;
  }
  progress?.("score", rows, rows);
  const E = rowStart[rows]!;
  return {
    sides, rows, cols, rowStart,
    col: col.slice(0, E), score: score.slice(0, E),
    eligibleCount, colEligibleCount, cutoff, locked, lockedViolations,
    encoded: enc, custom, pass,
    timings: { encodeMs: t1 - t0, scoreMs: performance.now() - t1 },
  };
}
