import type * as z from "zod";
import type { PairDirection } from "../constraints/index.js";
import type { SharedEncoding } from "../encode/index.js";
import type { Cohort, Participant, Program } from "../model/index.js";
import type { ReasonCode, ReasonParamMap } from "../score/reason-codes.js";

/**
 * A reason before its text is made: a code from `REASON_CODES` and its params.
 * @remarks Since 0.2.0
 */
export type ReasonDraft = { [C in ReasonCode]: { code: C; params: ReasonParamMap[C] } }[ReasonCode];

/**
 * What a criterion's `encode` sees: the validated cohort and its own parsed options.
 * @remarks Since 0.2.0
 */
export interface EncodeContext<Options> {
  readonly cohort: Cohort;
  readonly participants: readonly Participant[];
  /** Number of participants; participant `p` is `participants[p]`. */
  readonly size: number;
  /** The criterion's options (`program.criteria[name]` parsed by its `options` schema). */
  readonly options: Options;
}

/**
 * What a criterion's `kernel` sees: the encoded cohort (its own features included), its options,
 * the pair direction and the scratch size.
 * @remarks Since 0.2.0
 */
export interface KernelContext<Options, Features> {
  readonly enc: SharedEncoding & Features;
  readonly cohort: Cohort;
  readonly options: Options;
  /** `forward` (mentee × mentor), `reverse` (senior mentee × junior mentor) or `peer`. */
  readonly direction: PairDirection;
  /** Most columns a row will have; size scratch arrays to it. */
  readonly capacity: number;
}

/**
 * Per-row inputs the scorer computes once and shares between criteria and rules: preference
 * ranks (−1 none), overlap cells (−1 without slots) and mode fit (1 yes, 0 no, −1 unknown). The
 * last two are filled only when some criterion declares it `uses` them, or a rule needs them.
 * @remarks Since 0.2.0
 */
export interface RowInputs {
  readonly rankAB: Int32Array;
  readonly rankBA: Int32Array;
  readonly cells: Int32Array;
  readonly fit: Int32Array;
}

/**
 * A row kernel: scores row participant `a` against every participant of `cols` into
 * `out[j]` (j < cols.length) in [0, 1], or NaN (the missing-data marker) where the criterion has
 * no data for the pair. No allocation, no strings: it runs once per row of every matrix.
 * @remarks Since 0.2.0
 */
export type RowKernel = (a: number, cols: Int32Array, out: Float64Array, inputs: RowInputs) => void;

/**
 * What `evidence` and `reasons` see for one pair (a = row participant, b = column participant).
 * @remarks Since 0.2.0
 */
export interface PairContext<Options, Features> {
  readonly enc: SharedEncoding & Features;
  readonly cohort: Cohort;
  readonly program: Program;
  readonly options: Options;
  readonly direction: PairDirection;
  readonly a: number;
  readonly b: number;
  /** 0-based preference ranks of b by a and of a by b, −1 when not ranked. */
  readonly rankAB: number;
  readonly rankBA: number;
  /** The criterion's score for the pair, NaN without data. */
  readonly score: number;
  /** True for a cross-organisation pair explained without internal fields (see `explain.crossOrganisation`). */
  readonly scoped: boolean;
  /** `explain.includeSensitive`. */
  readonly includeSensitive: boolean;
}

/**
 * One scoring criterion as a self-contained module: everything the scorer, the explanation and
 * the programme schema need to know about it. The built-ins (goals, skills, personality,
 * availability, diversity, preferences) are modules in `BUILTIN_CRITERIA`; a new criterion is one
 * file implementing this contract plus one line in the registry (or, outside the package, one
 * entry in the `custom` / `criteria` option of `scoreMatrix`, `scorePair` and `match`).
 *
 * Data flow: `encode` once per cohort (features into the encoded cohort) → `kernel` once per
 * scorer → the kernel once per row → `evidence` and `reasons` once per explained pair.
 * @remarks Since 0.2.0
 */
export interface CriterionModule<Name extends string = string, Schema extends z.ZodType | undefined = z.ZodType | undefined, Features extends object = object, Evidence = unknown> {
  /** Unique name; the key in `program.weights`, breakdowns and per-criterion matrices. */
  readonly name: Name;
  /** Weight when `program.weights[name]` is not given. */
  readonly defaultWeight: number;
  /**
   * zod schema of `program.criteria[name]`, with defaults (parsing `{}` gives the defaults);
   * omit it for a criterion without options (it then receives `{}`). Built-ins' schemas are part
   * of `programSchema`; other modules' options are parsed from `program.criteria[name]` (or `{}`)
   * when the scorer is built.
   */
  readonly options?: Schema;
  /** Shared per-row inputs the kernel reads (`cells`, `fit`); ranks are always there. */
  readonly uses?: { readonly overlap?: boolean; readonly modeFit?: boolean };
  /**
   * Encodes the criterion's features from the parsed cohort into typed arrays, once per cohort.
   * The returned fields are merged into the encoded cohort (names must not clash); a
   * `vocabularies` field is merged into `encoded.vocabularies`. Default none.
   */
  encode?(ctx: EncodeContext<OptionsOf<Schema>>): Features;
  /** Builds the row kernel (allocate scratch here, sized `ctx.capacity`). */
  kernel(ctx: KernelContext<OptionsOf<Schema>, Features>): RowKernel;
  /** What the pair's score is made of, `null` without data. Called for explanations only. */
  evidence(ctx: PairContext<OptionsOf<Schema>, Features>): Evidence | null;
  /** Reasons for the pair, main one first, from its evidence (non-null). May be empty. */
  reasons(evidence: Evidence, ctx: PairContext<OptionsOf<Schema>, Features>): ReasonDraft[];
}

/**
 * Parsed options of a criterion with options schema `S` (`{}` without a schema).
 * @remarks Since 0.2.0
 */
export type OptionsOf<S> = S extends z.ZodType ? z.output<S> : Record<string, never>;

/**
 * Any criterion module, whatever its options, features and evidence types.
 * @remarks Since 0.2.0
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyCriterionModule = CriterionModule<string, any, any, any>;

/**
 * Evidence type of a criterion module.
 * @remarks Since 0.2.0
 */
export type EvidenceOf<M> = M extends CriterionModule<string, infer _S, infer _F, infer E> ? E : never;

/**
 * Encoded features of a criterion module.
 * @remarks Since 0.2.0
 */
export type FeaturesOf<M> = M extends CriterionModule<string, infer _S, infer F, infer _E> ? F : never;

/**
 * Declares a criterion module with its types inferred (an identity function for type inference).
 * @remarks Since 0.2.0
 */
export function defineCriterion<Name extends string, Schema extends z.ZodType | undefined = undefined, Features extends object = object, Evidence = unknown>(
  module: CriterionModule<Name, Schema, Features, Evidence>,
): CriterionModule<Name, Schema, Features, Evidence> {
  return module;
}

/**
 * Peer pairs average the two directions of a directional criterion; a direction without data
 * gives way to the other: `out[j] = mean(out[j], backward[j])` over the directions with data.
 * @remarks Since 0.2.0
 */
export function averageDirections(out: Float64Array, backward: Float64Array, m: number): void {
  for (let j = 0; j < m; j++) {
    const x = out[j]!;
    const y = backward[j]!;
    out[j] = x !== x ? y : y !== y ? x : (x + y) / 2;
  }
}

/**
 * True when `x` is a criterion module (has a name and a `kernel` function) rather than a
 * function-style `CustomCriterion`.
 * @remarks Since 0.2.0
 */
export function isCriterionModule(x: unknown): x is AnyCriterionModule {
  return typeof x === "object" && x !== null && typeof (x as { kernel?: unknown }).kernel === "function" && typeof (x as { name?: unknown }).name === "string";
}
