export { scoreMatrix } from "./score-matrix.js";
export { explainPair, scorePair } from "./explain-pair.js";
export type { CompatibilityMatrix, CriterionBreakdown, CriterionEvidence, LockedViolation, PairScore, ScoreMatrixOptions, ScorePairOptions } from "./types.js";
