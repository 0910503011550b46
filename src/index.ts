export { MatchInputError, formatPath } from "./errors.js";
export type { MatchIssue } from "./errors.js";
