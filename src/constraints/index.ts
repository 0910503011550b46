export { RULE_CODES, RULE_BIT, RULE_SENTENCES, ruleCodesOf } from "./rule-codes.js";
export type { RuleCode } from "./rule-codes.js";
export { profileRulesKernel, listedPairs } from "./rules.js";
export type { PairDirection, ListedPairs } from "./rules.js";
