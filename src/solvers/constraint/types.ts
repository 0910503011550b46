/**
 * A side constraint on the assignment, linear in the decisions `x_ij` (row `i` assigned to col `j`):
 *
 * `Σ_{i ∈ rows, j ∈ cols} rowCoef[i] · colCoef[j] · x_ij  (sense)  rhs`
 *
 * With `perCol`, one copy of the constraint is imposed on each col of `cols` separately (for
 * example "each group has at most 2 members from department D": `rows` = members of D,
 * `perCol: true`, `sense: "<="`, `rhs: 2`). On a col marked optional in
 * {@link ConstraintModel.colOptional}, a per-col copy applies only when the col is used: its
 * right-hand side is `rhs · used_j`, so "at least one member with attribute Y" does not force an
 * empty group to open.
 *
 * A hard constraint is never violated by a returned solution. A soft one (`hard: false`) may be,
 * at a cost of `penalty` per unit of violation (per copy when `perCol`).
 * @remarks Since 0.1.0
 */
export interface LinearConstraint {
  /** Unique name, used in violation and infeasibility reports. */
  name: string;
  /** Rows the constraint sums over (model row indices). Default: all rows. */
  rows?: ArrayLike<number>;
  /** Cols the constraint sums over (model col indices). Default: all cols. */
  cols?: ArrayLike<number>;
  /** Coefficient of each model row, indexed by row (length `model.rows`). Default: 1. */
  rowCoef?: ArrayLike<number>;
  /** Coefficient of each model col, indexed by col (length `model.cols`). Default: 1. */
  colCoef?: ArrayLike<number>;
  /** One copy of the constraint per col in `cols`. Default: `false`. */
  perCol?: boolean;
  sense: "<=" | ">=" | "=";
  rhs: number;
  /** Default: `true`. */
  hard?: boolean;
  /** Objective cost per unit of violation; required (and only used) when `hard` is `false`. */
  penalty?: number;
}

/**
 * Pair terms between rows that end up in the same col ("cohesion" of a group): `weight[t]` is
 * added to the objective once when rows `pairs[2t]` and `pairs[2t+1]` share a col. Weights may
 * be negative (rows that should be kept apart).
 * @remarks Since 0.1.0
 */
export interface CohesionTerms {
  pairs: Int32Array | ArrayLike<number>;
  weight: Float64Array | ArrayLike<number>;
}

/**
 * Hard common-slot rule: every col's rows (and the col itself, when `colSlots[j]` is given)
 * share at least one slot id. Slot ids are arbitrary non-negative integers (for example
 * hour-of-week indices).
 * @remarks Since 0.1.0
 */
export interface CommonSlotRule {
  /** Slot ids available to each row; length `model.rows`. A row with no slots cannot be assigned. */
  rowSlots: ArrayLike<ArrayLike<number>>;
  /** Slot ids available to each col; `null`/`undefined` (or a missing array) means unrestricted. */
  colSlots?: ArrayLike<ArrayLike<number> | null | undefined>;
}

/**
 * Hard "distinct classes" rule: cols fall into classes (`classOf[j]`, −1 for none), and for each
 * group of rows, whenever any of its rows is assigned, the cols its rows are assigned to span at
 * least `min` distinct classes. A row belongs to at most one group. (Rotational programmes: a
 * group is one mentee's rounds, the classes the mentors' departments — "anyone who meets a
 * mentor meets mentors from at least `min` departments".)
 * @remarks Since 0.2.0
 */
export interface DistinctClassesRule {
  /** Class of each col (length `model.cols`), −1 when it belongs to none. */
  classOf: ArrayLike<number>;
  groups: ReadonlyArray<{ name: string; rows: ArrayLike<number>; min: number }>;
}

/**
 * A domain-free assignment model: each of `rows` items (e.g. mentees) is assigned to at most one
 * of `cols` items (e.g. mentors or group slots), maximising
 *
 * `Σ score_ij x_ij + Σ cohesion weight over co-assigned pairs − Σ penalty · violation (soft)`
 *
 * subject to col load bounds, locked pairs, forbidden pairs, linear side constraints and an
 * optional common-slot rule.
 * @remarks Since 0.1.0
 */
export interface ConstraintModel {
  rows: number;
  cols: number;
  /** Row-major `rows × cols` value of assigning row i to col j; `-Infinity` forbids the pair. */
  score: Float64Array | ArrayLike<number>;
  /**
   * `true` (or a per-row flag array) makes assignment of that row mandatory (hard); otherwise a
   * row may stay unassigned. Default: `false`.
   */
  rowMustAssign?: boolean | ArrayLike<boolean | number>;
  /** Minimum load of each col (hard). Default: 0. */
  colLower?: ArrayLike<number>;
  /** Maximum load of each col (hard). Default: `rows`. */
  colUpper?: ArrayLike<number>;
  /**
   * `true` (or per-col flags): the col may stay empty instead of meeting `colLower` — its load
   * is 0 or within `[colLower, colUpper]` ("a group of 4–6 members, or no group"). Default:
   * `false` (the lower bound always applies).
   */
  colOptional?: boolean | ArrayLike<boolean | number>;
  /** Pairs `[row, col]` fixed to be assigned (hard). A locked pair must not be forbidden. */
  locked?: ReadonlyArray<readonly [number, number]>;
  cohesion?: CohesionTerms;
  constraints?: readonly LinearConstraint[];
  commonSlot?: CommonSlotRule;
  /** Groups of rows that must spread over distinct col classes (hard). @remarks Since 0.2.0 */
  distinct?: DistinctClassesRule;
}

import type { HighsOption } from "./highs-loader.js";

/**
 * Options of {@link solveConstrained}.
 * @remarks Since 0.1.0
 */
export interface SolveConstrainedOptions {
  /**
   * `"exact"`: HiGHS MIP; `"local"`: seeded simulated annealing; `"auto"` (default): exact when
   * the MIP has at most `exactSizeLimit` variables (`exactCohesionSizeLimit` when it has cohesion
   * terms), else local.
   */
  engine?: "auto" | "exact" | "local";
  /** Seed of the local search PRNG and of HiGHS. Default: 1. */
  seed?: number;
  /** Wall-clock budget in ms. Default: 60 000 (exact), 10 000 (local). */
  timeLimitMs?: number;
  /**
   * Local search iteration budget; the search is deterministic for a seed when this budget,
   * not the time limit, ends it. `Infinity` makes the cooling schedule follow the clock.
   * Default: `200 000 + 2 000 · rows`.
   */
  maxIterations?: number;
  /** Aborts the solve; the promise rejects with an error named `"AbortError"`. */
  signal?: AbortSignal;
  /** Largest MIP (variables incl. linearisation) that `auto` sends to the exact engine. Default: `DEFAULT_EXACT_SIZE_LIMIT`. */
  exactSizeLimit?: number;
  /** The same for models with cohesion terms. Default: `DEFAULT_EXACT_COHESION_SIZE_LIMIT`. */
  exactCohesionSizeLimit?: number;
  /** Relative MIP gap at which the exact engine stops and reports optimal. Default: 1e-6. */
  mipGap?: number;
  /**
   * Local search: compute an upper bound to report a gap — the LP relaxation (HiGHS) or, when
   * HiGHS is not available, the flow bound (best pair assignment under col capacities plus the
   * most cohesion each row can bring, other rules relaxed; no LP solver). `"auto"` (default)
   * uses the LP when it has at most 60 000 variables and the flow bound up to 10⁶ pairs.
   */
  lpBound?: boolean | "auto";
  /**
   * Where HiGHS comes from: a loader, `{ load, locateFile }`, or `false` for none. Default: the
   * optional `highs` package. Without HiGHS every engine runs local search (`"exact"` included)
   * and the result says why in `highsError`.
   * @remarks Since 0.2.0
   */
  highs?: HighsOption;
  /**
   * Local search: start from this assignment (col of each row, −1 for none; length `rows`), for
   * example the solution of an earlier solve, instead of the flow or greedy start. Locked rows
   * are put at their col and pairs that are not allowed or overfill a col are dropped. Default:
   * none.
   * @remarks Since 0.2.0
   */
  start?: ArrayLike<number>;
}

/**
 * One violated constraint and by how much. Built-in rules are named `colUpper`, `colLower`,
 * `rowMustAssign`, `locked`, `forbidden` and `commonSlot`; side constraints by their own name.
 * @remarks Since 0.1.0
 */
export interface ConstraintViolation {
  name: string;
  /** The col of a per-col copy, a col bound or a common-slot violation. */
  col?: number;
  /** The row of a must-assign, locked or forbidden-pair violation. */
  row?: number;
  amount: number;
}

/**
 * Result of {@link solveConstrained}.
 *
 * `status`: `"optimal"` — proven optimal (exact engine, within `mipGap`); `"feasible"` — a
 * feasible solution without an optimality proof; `"time-limit"` — the exact engine stopped at the
 * time limit (`feasible` says whether it had found a solution); `"infeasible"` — no solution
 * satisfies the hard constraints (proven by the exact engine) or the local search found none
 * (`infeasibility.proven` is then `false`).
 * @remarks Since 0.1.0
 */
export interface ConstraintResult {
  /** Col of each row, −1 when unassigned. All −1 when no feasible solution was found. */
  rowToCol: Int32Array;
  /** Objective of `rowToCol` (recomputed from the model, identical for both engines). */
  objective: number;
  engine: "exact" | "local";
  status: "optimal" | "feasible" | "infeasible" | "time-limit";
  optimal: boolean;
  /** Whether `rowToCol` satisfies every hard constraint. */
  feasible: boolean;
  /** `(bound − objective) / max(1, |objective|)`, or null when no bound is known. */
  gap: number | null;
  /** Proven upper bound on the objective, or null. */
  bound: number | null;
  /**
   * Local search: where `bound` comes from — `"lp"` (HiGHS LP relaxation) or `"flow"` (the
   * LP-free flow bound). Absent when there is no bound or the exact engine ran.
   * @remarks Since 0.2.0
   */
  boundSource?: "lp" | "flow";
  /**
   * Set when HiGHS was wanted (exact engine, or an LP bound) but could not be loaded: why. The
   * solve then ran local search, with the flow bound where it fits.
   * @remarks Since 0.2.0
   */
  highsError?: string;
  /** Violated soft constraints in `rowToCol`. */
  violations: ConstraintViolation[];
  infeasibility?: {
    /** Names of the hard constraints that cannot be met together. */
    constraints: string[];
    /** Hard constraints still violated by the best solution found (local search). */
    violated?: ConstraintViolation[];
    proven: boolean;
    message: string;
  };
  /**
   * Variables of the model's MIP, linearisation included (what `auto` compares with
   * `exactSizeLimit`); counting stops just past 10⁷.
   */
  mipVariables: number;
  seed: number;
  /** Local search iterations, or HiGHS branch-and-bound nodes. */
  iterations: number;
  timeMs: number;
}
