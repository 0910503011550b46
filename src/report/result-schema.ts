import * as z from "zod";
import { FORMATS } from "../model/program.js";
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

const stats = z.looseObject({
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
  timings: z.record(z.string(), z.number()).describe("Stage timings in ms: validate, encode, score, solve, report, total."),
}).describe("Totals, quality figures, the solver used and timings; formats add their own fields.");

/**
 * The zod schema of what `match()` returns (as JSON): the shape `rematch` and `explainWhyNot` read
 * back from storage. Criterion evidence and format-specific statistics are left open.
 * @remarks Since 0.2.0
 */
export const resultSchema = z.object({
  format: z.enum(FORMATS),
  matches: z.array(matchSchema),
  rounds: z.array(z.array(matchSchema)).optional().describe("Rotational and flash: the matches of each round or slot."),
  unmatched: z.array(unmatched),
  stats,
  warnings: z.array(z.object({ code: z.enum(WARNING_CODES).describe("WARNING_CODES"), message: z.string() })).describe("What the admin should know: a code and a sentence."),
  version: z.literal(RESULT_VERSION).describe("Version of the result format."),
  fingerprint: z.string().regex(/^fnv1a64:[0-9a-f]{16}$/).describe("Fingerprint of the cohort the result came from."),
});

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
