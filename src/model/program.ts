import * as z from "zod";
import { BUILTIN_CRITERIA, builtinOptionsShape, type BuiltinCriterion, type BuiltinCriterionNames } from "../criteria/registry.js";
import { describeValue } from "../guard.js";
import { flagReservedKey, id } from "./primitives.js";

/** Programme formats. */
export const FORMATS = ["one-on-one", "reverse", "peer", "group", "rotational", "flash"] as const;
/** A programme format: `one-on-one`, `reverse`, `peer`, `group`, `rotational` or `flash`. */
export type Format = (typeof FORMATS)[number];

/**
 * The built-in criteria, each scored in [0, 1], in composite order: the names of
 * `BUILTIN_CRITERIA` (see `src/criteria/registry.ts`).
 */
export const CRITERIA: BuiltinCriterionNames = BUILTIN_CRITERIA.map((m) => m.name) as unknown as BuiltinCriterionNames;
/** A built-in criterion's name. */
export type CriterionName = (typeof CRITERIA)[number];

const weight = z.number().min(0, { error: "weights must be non-negative" }).max(1e6);
type WeightShape = { [M in BuiltinCriterion as M["name"]]: z.ZodDefault<typeof weight> };

/**
 * Criterion weights: each built-in criterion's `defaultWeight` (they sum to 1) unless given.
 * Extra keys weight custom criteria by name.
 */
export const weightsSchema = z.preprocess(flagReservedKey, z
  .looseObject(Object.fromEntries(BUILTIN_CRITERIA.map((m) => [m.name, weight.default(m.defaultWeight)])) as WeightShape)
  .superRefine((w, ctx) => {
    for (const [k, v] of Object.entries(w)) {
      if (typeof v !== "number" || !Number.isFinite(v) || v < 0) {
        ctx.addIssue({ code: "custom", path: [k], message: `weight must be a finite non-negative number; got ${describeValue(v)}`, params: { code: "invalid-weight" }, input: v });
      }
    }
  }));

/** A mentor–mentee pair by ids. */
const pairRef = z.strictObject({ mentorId: id, menteeId: id });
/** A mentor–mentee pair by ids (`{ mentorId, menteeId }`); for peers, the two peers in either order. */
export type PairRef = z.output<typeof pairRef>;

/** Hard rules: a pair that breaks one is ineligible and the reason is recorded. */
export const rulesSchema = z.strictObject({
  /** Exclude a pair with the same manager, or where one manages the other (either direction). */
  reportingLine: z.boolean().default(true),
  /** Require the same or a different department (`any`: no rule). */
  department: z.enum(["any", "same", "different"]).default("any"),
  /**
   * Require the same or a different organisation (`any`: no rule); applies when both give an
   * `organisation`. `different` makes a cross-company programme pair people across companies only.
   * @remarks Since 0.2.0
   */
  organisation: z.enum(["any", "same", "different"]).default("any"),
  /** Require at least one shared language when both list languages. */
  sharedLanguage: z.boolean().default(true),
  /** Mentor level ≥ mentee level + levelGap (inverted for reverse). `null` turns the rule off. */
  levelGap: z.int().min(0).max(100).nullable().default(1),
  /** Peer format: |level difference| ≤ maxLevelDiff. */
  maxLevelDiff: z.int().min(0).max(100).default(2),
  /** Minimum weekly overlap in minutes when both give slots (0: no rule). */
  minOverlapMinutes: z.number().min(0).max(10_080).default(0),
  /** Exclude incompatible meeting modes (in-person needs the same location). */
  modeCompatibility: z.boolean().default(true),
  /** Honour each participant's avoid list. */
  respectAvoid: z.boolean().default(true),
  /** Exclude pairs already in either participant's history. */
  noRepeats: z.boolean().default(true),
  /** Exclude pairs whose composite score is below this. */
  minScore: z.number().min(0).max(1).default(0),
  /** Pairs the admin forbids. */
  forbidden: z.array(pairRef).max(100_000).default([]),
  /** Pairs the admin locks in; kept as given even when they break a rule (which is reported). */
  locked: z.array(pairRef).max(100_000).default([]),
});
/** Hard rules after validation, with defaults applied. */
export type Rules = z.output<typeof rulesSchema>;

/** Picks participants by a field: `department`, `organisation`, `level`, `location`, `languages`, `diversity.<key>`, `attributes.<key>`. */
export const selectorSchema = z.strictObject({
  /** The field to read: `department`, `organisation`, `level`, `location`, `timezone`, `role`, `languages`, `goals`, `id`, `diversity.<key>` or `attributes.<key>`. */
  field: z.string().min(1).max(200),
  /** The field equals this (for lists: contains it). */
  equals: z.union([z.string(), z.number(), z.boolean()]).optional(),
  /** The field's value is one of these. */
  in: z.array(z.union([z.string(), z.number(), z.boolean()])).optional(),
  /** The field is a number at least this. */
  min: z.number().optional(),
  /** The field is a number at most this. */
  max: z.number().optional(),
});
/** A selector after validation. */
export type Selector = z.output<typeof selectorSchema>;

/** The fields a selector may name, for validation messages. */
export const SELECTOR_FIELDS = ["department", "organisation", "level", "location", "timezone", "role", "languages", "goals", "id", "diversity.<key>", "attributes.<key>"];

/** True when `field` is a field a selector can read. */
export function isSelectorField(field: string): boolean {
  return ["department", "organisation", "level", "location", "timezone", "role", "languages", "goals", "id"].includes(field) || /^(diversity|attributes)\..+/.test(field);
}


/**
 * A programme-level quota on matched pairs: among matched pairs whose mentee matches `mentees`
 * and whose mentor matches `mentors`, count (or share of the selected mentees) within [min, max].
 */
export const quotaSchema = z.strictObject({
  /** Name used in warnings and infeasibility reports. */
  name: z.string().min(1).max(200),
  /** Which mentees the quota counts (default: all). */
  mentees: selectorSchema.optional(),
  /** Which mentors count as meeting it (default: all). */
  mentors: selectorSchema.optional(),
  /** At least this many pairs (or this share, with `unit: "share"`). */
  min: z.number().min(0).optional(),
  /** At most this many pairs (or this share). */
  max: z.number().min(0).optional(),
  /** `count`: min/max are numbers of pairs; `share`: fractions of the selected mentees. Default: `count`. */
  unit: z.enum(["count", "share"]).default("count"),
  /** Never violated when true; otherwise violations cost `penalty` each. Default: true. */
  hard: z.boolean().default(true),
  /** Objective cost per unit of violation of a soft quota. Default: 1. */
  penalty: z.number().min(0).default(1),
});
/** A quota after validation, with defaults applied. */
export type Quota = z.output<typeof quotaSchema>;

/** Group mix rule: per group, members matching `field` (and `equals`) at most / at least a number. */
export const groupMixSchema = z.strictObject({
  /** Name used in reports. */
  name: z.string().min(1).max(200).optional(),
  /** The field members are counted by (as in selectors). */
  field: z.string().min(1).max(200),
  /** Count members whose field equals this; without it, caps members per distinct value. */
  equals: z.union([z.string(), z.number(), z.boolean()]).optional(),
  /** At most this many such members per group. */
  maxPerGroup: z.int().min(0).optional(),
  /** At least this many such members per group (needs `equals`). */
  minPerGroup: z.int().min(0).optional(),
  /** Never violated when true; otherwise violations cost `penalty` each. Default: true. */
  hard: z.boolean().default(true),
  /** Objective cost per unit of violation of a soft rule. Default: 1. */
  penalty: z.number().min(0).default(1),
});

/**
 * `program.criteria`: the missing-data policy, then each built-in criterion's options under its
 * name (the `options` schema of its module, see `BUILTIN_CRITERIA`).
 */
export const criteriaOptionsSchema = z.strictObject({
  /** Missing data: drop the criterion from that pair's weighted mean, or score it `neutralScore`. */
  missing: z.enum(["drop", "neutral"]).default("drop"),
  /** Score given to a criterion without data when `missing` is `neutral`. Default: 0.5. */
  neutralScore: z.number().min(0).max(1).default(0.5),
  ...builtinOptionsShape(),
});
/** Criterion options after validation, with defaults applied. */
export type CriteriaOptions = z.output<typeof criteriaOptionsSchema>;

/**
 * A mentorship programme: format, weights, criterion options, rules and format options.
 * @remarks Since 0.1.0
 */
export const programSchema = z.strictObject({
  /** Programme name, shown in reports. */
  name: z.string().max(500).optional(),
  /** The programme's format. Default: `one-on-one`. */
  format: z.enum(FORMATS).default("one-on-one"),
  /** Weight of each criterion (custom criteria by name). Defaults sum to 1. */
  weights: weightsSchema.prefault({}),
  /** Options of the built-in criteria. */
  criteria: criteriaOptionsSchema.prefault({}),
  /** Hard rules: pairs that break one are ineligible, with the reason recorded. */
  rules: rulesSchema.prefault({}),
  /** `maxTotal` (best total score), `maxMin` (raise the worst match first) or `priority` (participants with `priority` first). Default: `maxTotal`. */
  objective: z.enum(["maxTotal", "maxMin", "priority"]).default("maxTotal"),
  /** `auto`, `exact`, `stable` (deferred acceptance), `constraint` or `local` (constraint solver engines). Default: `auto`. */
  solver: z.enum(["auto", "exact", "stable", "constraint", "local"]).default("auto"),
  /**
   * Sparse candidate mode (one-on-one and reverse, objective `maxTotal` or `priority`): each
   * mentee keeps its `perMentee` best eligible mentors instead of a dense score matrix, the flow
   * is solved on those pairs, and its duals certify the result for the full cohort (pairs are
   * added until they do; see `stats.certified`). Switched on automatically, with a warning, from
   * 25,000,000 to 2³¹ − 1 mentee × mentor pairs (k = 32).
   * @remarks Since 0.2.0
   */
  candidates: z.strictObject({ perMentee: z.int().min(1).max(100_000) }).optional(),
  /** Seed of every random choice (local search, tie-breaking); the same seed gives the same result. Default: 1. */
  seed: z.int().min(0).max(2 ** 32 - 1).default(1),
  /** Programme quotas on matched pairs (e.g. a share of a department's mentees with senior mentors). Default: none. */
  quotas: z.array(quotaSchema).max(1000).default([]),
  /** Group format: group sizes, cohesion, common slot, peer circles, mix rules (required for `group`). */
  group: z
    .strictObject({
      /** Mentees per group: `{ min, max }`. */
      size: z.strictObject({ min: z.int().min(1).max(1000), max: z.int().min(1).max(1000) }),
      /** Weight of mentee–mentee compatibility inside a group. Default: 0.3. */
      cohesionWeight: z.number().min(0).max(100).default(0.3),
      /** Every group (mentor included) must share a weekly slot. Default: false. */
      requireCommonSlot: z.boolean().default(false),
      /** Partition everyone into peer circles, without mentors. Default: false. */
      mentorless: z.boolean().default(false),
      /** Per-group caps or minimums by a field (`{ field: "department", maxPerGroup: 2 }`). Default: none. */
      mix: z.array(groupMixSchema).max(100).default([]),
    })
    .optional(),
  /** Rotational format: rounds and department rotation (required for `rotational`). */
  rotation: z
    .strictObject({
      /** Number of rounds; no mentee meets the same mentor twice. */
      rounds: z.int().min(1).max(100),
      /** Each mentee meets mentors from at least this many departments. */
      minDepartments: z.int().min(1).max(100).optional(),
      /** Solve the rounds jointly, round by round, or choose by size (`auto`). Default: `auto`. */
      mode: z.enum(["auto", "joint", "sequential"]).default("auto"),
    })
    .optional(),
  /** Peer format: `oddPolicy`, what happens to the one left over in an odd pool (`leave-out` or `triad`). Default: `leave-out`. */
  peer: z.strictObject({ oddPolicy: z.enum(["leave-out", "triad"]).default("leave-out") }).prefault({}),
  /** Flash format: timetable slots and shortlist sizes. */
  flash: z
    .strictObject({
      /** Time slots of the speed-mentoring timetable. Default: 3. */
      slots: z.int().min(1).max(1000).default(3),
      /** Mentors per mentee in `recommendAll` shortlists. Default: 3. */
      k: z.int().min(1).max(1000).default(3),
      /** A mentor appears in at most ⌈multiple × free capacity⌉ shortlists. Default: 2. */
      shortlistMultiple: z.number().min(1).max(1000).default(2),
    })
    .prefault({}),
  /** Explanations: sensitive data and the number of reasons shown. */
  explain: z
    .strictObject({
      /** Show diversity evidence in reasons. Default: false. */
      includeSensitive: z.boolean().default(false),
      /** Most criterion reasons per match. Default: 3. */
      maxReasons: z.int().min(0).max(50).default(3),
      /**
       * Reasons for a pair whose two people give different `organisation`s: `scoped` (default)
       * never mentions either side's internal fields (department, manager, career level) in its
       * reasons or diversity evidence; `full` explains such pairs like any other.
       * @remarks Since 0.2.0
       */
      crossOrganisation: z.enum(["scoped", "full"]).default("scoped"),
    })
    .prefault({}),
});
/** A programme after validation, with defaults applied. */
export type Program = z.output<typeof programSchema>;
/** A programme as written by the caller (defaults optional). */
export type ProgramInput = z.input<typeof programSchema>;
