import type { ExtraCriterion } from "../criteria/index.js";
import { MatchInputError, type MatchIssue } from "../errors.js";
import type { Cohort, CohortInput } from "../model/cohort.js";
import { cohortFingerprint, RESULT_VERSION } from "../report/fingerprint.js";
import { resultSchema } from "../report/result-schema.js";
import { describeValue } from "../guard.js";
import { prepareCohort } from "./match.js";
import type { MatchResult } from "./types.js";

/**
 * A result read back from storage together with the cohort it was made from, both as plain JSON
 * (or the cohort as `parseCohort` returned it). `rematch` and `explainWhyNot` take it in place
 * of a live result, in any process, and give the same answers.
 * @remarks Since 0.2.0
 */
export interface StoredResult {
  /** The cohort as given to `match()` (raw input or a parsed cohort; participant order does not matter). */
  cohort: CohortInput | Cohort;
  /** The result `match()` returned, e.g. after `JSON.parse(JSON.stringify(result))`. */
  result: MatchResult;
}

/** True for `{ cohort, result }` (a live result has `matches` instead). */
export function isStoredResult(value: unknown): value is StoredResult {
  return value !== null && typeof value === "object" && "cohort" in value && "result" in value && !("matches" in value);
}

/**
 * Reads a stored result back: the result must be of a version this package reads and the cohort
 * must be the one it came from (same fingerprint). Returns the cohort parsed and in canonical
 * order, as `match()` had it.
 * @throws MatchInputError — `unsupported-result` (not a result of `match()`: checked against
 *   `resultSchema`),
 *   `unsupported-result-version`, `cohort-mismatch`, or the cohort's own validation issues
 *   (paths under `cohort`).
 */
export function restoreStored(stored: StoredResult, custom: readonly ExtraCriterion[]): { cohort: Cohort; result: MatchResult } {
  const result = stored.result as Partial<MatchResult> | null;
  if (result === null || typeof result !== "object" || !Array.isArray(result.matches) || typeof result.format !== "string") {
    throw new MatchInputError([{ path: ["result"], code: "unsupported-result", message: `expected a result returned by match(), got ${describeValue(result)}` }]);
  }
  if (result.version !== RESULT_VERSION || typeof result.fingerprint !== "string") {
    throw new MatchInputError([{
      path: ["result", "version"], code: "unsupported-result-version",
      message: `this package reads results of version ${RESULT_VERSION} with a cohort fingerprint; the result has version ${describeValue(result.version)}${typeof result.fingerprint === "string" ? "" : " and no fingerprint"}`,
    }]);
  }
  const shape = resultSchema.safeParse(result);
  if (!shape.success) {
    throw new MatchInputError(shape.error.issues.slice(0, 20).map((i) => ({
      path: ["result", ...i.path.map((p) => (typeof p === "symbol" ? String(p) : p))], code: "unsupported-result",
      message: `not a result of match() (schema/result.schema.json): ${i.message}`,
    })));
  }
  let cohort: Cohort;
  try {
    cohort = prepareCohort(stored.cohort, custom);
  } catch (err) {
    if (!(err instanceof MatchInputError)) throw err;
    throw new MatchInputError(err.issues.map((i: MatchIssue) => ({ ...i, path: ["cohort", ...i.path] })));
  }
  const fingerprint = cohortFingerprint(cohort);
  if (fingerprint !== result.fingerprint) {
    throw new MatchInputError([{
      path: ["cohort"], code: "cohort-mismatch",
      message: `this cohort is not the one the result came from (its fingerprint is ${fingerprint}, the result's ${result.fingerprint}); pass the cohort exactly as it was matched`,
    }]);
  }
  return { cohort, result: result as MatchResult };
}
