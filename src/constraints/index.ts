export { RULE_CODES, RULE_BIT, RULE_SENTENCES, ruleCodesOf } from "./rule-codes.js";
export type { RuleCode } from "./rule-codes.js";
export { profileRulesRow, resolveRules, listedPairs } from "./rules.js";
export type { PairDirection, ListedPairs, ResolvedRules } from "./rules.js";
