import { MatchInputError } from "../errors.js";
import { solvePairs, totalScore } from "../formats/one-on-one.js";
import type { ExtraCriterion } from "../criteria/index.js";
import type { PairSolution } from "../formats/one-on-one.js";
import { scoreMatrix } from "../score/index.js";
import { contextOf } from "./match.js";
import { pairProblem, type MatchContext } from "./context.js";
import { isStoredResult, restoreStored, type StoredResult } from "./stored.js";
import type { MatchResult } from "./types.js";

/**
 * The answer to "why wasn't this mentee paired with this mentor?".
 * @remarks Since 0.1.0
 */
export interface WhyNot {
  menteeId: string;
  mentorId: string;
  /**
   * `matched`: they are paired; `ineligible`: rules exclude the pair; `cost`: forcing it lowers
   * the result (exact re-solve); `not-computed`: the result came from the constraint solver
   * (programme quotas), where forcing a pair is not re-solved here.
   */
  verdict: "matched" | "ineligible" | "cost" | "not-computed";
  message: string;
  /** Rule codes that exclude the pair (verdict `ineligible`). */
  rules: string[];
  /** Composite score of the pair (also when ineligible). */
  score: number;
  /** Verdict `cost`: totals with and without the pair forced, and who else would move. */
  totalBefore?: number;
  totalAfter?: number;
  drop?: number;
  matchedBefore?: number;
  matchedAfter?: number;
  moves?: Array<{ menteeId: string; from: string | null; to: string | null }>;
}

/**
 * Explains why `menteeId` was not paired with `mentorId` in a one-on-one or reverse result:
 * the rules that exclude the pair, or else the exact cost of forcing it — the programme is
 * re-solved with the pair locked, with the same objective, and the drop in total score and the
 * mentees who would move are reported.
 *
 * `result` is the live result of `match()`, or (since 0.2.0) a stored `{ cohort, result }` read
 * back as plain JSON — in any process, weeks later — which gives the same answer. A stored
 * result of a programme with custom criteria needs them again in `options.criteria`.
 * @throws MatchInputError when the result did not come from `match()` of a one-on-one or reverse
 *   programme (`unsupported-result`), a stored cohort is not the result's (`cohort-mismatch`), or
 *   an id is not a mentee / mentor of it (`unknown-id`).
 * @remarks Since 0.1.0
 */
export function explainWhyNot(result: MatchResult | StoredResult, menteeId: string, mentorId: string, options: { criteria?: ExtraCriterion[] } = {}): WhyNot {
  if (typeof menteeId !== "string" || typeof mentorId !== "string") {
    throw new MatchInputError([{ path: [typeof menteeId !== "string" ? "menteeId" : "mentorId"], code: "invalid-type", message: "menteeId and mentorId must be participant ids (strings)" }]);
  }
  const revisited = isStoredResult(result) ? fromStored(result, options.criteria ?? []) : fromLive(result);
  const { context, result: previous } = revisited;
  const { matrix } = context;
  const problem = context.problem!, solution = context.solution!;
  const row = matrix.rowIndex.get(menteeId);
  const col = matrix.colIndex.get(mentorId);
  if (row === undefined) throw new MatchInputError([{ path: ["menteeId"], code: "unknown-id", message: `${JSON.stringify(menteeId)} is not a mentee of this programme` }]);
  if (col === undefined) throw new MatchInputError([{ path: ["mentorId"], code: "unknown-id", message: `${JSON.stringify(mentorId)} is not a mentor of this programme` }]);
  const k = row * matrix.cols + col;
  const score = matrix.scores[k]!;
  const base = { menteeId, mentorId, score };
  if (solution.rowToCol[row] === col) {
    return { ...base, verdict: "matched", rules: [], message: `${menteeId} is paired with ${mentorId} (score ${score.toFixed(3)})` };
  }
  if (!matrix.eligible[k]) {
    const rules: string[] = [];
    const bits = matrix.violations[k]!;
    matrix.ruleCodes.forEach((code, b) => {
      if (bits & (1 << b)) rules.push(code);
    });
    return { ...base, verdict: "ineligible", rules, message: `${menteeId} and ${mentorId} cannot be paired: excluded by ${rules.join(", ")}` };
  }
  if (solution.solver.startsWith("constraint/")) {
    return { ...base, verdict: "not-computed", rules: [], message: `${menteeId} and ${mentorId} are eligible (score ${score.toFixed(3)}); this programme was solved with quotas by the constraint solver, so the cost of forcing the pair is not computed` };
  }
  // Force the pair: lock it on top of the admin's locks (replacing any lock on this mentee).
  const locked = problem.locked.filter(([i]) => i !== row);
  locked.push([row, col]);
  const lockedOnMentor = locked.filter(([, j]) => j === col).length;
  if (lockedOnMentor > problem.capacity[col]!) {
    return { ...base, verdict: "ineligible", rules: ["capacity"], message: `${mentorId}'s seats are all taken by locked pairs` };
  }
  const forced = solvePairs({ ...problem, locked }, previous.stats.objective === "stable" ? "maxTotal" : (previous.stats.objective as "maxTotal" | "maxMin" | "priority"));
  const before = totalScore(problem, solution.rowToCol);
  const after = totalScore(problem, forced.rowToCol);
  const count = (a: Int32Array) => a.reduce((c, j) => (j >= 0 ? c + 1 : c), 0);
  const moves: NonNullable<WhyNot["moves"]> = [];
  for (let i = 0; i < problem.rows; i++) {
    if (i === row || solution.rowToCol[i] === forced.rowToCol[i]) continue;
    const from = solution.rowToCol[i]!;
    const to = forced.rowToCol[i]!;
    moves.push({ menteeId: matrix.rowIds[i]!, from: from >= 0 ? matrix.colIds[from]! : null, to: to >= 0 ? matrix.colIds[to]! : null });
  }
  const drop = before - after;
  const lost = count(solution.rowToCol) - count(forced.rowToCol);
  const parts = [
    `Pairing ${menteeId} with ${mentorId} (score ${score.toFixed(3)}) lowers the total score by ${drop.toFixed(3)} (${before.toFixed(3)} → ${after.toFixed(3)})`,
    lost > 0 ? `leaves ${lost} more mentee${lost === 1 ? "" : "s"} unmatched` : "",
    moves.length > 0 ? `and moves ${moves.length} other mentee${moves.length === 1 ? "" : "s"}: ${moves.slice(0, 5).map((m) => `${m.menteeId} ${m.from ?? "(unmatched)"} → ${m.to ?? "(unmatched)"}`).join("; ")}${moves.length > 5 ? "; …" : ""}` : "and moves nobody else",
  ].filter(Boolean);
  return {
    ...base,
    verdict: "cost",
    rules: [],
    message: parts.join(", "),
    totalBefore: before,
    totalAfter: after,
    drop,
    matchedBefore: count(solution.rowToCol),
    matchedAfter: count(forced.rowToCol),
    moves,
  };
}

const UNSUPPORTED = "explainWhyNot needs a one-on-one or reverse result returned by match(), or a stored { cohort, result } of one";

function fromLive(result: MatchResult): { context: MatchContext; result: MatchResult } {
  const context = result !== null && typeof result === "object" ? contextOf(result) : undefined;
  if (!context || !context.problem || !context.solution) throw new MatchInputError([{ path: ["result"], code: "unsupported-result", message: UNSUPPORTED }]);
  return { context, result };
}

/** Rebuilds what the live path keeps: the scored cohort, the pair problem and the solution's assignment. */
function fromStored(stored: StoredResult, custom: ExtraCriterion[]): { context: MatchContext; result: MatchResult } {
  const { cohort, result } = restoreStored(stored, custom);
  if (result.format !== "one-on-one" && result.format !== "reverse") throw new MatchInputError([{ path: ["result", "format"], code: "unsupported-result", message: UNSUPPORTED }]);
  const matrix = scoreMatrix(cohort, { custom });
  const context: MatchContext = { cohort, matrix, custom, timings: { validate: 0, encode: 0, score: 0, solve: 0, report: 0, total: 0 } };
  const problem = pairProblem(context);
  const rowToCol = new Int32Array(matrix.rows).fill(-1);
  const load = new Int32Array(matrix.cols);
  result.matches.forEach((m, k) => {
    const i = matrix.rowIndex.get(m.menteeIds?.[0] ?? "");
    const j = matrix.colIndex.get(m.mentorIds?.[0] ?? "");
    if (i === undefined || j === undefined) throw new MatchInputError([{ path: ["result", "matches", k], code: "cohort-mismatch", message: "this match names a mentee or mentor the cohort does not have as one" }]);
    rowToCol[i] = j;
    load[j]!++;
  });
  const solution: PairSolution = { rowToCol, load, unmetMinimum: [], threshold: null, solver: String(result.stats.solver), optimal: Boolean(result.stats.optimal) };
  context.problem = problem;
  context.solution = solution;
  return { context, result };
}
