import type { EncodedCohort } from "../encode/index.js";

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
 * Row kernel: `out[j]` = score of (learner, teachers[j]); one sweep over the teachers per wanted
 * skill (skill levels are skill-major). The sum over a learner's wanted skills runs in the
 * learner's listed order, whatever the column set, so a pair scores the same bits in any matrix.
 * @remarks Since 0.1.0
 */
export function skillsRow(enc: EncodedCohort, learner: number, teachers: Int32Array, out: Float64Array): void {
  const m = teachers.length;
  const { skillLevel, hasSkills, wantedTarget, size: n } = enc;
  const { start, list } = enc.wanted;
  const s = start[learner]!;
  const e = start[learner + 1]!;
  if (s === e) {
    out.fill(Number.NaN, 0, m);
    return;
  }
  out.fill(0, 0, m);
  for (let k = s; k < e; k++) {
    const base = list[k]! * n;
    const own = skillLevel[base + learner]!;
    const target = wantedTarget[k]!;
    if (target > own) {
      const gap = target - own;
      for (let j = 0; j < m; j++) {
        const level = skillLevel[base + teachers[j]!]!;
        if (level > own) out[j] = out[j]! + Math.min(1, (level - own) / gap);
      }
    } else {
      for (let j = 0; j < m; j++) if (skillLevel[base + teachers[j]!]! > own) out[j] = out[j]! + 1;
    }
  }
  const count = e - s;
  for (let j = 0; j < m; j++) out[j] = hasSkills[teachers[j]!] === 0 ? Number.NaN : out[j]! / count;
}

/**
 * The skills criterion the other way round: `out[j]` = score of (learners[j], teacher). Used for
 * peer pairs (both directions) and for reverse mentoring's "in return" evidence.
 * @remarks Since 0.1.0
 */
export function skillsRowBackward(enc: EncodedCohort, teacher: number, learners: Int32Array, out: Float64Array): void {
  const m = learners.length;
  const { skillLevel, wantedTarget, size: n } = enc;
  const { start, list } = enc.wanted;
  const none = enc.hasSkills[teacher] === 0;
  for (let j = 0; j < m; j++) {
    const b = learners[j]!;
    const s = start[b]!;
    const e = start[b + 1]!;
    if (none || s === e) {
      out[j] = Number.NaN;
      continue;
    }
    let sum = 0;
    for (let k = s; k < e; k++) {
      const base = list[k]! * n;
      const own = skillLevel[base + b]!;
      const level = skillLevel[base + teacher]!;
      if (level > own) {
        const target = wantedTarget[k]!;
        sum = sum + (target > own ? Math.min(1, (level - own) / (target - own)) : 1);
      }
    }
    out[j] = sum / (e - s);
  }
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
  /** Credit in [0, 1] as defined by `skillsRow`. */
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
    const own = enc.skillLevel[skill * enc.size + learner]!;
    const level = enc.skillLevel[skill * enc.size + teacher]!;
    const target = enc.wantedTarget[k]!;
    const coverage = level > own ? (target > own ? Math.min(1, (level - own) / (target - own)) : 1) : 0;
    if (coverage === 1) covered++;
    else if (coverage > 0) partial++;
    wanted.push({ skill: terms[skill]!, target, ownLevel: own, teacherLevel: level, coverage });
  }
  return { wanted, covered, partial };
}

/**
 * The skills reason as code and params (`skills-covered`: "Covers 4 of 5 wanted skills at target
 * level", ", 1 more in part"; `skills-partial`), or `null` when nothing is covered.
 * @remarks Since 0.1.0; code and params since 0.2.0
 */
export function skillsReason(
  ev: SkillsEvidence,
): { code: "skills-covered"; params: { covered: number; partial: number; wanted: number } } | { code: "skills-partial"; params: { partial: number; wanted: number } } | null {
  const wanted = ev.wanted.length;
  if (ev.covered > 0) return { code: "skills-covered", params: { covered: ev.covered, partial: ev.partial, wanted } };
  if (ev.partial > 0) return { code: "skills-partial", params: { partial: ev.partial, wanted } };
  return null;
}

/**
 * Reverse mentoring's two-way exchange: "In return, can teach 2 of 3 skills the mentor wants:
 * design, finance" — skills where the senior is at or above the junior's target (and above the
 * junior's own level), as code `offers-back` and params. `null` when there is none.
 * @remarks Since 0.1.0; code and params since 0.2.0
 */
export function offersBackReason(ev: SkillsEvidence): { code: "offers-back"; params: { skills: string[]; wanted: number } } | null {
  const full = ev.wanted.filter((w) => w.coverage === 1 && w.teacherLevel >= w.target).map((w) => w.skill);
  if (full.length === 0) return null;
  return { code: "offers-back", params: { skills: full, wanted: ev.wanted.length } };
}
