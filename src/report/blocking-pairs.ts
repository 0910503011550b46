/**
 * A count of blocking pairs in plain words, for stats, warnings, the CLI and the report:
 * "3 blocking pairs: a mentee and a mentor who would both rather be matched with each other than
 * with whom they were given (by their ranked preferences, completed by score). The maxTotal
 * objective accepts this for a higher total score; solver "stable" leaves none where capacities
 * and locked pairs allow."
 * @remarks Since 0.2.0
 */
export function describeBlockingPairs(count: number, objective: string): string {
  const what = "a mentee and a mentor who would both rather be matched with each other than with whom they were given (by their ranked preferences, completed by score)";
  if (count === 0) return `no blocking pairs: no mentee and mentor would both rather be matched with each other than with whom they were given`;
  const head = `${count} blocking pair${count === 1 ? "" : "s"}: ${count === 1 ? "" : "each is "}${what}`;
  if (objective === "stable") return head;
  return `${head}. The ${objective} objective accepts this for a ${objective === "maxMin" ? "higher lowest score" : objective === "priority" ? "match for every priority mentee" : "higher total score"}; solver "stable" leaves none where capacities and locked pairs allow`;
}
