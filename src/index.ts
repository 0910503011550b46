export { MatchInputError, formatPath } from "./errors.js";
export type { MatchIssue } from "./errors.js";
export {
  parseCohort,
  isParsedCohort,
  cohortSchema,
  cohortJsonSchema,
  participantSchema,
  programSchema,
  slotSchema,
  availabilitySchema,
  preferencesSchema,
  rulesSchema,
  quotaSchema,
  selectorSchema,
  criteriaOptionsSchema,
  weightsSchema,
  DAYS,
  MODES,
  FORMATS,
  CRITERIA,
} from "./model/index.js";
export type {
  Cohort,
  CohortInput,
  ParseCohortOptions,
  Participant,
  ParticipantInput,
  Program,
  ProgramInput,
  Slot,
  Availability,
  Preferences,
  Rules,
  Quota,
  Selector,
  PairRef,
  CriteriaOptions,
  Format,
  CriterionName,
  Day,
  Mode,
} from "./model/index.js";
export { solveAssignment, verifyAssignment } from "./solvers/assignment.js";
export type { AssignmentOptions, AssignmentResult, AssignmentCheck } from "./solvers/assignment.js";
export { toDenseCost } from "./solvers/cost-input.js";
export type { CostInput, DenseCost, FlatCostMatrix, MatrixLike } from "./solvers/cost-input.js";
export { generateCohort } from "./sample/generate.js";
export type { GenerateCohortOptions } from "./sample/generate.js";
export { solveConstrained, DEFAULT_EXACT_SIZE_LIMIT, DEFAULT_EXACT_COHESION_SIZE_LIMIT } from "./solvers/constraint/solve.js";
export { evaluateConstrained } from "./solvers/constraint/evaluate.js";
export type { ConstrainedEvaluation } from "./solvers/constraint/evaluate.js";
export type {
  ConstraintModel,
  LinearConstraint,
  CohesionTerms,
  CommonSlotRule,
  SolveConstrainedOptions,
  ConstraintResult,
  ConstraintViolation,
} from "./solvers/constraint/types.js";
export { scoreMatrix, explainPair, scorePair } from "./score/index.js";
export type { CompatibilityMatrix, CriterionBreakdown, CriterionEvidence, LockedViolation, PairScore, ScoreMatrixOptions, ScorePairOptions } from "./score/index.js";
export type { CustomCriterion, GoalsEvidence, SkillsEvidence, SkillCoverage, PersonalityEvidence, TraitComparison, AvailabilityEvidence, DiversityEvidence, DiversityTerm, PreferencesEvidence } from "./criteria/index.js";
export { RULE_CODES, ruleCodesOf } from "./constraints/index.js";
export type { RuleCode, PairDirection } from "./constraints/index.js";
export { encodeCohort, CELL_MINUTES, GRID_WORDS } from "./encode/index.js";
export type { EncodedCohort, SparseRows, Vocabulary } from "./encode/index.js";
