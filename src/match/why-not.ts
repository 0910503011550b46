import { MatchInputError } from "../errors.js";
import { solvePairs, totalScore } from "../formats/one-on-one.js";
import { contextOf } from "./match.js";
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
 * @throws MatchInputError when the result did not come from `match()` of a one-on-one or reverse
 *   programme, or an id is not a mentee / mentor of it.
 * @remarks Since 0.1.0
 */
export function explainWhyNot(result: MatchResult, menteeId: string, mentorId: string): WhyNot {
  const context = contextOf(result);
  if (!context || !context.problem || !context.solution) {
    throw new MatchInputError([{ path: ["result"], code: "unsupported-result", message: "explainWhyNot needs a one-on-one or reverse result returned by match()" }]);
  }
  const { matrix, problem, solution } = context;
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
  const forced = solvePairs({ ...problem, locked }, result.stats.objective === "stable" ? "maxTotal" : (result.stats.objective as "maxTotal" | "maxMin" | "priority"));
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
