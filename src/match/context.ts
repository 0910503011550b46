import type { Cohort } from "../model/cohort.js";
import type { Participant } from "../model/participant.js";
import type { CompatibilityMatrix, ReasonMessages } from "../score/index.js";
import type { Steps } from "../steps.js";
import type { ExtraCriterion } from "../criteria/index.js";
import type { PairProblem, PairSolution } from "../formats/one-on-one.js";
import type { PreferenceProblem } from "../formats/preferences.js";
import type { MatchStage } from "./types.js";

// What the format solvers share with the pipeline in match.ts: the run's context, the stage
// runner, and the numeric problems built from a compatibility matrix.

/** Everything `explainWhyNot` and `rematch` need to revisit a result. */
export interface MatchContext {
  cohort: Cohort;
  matrix: CompatibilityMatrix;
  problem?: PairProblem;
  solution?: PairSolution;
  custom: ExtraCriterion[];
  /** The host's message catalogue for reasons (`MatchOptions.messages`). */
  messages?: ReasonMessages | undefined;
  /** Stage timings of the run (ms), shared with the format solvers. */
  timings: Record<MatchStage | "total", number>;
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

/** The participants along a matrix axis (rows: mentees, cols: mentors), in matrix order. */
export function participantsOf(matrix: CompatibilityMatrix, cohort: Cohort, axis: "row" | "col"): Participant[] {
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
