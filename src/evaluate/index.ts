export { auditResult, AUDIT_GROUP_FIELDS } from "./audit.js";
export type { Audit, AuditGroup, AuditOptions, DisparityRatio } from "./audit.js";
export { compareResults } from "./compare.js";
export type { ComparedPair, ComparedParticipant, ResultComparison } from "./compare.js";
