import type { RuleCode } from "../constraints/index.js";
import type { Participant, Program } from "../model/index.js";

/** Rules whose sentence would reveal an internal field: department, manager, career level. */
const INTERNAL_RULES: ReadonlySet<RuleCode> = new Set<RuleCode>(["reporting-line", "department", "level-gap", "level-diff"]);

/**
 * The sentence that stands in for every broken internal rule of a scoped cross-organisation pair.
 * @internal
 */
export const SCOPED_RULE_SENTENCE = "Excluded: a rule on internal details (not shown across organisations)";

/**
 * True when the two people give different organisations and the programme scopes explanations of
 * such pairs (`explain.crossOrganisation: "scoped"`, the default). A pair where either side gives
 * no organisation is not cross-organisation.
 * @internal
 */
export function isScopedPair(program: Program, a: Participant, b: Participant): boolean {
  return program.explain.crossOrganisation === "scoped" && a.organisation !== undefined && b.organisation !== undefined && a.organisation !== b.organisation;
}

/**
 * True for a rule whose sentence names an internal field (department, reporting line, level).
 * @internal
 */
export function isInternalRule(code: RuleCode): boolean {
  return INTERNAL_RULES.has(code);
}

export { scopeDiversityEvidence } from "../criteria/diversity.js";
