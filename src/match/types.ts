import type { Format } from "../model/program.js";
import type { MatchWarning, UnmatchedCode } from "../report/outcome-codes.js";
import type { PairScore, Reason, ReasonMessages } from "../score/index.js";
import type { ExtraCriterion } from "../criteria/index.js";
import type { HighsOption } from "../solvers/constraint/highs-loader.js";
import type { ConstraintViolation } from "../solvers/constraint/types.js";

/** Pipeline stages reported through {@link MatchOptions.onProgress}. */
export type MatchStage = "validate" | "encode" | "score" | "solve" | "report";

/**
 * Options for `match()`.
 * @remarks Since 0.1.0
 */
export interface MatchOptions {
  /** Called as each stage starts (`done = 0`) and ends (`done = total`). */
  onProgress?: (stage: MatchStage, done: number, total: number) => void;
  /** Cancels the run between (and inside long) stages with a DOMException named `AbortError`. */
  signal?: AbortSignal;
  /**
   * Extra criteria after the built-ins: custom criteria (weighted by `weight` or
   * `program.weights[name]`) or criterion modules (weighted by `program.weights[name]` or their
   * `defaultWeight`; since 0.2.0).
   */
  criteria?: ExtraCriterion[];
  /**
   * Memory budget in bytes. A cohort whose dense score matrix and solver copies are estimated to
   * need more is refused up front with a `MatchInputError` (code `too-large`) instead of failing
   * inside an allocation. Default: half the machine's memory where the runtime exposes it
   * (Node, Bun, Deno), 2 GiB elsewhere.
   * @remarks Since 0.2.0
   */
  memoryLimit?: number;
  /**
   * A message catalogue for the reasons' text: for any reason code, `(params) => sentence`
   * (e.g. a translation); codes it leaves out stay English. Since 0.2.0.
   */
  messages?: ReasonMessages;
  /**
   * Where the HiGHS MIP solver comes from (quota, group and joint rotational programmes): a
   * loader such as `() => import("highs")`, `{ load, locateFile }` to point a browser or edge
   * host at `highs.wasm`, or `false` for none. Default: the optional `highs` package when
   * installed. Without HiGHS those programmes run local search with its own bound, and
   * `warnings` says so (`highs-unavailable: …`).
   * @remarks Since 0.2.0
   */
  highs?: HighsOption;
  /**
   * Worker threads that score the matrix (mentee rows split between them, results bit for bit
   * those of one thread). `1` (default) scores in the calling thread. Needs `SharedArrayBuffer`
   * (in browsers: a cross-origin-isolated page) and no custom `criteria` (functions cannot be
   * sent to a worker); otherwise scoring falls back to one thread and `warnings` says why. Each
   * worker loads the package and encodes the cohort (about 0.3 s), so it pays off from about
   * 10⁶ pairs (see README, "Never stall the host").
   * @remarks Since 0.2.0
   */
  threads?: number;
  /**
   * Where the worker script is, for `threads` (and `matchInWorker`). Default: `worker.js`
   * (`worker.cjs` from CommonJS) next to the package's bundle. Set it when a bundler moved it.
   * @remarks Since 0.2.0
   */
  workerUrl?: string | URL;
}

/** One member's score inside a multi-member match (a triad or a group). */
export interface MemberScore {
  mentorId: string | null;
  menteeId: string;
  score: number;
  breakdown: PairScore["breakdown"];
  reasons: Reason[];
}

/**
 * One match: a mentor–mentee pair, a peer pair or triad, a group, or a timetable meeting.
 * Peers have no mentor: `mentorIds` is empty and every member is in `menteeIds`.
 * @remarks Since 0.1.0
 */
export interface Match {
  mentorIds: string[];
  menteeIds: string[];
  /** Composite compatibility in [0, 1] (for several members, the mean of their pair scores). */
  score: number;
  /** Per-criterion breakdown of the pair (for multi-member matches, of the best-scoring pair). */
  breakdown: PairScore["breakdown"];
  /**
   * Why this match, as `{ code, params, text }` an admin can show (translate through
   * `options.messages` or `translateReasons`). Never empty: criterion reasons by contribution,
   * rules a locked pair breaks, then where the format knows it why this partner was the best
   * available (`top-choice`, `best-available`, `overall-optimum`). Since 0.2.0 objects; before,
   * sentences (now `reason.text`).
   */
  reasons: Reason[];
  /** True when an admin locked this pair in `rules.locked`. */
  locked?: boolean;
  /** Rules a locked pair breaks (empty otherwise). */
  lockedViolations?: string[];
  /** Round or time slot (rotational and flash timetables), from 0. */
  round?: number;
  /** Per-member scores of a triad or group. */
  members?: MemberScore[];
}

/**
 * Why a participant has no match, in a machine-readable code (`UNMATCHED_CODES`, typed since
 * 0.2.0) and a sentence. Codes: `no-eligible-partner` (every candidate excluded by a rule), `partners-at-capacity`
 * (eligible partners exist but are all full), `not-preferred` (stable mode: every eligible
 * partner prefers whom they hold), `below-threshold` (maxMin: only pairs under the best
 * achievable minimum were left), `odd-pool` (peer: one left over), `no-mentee` (a mentor nobody
 * was assigned to), `minimum-not-met` (a mentor below `minCapacity`); groups (since 0.2.0):
 * `group-not-formed` (eligible mentors are full or lead no group, since a group needs
 * `group.size.min` members), `group-rule` (an eligible mentor's group has room, but a hard group
 * rule keeps the mentee out), `groups-infeasible` (no grouping meets every hard group rule).
 * @remarks Since 0.1.0
 */
export interface Unmatched {
  id: string;
  role: "mentee" | "mentor" | "peer";
  code: UnmatchedCode;
  message: string;
  detail: {
    candidates: number;
    eligible: number;
    excludedBy: Record<string, number>;
    atCapacity?: string[];
    [key: string]: unknown;
  };
}

/**
 * Statistics every format reports: totals, quality figures, the solver used and timings. Each
 * format's result adds its own (see {@link MatchStats}).
 * @remarks Since 0.2.0 (the fields since 0.1.0, as `MatchStats`)
 */
export interface BaseStats {
  matches: number;
  matchedMentees: number;
  total: number;
  mean: number;
  min: number;
  median: number;
  /** Matched ÷ matchable (participants with at least one eligible partner); 1 when none is matchable. */
  coverage: number;
  matchable: number;
  solver: string;
  optimal: boolean;
  objective: string;
  /** Blocking pairs under the participants' preferences (ranked lists completed by score); null when not computed. */
  blockingPairs: number | null;
  /**
   * `blockingPairs` in plain words: what a blocking pair is and why this result has them, e.g.
   * "34 blocking pairs: a mentee and a mentor who would both rather be matched with each other
   * than with whom they were given …". Set where `blockingPairs` is computed. Since 0.2.0.
   */
  blockingPairsNote?: string;
  timings: Record<MatchStage | "total", number>;
  /** Set by `rematch`: pairs kept, freed and changed, participants who joined and left. Since 0.2.0. */
  rematch?: RematchStats;
}

/**
 * What `rematch` changed (`stats.rematch`).
 * @remarks Since 0.2.0
 */
export interface RematchStats {
  kept: number;
  freed: number;
  changed: number;
  joined: number;
  left: number;
}

/**
 * What the constraint solver reports, on results it solved: group results always; one-on-one and
 * reverse with quotas or `solver: "constraint" | "local"`; rotational when rules needed it.
 * @remarks Since 0.2.0
 */
export interface ConstraintStats {
  engine: "exact" | "local";
  status: "optimal" | "feasible" | "infeasible" | "time-limit";
  /** `(bound − objective) / max(1, |objective|)`, or null when no bound is known. */
  gap: number | null;
  /** Proven upper bound on the objective, or null. */
  bound: number | null;
  seed: number;
  /** Soft constraints (and relaxed hard ones) the result breaks, by how much. */
  softViolations: ConstraintViolation[];
  /** Set when the hard rules cannot all be met: which, and whether that is proven. */
  infeasibility?: { constraints: string[]; message: string; proven: boolean };
}

/**
 * One-on-one and reverse statistics: `threshold` under `maxMin`, and the constraint solver's
 * figures when it ran.
 * @remarks Since 0.2.0
 */
export interface PairStats extends BaseStats, Partial<ConstraintStats> {
  /** maxMin: the best lowest score that keeps the most mentees matched. */
  threshold?: number;
  /** Sparse candidate mode: whether the result is certified against every eligible pair. */
  certified?: boolean;
  /** Sparse candidate mode: candidates kept per mentee and in all, pairs added, solves, rows rescored, violations left. */
  candidates?: { perMentee: number; pairs: number; added: number; solves: number; rowsRescored: number; violations: number };
}

/**
 * Peer statistics.
 * @remarks Since 0.2.0
 */
export type PeerStats = BaseStats;

/**
 * Flash (speed-mentoring) statistics.
 * @remarks Since 0.2.0
 */
export interface FlashStats extends BaseStats {
  slots: number;
  meetings: number;
}

/**
 * Group statistics.
 * @remarks Since 0.2.0
 */
export interface GroupStats extends BaseStats, ConstraintStats {
  groups: number;
  /** The solver's objective (group total with its penalties). */
  objectiveValue: number;
}

/**
 * Rotational statistics: the rounds, the joint bound and the gap to it, and the constraint
 * solver's figures when it ran.
 * @remarks Since 0.2.0
 */
export interface RotationalStats extends BaseStats, Partial<ConstraintStats> {
  rounds: number;
  jointBound: number;
  /** `(jointBound − total) / jointBound`, 0 when the bound is 0. */
  gapToJointBound: number;
}

/**
 * Statistics of any format's result. Narrow the result on `format` to read a format's own fields.
 * @remarks Since 0.1.0; a union per format since 0.2.0
 */
export type MatchStats = PairStats | PeerStats | FlashStats | GroupStats | RotationalStats;

/**
 * Each format's statistics type, e.g. `StatsByFormat["group"]` is {@link GroupStats}.
 * @remarks Since 0.2.0
 */
export interface StatsByFormat {
  "one-on-one": PairStats;
  reverse: PairStats;
  peer: PeerStats;
  group: GroupStats;
  flash: FlashStats;
  rotational: RotationalStats;
}

interface ResultOf<F extends Format, S extends BaseStats> {
  /** The programme's format. */
  format: F;
  /** The matches, ordered by round, then mentor ids, then mentee ids. */
  matches: Match[];
  /** Everyone left without a match, with a code and a sentence. */
  unmatched: Unmatched[];
  /** Totals, quality figures, the solver used and timings. */
  stats: S;
  /** What the admin should know: relaxed rules, ignored options, a solver fallback, … */
  warnings: MatchWarning[];
}

/**
 * A one-on-one or reverse result.
 * @remarks Since 0.2.0
 */
export interface PairFormatResult extends ResultOf<"one-on-one" | "reverse", PairStats> {
  rounds?: never;
}

/**
 * A peer result.
 * @remarks Since 0.2.0
 */
export interface PeerFormatResult extends ResultOf<"peer", PeerStats> {
  rounds?: never;
}

/**
 * A group result.
 * @remarks Since 0.2.0
 */
export interface GroupFormatResult extends ResultOf<"group", GroupStats> {
  rounds?: never;
}

/**
 * A flash result: the meetings of each time slot in `rounds`.
 * @remarks Since 0.2.0
 */
export interface FlashFormatResult extends ResultOf<"flash", FlashStats> {
  /** The matches of each time slot. */
  rounds: Match[][];
}

/**
 * A rotational result: the matches of each round in `rounds`.
 * @remarks Since 0.2.0
 */
export interface RotationalFormatResult extends ResultOf<"rotational", RotationalStats> {
  /** The matches of each round. */
  rounds: Match[][];
}

/**
 * A result as a format's solver makes it: everything `match()` returns but the result's `version`
 * and cohort `fingerprint`, which `match()` adds. A union discriminated on `format`.
 * @remarks Since 0.2.0
 */
export type FormatResult = PairFormatResult | PeerFormatResult | GroupFormatResult | FlashFormatResult | RotationalFormatResult;

/**
 * What `match()` adds to a format's result.
 * @remarks Since 0.2.0
 */
export interface ResultStamp {
  /** Version of the result format (`RESULT_VERSION`). */
  version: number;
  /**
   * Fingerprint of the cohort the result came from (`fnv1a64:` and 16 hex digits; the same
   * whatever the order of participants). A stored result is only read together with its own
   * cohort.
   */
  fingerprint: string;
}

/**
 * What `match()` returns: plain JSON data, so it can be stored and read back later (in another
 * process) by `rematch({ cohort, result }, …)` and `explainWhyNot({ cohort, result }, …)`.
 * A union discriminated on `format`: narrow on it to see `rounds` (flash, rotational) and each
 * format's own `stats`.
 * @remarks Since 0.1.0; a union per format since 0.2.0
 */
export type MatchResult = FormatResult & ResultStamp;
