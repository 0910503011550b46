import type * as z from "zod";
import { MatchInputError } from "../errors.js";
import type { Program } from "../model/index.js";
import { isCriterionModule, type AnyCriterionModule } from "./contract.js";
import { customCriterionModule, type CustomCriterion } from "./custom.js";
import { BUILTIN_CRITERIA } from "./registry.js";

const BUILTIN: ReadonlySet<AnyCriterionModule> = new Set(BUILTIN_CRITERIA);
const parsedOptions = new WeakMap<Program, Map<AnyCriterionModule, unknown>>();

/**
 * A criterion's parsed options under a programme: a built-in's from the parsed
 * `program.criteria[name]`; another module's from its `options` schema applied to
 * `program.criteria[name]` (or `{}`), once per programme; `{}` without a schema.
 * @throws MatchInputError when a module's options do not parse.
 * @internal
 */
export function criterionOptions(program: Program, m: AnyCriterionModule): unknown {
  const given = (program.criteria as Record<string, unknown>)[m.name];
  if (BUILTIN.has(m)) return given ?? {};
  if (m.options === undefined) return {};
  let cache = parsedOptions.get(program);
  if (cache === undefined) parsedOptions.set(program, (cache = new Map<AnyCriterionModule, unknown>()));
  if (cache.has(m)) return cache.get(m);
  // AnyCriterionModule erases the options type; any zod schema parses to unknown here.
  const schema = m.options as z.ZodType;
  const r = schema.safeParse(given ?? {});
  if (!r.success) {
    throw new MatchInputError(r.error.issues.map((iss) => ({ path: ["program", "criteria", m.name, ...iss.path.map((p: PropertyKey) => (typeof p === "symbol" ? String(p) : p))], code: "invalid-option", message: iss.message })));
  }
  cache.set(m, r.data);
  return r.data;
}

/**
 * The criteria a scorer runs, in composite order: the built-ins, then the extra criteria given by
 * the caller (criterion modules, or function-style custom criteria adapted to modules), with the
 * weight of each. Built-ins weigh `program.weights[name]`; a module `program.weights[name]`, else
 * its `defaultWeight`; a custom criterion its own `weight`, else `program.weights[name]`.
 * @throws MatchInputError on a bad registration, a duplicate name or a missing weight.
 * @internal
 */
export function resolveCriteria(extra: readonly (CustomCriterion | AnyCriterionModule)[], weights: Record<string, unknown>): { modules: AnyCriterionModule[]; weights: number[] } {
  const modules: AnyCriterionModule[] = [...BUILTIN_CRITERIA];
  const out: number[] = BUILTIN_CRITERIA.map((m) => weights[m.name] as number);
  const seen = new Set<string>(modules.map((m) => m.name));
  extra.forEach((c, k) => {
    const at = ["custom", k];
    const module = isCriterionModule(c);
    if (typeof c?.name !== "string" || c.name === "" || (!module && typeof c.score !== "function")) {
      throw new MatchInputError([{ path: at, code: "invalid-custom-criterion", message: "a custom criterion needs a name and a score(mentee, mentor) function (or, as a criterion module, a kernel)" }]);
    }
    if (seen.has(c.name)) throw new MatchInputError([{ path: [...at, "name"], code: "duplicate-criterion", message: `criterion ${JSON.stringify(c.name)} is already defined` }]);
    seen.add(c.name);
    const w = module ? (weights[c.name] ?? c.defaultWeight) : (c.weight ?? weights[c.name]);
    if (typeof w !== "number" || !Number.isFinite(w) || w < 0) {
      throw new MatchInputError([
        { path: [...at, "weight"], code: "missing-weight", message: `custom criterion ${JSON.stringify(c.name)} needs a finite non-negative weight (its own weight or program.weights[${JSON.stringify(c.name)}])` },
      ]);
    }
    modules.push(module ? c : customCriterionModule(c));
    out.push(w);
  });
  return { modules, weights: out };
}
