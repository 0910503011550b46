export { auditResult, AUDIT_GROUP_FIELDS } from "./audit.js";
export type { Audit, AuditGroup, AuditOptions, DisparityRatio } from "./audit.js";
export { compareResults } from "./compare.js";
export type { ComparedPair, ComparedParticipant, ResultComparison } from "./compare.js";
export { calibrateWeights, CALIBRATION_WARNING_CODES } from "./calibrate.js";
export type { Calibration, CalibrateOptions, CalibrationWarning, CalibrationWarningCode, CriterionImportance, PairOutcome } from "./calibrate.js";
export { parseOutcomesCsv } from "./outcomes-csv.js";
