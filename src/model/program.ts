import * as z from "zod";
import { describeValue } from "../guard.js";
import { flagReservedKey, id, safeRecord } from "./primitives.js";

/** Programme formats. */
export const FORMATS = ["one-on-one", "reverse", "peer", "group", "rotational", "flash"] as const;
export type Format = (typeof FORMATS)[number];

/** The built-in criteria, each scored in [0, 1]. */
export const CRITERIA = ["goals", "skills", "personality", "availability", "diversity", "preferences"] as const;
export type CriterionName = (typeof CRITERIA)[number];

const weight = z.number().min(0, { error: "weights must be non-negative" }).max(1e6);

/** Criterion weights; defaults sum to 1. Extra keys weight custom criteria by name. */
export const weightsSchema = z.preprocess(flagReservedKey, z
  .looseObject({
    goals: weight.default(0.3),
    skills: weight.default(0.3),
    personality: weight.default(0.1),
    availability: weight.default(0.15),
    diversity: weight.default(0.05),
    preferences: weight.default(0.1),
  })
  .superRefine((w, ctx) => {
    for (const [k, v] of Object.entries(w)) {
      if (typeof v !== "number" || !Number.isFinite(v) || v < 0) {
        ctx.addIssue({ code: "custom", path: [k], message: `weight must be a finite non-negative number; got ${describeValue(v)}`, params: { code: "invalid-weight" }, input: v });
      }
    }
  }));

const pairRef = z.strictObject({ mentorId: id, menteeId: id });
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
export type Rules = z.output<typeof rulesSchema>;

/** Picks participants by a field: `department`, `organisation`, `level`, `location`, `languages`, `diversity.<key>`, `attributes.<key>`. */
export const selectorSchema = z.strictObject({
  field: z.string().min(1).max(200),
  equals: z.union([z.string(), z.number(), z.boolean()]).optional(),
  in: z.array(z.union([z.string(), z.number(), z.boolean()])).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
});
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
  name: z.string().min(1).max(200),
  mentees: selectorSchema.optional(),
  mentors: selectorSchema.optional(),
  min: z.number().min(0).optional(),
  max: z.number().min(0).optional(),
  unit: z.enum(["count", "share"]).default("count"),
  hard: z.boolean().default(true),
  penalty: z.number().min(0).default(1),
});
export type Quota = z.output<typeof quotaSchema>;

/** Group mix rule: per group, members matching `field` (and `equals`) at most / at least a number. */
export const groupMixSchema = z.strictObject({
  name: z.string().min(1).max(200).optional(),
  field: z.string().min(1).max(200),
  equals: z.union([z.string(), z.number(), z.boolean()]).optional(),
  maxPerGroup: z.int().min(0).optional(),
  minPerGroup: z.int().min(0).optional(),
  hard: z.boolean().default(true),
  penalty: z.number().min(0).default(1),
});

export const criteriaOptionsSchema = z.strictObject({
  /** Missing data: drop the criterion from that pair's weighted mean, or score it `neutralScore`. */
  missing: z.enum(["drop", "neutral"]).default("drop"),
  neutralScore: z.number().min(0).max(1).default(0.5),
  goals: z.strictObject({ rankDecay: z.number().min(0).max(1).default(0.8) }).prefault({}),
  personality: z
    .strictObject({
      default: z.enum(["similar", "complementary"]).default("similar"),
      traits: safeRecord(z.enum(["similar", "complementary"]), 50).default({}),
    })
    .prefault({}),
  availability: z
    .strictObject({
      /** Length of one meeting in minutes. Default 60. */
      minutesPerMeeting: z.number().min(1).max(1440).default(60),
      /**
       * Meetings per month. Default 2. The weekly overlap a pair needs is
       * `minutesPerMeeting × max(1, meetingsPerMonth / 4)` (a month counted as four weeks).
       */
      meetingsPerMonth: z.number().min(0).max(100).default(2),
      /**
       * The Monday (ISO date `YYYY-MM-DD`) of the week at which local slots are converted to UTC.
       * Daylight-saving offsets are those in force during that week, so a programme running in
       * summer can pick a summer week. Default `"2027-01-11"` (northern-hemisphere winter time).
       */
      referenceWeek: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "referenceWeek is an ISO date YYYY-MM-DD" })
        .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s && new Date(`${s}T00:00:00Z`).getUTCDay() === 1, {
          error: (iss) => `${JSON.stringify(String(iss.input).slice(0, 40))} is not a Monday (referenceWeek must be the Monday that starts the week)`,
          params: { code: "invalid-reference-week" },
        })
        .default("2027-01-11"),
      /** IANA time zone assumed for participants who give slots but no `timezone`. Default `"UTC"`. */
      defaultTimeZone: z
        .string()
        .refine(
          (zone) => {
            try {
              new Intl.DateTimeFormat("en-US", { timeZone: zone });
              return zone.length <= 64;
            } catch {
              return false;
            }
          },
          { error: (iss) => `${JSON.stringify(String(iss.input).slice(0, 80))} is not an IANA time zone known to Intl`, params: { code: "invalid-timezone" } },
        )
        .default("UTC"),
    })
    .prefault({}),
  diversity: z
    .strictObject({
      /** Programme aims per attribute (`department`, `location`, or a `diversity` key). */
      aims: safeRecord(z.enum(["same", "different"]), 50).default({}),
    })
    .prefault({}),
  preferences: z
    .strictObject({
      rankDecay: z.number().min(0).max(1).default(0.75),
      mutualBonus: z.number().min(0).max(1).default(0.25),
    })
    .prefault({}),
});
export type CriteriaOptions = z.output<typeof criteriaOptionsSchema>;

/**
 * A mentorship programme: format, weights, criterion options, rules and format options.
 * @remarks Since 0.1.0
 */
export const programSchema = z.strictObject({
  name: z.string().max(500).optional(),
  format: z.enum(FORMATS).default("one-on-one"),
  weights: weightsSchema.prefault({}),
  criteria: criteriaOptionsSchema.prefault({}),
  rules: rulesSchema.prefault({}),
  objective: z.enum(["maxTotal", "maxMin", "priority"]).default("maxTotal"),
  solver: z.enum(["auto", "exact", "stable", "constraint", "local"]).default("auto"),
  seed: z.int().min(0).max(2 ** 32 - 1).default(1),
  quotas: z.array(quotaSchema).max(1000).default([]),
  group: z
    .strictObject({
      size: z.strictObject({ min: z.int().min(1).max(1000), max: z.int().min(1).max(1000) }),
      cohesionWeight: z.number().min(0).max(100).default(0.3),
      requireCommonSlot: z.boolean().default(false),
      mentorless: z.boolean().default(false),
      mix: z.array(groupMixSchema).max(100).default([]),
    })
    .optional(),
  rotation: z
    .strictObject({
      rounds: z.int().min(1).max(100),
      minDepartments: z.int().min(1).max(100).optional(),
      mode: z.enum(["auto", "joint", "sequential"]).default("auto"),
    })
    .optional(),
  peer: z.strictObject({ oddPolicy: z.enum(["leave-out", "triad"]).default("leave-out") }).prefault({}),
  flash: z
    .strictObject({
      slots: z.int().min(1).max(1000).default(3),
      k: z.int().min(1).max(1000).default(3),
      shortlistMultiple: z.number().min(1).max(1000).default(2),
    })
    .prefault({}),
  explain: z
    .strictObject({
      includeSensitive: z.boolean().default(false),
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
export type Program = z.output<typeof programSchema>;
export type ProgramInput = z.input<typeof programSchema>;
