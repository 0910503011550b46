import * as z from "zod";
import { REASON_CODES } from "../score/reason-codes.js";
import { UNMATCHED_CODES, WARNING_CODES } from "./outcome-codes.js";
import { RESULT_VERSION } from "./fingerprint.js";

const reason = z.object({
  code: z.enum(REASON_CODES).describe("Machine-readable reason code (REASON_CODES)."),
  params: z.record(z.string(), z.unknown()).describe("The code's parameters, for translation."),
  text: z.string().describe("The reason as an English sentence (or through options.messages)."),
});

const breakdown = z.record(
  z.string(),
  z.object({
    score: z.number().nullable().describe("The criterion's score in [0, 1]; null without data."),
    weight: z.number(),
    used: z.boolean().describe("Whether it counted in the composite."),
    neutral: z.boolean().describe("Missing data replaced by the neutral score."),
    evidence: z.unknown().describe("What the score is made of (criterion-specific); null without data."),
  }),
).describe("Per-criterion breakdown, by criterion name.");

const memberScore = z.object({
  mentorId: z.string().nullable(),
  menteeId: z.string(),
  score: z.number(),
  breakdown,
  reasons: z.array(reason),
});

const matchSchema = z.object({
  mentorIds: z.array(z.string()).describe("The mentor (empty for peers and peer circles)."),
  menteeIds: z.array(z.string()).describe("The mentee, or every member of a peer pair, triad or group."),
  score: z.number().describe("Composite compatibility in [0, 1] (several members: the mean of their pair scores)."),
  breakdown,
  reasons: z.array(reason),
  locked: z.boolean().optional().describe("Locked by the admin in rules.locked."),
  lockedViolations: z.array(z.string()).optional().describe("Rules a locked pair breaks."),
  round: z.int().min(0).optional().describe("Round or time slot (rotational and flash), from 0."),
  members: z.array(memberScore).optional().describe("Per-member scores of a triad or group."),
});

const unmatched = z.object({
  id: z.string(),
  role: z.enum(["mentee", "mentor", "peer"]),
  code: z.enum(UNMATCHED_CODES).describe("Why (UNMATCHED_CODES): no-eligible-partner, partners-at-capacity, odd-pool, …"),
  message: z.string(),
  detail: z.looseObject({
    candidates: z.number(),
    eligible: z.number(),
    excludedBy: z.record(z.string(), z.number()),
    atCapacity: z.array(z.string()).optional(),
  }),
});

const timings = z.record(z.string(), z.number()).describe("Stage timings in ms: validate, encode, score, solve, report, total.");

const baseStats = {
  matches: z.number(),
  matchedMentees: z.number(),
  total: z.number(),
  mean: z.number(),
  min: z.number(),
  median: z.number(),
  coverage: z.number(),
  matchable: z.number(),
  solver: z.string(),
  optimal: z.boolean(),
  objective: z.string(),
  blockingPairs: z.number().nullable(),
  blockingPairsNote: z.string().optional(),
  timings,
  rematch: z.object({ kept: z.number(), freed: z.number(), changed: z.number(), joined: z.number(), left: z.number() }).optional().describe("Set by rematch."),
};

const constraintStats = z.object({
  engine: z.enum(["exact", "local"]),
  status: z.enum(["optimal", "feasible", "infeasible", "time-limit"]),
  gap: z.number().nullable(),
  bound: z.number().nullable(),
  seed: z.number(),
  softViolations: z.array(z.object({ name: z.string(), col: z.number().optional(), row: z.number().optional(), amount: z.number() })),
  infeasibility: z.object({ constraints: z.array(z.string()), message: z.string(), proven: z.boolean() }).optional(),
});

const pairStats = z.object({
  ...baseStats,
  ...constraintStats.partial().shape,
  threshold: z.number().optional().describe("maxMin: the best lowest score that keeps the most mentees matched."),
  certified: z.boolean().optional().describe("Sparse candidates: certified against every eligible pair."),
  candidates: z.object({ perMentee: z.number(), pairs: z.number(), added: z.number(), solves: z.number(), rowsRescored: z.number(), violations: z.number() }).optional(),
});
const peerStats = z.object(baseStats);
const flashStats = z.object({ ...baseStats, slots: z.number(), meetings: z.number() });
const groupStats = z.object({ ...baseStats, ...constraintStats.shape, groups: z.number(), objectiveValue: z.number() });
const rotationalStats = z.object({ ...baseStats, ...constraintStats.partial().shape, rounds: z.number(), jointBound: z.number(), gapToJointBound: z.number() });

const common = {
  matches: z.array(matchSchema),
  unmatched: z.array(unmatched),
  warnings: z.array(z.object({ code: z.enum(WARNING_CODES).describe("WARNING_CODES"), message: z.string() })).describe("What the admin should know: a code and a sentence."),
  version: z.literal(RESULT_VERSION).describe("Version of the result format."),
  fingerprint: z.string().regex(/^fnv1a64:[0-9a-f]{16}$/).describe("Fingerprint of the cohort the result came from."),
};
const rounds = z.array(z.array(matchSchema)).describe("The matches of each round or time slot.");

/**
 * The zod schema of what `match()` returns (as JSON): the shape `rematch` and `explainWhyNot` read
 * back from storage, one object per format (discriminated on `format`): flash and rotational
 * results have `rounds`, and each format lists its own statistics. Criterion evidence is left open.
 * @remarks Since 0.2.0
 */
export const resultSchema = z.discriminatedUnion("format", [
  z.object({ format: z.enum(["one-on-one", "reverse"]), ...common, stats: pairStats }),
  z.object({ format: z.literal("peer"), ...common, stats: peerStats }),
  z.object({ format: z.literal("group"), ...common, stats: groupStats }),
  z.object({ format: z.literal("flash"), ...common, rounds, stats: flashStats }),
  z.object({ format: z.literal("rotational"), ...common, rounds, stats: rotationalStats }),
]);

/**
 * The JSON Schema (draft 2020-12) of a result, shipped as `schema/result.schema.json` beside the
 * cohort's, for hosts that store results or read them from other languages. Generated from
 * {@link resultSchema}.
 * @remarks Since 0.2.0
 */
export function resultJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(resultSchema, { io: "output", unrepresentable: "any", target: "draft-2020-12" }) as Record<string, unknown>;
  return {
    ...schema,
    $id: "https://unpkg.com/mentormatch/schema/result.schema.json",
    title: "mentormatch result",
    description: `What mentormatch's match() returns, as JSON (result format version ${RESULT_VERSION}). Store it with its cohort; rematch and explainWhyNot read both back.`,
  };
}
