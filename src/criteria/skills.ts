import type { EncodedCohort } from "../encode/index.js";
import { listText } from "./text.js";

/**
 * The skills criterion: how well the teacher's levels cover the learner's wanted skills, up to
 * the learner's target levels.
 *
 * For each wanted skill with target T, the learner's own level L (0 when not listed) and the
 * teacher's level M (0 when not listed):
 * - M ≤ L: the teacher is not above the learner in that skill and covers nothing (0);
 * - T ≤ L (the learner is already at target): 1 when M > L;
 * - otherwise partial credit `min(1, (M − L) / (T − L))`: the share of the gap the teacher can
 *   take the learner through.
 * The score is the mean over the learner's wanted skills. No data (NaN) when the learner wants no
 * skill or the teacher lists none.
 *
 * Direction is the caller's: one-on-one scores (mentee learns, mentor teaches); reverse
 * mentoring uses the same call with the junior as teacher and the senior as learner; peer averages
 * both directions.
 *
 * Worked example: wanted { sql: 4, go: 3 }, own { sql: 2 }, teacher { sql: 3, go: 5 }:
 * sql (3 − 2) / (4 − 2) = 0.5, go min(1, 5 / 3) = 1, score 0.75.
 *
 * @returns a kernel `(learner, teacher) → score | NaN`.
 * @remarks Since 0.1.0
 */
export function skillsKernel(enc: EncodedCohort): (learner: number, teacher: number) => number {
  const { skillLevel, skillCount, hasSkills, wantedTarget } = enc;
  const start = enc.wanted.start;
  const list = enc.wanted.list;
  return (learner, teacher) => {
    const s = start[learner]!;
    const e = start[learner + 1]!;
    if (s === e || hasSkills[teacher] === 0) return Number.NaN;
    const lb = learner * skillCount;
    const tb = teacher * skillCount;
    let sum = 0;
    for (let k = s; k < e; k++) {
      const skill = list[k]!;
      const own = skillLevel[lb + skill]!;
      const level = skillLevel[tb + skill]!;
      if (level > own) {
        const target = wantedTarget[k]!;
        sum += target > own ? Math.min(1, (level - own) / (target - own)) : 1;
      }
    }
    return sum / (e - s);
  };
}

/**
 * One wanted skill in {@link SkillsEvidence}.
 * @remarks Since 0.1.0
 */
export interface SkillCoverage {
  skill: string;
  target: number;
  /** The learner's own level (0 when not listed). */
  ownLevel: number;
  /** The teacher's level (0 when not listed). */
  teacherLevel: number;
  /** Credit in [0, 1] as defined by {@link skillsKernel}. */
  coverage: number;
}

/**
 * Evidence for the skills criterion in one direction.
 * @remarks Since 0.1.0
 */
export interface SkillsEvidence {
  wanted: SkillCoverage[];
  /** Wanted skills covered up to the target. */
  covered: number;
  /** Wanted skills covered in part. */
  partial: number;
}

/**
 * Skills evidence for (learner, teacher), or `null` without data.
 * @remarks Since 0.1.0
 */
export function skillsEvidence(enc: EncodedCohort, learner: number, teacher: number): SkillsEvidence | null {
  const { start, list } = enc.wanted;
  if (start[learner] === start[learner + 1] || enc.hasSkills[teacher] === 0) return null;
  const terms = enc.vocabularies.skills.terms;
  const wanted: SkillCoverage[] = [];
  let covered = 0;
  let partial = 0;
  for (let k = start[learner]!; k < start[learner + 1]!; k++) {
    const skill = list[k]!;
    const own = enc.skillLevel[learner * enc.skillCount + skill]!;
    const level = enc.skillLevel[teacher * enc.skillCount + skill]!;
    const target = enc.wantedTarget[k]!;
    const coverage = level > own ? (target > own ? Math.min(1, (level - own) / (target - own)) : 1) : 0;
    if (coverage === 1) covered++;
    else if (coverage > 0) partial++;
    wanted.push({ skill: terms[skill]!, target, ownLevel: own, teacherLevel: level, coverage });
  }
  return { wanted, covered, partial };
}

/**
 * "Covers 4 of 5 wanted skills at target level" (", 1 more in part"), or `null` when nothing is
 * covered.
 * @remarks Since 0.1.0
 */
export function skillsReason(ev: SkillsEvidence): string | null {
  const n = ev.wanted.length;
  const of = `${n} wanted skill${n === 1 ? "" : "s"}`;
  if (ev.covered > 0) return `Covers ${ev.covered} of ${of} at target level${ev.partial > 0 ? `, ${ev.partial} more in part` : ""}`;
  if (ev.partial > 0) return `Covers ${ev.partial} of ${of} in part`;
  return null;
}

/**
 * Reverse mentoring's two-way exchange: "In return, can teach 2 of 3 skills the mentor wants:
 * design, finance" — skills where the senior is at or above the junior's target (and above the
 * junior's own level). `null` when there is none.
 * @remarks Since 0.1.0
 */
export function offersBackReason(ev: SkillsEvidence): string | null {
  const full = ev.wanted.filter((w) => w.coverage === 1 && w.teacherLevel >= w.target).map((w) => w.skill);
  if (full.length === 0) return null;
  return `In return, can teach ${full.length} of ${ev.wanted.length} skill${ev.wanted.length === 1 ? "" : "s"} the mentor wants: ${listText(full)}`;
}
