export { scoreMatrix } from "./score-matrix.js";
export { explainPair, scorePair } from "./explain-pair.js";
export type { CompatibilityMatrix, CriterionBreakdown, CriterionEvidence, LockedViolation, PairScore, ScoreMatrixOptions, ScorePairOptions, ExplainPairOptions } from "./types.js";
export { REASON_CODES, DEFAULT_REASON_MESSAGES, makeReason, translateReasons } from "./reason-codes.js";
export type { Reason, ReasonCode, ReasonMessages, ReasonParamMap } from "./reason-codes.js";
