import { MatchInputError } from "../errors.js";
import { describeValue, readOptions } from "../guard.js";

/** Checks the options object of `recommend` / `recommendAll` (its numbers are checked where used). */
function readRecommendOptions<T extends { criteria?: unknown }>(raw: T | undefined): T {
  const o = readOptions<T>(raw, "options") as T;
  if (o.criteria !== undefined && !Array.isArray(o.criteria)) {
    throw new MatchInputError([{ path: ["options", "criteria"], code: "invalid-option", message: `criteria must be an array of custom criteria, got ${describeValue(o.criteria)}` }]);
  }
  return o;
}
import { adoptParsedCohort } from "../model/cohort.js";
import type { Participant } from "../model/participant.js";
import { explainPair, scoreMatrix, type PairScore, type Reason, type ReasonMessages } from "../score/index.js";
import type { ExtraCriterion } from "../criteria/index.js";
import { solveShortlists } from "../formats/flash.js";
import { prepareCohort } from "./match.js";

/**
 * One recommended mentor.
 * @remarks Since 0.1.0
 */
export interface Recommendation {
  mentorId: string;
  score: number;
  reasons: Reason[];
  breakdown: PairScore["breakdown"];
  /** Seats the mentor still has (capacity minus locked pairs). */
  freeCapacity: number;
}

/**
 * Options for {@link recommend}.
 * @remarks Since 0.1.0
 */
export interface RecommendOptions {
  /** How many mentors. Default: `program.flash.k` (3). */
  k?: number;
  /** Only mentors who list this skill (level > 0). */
  skill?: string;
  /** Only mentors who list this goal. */
  goal?: string;
  /** Custom criteria, as for `match()`. */
  criteria?: ExtraCriterion[];
  /** A message catalogue for the reasons, as for `match()`. Since 0.2.0. */
  messages?: ReasonMessages;
}

const isMentor = (p: Participant) => p.role === "mentor" || p.role === "both";

function filterFor(options: { skill?: string | undefined; goal?: string | undefined }) {
  return (mentor: Participant) =>
    (options.skill === undefined || (mentor.skills !== undefined && Object.hasOwn(mentor.skills, options.skill) && (mentor.skills[options.skill] ?? 0) > 0)) &&
    (options.goal === undefined || (mentor.goals ?? []).includes(options.goal));
}

/** Seats left after the admin's locked pairs (counted over the whole cohort). */
function freeCapacity(locked: ReadonlyArray<{ mentorId: string }>, mentors: Participant[]): Int32Array {
  const used = new Map<string, number>();
  for (const pair of locked) used.set(pair.mentorId, (used.get(pair.mentorId) ?? 0) + 1);
  return Int32Array.from(mentors, (m) => Math.max(0, m.capacity - (used.get(m.id) ?? 0)));
}

/**
 * The top-k eligible mentors for one mentee, best first (ties by id), with reasons — for a mentee
 * booking a one-off session or choosing from a shortlist. Mentors without a free seat are still
 * listed (with `freeCapacity: 0`) so a flash session can be booked with them.
 * @throws MatchInputError for invalid input or an unknown mentee id.
 * @remarks Since 0.1.0
 */
export function recommend(input: unknown, menteeId: string, rawOptions: RecommendOptions = {}): Recommendation[] {
  const options = readRecommendOptions(rawOptions);
  if (typeof menteeId !== "string") throw new MatchInputError([{ path: ["menteeId"], code: "invalid-type", message: "menteeId must be a participant id (a string)" }]);
  const cohort = prepareCohort(input, options.criteria ?? []);
  const k = options.k ?? cohort.program.flash.k;
  if (!Number.isInteger(k) || k < 0) throw new MatchInputError([{ path: ["options", "k"], code: "invalid-k", message: `k must be a non-negative integer, got ${describeValue(k)}` }]);
  const mentee = cohort.participants.find((p) => p.id === menteeId);
  if (!mentee || mentee.role === "mentor") {
    throw new MatchInputError([{ path: ["menteeId"], code: "unknown-id", message: `${JSON.stringify(menteeId)} is not a mentee of this cohort` }]);
  }
  // Score only this mentee against every mentor.
  const sub = adoptParsedCohort({ program: cohort.program, participants: cohort.participants.filter((p) => p === mentee || isMentor(p)) });
  const matrix = scoreMatrix(sub, { custom: options.criteria ?? [] });
  const row = matrix.rowIndex.get(menteeId)!;
  const mentors = Array.from(matrix.colParticipants, (p) => sub.participants[p]!);
  const free = freeCapacity(cohort.program.rules.locked, mentors);
  const keep = filterFor(options);
  const candidates: number[] = [];
  for (let j = 0; j < matrix.cols; j++) if (matrix.eligible[row * matrix.cols + j] && keep(mentors[j]!)) candidates.push(j);
  candidates.sort((a, b) => matrix.scores[row * matrix.cols + b]! - matrix.scores[row * matrix.cols + a]! || (matrix.colIds[a]! < matrix.colIds[b]! ? -1 : 1));
  return candidates.slice(0, k).map((j) => {
    const e = explainPair(matrix, row, j, { messages: options.messages });
    return { mentorId: matrix.colIds[j]!, score: matrix.scores[row * matrix.cols + j]!, reasons: e.reasons, breakdown: e.breakdown, freeCapacity: free[j]! };
  });
}

/**
 * Options for {@link recommendAll}.
 * @remarks Since 0.1.0
 */
export interface RecommendAllOptions {
  /** Shortlist length per mentee. Default: `program.flash.k` (3). */
  k?: number;
  /**
   * A mentor appears on at most `ceil(multiple × free capacity)` shortlists.
   * Default: `program.flash.shortlistMultiple` (2).
   */
  multiple?: number;
  skill?: string;
  goal?: string;
  criteria?: ExtraCriterion[];
  /** A message catalogue for the reasons, as for `match()`. Since 0.2.0. */
  messages?: ReasonMessages;
}

/**
 * `⌈multiple × seats⌉` for the decimal the user wrote: `multiple` is read as its shortest decimal
 * form (`1.12` is 112 / 100, not the binary double just above it, whose product with 25 is
 * 28.000000000000004) and the ceiling is taken in exact integer arithmetic.
 */
export function ceilTimes(multiple: number, seats: number): number {
  const m = /^(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/.exec(String(multiple));
  if (!m) return Math.ceil(multiple * seats);
  const digits = BigInt(m[1]! + (m[2] ?? ""));
  const exp = Number(m[3] ?? 0) - (m[2]?.length ?? 0);
  const num = digits * BigInt(seats);
  if (exp >= 0) return Number(num * 10n ** BigInt(exp));
  const den = 10n ** BigInt(-exp);
  return Number((num + den - 1n) / den);
}

/**
 * Capacity-aware shortlists for every mentee: each gets up to `k` eligible mentors, no mentor is
 * shown on more than `ceil(multiple × free capacity)` shortlists (so the few most popular mentors
 * are not offered to everyone), and the total score over all shortlists is the largest that
 * allows — an exact b-matching, after giving as many mentees as many entries as possible.
 * Returns a Map from mentee id to its shortlist, best first.
 * @remarks Since 0.1.0
 */
export function recommendAll(input: unknown, rawOptions: RecommendAllOptions = {}): Map<string, Recommendation[]> {
  const options = readRecommendOptions(rawOptions);
  const cohort = prepareCohort(input, options.criteria ?? []);
  const k = options.k ?? cohort.program.flash.k;
  const multiple = options.multiple ?? cohort.program.flash.shortlistMultiple;
  if (!Number.isInteger(k) || k < 0) throw new MatchInputError([{ path: ["options", "k"], code: "invalid-k", message: `k must be a non-negative integer, got ${describeValue(k)}` }]);
  if (!(multiple > 0) || !Number.isFinite(multiple)) throw new MatchInputError([{ path: ["options", "multiple"], code: "invalid-multiple", message: `multiple must be a positive number, got ${describeValue(multiple)}` }]);
  const matrix = scoreMatrix(cohort, { custom: options.criteria ?? [] });
  const mentors = Array.from(matrix.colParticipants, (p) => cohort.participants[p]!);
  const free = freeCapacity(cohort.program.rules.locked, mentors);
  // A mentor cannot be on more shortlists than there are mentees (this also keeps huge multiples in range).
  const limit = Int32Array.from(free, (f) => Math.min(ceilTimes(multiple, f), matrix.rows));
  const keep = filterFor(options);
  const lists = solveShortlists(matrix, k, limit, (_, j) => keep(mentors[j]!));
  const out = new Map<string, Recommendation[]>();
  lists.forEach((cols, i) => {
    out.set(
      matrix.rowIds[i]!,
      cols.map((j) => {
        const e = explainPair(matrix, i, j, { messages: options.messages });
        return { mentorId: matrix.colIds[j]!, score: matrix.scores[i * matrix.cols + j]!, reasons: e.reasons, breakdown: e.breakdown, freeCapacity: free[j]! };
      }),
    );
  });
  return out;
}
