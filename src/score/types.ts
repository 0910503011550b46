import type { PairDirection, RuleCode } from "../constraints/index.js";
import type { AnyCriterionModule, BuiltinEvidence, CustomCriterion } from "../criteria/index.js";
import type { EncodedCohort } from "../encode/index.js";
import type { Cohort, Format } from "../model/index.js";
import type { Reason, ReasonMessages } from "./reason-codes.js";

/**
 * Options of {@link scoreMatrix}.
 * @remarks Since 0.1.0
 */
export interface ScoreMatrixOptions {
  /**
   * `auto` (default): sides from the programme format — peer programmes score all participants ×
   * all participants, others mentees (role `mentee` or `both`) × mentors (`mentor` or `both`).
   * `peer`: force a peer matrix over the mentees (over everyone for a peer programme), e.g. for
   * group cohesion.
   */
  side?: "auto" | "peer";
  /** Also return one matrix per criterion (NaN where it had no data). Default `false`. */
  perCriterion?: boolean;
  /**
   * Extra criteria, scored after the built-ins in the order given: function-style custom criteria
   * (`{ name, score, weight?, explain? }`) or criterion modules (see `CriterionModule`; since
   * 0.2.0). Default none.
   */
  custom?: readonly (CustomCriterion | AnyCriterionModule)[];
  /**
   * Memory budget in bytes for the matrices (13 bytes per pair, 8 more per criterion with
   * `perCriterion`); larger cohorts are refused with a `too-large` MatchInputError before anything
   * is allocated. Default: half the machine's memory where the runtime exposes it, else 2 GiB.
   * @remarks Since 0.2.0
   */
  memoryLimit?: number;
  /** Aborts a long pass; checked once per row. */
  signal?: AbortSignal;
  /** Progress: `("encode", 0 | 1, 1)`, then `("score", rowsDone, rows)` about a hundred times. */
  onProgress?: (stage: "encode" | "score", done: number, total: number) => void;
}

/**
 * Options of {@link scorePair}.
 * @remarks Since 0.1.0
 */
export interface ScorePairOptions {
  /** Extra criteria (custom criteria or criterion modules), as for {@link scoreMatrix}. */
  custom?: readonly (CustomCriterion | AnyCriterionModule)[];
  /** A message catalogue for the reasons' text (see `ReasonMessages`). Default English. */
  messages?: ReasonMessages;
}

/**
 * Options of {@link explainPair}.
 * @remarks Since 0.2.0
 */
export interface ExplainPairOptions {
  /** A message catalogue for the reasons' text (see `ReasonMessages`). Default English. */
  messages?: ReasonMessages;
}

/**
 * A locked pair that breaks at least one rule.
 * @remarks Since 0.1.0
 */
export interface LockedViolation {
  row: number;
  col: number;
  violations: RuleCode[];
}

/**
 * Scores and eligibility of every candidate pair, row-major (`index = row * cols + col`).
 * Rows are mentees and columns mentors, except for peer matrices where both are the same pool.
 * @remarks Since 0.1.0
 */
export interface CompatibilityMatrix {
  readonly format: Format;
  /** `forward`, `reverse` (senior mentee × junior mentor) or `peer`. */
  readonly direction: PairDirection;
  readonly rows: number;
  readonly cols: number;
  readonly rowIds: readonly string[];
  readonly colIds: readonly string[];
  readonly rowIndex: ReadonlyMap<string, number>;
  readonly colIndex: ReadonlyMap<string, number>;
  /** Index into `cohort.participants` of each row. */
  readonly rowParticipants: Int32Array;
  /** Index into `cohort.participants` of each column. */
  readonly colParticipants: Int32Array;
  /** Composite score in [0, 1]. */
  readonly scores: Float64Array;
  /** 1 when the pair may be matched: it breaks no rule, or it is locked. */
  readonly eligible: Uint8Array;
  /** Broken rules as bits (`1 << k` for `ruleCodes[k]`), also kept for locked pairs. */
  readonly violations: Uint32Array;
  /** Rule codes in bit order (`RULE_CODES`). */
  readonly ruleCodes: readonly RuleCode[];
  /** Admin-locked pairs present in the matrix, as [row, col]. */
  readonly locked: Array<[number, number]>;
  /** Locked pairs that break a rule. */
  readonly lockedViolations: LockedViolation[];
  /** Criterion names in composite order: the six built-ins, then custom criteria. */
  readonly criteria: readonly string[];
  /** Weight of each criterion. */
  readonly weights: Readonly<Record<string, number>>;
  /** Per-criterion score matrices (NaN where the criterion had no data), when asked for. */
  readonly perCriterion?: Readonly<Record<string, Float64Array>>;
  /** The cohort the matrix was built from. */
  readonly cohort: Cohort;
  /** The encoded cohort, for fast explanations. */
  readonly encoded: EncodedCohort;
  /** Extra criteria in use (custom criteria or criterion modules). */
  readonly custom: readonly (CustomCriterion | AnyCriterionModule)[];
  /** Milliseconds spent encoding and scoring. */
  readonly timings: { encodeMs: number; scoreMs: number };
}

/**
 * Evidence per criterion, as given in a {@link CriterionBreakdown}: the evidence of a built-in
 * criterion module (the union follows `BUILTIN_CRITERIA`; directional criteria of peer pairs give
 * both directions, `{ forward, backward }`), `{ custom }` for a custom criterion, or `null`. A
 * criterion module registered by the caller gives its own evidence type.
 * @remarks Since 0.1.0
 */
export type CriterionEvidence = BuiltinEvidence | { custom: string | null } | null;

/**
 * One criterion's part in a pair's score.
 * @remarks Since 0.1.0
 */
export interface CriterionBreakdown {
  /** The criterion's score in [0, 1]; `null` when it had no data for the pair. */
  score: number | null;
  weight: number;
  /** Whether it counted in the composite (positive weight and data, or a neutral stand-in). */
  used: boolean;
  /** True when missing data was replaced by `criteria.neutralScore` (`criteria.missing: "neutral"`). */
  neutral: boolean;
  /** What the score is made of; `null` without data. Diversity evidence is redacted unless `explain.includeSensitive`. */
  evidence: CriterionEvidence;
}

/**
 * A pair's score, eligibility, breakdown and reasons.
 * @remarks Since 0.1.0
 */
export interface PairScore {
  /** Composite in [0, 1]: weighted mean of the used criteria; 0 when no criterion had data. */
  score: number;
  eligible: boolean;
  /** Locked by the admin (eligible whatever the rules say). */
  locked: boolean;
  breakdown: Record<string, CriterionBreakdown>;
  /** Codes of the broken rules. */
  violations: RuleCode[];
  /**
   * Up to `explain.maxReasons` positive reasons ordered by contribution (each criterion's main
   * reason first), then one per broken rule; each is `{ code, params, text }`.
   * Since 0.2.0 objects (they were sentences); the sentence is `reason.text`.
   */
  reasons: Reason[];
}
