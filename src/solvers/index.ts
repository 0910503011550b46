// The `mentormatch/solvers` entry: the solvers on their own, with no zod and no domain code.
export { MatchInputError, formatPath } from "../errors.js";
export type { MatchIssue } from "../errors.js";
export { BOUNDARY_CODES } from "../guard.js";
export type { BoundaryCode } from "../guard.js";
export { solveAssignment, verifyAssignment } from "./assignment.js";
export type { AssignmentOptions, AssignmentResult, AssignmentCheck } from "./assignment.js";
export { toDenseCost } from "./cost-input.js";
export type { CostInput, DenseCost, FlatCostMatrix, MatrixLike } from "./cost-input.js";
export { solveCapacitatedAssignment, verifyCapacitatedAssignment } from "./min-cost-flow.js";
export type { CapacitatedAssignmentOptions, CapacitatedAssignmentResult, CapacitatedAssignmentCheck } from "./min-cost-flow.js";
export { maxWeightMatching, verifyMatching } from "./blossom.js";
export type { MaxWeightMatchingOptions, MaxWeightMatchingResult, MatchingCheck } from "./blossom.js";
export { stableMatching, blockingPairs } from "./deferred-acceptance.js";
export type { StableMatchingOptions, StableMatchingResult } from "./deferred-acceptance.js";
export { solveBMatching } from "./b-matching.js";
export type { BMatchingOptions, BMatchingResult } from "./b-matching.js";
export { colorBipartiteEdges } from "./edge-coloring.js";
export { solveConstrained, DEFAULT_EXACT_SIZE_LIMIT, DEFAULT_EXACT_COHESION_SIZE_LIMIT } from "./constraint/solve.js";
export { evaluateConstrained } from "./constraint/evaluate.js";
export type { ConstrainedEvaluation } from "./constraint/evaluate.js";
export type { HighsOption, HighsSource } from "./constraint/highs-loader.js";
export type {
  ConstraintModel,
  LinearConstraint,
  CohesionTerms,
  CommonSlotRule,
  DistinctClassesRule,
  SolveConstrainedOptions,
  ConstraintResult,
  ConstraintViolation,
} from "./constraint/types.js";
