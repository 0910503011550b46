import type * as z from "zod";
import { availabilityCriterion } from "./availability.js";
import type { EvidenceOf, FeaturesOf } from "./contract.js";
import { diversityCriterion } from "./diversity.js";
import { goalsCriterion } from "./goals.js";
import { personalityCriterion } from "./personality.js";
import { preferencesCriterion } from "./preferences.js";
import { skillsCriterion } from "./skills.js";

/**
 * The built-in criteria, in composite order (the order their weighted terms are added, the order
 * of breakdowns and of `CRITERIA`). Adding a criterion to the package is one file implementing
 * `CriterionModule` plus one line here; the weights and criterion-options schemas, `CRITERIA`, the
 * encoded cohort's fields, the evidence union and the explanations all follow from this list.
 * @remarks Since 0.2.0
 */
export const BUILTIN_CRITERIA = [goalsCriterion, skillsCriterion, personalityCriterion, availabilityCriterion, diversityCriterion, preferencesCriterion] as const;

/**
 * A built-in criterion module.
 * @remarks Since 0.2.0
 */
export type BuiltinCriterion = (typeof BUILTIN_CRITERIA)[number];

/**
 * Names of the built-in criteria, in composite order.
 * @remarks Since 0.2.0
 */
export type BuiltinCriterionNames = { readonly [K in keyof typeof BUILTIN_CRITERIA]: (typeof BUILTIN_CRITERIA)[K] extends { readonly name: infer N } ? N : never } & readonly (typeof BUILTIN_CRITERIA)[number]["name"][];

/**
 * The intersection of the members of a union (used to merge the built-ins' feature types).
 * @remarks Since 0.2.0
 */
export type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/**
 * The encoded features of every built-in criterion, as one type (part of `EncodedCohort`).
 * @remarks Since 0.2.0
 */
export type BuiltinFeatures = UnionToIntersection<FeaturesOf<BuiltinCriterion>>;

/**
 * Evidence of any built-in criterion (part of `CriterionEvidence`).
 * @remarks Since 0.2.0
 */
export type BuiltinEvidence = EvidenceOf<BuiltinCriterion>;

/**
 * The zod shape of `program.criteria` for the built-ins: each criterion with options under its
 * name, in registry order.
 * @internal
 */
export type BuiltinOptionsShape = {
  readonly [M in BuiltinCriterion as [Exclude<M["options"], undefined>] extends [never] ? never : M["name"]]: Exclude<M["options"], undefined>;
};

/** @internal */
export function builtinOptionsShape(): BuiltinOptionsShape {
  const shape: Record<string, z.ZodType> = {};
  for (const m of BUILTIN_CRITERIA) if (m.options !== undefined) shape[m.name] = m.options;
  return shape as unknown as BuiltinOptionsShape;
}
