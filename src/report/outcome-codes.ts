/**
 * Why a participant has no match (`Unmatched.code`).
 *
 * - `no-candidates`: the programme has nobody on the other side.
 * - `no-eligible-partner`: every candidate is excluded by a hard rule (`detail.excludedBy`).
 * - `partners-at-capacity`: eligible partners exist, but all are full with other matches.
 * - `not-selected`: eligible partners had room, but the optimum left this participant out.
 * - `not-preferred`: stable mode: every eligible partner prefers whom they hold.
 * - `below-threshold`: maxMin: only pairs under the best achievable lowest score were left.
 * - `odd-pool`: peer: left over when the pool cannot all be paired.
 * - `no-mentee`: a mentor nobody was assigned to.
 * - `minimum-not-met`: a mentor below `minCapacity`.
 * - `no-circle`: peer circles (group format without mentors): no circle within the size and
 *   slot rules could take this participant.
 * - `group-not-formed`: eligible mentors are full or lead no group (a group needs
 *   `group.size.min` members).
 * - `group-rule`: an eligible mentor's group has room, but a hard group rule keeps the mentee out.
 * - `groups-infeasible`: no grouping meets every hard group rule, so nobody was placed.
 * @remarks Since 0.2.0
 */
export const UNMATCHED_CODES = [
  "no-candidates",
  "no-eligible-partner",
  "partners-at-capacity",
  "not-selected",
  "not-preferred",
  "below-threshold",
  "odd-pool",
  "no-mentee",
  "minimum-not-met",
  "no-circle",
  "group-not-formed",
  "group-rule",
  "groups-infeasible",
] as const;

/**
 * An unmatched code (see {@link UNMATCHED_CODES}).
 * @remarks Since 0.2.0
 */
export type UnmatchedCode = (typeof UNMATCHED_CODES)[number];

/**
 * What a result's `warnings` can say (`MatchWarning.code`); each warning's `message` is the
 * sentence for the admin.
 *
 * - `locked-pair-breaks-rules`: a locked pair breaks hard rules and is kept anyway.
 * - `locked-pair-not-kept`: a locked pair could not be kept (a conflicting lock, no free slot or
 *   round, or hard rules that cannot all be met with it).
 * - `quotas-ignored`: a peer or flash programme has quotas, which those formats do not apply.
 * - `threads-unavailable`: `threads` was asked for, but scoring ran on one thread (and why).
 * - `minimum-not-met`: some mentors could not reach their `minCapacity`.
 * - `blocking-pairs`: a stable matching left blocking pairs (locked pairs or capacities).
 * - `infeasible`: the hard rules cannot all be met; the result relaxes the ones it names.
 * - `highs-unavailable`: the HiGHS MIP solver could not be loaded; local search was used.
 * - `group-seats-below-minimum`: mentors with fewer seats than `group.size.min` lead no group.
 * - `cohesion-partial`: the cohort is too large for all-pairs cohesion; each member's most
 *   compatible peers are counted.
 * - `group-mix-ignored`: a group mix's `minPerGroup` without `equals` was ignored.
 * - `departments-above-rounds`: `minDepartments` is more than the number of rounds.
 * - `departments-limited`: some mentees' eligible mentors come from too few departments.
 * - `departments-short`: some mentees meet fewer departments than their eligible mentors allow.
 * - `sparse-candidates`: the cohort is large enough for sparse candidate mode to switch on by
 *   itself (each mentee keeps its best eligible mentors).
 * - `sparse-not-certified`: sparse candidates: left-out pairs could still improve the result.
 * @remarks Since 0.2.0
 */
export const WARNING_CODES = [
  "locked-pair-breaks-rules",
  "locked-pair-not-kept",
  "quotas-ignored",
  "threads-unavailable",
  "minimum-not-met",
  "blocking-pairs",
  "infeasible",
  "highs-unavailable",
  "group-seats-below-minimum",
  "cohesion-partial",
  "group-mix-ignored",
  "departments-above-rounds",
  "departments-limited",
  "departments-short",
  "sparse-candidates",
  "sparse-not-certified",
] as const;

/**
 * A warning code (see {@link WARNING_CODES}).
 * @remarks Since 0.2.0
 */
export type WarningCode = (typeof WARNING_CODES)[number];

/**
 * What the admin should know about a result: a machine-readable code and a sentence.
 * @remarks Since 0.2.0
 */
export interface MatchWarning {
  code: WarningCode;
  message: string;
}
