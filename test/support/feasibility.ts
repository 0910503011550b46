/**
 * Generated cohorts for every format, and a feasibility checker written from the README's rules
 * against the RAW participant profiles — it never calls the library's eligibility, scoring or
 * solver code, so it checks the solvers independently (issue 14, "Done when").
 */
import fc from "fast-check";
import { expect } from "vitest";
import type { MatchResult } from "../../src/index.js";

export type Format = "one-on-one" | "reverse" | "peer" | "group" | "rotational" | "flash";

/** The raw participant shape this file generates (a subset of the input schema). */
export interface RawPerson {
  id: string;
  role: "mentor" | "mentee" | "both";
  level?: number;
  department?: string;
  languages?: string[];
  goals: string[];
  managerId?: string;
  capacity?: number;
  minCapacity?: number;
  history?: string[];
  preferences?: { avoid: string[] };
}
interface Pair { mentorId: string; menteeId: string }
export interface RawCohort {
  participants: RawPerson[];
  program: {
    format: Format;
    rules: { levelGap: number; maxLevelDiff: number; forbidden: Pair[]; locked: Pair[] };
    objective?: "maxTotal" | "maxMin" | "priority";
    quotas?: Array<{ name: string; mentees: { field: string; equals: string }; mentors: { field: string; min: number }; min: number; hard: true }>;
    group?: { size: { min: number; max: number }; cohesionWeight: number; mix: Array<{ field: string; maxPerGroup: number }> };
    rotation?: { rounds: number; minDepartments?: number };
    flash?: { slots: number };
    peer?: { oddPolicy: "leave-out" | "triad" };
  };
}

const LANGUAGES = ["English", "French", "Klingon"];
const DEPARTMENTS = ["A", "B", "C"];

const profile = fc.record({
  level: fc.option(fc.integer({ min: 1, max: 9 }), { nil: undefined, freq: 6 }),
  department: fc.option(fc.constantFrom(...DEPARTMENTS), { nil: undefined, freq: 6 }),
  languages: fc.option(fc.subarray(LANGUAGES, { minLength: 1 }), { nil: undefined, freq: 5 }),
  goals: fc.subarray(["g1", "g2", "g3"]),
  capacity: fc.integer({ min: 1, max: 4 }),
  minCapacity: fc.integer({ min: 0, max: 1 }),
});

/**
 * A cohort of the given format, at most `maxMentors` × `maxMentees` (peer: one pool of at most
 * both together), with manager links, avoid lists, history, forbidden and locked pairs, and the
 * format's options (group cohesion `options.cohesionWeight`, default 0). Locked pairs are valid input: distinct mentees, within mentor capacity, not
 * forbidden.
 */
export function cohortArbitrary(format: Format, maxMentors: number, maxMentees: number, options: { cohesionWeight?: number } = {}): fc.Arbitrary<RawCohort> {
  return fc.tuple(fc.integer({ min: 1, max: maxMentors }), fc.integer({ min: 1, max: maxMentees })).chain(([nm, ne]) => {
    const peer = format === "peer";
    const total = nm + ne;
    const index = fc.nat({ max: total - 1 });
    return fc.record({
      mentors: fc.array(profile, { minLength: nm, maxLength: nm }),
      mentees: fc.array(profile, { minLength: ne, maxLength: ne }),
      managers: fc.array(fc.option(index, { nil: undefined, freq: 4 }), { minLength: total, maxLength: total }),
      avoid: fc.array(fc.tuple(index, index), { maxLength: 3 }),
      history: fc.array(fc.tuple(fc.nat({ max: ne - 1 }), fc.nat({ max: nm - 1 })), { maxLength: 2 }),
      forbidden: fc.array(fc.tuple(fc.nat({ max: ne - 1 }), fc.nat({ max: nm - 1 })), { maxLength: 2 }),
      locked: fc.array(fc.tuple(fc.nat({ max: ne - 1 }), fc.nat({ max: nm - 1 })), { maxLength: 2 }),
      objective: fc.constantFrom("maxTotal" as const, "maxMin" as const, "priority" as const),
      quota: fc.boolean(),
      groupMin: fc.integer({ min: 1, max: 2 }),
      groupExtra: fc.integer({ min: 0, max: 2 }),
      mix: fc.boolean(),
      rounds: fc.integer({ min: 1, max: 3 }),
      minDepartments: fc.option(fc.integer({ min: 2, max: 3 }), { nil: undefined, freq: 2 }),
      slots: fc.integer({ min: 1, max: 3 }),
      triad: fc.boolean(),
    }).map((g) => {
      const ids = [...g.mentors.map((_, k) => (peer ? `p${k}` : `m${k}`)), ...g.mentees.map((_, k) => (peer ? `p${nm + k}` : `e${k}`))];
      const people: RawPerson[] = [...g.mentors, ...g.mentees].map((p, k) => {
        const mentorSide = k < nm;
        const person: RawPerson = { id: ids[k]!, role: peer ? "both" : mentorSide ? "mentor" : "mentee", goals: p.goals };
        if (p.level !== undefined) person.level = p.level;
        if (p.department !== undefined) person.department = p.department;
        if (p.languages !== undefined) person.languages = p.languages;
        const boss = g.managers[k];
        if (boss !== undefined && boss !== k) person.managerId = ids[boss]!;
        if (mentorSide && !peer) {
          person.capacity = p.capacity;
          if (p.minCapacity > 0) person.minCapacity = Math.min(p.minCapacity, p.capacity);
        }
        return person;
      });
      for (const [a, b] of g.avoid) if (a !== b) (people[a]!.preferences ??= { avoid: [] }).avoid.push(ids[b]!);
      for (const p of people) if (p.preferences) p.preferences.avoid = [...new Set(p.preferences.avoid)];
      for (const [e, m] of g.history) {
        const history = (people[nm + e]!.history ??= []);
        if (!history.includes(ids[m]!)) history.push(ids[m]!);
      }
      // Locked: distinct mentees and mentors (peer: disjoint pairs), mentor capacity ≥ its locks.
      const locked: Pair[] = [];
      const usedMentee = new Set<number>(), usedMentor = new Set<number>();
      for (const [e, m] of g.locked) {
        if (usedMentee.has(e) || usedMentor.has(m)) continue;
        usedMentee.add(e);
        usedMentor.add(m);
        locked.push({ mentorId: ids[m]!, menteeId: ids[nm + e]! });
      }
      const lockKey = new Set(locked.map((p) => `${p.mentorId} ${p.menteeId}`));
      const forbidden = g.forbidden.map(([e, m]) => ({ mentorId: ids[m]!, menteeId: ids[nm + e]! })).filter((p) => !lockKey.has(`${p.mentorId} ${p.menteeId}`) && !lockKey.has(`${p.menteeId} ${p.mentorId}`));
      const size = { min: g.groupMin, max: g.groupMin + g.groupExtra };
      if (format === "group") {
        // A locked mentor must be able to lead a group.
        for (const p of locked) {
          const mentor = people.find((x) => x.id === p.mentorId)!;
          mentor.capacity = Math.max(mentor.capacity ?? 1, size.max);
        }
      }
      const program: RawCohort["program"] = { format, rules: { levelGap: 1, maxLevelDiff: 2, forbidden: dedupe(forbidden), locked } };
      if (format === "one-on-one" || format === "reverse") program.objective = g.objective;
      if (g.quota && format !== "peer" && format !== "flash") {
        program.quotas = [{ name: "seniors for A", mentees: { field: "department", equals: "A" }, mentors: { field: "level", min: 6 }, min: 1, hard: true }];
      }
      if (format === "group") program.group = { size, cohesionWeight: options.cohesionWeight ?? 0, mix: g.mix ? [{ field: "department", maxPerGroup: 2 }] : [] };
      if (format === "rotational") program.rotation = { rounds: g.rounds, ...(g.minDepartments !== undefined ? { minDepartments: g.minDepartments } : {}) };
      if (format === "flash") program.flash = { slots: g.slots };
      if (format === "peer") program.peer = { oddPolicy: g.triad ? "triad" : "leave-out" };
      return { participants: people, program };
    });
  });
}

function dedupe(pairs: Pair[]): Pair[] {
  const seen = new Set<string>();
  return pairs.filter((p) => (seen.has(`${p.mentorId} ${p.menteeId}`) ? false : (seen.add(`${p.mentorId} ${p.menteeId}`), true)));
}

/**
 * The README's hard rules for a (row, col) pair — mentee and mentor, or two peers — from the raw
 * profiles: reporting line, shared language, level gap (inverted for reverse; level difference
 * for peers), avoid lists, history, admin-forbidden pairs. Locked pairs are exempt.
 */
export function eligibleRaw(cohort: RawCohort, mentee: RawPerson, mentor: RawPerson): boolean {
  const { format, rules } = cohort.program;
  const peer = format === "peer";
  if (mentee.id === mentor.id) return false;
  const lockedPair = rules.locked.some((p) => (p.menteeId === mentee.id && p.mentorId === mentor.id) || (peer && p.menteeId === mentor.id && p.mentorId === mentee.id));
  if (lockedPair) return true;
  if ((mentee.managerId !== undefined && mentee.managerId === mentor.managerId) || mentee.managerId === mentor.id || mentor.managerId === mentee.id) return false;
  if (mentee.languages && mentor.languages && !mentee.languages.some((l) => mentor.languages!.includes(l))) return false;
  if (mentee.level !== undefined && mentor.level !== undefined) {
    if (peer && Math.abs(mentee.level - mentor.level) > rules.maxLevelDiff) return false;
    if (format === "reverse" && mentor.level > mentee.level - rules.levelGap) return false;
    if (!peer && format !== "reverse" && mentor.level < mentee.level + rules.levelGap) return false;
  }
  if (mentee.preferences?.avoid.includes(mentor.id) || mentor.preferences?.avoid.includes(mentee.id)) return false;
  if (mentee.history?.includes(mentor.id) || mentor.history?.includes(mentee.id)) return false;
  if (rules.forbidden.some((p) => (p.menteeId === mentee.id && p.mentorId === mentor.id) || (peer && p.menteeId === mentor.id && p.mentorId === mentee.id))) return false;
  return true;
}

/** Checks a result against the raw cohort; fails the surrounding test on the first broken promise. */
export function checkFeasible(cohort: RawCohort, result: MatchResult): void {
  const { format, rules } = cohort.program;
  const byId = new Map(cohort.participants.map((p) => [p.id, p]));
  const person = (id: string) => {
    const p = byId.get(id);
    expect(p, `unknown id ${id}`).toBeDefined();
    return p!;
  };
  const warned = (needle: string) => result.warnings.some((w) => w.message.includes(needle));
  const infeasible = (name: string) => {
    const inf = "infeasibility" in result.stats ? result.stats.infeasibility : undefined;
    return inf !== undefined && inf.constraints.some((c) => c.startsWith(name));
  };
  expect(result.format).toBe(format);

  if (format === "peer") {
    const seen = new Set<string>();
    for (const m of result.matches) {
      expect(m.mentorIds).toEqual([]);
      expect(m.menteeIds.length === 2 || (m.menteeIds.length === 3 && cohort.program.peer?.oddPolicy === "triad")).toBe(true);
      for (const id of m.menteeIds) {
        expect(seen.has(id), `${id} in two peer groups`).toBe(false);
        seen.add(id);
      }
      for (let x = 0; x < m.menteeIds.length; x++) {
        for (let y = x + 1; y < m.menteeIds.length; y++) {
          const a = person(m.menteeIds[x]!), b = person(m.menteeIds[y]!);
          expect(eligibleRaw(cohort, a, b) && eligibleRaw(cohort, b, a), `${a.id}–${b.id} breaks a rule`).toBe(true);
        }
      }
    }
    for (const p of rules.locked) {
      const kept = result.matches.some((m) => m.menteeIds.includes(p.mentorId) && m.menteeIds.includes(p.menteeId));
      expect(kept || warned(`${JSON.stringify(p.mentorId)}`), `locked ${p.mentorId}–${p.menteeId} dropped silently`).toBe(true);
    }
    expect(result.stats.matches).toBe(result.matches.length);
    return;
  }

  // Mentor-led formats: every match is one mentor with eligible mentees.
  for (const m of result.matches) {
    expect(m.mentorIds).toHaveLength(1);
    const mentor = person(m.mentorIds[0]!);
    expect(mentor.role).not.toBe("mentee");
    for (const id of m.menteeIds) {
      const mentee = person(id);
      expect(mentee.role).not.toBe("mentor");
      expect(eligibleRaw(cohort, mentee, mentor), `${mentor.id} → ${mentee.id} breaks a rule`).toBe(true);
    }
  }
  const capacity = (id: string) => person(id).capacity ?? 1;
  const pairsIn = (ms: MatchResult["matches"]) => ms.flatMap((m) => m.menteeIds.map((e) => `${m.mentorIds[0]} ${e}`));

  if (format === "one-on-one" || format === "reverse" || format === "group") {
    const load = new Map<string, number>();
    const seen = new Set<string>();
    for (const m of result.matches) {
      load.set(m.mentorIds[0]!, (load.get(m.mentorIds[0]!) ?? 0) + m.menteeIds.length);
      for (const id of m.menteeIds) {
        expect(seen.has(id), `${id} matched twice`).toBe(false);
        seen.add(id);
      }
    }
    for (const [id, l] of load) expect(l, `${id} over capacity`).toBeLessThanOrEqual(capacity(id));
    if (format === "group") {
      const { min, max } = cohort.program.group!.size;
      const mentorIds = result.matches.map((m) => m.mentorIds[0]!);
      expect(new Set(mentorIds).size, "a mentor leads two groups").toBe(mentorIds.length);
      for (const m of result.matches) {
        expect(m.menteeIds.length).toBeGreaterThanOrEqual(min);
        expect(m.menteeIds.length).toBeLessThanOrEqual(max);
        for (const mix of cohort.program.group!.mix) {
          const count = new Map<string, number>();
          for (const id of m.menteeIds) {
            const d = person(id).department;
            if (d !== undefined) count.set(d, (count.get(d) ?? 0) + 1);
          }
          for (const c of count.values()) expect(c <= mix.maxPerGroup || infeasible(mix.field), "mix rule broken").toBe(true);
        }
      }
    }
    const made = new Set(pairsIn(result.matches));
    // Locked pairs are kept; a group can only drop one when its rules are reported infeasible.
    for (const p of rules.locked) expect(made.has(`${p.mentorId} ${p.menteeId}`) || (result.format === "group" && result.stats.status === "infeasible"), `locked ${p.mentorId} → ${p.menteeId} dropped`).toBe(true);
    checkQuota(cohort, result.matches, "seniors for A", infeasible);
    expect(result.stats.matchedMentees).toBe(seen.size);
    return;
  }

  // Rotational and flash: rounds of one-on-one meetings, no repeated pair.
  const rounds = result.rounds!;
  expect(rounds).toBeDefined();
  const R = format === "rotational" ? cohort.program.rotation!.rounds : cohort.program.flash!.slots;
  expect(rounds.length).toBe(R);
  const everyPair = new Set<string>();
  rounds.forEach((round, r) => {
    const mentee = new Set<string>();
    const load = new Map<string, number>();
    for (const m of round) {
      expect(m.round).toBe(r);
      expect(m.menteeIds).toHaveLength(1);
      const e = m.menteeIds[0]!, j = m.mentorIds[0]!;
      expect(mentee.has(e), `${e} twice in round ${r}`).toBe(false);
      mentee.add(e);
      load.set(j, (load.get(j) ?? 0) + 1);
      const key = `${j} ${e}`;
      expect(everyPair.has(key), `${key} repeats`).toBe(false);
      everyPair.add(key);
    }
    // Flash: one mentee per mentor per slot; rotational: mentor capacity per round.
    for (const [j, l] of load) expect(l).toBeLessThanOrEqual(format === "flash" ? 1 : capacity(j));
    if (format === "rotational") checkQuota(cohort, round, `seniors for A${R > 1 ? ` (round ${r + 1})` : ""}`, infeasible);
  });
  for (const p of rules.locked) expect(everyPair.has(`${p.mentorId} ${p.menteeId}`) || warned(`${JSON.stringify(p.mentorId)} → ${JSON.stringify(p.menteeId)} not kept`), `locked ${p.mentorId} → ${p.menteeId} dropped silently`).toBe(true);

  const k = cohort.program.rotation?.minDepartments;
  if (format === "rotational" && k !== undefined) {
    const mentors = cohort.participants.filter((p) => p.role !== "mentee");
    for (const e of cohort.participants.filter((p) => p.role !== "mentor")) {
      const meetings = result.matches.filter((m) => m.menteeIds[0] === e.id);
      if (meetings.length === 0) continue;
      const reachable = new Set(mentors.filter((j) => j.department !== undefined && eligibleRaw(cohort, e, j)).map((j) => j.department!));
      const met = new Set(meetings.map((m) => person(m.mentorIds[0]!).department).filter((d) => d !== undefined));
      const target = Math.min(k, R, reachable.size);
      expect(met.size >= target || warned(`${e.id} (${met.size})`), `${e.id} meets ${met.size} of ${target} departments`).toBe(true);
      if (met.size < target) expect(result.stats.optimal).toBe(false);
    }
  }
}

/** A hard quota holds, or the result names it as infeasible. */
function checkQuota(cohort: RawCohort, matches: MatchResult["matches"], name: string, infeasible: (name: string) => boolean): void {
  const q = cohort.program.quotas?.[0];
  if (!q) return;
  let count = 0;
  for (const m of matches) {
    const level = cohort.participants.find((p) => p.id === m.mentorIds[0])!.level;
    if (level === undefined || level < q.mentors.min) continue;
    for (const id of m.menteeIds) if (cohort.participants.find((p) => p.id === id)!.department === q.mentees.equals) count++;
  }
  // An infeasible quota is named (in any round: the elastic filter names one of them) and relaxed.
  expect(count >= q.min || infeasible(q.name), `quota ${name}: ${count} < ${q.min}`).toBe(true);
}
