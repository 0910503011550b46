export { MatchInputError, formatPath } from "./errors.js";
export type { MatchIssue } from "./errors.js";
export { BOUNDARY_CODES } from "./guard.js";
export type { BoundaryCode } from "./guard.js";
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
  parseParticipantsCsv,
  CSV_COLUMNS,
} from "./model/index.js";
export { importMappingSchema, parseImportMapping } from "./model/import-mapping.js";
export type { ImportMapping, ImportMappingInput } from "./model/import-mapping.js";
export type { ParseCsvOptions } from "./model/csv.js";
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
export type { HighsOption, HighsSource } from "./solvers/constraint/highs-loader.js";
export type {
  ConstraintModel,
  LinearConstraint,
  CohesionTerms,
  CommonSlotRule,
  DistinctClassesRule,
  SolveConstrainedOptions,
  ConstraintResult,
  ConstraintViolation,
} from "./solvers/constraint/types.js";
export { scoreMatrix, explainPair, scorePair, REASON_CODES, DEFAULT_REASON_MESSAGES, translateReasons } from "./score/index.js";
export type { CompatibilityMatrix, CriterionBreakdown, CriterionEvidence, LockedViolation, PairScore, ScoreMatrixOptions, ScorePairOptions, ExplainPairOptions, Reason, ReasonCode, ReasonMessages, ReasonParamMap } from "./score/index.js";
export type { CustomCriterion, GoalsEvidence, SkillsEvidence, SkillCoverage, PersonalityEvidence, TraitComparison, AvailabilityEvidence, DiversityEvidence, DiversityTerm, PreferencesEvidence } from "./criteria/index.js";
export { RULE_CODES, ruleCodesOf } from "./constraints/index.js";
export type { RuleCode, PairDirection } from "./constraints/index.js";
export { CELL_MINUTES, GRID_WORDS } from "./encode/index.js";
export { BUILTIN_CRITERIA, defineCriterion } from "./criteria/index.js";
export { encodeCohort } from "./score/encode-cohort.js";
export type {
  AnyCriterionModule, CriterionModule, EncodeContext, ExtraCriterion, KernelContext, OptionsOf, PairContext, ReasonDraft, RowInputs, RowKernel,
  BuiltinCriterion, BuiltinCriterionNames, BuiltinEvidence, EvidenceOf, FeaturesOf, UnionToIntersection, BuiltinFeatures, GoalsFeatures, GoalsCriterionEvidence, SkillsFeatures, SkillsCriterionEvidence,
  PersonalityFeatures, AvailabilityFeatures, DiversityFeatures,
} from "./criteria/index.js";
export type { SharedEncoding } from "./encode/index.js";
export type { EncodedCohort, SparseRows, Vocabulary } from "./encode/index.js";
export { match } from "./match/match.js";
export { matchInWorker } from "./worker/match-in-worker.js";
export type { MatchInWorkerOptions } from "./worker/match-in-worker.js";
export { explainWhyNot } from "./match/why-not.js";
export type { StoredResult } from "./match/stored.js";
export { RESULT_VERSION, cohortFingerprint } from "./report/fingerprint.js";
export { resultSchema, resultJsonSchema } from "./report/result-schema.js";
export { UNMATCHED_CODES, WARNING_CODES } from "./report/outcome-codes.js";
export type { UnmatchedCode, WarningCode, MatchWarning } from "./report/outcome-codes.js";
export type { WhyNot } from "./match/why-not.js";
export { recommend, recommendAll } from "./match/recommend.js";
export type { Recommendation, RecommendOptions, RecommendAllOptions } from "./match/recommend.js";
export type { FormatResult, Match, MatchOptions, MatchResult, MatchStage, MatchStats, MemberScore, Unmatched } from "./match/types.js";
export type {
  BaseStats, ConstraintStats, FlashStats, GroupStats, PairStats, PeerStats, RematchStats, RotationalStats, StatsByFormat,
  FlashFormatResult, GroupFormatResult, PairFormatResult, PeerFormatResult, RotationalFormatResult, ResultStamp,
} from "./match/types.js";
export { selectorMatches } from "./formats/selectors.js";
export { solveBMatching } from "./solvers/b-matching.js";
export type { BMatchingOptions, BMatchingResult } from "./solvers/b-matching.js";
export { solveSparseBMatching, verifySparseBMatching } from "./solvers/sparse-b-matching.js";
export type { SparseBipartiteGraph, SparseBMatchingOptions, SparseBMatchingResult, SparseBMatchingCheck, BMatchingDual } from "./solvers/sparse-b-matching.js";
export { colorBipartiteEdges } from "./solvers/edge-coloring.js";
export { rematch } from "./match/rematch.js";
export type { RematchChanges } from "./match/rematch.js";
export { solveCapacitatedAssignment, verifyCapacitatedAssignment } from "./solvers/min-cost-flow.js";
export type { CapacitatedAssignmentOptions, CapacitatedAssignmentResult, CapacitatedAssignmentCheck } from "./solvers/min-cost-flow.js";
export { maxWeightMatching, verifyMatching } from "./solvers/blossom.js";
export type { MaxWeightMatchingOptions, MaxWeightMatchingResult, MatchingCheck } from "./solvers/blossom.js";
export { stableMatching, blockingPairs } from "./solvers/deferred-acceptance.js";
export type { StableMatchingOptions, StableMatchingResult } from "./solvers/deferred-acceptance.js";
export { toRows, toUnmatchedRows } from "./report/rows.js";
export type { CohortDirectory, MatchRow, UnmatchedRow } from "./report/rows.js";
export { toCsv, neutraliseFormula } from "./report/csv.js";
export type { ToCsvOptions } from "./report/csv.js";
export { auditResult, AUDIT_GROUP_FIELDS, compareResults, calibrateWeights, CALIBRATION_WARNING_CODES, parseOutcomesCsv } from "./evaluate/index.js";
export type {
  Audit,
  AuditGroup,
  AuditOptions,
  DisparityRatio,
  ComparedPair,
  ComparedParticipant,
  ResultComparison,
  Calibration,
  CalibrateOptions,
  CalibrationWarning,
  CalibrationWarningCode,
  CriterionImportance,
  PairOutcome,
} from "./evaluate/index.js";
export { toHtmlReport } from "./report/html-report.js";
export type { HtmlReportOptions } from "./report/html-report.js";
export { toXlsx } from "./report/xlsx.js";
export type { ToXlsxOptions } from "./report/xlsx.js";
