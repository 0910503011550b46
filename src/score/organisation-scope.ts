import type { RuleCode } from "../constraints/index.js";
import type { DiversityEvidence } from "../criteria/index.js";
import type { Participant, Program } from "../model/index.js";

/**
 * Attributes internal to an organisation: a pair across organisations is explained without them
 * under `explain.crossOrganisation: "scoped"` (diversity terms on these attributes are left out).
 */
const INTERNAL_ATTRIBUTES: ReadonlySet<string> = new Set(["department", "level", "managerId"]);

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

/**
 * Diversity evidence without terms on internal attributes; counts follow the remaining terms, and
 * evidence left with no term becomes `null`. Evidence without terms (sensitive data redacted) is
 * returned as is: its counts name no attribute.
 * @internal
 */
export function scopeDiversityEvidence(ev: DiversityEvidence | null): DiversityEvidence | null {
  if (ev === null || ev.terms === undefined) return ev;
  const terms = ev.terms.filter((t) => !INTERNAL_ATTRIBUTES.has(t.attribute));
  if (terms.length === 0) return null;
  return { met: terms.filter((t) => t.met).length, total: terms.length, terms };
}
