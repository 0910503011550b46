import { encodeSharedSteps, type EncodedCohort } from "../encode/encode-cohort.js";
import { MatchInputError } from "../errors.js";
import { describeValue } from "../guard.js";
import { isParsedCohort, parseCohort, type Cohort } from "../model/index.js";
import { runSteps, type Steps } from "../steps.js";
import { BUILTIN_CRITERIA, criterionOptions, isCriterionModule, type AnyCriterionModule } from "../criteria/index.js";

/**
 * Encodes a validated cohort into an {@link EncodedCohort}: the shared encodings (ids, weekly
 * grids, modes, languages, departments, levels, reporting lines, ranked preferences, avoid lists,
 * history), then each criterion module's features (`encode`), merged into one object.
 *
 * Ids in preferences, avoid lists and history that are not in the cohort are ignored, so a
 * two-person cohort built by `scorePair` encodes each person exactly as the full cohort does.
 * @param cohort a cohort from `parseCohort`; anything else is parsed first.
 * @param criteria the criterion modules whose features to encode. Default the built-ins.
 * @throws MatchInputError for an invalid cohort, `invalid-option` when `criteria` is not an array
 * of criterion modules, `invalid-custom-criterion` when a module's feature names clash.
 * @remarks Since 0.1.0; `criteria` since 0.2.0
 */
export function encodeCohort(cohort: Cohort, criteria: readonly AnyCriterionModule[] = BUILTIN_CRITERIA): EncodedCohort {
  // An index loop, not every(): every() skips the holes of a sparse array such as [, , ,].
  if (!Array.isArray(criteria) || !Array.from(criteria, (m: unknown) => isCriterionModule(m)).every(Boolean)) {
    throw new MatchInputError([{ path: ["criteria"], code: "invalid-option", message: `criteria must be an array of criterion modules (see BUILTIN_CRITERIA), got ${describeValue(criteria)}` }]);
  }
  return runSteps(encodeCohortSteps(isParsedCohort(cohort) ? cohort : parseCohort(cohort), criteria));
}

/**
 * {@link encodeCohort} as a resumable computation (see `src/steps.ts`): it yields inside the
 * shared passes and between criteria, so `match()` never encodes a large cohort in one blocking
 * call.
 * @internal
 */
export function* encodeCohortSteps(cohort: Cohort, criteria: readonly AnyCriterionModule[] = BUILTIN_CRITERIA): Steps<EncodedCohort> {
  const shared = yield* encodeSharedSteps(cohort);
  const vocabularies: Record<string, unknown> = { ...shared.vocabularies };
  const enc: Record<string, unknown> = { ...shared, vocabularies };
  const { participants } = cohort;
  for (const m of criteria) {
    if (m.encode === undefined) continue;
    const { vocabularies: own, ...features } = m.encode({ cohort, participants, size: participants.length, options: criterionOptions(cohort.program, m) }) as Record<string, unknown>;
    const clash = [...Object.keys(features).filter((k) => k in enc), ...Object.keys(own ?? {}).filter((k) => k in vocabularies)];
    if (clash.length > 0) {
      throw new MatchInputError([{ path: ["criteria", m.name], code: "invalid-custom-criterion", message: `criterion ${JSON.stringify(m.name)} encodes ${clash.map((k) => JSON.stringify(k)).join(", ")}, already encoded by another criterion or the shared encodings; pick other names` }]);
    }
    Object.assign(enc, features);
    Object.assign(vocabularies, own);
    yield;
  }
  return enc as unknown as EncodedCohort;
}
