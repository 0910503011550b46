import type { Cohort } from "../model/index.js";
import type { Match, MatchResult } from "../match/types.js";

/** Scores in ten bins of 0.1 (the last includes 1). */
export function scoreHistogram(scores: readonly number[]): { from: number; to: number; count: number }[] {
  const bins = Array.from({ length: 10 }, (_, k) => ({ from: k / 10, to: (k + 1) / 10, count: 0 }));
  for (const s of scores) bins[Math.min(9, Math.max(0, Math.floor(s * 10)))]!.count++;
  return bins;
}

/** Every pair of a result: each pair, each group or triad member, each meeting. */
export function pairsOf(result: MatchResult): Pick<Match, "score" | "breakdown">[] {
  return result.matches.flatMap((m): Pick<Match, "score" | "breakdown">[] => (m.members && m.members.length > 0 ? m.members : [m]));
}

/** One criterion's part in the result's scores. */
export interface CriterionContribution {
  criterion: string;
  weight: number;
  /** Mean of the criterion's score over the pairs where it had data; `null` when none had. */
  meanScore: number | null;
  /** Pairs where it had data. */
  pairs: number;
  /**
   * Mean over all pairs of weight × score ÷ the pair's total used weight: the points of the
   * composite score it brings on average. The contributions add up to the mean pair score
   * (less any neutral stand-ins for missing data).
   */
  points: number;
}

/**
 * Each criterion's contribution to the pair scores: a composite is Σ wᶜ·sᶜ / Σ wᶜ over the
 * criteria used, so criterion c brings wᶜ·sᶜ / Σ wᶜ points to that pair.
 */
export function criterionContributions(result: MatchResult): CriterionContribution[] {
  const pairs = pairsOf(result);
  const table = new Map<string, { weight: number; sum: number; n: number; points: number }>();
  for (const p of pairs) {
    let used = 0;
    for (const part of Object.values(p.breakdown)) if (part.used) used += part.weight;
    for (const [name, part] of Object.entries(p.breakdown)) {
      let t = table.get(name);
      if (t === undefined) table.set(name, (t = { weight: part.weight, sum: 0, n: 0, points: 0 }));
      if (part.score === null) continue;
      t.sum += part.score;
      t.n++;
      if (part.used && used > 0) t.points += (part.weight * part.score) / used;
    }
  }
  return [...table].map(([criterion, t]) => ({ criterion, weight: t.weight, meanScore: t.n ? t.sum / t.n : null, pairs: t.n, points: pairs.length ? t.points / pairs.length : 0 }));
}

/** How mentors' seats were used. */
export interface MentorLoad {
  mentors: number;
  /** Seats offered (sum of capacities); `null` for timetables, where seats repeat per round. */
  seats: number | null;
  /** Mentees placed with a mentor (meetings for timetables). */
  placed: number;
  /** Mentors with nobody. */
  idle: number;
  /** Mentors at or over capacity (not for timetables). */
  full: number;
  /** How many mentors have 0, 1, 2, … mentees (meetings for timetables). */
  histogram: number[];
}

/** Mentor load of a result, or `null` when the programme has no mentors (peer, mentor-less circles). */
export function mentorLoad(result: MatchResult, cohort: Cohort): MentorLoad | null {
  const mentors = cohort.participants.filter((p) => p.role === "mentor" || p.role === "both");
  const timed = result.format === "rotational" || result.format === "flash";
  const load = new Map<string, number>();
  for (const m of result.matches) for (const id of m.mentorIds) load.set(id, (load.get(id) ?? 0) + (m.menteeIds.length || 1));
  if (mentors.length === 0 || load.size === 0) return null;
  const counts = mentors.map((m) => load.get(m.id) ?? 0);
  const histogram = new Array<number>(Math.max(...counts) + 1).fill(0);
  for (const c of counts) histogram[c]!++;
  return {
    mentors: mentors.length,
    seats: timed ? null : mentors.reduce((s, m) => s + m.capacity, 0),
    placed: counts.reduce((s, c) => s + c, 0),
    idle: histogram[0]!,
    full: timed ? 0 : mentors.filter((m, k) => counts[k]! >= m.capacity && m.capacity > 0).length,
    histogram,
  };
}
