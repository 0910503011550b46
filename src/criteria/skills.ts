import { buildVocabulary, type SharedEncoding, type SparseRows, type Vocabulary } from "../encode/index.js";
import { sparseRows } from "../encode/sparse-rows.js";
import { averageDirections, defineCriterion, type ReasonDraft } from "./contract.js";

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
export function skillsRow(enc: SharedEncoding & SkillsFeatures, learner: number, teachers: Int32Array, out: Float64Array): void {
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
export function skillsRowBackward(enc: SharedEncoding & SkillsFeatures, teacher: number, learners: Int32Array, out: Float64Array): void {
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
export function skillsEvidence(enc: SharedEncoding & SkillsFeatures, learner: number, teacher: number): SkillsEvidence | null {
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

/**
 * Encoded features of the skills criterion.
 * @remarks Since 0.2.0 (fields of `EncodedCohort` since 0.1.0)
 */
export interface SkillsFeatures {
  readonly vocabularies: { readonly skills: Vocabulary };
  /** Skill vocabulary size. */
  readonly skillCount: number;
  /** `skillCount × size`, skill-major: level of skill s for participant p at `s * size + p`; 0 where not listed. */
  readonly skillLevel: Float64Array;
  /** 1 when the participant lists at least one skill. */
  readonly hasSkills: Uint8Array;
  /** Wanted skills (vocabulary indices) in listed order. */
  readonly wanted: SparseRows;
  /** Target level of each entry of `wanted.list`. */
  readonly wantedTarget: Float64Array;
}

/**
 * Evidence of the skills criterion: one direction; both for peer pairs; for reverse mentoring the
 * junior's teaching (`primary`) and what the senior offers back.
 * @remarks Since 0.2.0
 */
export type SkillsCriterionEvidence =
  | SkillsEvidence
  | { forward: SkillsEvidence | null; backward: SkillsEvidence | null }
  | { offersBack: SkillsEvidence | null; primary: SkillsEvidence | null };

/**
 * The skills criterion as a module (see {@link skillsRow}). It has no options. Default weight 0.3.
 * @remarks Since 0.2.0
 */
export const skillsCriterion = defineCriterion<"skills", undefined, SkillsFeatures, SkillsCriterionEvidence>({
  name: "skills",
  defaultWeight: 0.3,
  encode({ participants, size }): SkillsFeatures {
    const vocabulary = buildVocabulary(participants.flatMap((p) => [...Object.keys(p.skills ?? {}), ...Object.keys(p.wantedSkills ?? {})]));
    const skillCount = vocabulary.terms.length;
    const skillLevel = new Float64Array(size * skillCount);
    const hasSkills = new Uint8Array(size);
    participants.forEach((p, i) => {
      for (const [name, level] of Object.entries(p.skills ?? {})) {
        skillLevel[vocabulary.index.get(name)! * size + i] = level;
        hasSkills[i] = 1;
      }
    });
    const entries = participants.map((p) => Object.entries(p.wantedSkills ?? {}));
    const wanted = sparseRows(size, (p) => entries[p]!.map(([name]) => vocabulary.index.get(name)!));
    const wantedTarget = Float64Array.from(entries.flatMap((e) => e.map(([, t]) => t)));
    return { vocabularies: { skills: vocabulary }, skillCount, skillLevel, hasSkills, wanted, wantedTarget };
  },
  kernel({ enc, direction, capacity }) {
    if (direction !== "peer") return (a, cols, out) => skillsRow(enc, a, cols, out);
    const backward = new Float64Array(capacity);
    return (a, cols, out) => {
      skillsRow(enc, a, cols, out);
      skillsRowBackward(enc, a, cols, backward);
      averageDirections(out, backward, cols.length);
    };
  },
  evidence({ enc, a, b, direction }): SkillsCriterionEvidence | null {
    if (direction === "peer") {
      const forward = skillsEvidence(enc, a, b);
      const backward = skillsEvidence(enc, b, a);
      return forward || backward ? { forward, backward } : null;
    }
    const primary = skillsEvidence(enc, a, b);
    if (direction !== "reverse") return primary;
    const offersBack = skillsEvidence(enc, b, a);
    return primary || offersBack ? { primary, offersBack } : null;
  },
  reasons(ev) {
    const out: ReasonDraft[] = [];
    if ("forward" in ev) {
      const covered = (ev.forward?.covered ?? 0) + (ev.backward?.covered ?? 0);
      const wanted = (ev.forward?.wanted.length ?? 0) + (ev.backward?.wanted.length ?? 0);
      if (covered > 0) out.push({ code: "peer-skills", params: { covered, wanted } });
      return out;
    }
    const primary = "primary" in ev ? ev.primary : ev;
    const main = primary && skillsReason(primary);
    if (main) out.push(main);
    const back = "offersBack" in ev && ev.offersBack ? offersBackReason(ev.offersBack) : null;
    if (back) out.push(back);
    return out;
  },
});
