import { MatchInputError } from "../errors.js";
import type { Participant } from "../model/participant.js";
import type { Selector } from "../model/program.js";

/**
 * The value of a selector field for a participant: `department`, `organisation`, `level`, `location`,
 * `timezone`, `role`, `languages` (a list), `goals` (a list), `diversity.<key>` or
 * `attributes.<key>`. Undefined when the participant does not give it.
 */
export function fieldValue(p: Participant, field: string): unknown {
  switch (field) {
    case "department":
      return p.department;
    case "organisation":
      return p.organisation;
    case "level":
      return p.level;
    case "location":
      return p.location;
    case "timezone":
      return p.timezone;
    case "role":
      return p.role;
    case "languages":
      return p.languages;
    case "goals":
      return p.goals;
    case "id":
      return p.id;
  }
  if (field.startsWith("diversity.")) {
    const key = field.slice("diversity.".length);
    return p.diversity && Object.hasOwn(p.diversity, key) ? p.diversity[key] : undefined;
  }
  if (field.startsWith("attributes.")) {
    const key = field.slice("attributes.".length);
    return p.attributes && Object.hasOwn(p.attributes, key) ? p.attributes[key] : undefined;
  }
  return undefined;
}

function scalarMatches(v: unknown, sel: Selector): boolean {
  if (sel.equals !== undefined && v !== sel.equals) return false;
  if (sel.in !== undefined && !sel.in.includes(v as string | number | boolean)) return false;
  if (sel.min !== undefined && !(typeof v === "number" && v >= sel.min)) return false;
  if (sel.max !== undefined && !(typeof v === "number" && v <= sel.max)) return false;
  return true;
}

/**
 * True when a participant matches a selector: every condition given (`equals`, `in`, `min`,
 * `max`) holds; for list fields (languages, goals) some entry must match. A participant without
 * the field never matches (unless the selector has no condition at all).
 * @remarks Since 0.1.0
 */
export function selectorMatches(p: Participant, sel: Selector): boolean {
  if (p === null || typeof p !== "object" || sel === null || typeof sel !== "object" || typeof sel.field !== "string" || (sel.in !== undefined && !Array.isArray(sel.in))) {
    throw new MatchInputError([{ path: [], code: "invalid-type", message: "expected a participant and a selector { field, equals?, in?, min?, max? }" }]);
  }
  const v = fieldValue(p, sel.field);
  const unconditioned = sel.equals === undefined && sel.in === undefined && sel.min === undefined && sel.max === undefined;
  if (v === undefined) return false;
  if (unconditioned) return true;
  if (Array.isArray(v)) return v.some((x) => scalarMatches(x, sel));
  return scalarMatches(v, sel);
}

