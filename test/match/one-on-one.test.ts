import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { generateCohort, match as matchCohort, parseCohort, scoreMatrix, explainWhyNot, MatchInputError, type Cohort, type MatchResult, type CohortInput, type MatchOptions } from "../../src/index.js";
import { blockingPairs } from "../../src/solvers/deferred-acceptance.js";

/** These tests feed JSON-like literals (roles as plain strings), as untyped callers do; `match()` validates them at run time. */
const match = (input: unknown, options?: MatchOptions) => matchCohort(input as CohortInput, options);

type Raw = ReturnType<typeof generateCohort>;

/**
 * Brute force over every assignment of mentees to mentors (or none) within capacities, ranked as
 * the solver documents: maxTotal by (most matched, most minimum seats filled, best total); maxMin
 * by (most matched, best lowest free-pair score, most minimum seats filled, best total).
 */
function bruteForce(cohort: Cohort, objective: "maxTotal" | "maxMin") {
  const sorted = { ...cohort, participants: [...cohort.participants].sort((a, b) => (a.id < b.id ? -1 : 1)) };
  const m = scoreMatrix(sorted);
  const cap = Array.from(m.colParticipants, (p) => sorted.participants[p]!.capacity);
  const minimum = Array.from(m.colParticipants, (p) => sorted.participants[p]!.minCapacity);
  const locked = new Map(m.locked.map(([i, j]) => [i, j]));
  const eps = 1e-12;
  let best = { count: -1, seats: -1, total: -Infinity, min: -Infinity };
  const load = new Array(m.cols).fill(0);
  const chosen: number[] = [];
  const rec = (i: number) => {
    if (i === m.rows) {
      let count = 0;
      let total = 0;
      let min = Infinity;
      chosen.forEach((j, r) => {
        if (j < 0) return;
        count++;
        const s = m.scores[r * m.cols + j]!;
        total += s;
        if (!locked.has(r)) min = Math.min(min, s);
      });
      const seats = load.reduce((acc, l, j) => acc + Math.min(l, minimum[j]!), 0);
      // README order: most matched, then minimum seats, then the objective (issue 14.6).
      const key = objective === "maxTotal" ? [count, seats, total] : [count, seats, min, total];
      const bestKey = objective === "maxTotal" ? [best.count, best.seats, best.total] : [best.count, best.seats, best.min, best.total];
      let better = false;
      for (let t = 0; t < key.length; t++) {
        if (key[t]! > bestKey[t]! + eps) {
          better = true;
          break;
        }
        if (key[t]! < bestKey[t]! - eps) break;
      }
      if (better) best = { count, seats, total, min };
      return;
    }
    const options = locked.has(i) ? [locked.get(i)!] : [-1, ...Array.from({ length: m.cols }, (_, j) => j)];
    for (const j of options) {
      if (j >= 0 && (!m.eligible[i * m.cols + j] || load[j] >= cap[j]!)) continue;
      if (j >= 0) load[j]++;
      chosen[i] = j;
      rec(i + 1);
      if (j >= 0) load[j]--;
    }
  };
  rec(0);
  return best;
}

function small(seed: number, mentees: number, mentors: number, program: Record<string, unknown> = {}): Raw {
  const raw = generateCohort({ mentees, mentors, seed });
  return { ...raw, program: { ...raw.program, ...program } };
}

/**
 * Counts blocking pairs of a one-on-one result directly from the definition, without the
 * library's checker: an eligible mentee–mentor pair (i, j), not matched together, where i is
 * unmatched or prefers j to its mentor, and j has a free seat or prefers i to the worst mentee it
 * holds. Each side prefers partners it ranks (in its own order), then the rest by score, best
 * first, ties by index (participants sorted by id, as match() orders them).
 */
function countBlockingPairs(raw: Raw, result: MatchResult): number {
  const cohort = parseCohort(raw);
  const sorted = { ...cohort, participants: [...cohort.participants].sort((a, b) => (a.id < b.id ? -1 : 1)) };
  const m = scoreMatrix(sorted);
  const ranked = (p: (typeof sorted.participants)[number]) => p.preferences?.ranked ?? [];
  // Lexicographic key, smaller = preferred: [not ranked, position in own list, −score, index].
  const key = (own: readonly string[], id: string, score: number, t: number) => {
    const pos = own.indexOf(id);
    return pos >= 0 ? [0, pos, 0, t] : [1, 0, -score, t];
  };
  const before = (a: number[], b: number[]) => {
    for (let t = 0; t < 4; t++) if (a[t] !== b[t]) return a[t]! < b[t]!;
    return false;
  };
  const rowKey = (i: number, j: number) => key(ranked(sorted.participants[m.rowParticipants[i]!]!), m.colIds[j]!, m.scores[i * m.cols + j]!, j);
  const colKey = (j: number, i: number) => key(ranked(sorted.participants[m.colParticipants[j]!]!), m.rowIds[i]!, m.scores[i * m.cols + j]!, i);
  const mentorOf = new Array<number>(m.rows).fill(-1);
  const held: number[][] = Array.from({ length: m.cols }, () => []);
  for (const x of result.matches) {
    const i = m.rowIndex.get(x.menteeIds[0]!)!;
    const j = m.colIndex.get(x.mentorIds[0]!)!;
    mentorOf[i] = j;
    held[j]!.push(i);
  }
  let count = 0;
  for (let i = 0; i < m.rows; i++) {
    for (let j = 0; j < m.cols; j++) {
      if (m.eligible[i * m.cols + j] !== 1 || mentorOf[i] === j) continue;
      const cur = mentorOf[i]!;
      const menteeWants = cur < 0 || before(rowKey(i, j), rowKey(i, cur));
      const capacity = sorted.participants[m.colParticipants[j]!]!.capacity;
      const mentorWants = held[j]!.length < capacity || held[j]!.some((h) => before(colKey(j, i), colKey(j, h)));
      if (menteeWants && mentorWants) count++;
    }
  }
  return count;
}

function checkRules(result: MatchResult, cohort: Cohort) {
  const m = scoreMatrix(cohort);
  const byId = new Map(cohort.participants.map((p) => [p.id, p]));
  const load = new Map<string, number>();
  const seen = new Set<string>();
  for (const x of result.matches) {
    const [mentor] = x.mentorIds;
    const [mentee] = x.menteeIds;
    const i = m.rowIndex.get(mentee!)!;
    const j = m.colIndex.get(mentor!)!;
    if (!x.locked) expect(m.eligible[i * m.cols + j], `${mentor}→${mentee} must be eligible`).toBe(1);
    expect(seen.has(mentee!), `${mentee} matched twice`).toBe(false);
    seen.add(mentee!);
    load.set(mentor!, (load.get(mentor!) ?? 0) + 1);
  }
  for (const [id, l] of load) expect(l).toBeLessThanOrEqual(byId.get(id)!.capacity);
}

describe("match: one-on-one", () => {
  it("equals the brute-force optimum (most matched, then best total) on small generated cohorts", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 2, max: 6 }), fc.integer({ min: 1, max: 3 }), async (seed, nMentees, nMentors) => {
        const raw = small(seed, nMentees, nMentors);
        const cohort = parseCohort(raw);
        const result = await match(raw);
        checkRules(result, cohort);
        const best = bruteForce(cohort, "maxTotal");
        expect(result.matches.length).toBe(best.count);
        expect(result.stats.total).toBeCloseTo(best.total, 9);
        expect(result.stats.optimal).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it("reverse: juniors mentor seniors, the inverted level rule holds, and the result is optimal", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 10_000 }), async (seed) => {
        const raw = generateCohort({ mentees: 5, mentors: 3, seed, format: "reverse" });
        const cohort = parseCohort(raw);
        const result = await match(raw);
        expect(result.format).toBe("reverse");
        checkRules(result, cohort);
        const gap = cohort.program.rules.levelGap ?? 0;
        const level = new Map(cohort.participants.map((p) => [p.id, p.level]));
        for (const x of result.matches) {
          const mentor = level.get(x.mentorIds[0]!);
          const mentee = level.get(x.menteeIds[0]!);
          if (!x.locked && mentor !== undefined && mentee !== undefined) expect(mentor).toBeLessThanOrEqual(mentee - gap);
        }
        const best = bruteForce(cohort, "maxTotal");
        expect(result.matches.length).toBe(best.count);
        expect(result.stats.total).toBeCloseTo(best.total, 9);
      }),
      { numRuns: 25 },
    );
  });

  it("maxMin fills mentor minimums, then reaches the best possible lowest score, then the best total", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 10_000 }), async (seed) => {
        const raw = small(seed, 5, 3, { objective: "maxMin" });
        const cohort = parseCohort(raw);
        const result = await match(raw);
        checkRules(result, cohort);
        const best = bruteForce(cohort, "maxMin");
        expect(result.matches.length).toBe(best.count);
        if (best.count > 0) expect(result.stats.min).toBeCloseTo(best.min, 9);
        expect(result.stats.total).toBeCloseTo(best.total, 9);
      }),
      { numRuns: 30 },
    );
  });

  it("is deterministic and does not depend on participant order", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 0, max: 1_000_000 }), async (seed, shuffleSeed) => {
        const raw = small(seed, 12, 5);
        const shuffled = { ...raw, participants: [...raw.participants] };
        let s = shuffleSeed;
        for (let k = shuffled.participants.length - 1; k > 0; k--) {
          s = (s * 1103515245 + 12345) % 2147483648;
          const r = s % (k + 1);
          [shuffled.participants[k], shuffled.participants[r]] = [shuffled.participants[r]!, shuffled.participants[k]!];
        }
        const a = await match(raw);
        const b = await match(shuffled);
        const c = await match(raw);
        const pairs = (r: MatchResult) => JSON.stringify(r.matches.map((x) => [x.mentorIds, x.menteeIds, x.score, x.reasons]));
        expect(pairs(b)).toBe(pairs(a));
        expect(pairs(c)).toBe(pairs(a));
        expect(JSON.stringify(b.unmatched)).toBe(JSON.stringify(a.unmatched));
      }),
      { numRuns: 15 },
    );
  });

  it("keeps locked pairs, never uses forbidden pairs, excludes history when repeats are off", async () => {
    const raw = small(42, 10, 4);
    const mentors = raw.participants.filter((p) => p.role === "mentor");
    const mentees = raw.participants.filter((p) => p.role === "mentee");
    const program = {
      ...raw.program,
      rules: {
        ...(raw.program?.rules ?? {}),
        locked: [{ mentorId: mentors[0]!.id, menteeId: mentees[0]!.id }],
        forbidden: mentees.slice(1).map((e) => ({ mentorId: mentors[1]!.id, menteeId: e.id })),
      },
    };
    const withHistory = {
      ...raw,
      program,
      participants: raw.participants.map((p) => (p.id === mentees[2]!.id ? { ...p, history: [...(p.history ?? []), mentors[2]!.id] } : p)),
    };
    const result = await match(withHistory);
    const has = (mentor: string, mentee: string) => result.matches.some((x) => x.mentorIds[0] === mentor && x.menteeIds[0] === mentee);
    expect(has(mentors[0]!.id, mentees[0]!.id)).toBe(true);
    expect(result.matches.find((x) => x.menteeIds[0] === mentees[0]!.id)!.locked).toBe(true);
    for (const e of mentees.slice(1)) expect(has(mentors[1]!.id, e.id)).toBe(false);
    expect(has(mentors[2]!.id, mentees[2]!.id)).toBe(false);
  });

  it("explains an unmatched mentee whose only language-sharing mentor is their manager", async () => {
    const slot = [{ day: "tue", start: "09:00", end: "17:00" }];
    const person = (id: string, role: string, extra: Record<string, unknown>) => ({ id, role, level: role === "mentor" ? 6 : 2, timezone: "Europe/Berlin", availability: { slots: slot }, goals: ["leadership"], ...extra });
    const raw = {
      participants: [
        person("boss", "mentor", { languages: ["German", "English"] }),
        person("m1", "mentor", { languages: ["English"] }),
        person("m2", "mentor", { languages: ["English"] }),
        person("m3", "mentor", { languages: ["Spanish"] }),
        person("lena", "mentee", { languages: ["German"], managerId: "boss" }),
        person("ann", "mentee", { languages: ["English"] }),
      ],
    };
    const result = await match(raw);
    const lena = result.unmatched.find((u) => u.id === "lena")!;
    expect(lena.code).toBe("no-eligible-partner");
    expect(lena.detail.excludedBy).toEqual({ "shared-language": 3, "reporting-line": 1 });
    expect(lena.message).toBe("no eligible mentor: 3 excluded by shared-language, 1 by reporting-line");
  });

  it("says when every eligible mentor is at capacity", async () => {
    const raw = {
      participants: [
        { id: "m", role: "mentor", level: 5, languages: ["English"], capacity: 1 },
        { id: "a", role: "mentee", level: 1, languages: ["English"], goals: ["x"] },
        { id: "b", role: "mentee", level: 1, languages: ["English"] },
      ],
    };
    const result = await match(raw);
    expect(result.matches).toHaveLength(1);
    const u = result.unmatched.find((x) => x.role === "mentee")!;
    expect(u.code).toBe("partners-at-capacity");
    expect(u.message).toMatch(/^the only eligible mentor is at capacity/);
    expect(u.detail.atCapacity).toEqual(["m"]);
  });

  it("priority mentees are matched first", async () => {
    // One seat; b scores higher but a is a priority mentee.
    const raw = {
      participants: [
        { id: "m", role: "mentor", level: 5, goals: ["g1", "g2"], capacity: 1 },
        { id: "a", role: "mentee", level: 1, goals: ["g3", "g1"], priority: true },
        { id: "b", role: "mentee", level: 1, goals: ["g1", "g2"] },
      ],
      program: { objective: "priority" },
    };
    const plain = await match({ ...raw, program: {} });
    expect(plain.matches[0]!.menteeIds).toEqual(["b"]);
    const result = await match(raw);
    expect(result.matches[0]!.menteeIds).toEqual(["a"]);
  });

  it("stable mode leaves no blocking pairs; other solvers report how many there are", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 10_000 }), async (seed) => {
        // Without minimum loads, so that the exact objective is (most matched, best total) only.
        const base = small(seed, 8, 4);
        const noMinimum = { ...base, participants: base.participants.map((p) => ({ ...p, minCapacity: 0 })) };
        const result = await match({ ...noMinimum, program: { ...noMinimum.program, solver: "stable" } });
        expect(result.stats.blockingPairs).toBe(0);
        expect(countBlockingPairs(noMinimum, result)).toBe(0);
        expect(result.stats.solver).toBe("deferred-acceptance");
        const exact = await match(noMinimum);
        expect(exact.stats.blockingPairs).toBe(countBlockingPairs(noMinimum, exact));
        // The exact solver is lexicographically (most matched, then total) at least as good.
        expect(exact.matches.length).toBeGreaterThanOrEqual(result.matches.length);
        if (exact.matches.length === result.matches.length) expect(exact.stats.total).toBeGreaterThanOrEqual(result.stats.total - 1e-9);
      }),
      { numRuns: 15 },
    );
  });

  it("why not: names the rules, or the exact cost of forcing the pair", async () => {
    const raw = small(7, 10, 4);
    const result = await match(raw);
    const cohort = parseCohort(raw);
    const m = scoreMatrix({ ...cohort, participants: [...cohort.participants].sort((a, b) => (a.id < b.id ? -1 : 1)) });
    let sawCost = false;
    let sawRule = false;
    for (let i = 0; i < m.rows; i++) {
      for (let j = 0; j < m.cols; j++) {
        const w = explainWhyNot(result, m.rowIds[i]!, m.colIds[j]!);
        const paired = result.matches.some((x) => x.menteeIds[0] === m.rowIds[i] && x.mentorIds[0] === m.colIds[j]);
        if (paired) expect(w.verdict).toBe("matched");
        else if (!m.eligible[i * m.cols + j]) {
          sawRule = true;
          expect(w.verdict).toBe("ineligible");
          expect(w.rules.length).toBeGreaterThan(0);
        } else if (w.verdict === "cost") {
          sawCost = true;
          // Forcing a pair can never beat the optimum on (count, total).
          expect(w.matchedAfter! < w.matchedBefore! || w.totalAfter! <= w.totalBefore! + 1e-9).toBe(true);
        }
      }
    }
    expect(sawRule || sawCost).toBe(true);
    expect(() => explainWhyNot(result, "nobody", m.colIds[0]!)).toThrow(MatchInputError);
  });

  it("reports progress through the stages and aborts cleanly", async () => {
    const raw = small(3, 6, 3);
    const stages: string[] = [];
    await match(raw, { onProgress: (stage, done) => done === 0 && stages.push(stage) });
    expect(stages).toEqual(["validate", "encode", "score", "solve", "report"]);
    const controller = new AbortController();
    controller.abort();
    await expect(match(raw, { signal: controller.signal })).rejects.toMatchObject({ name: "AbortError" });
  });

  it("rejects invalid input with MatchInputError", async () => {
    await expect(match({ participants: [{ id: "a" }] })).rejects.toBeInstanceOf(MatchInputError);
  });

  it("blocking pair count agrees with the independent checker", async () => {
    const raw = small(11, 7, 3);
    const result = await match(raw);
    const cohort = parseCohort(raw);
    const sorted = { ...cohort, participants: [...cohort.participants].sort((a, b) => (a.id < b.id ? -1 : 1)) };
    const m = scoreMatrix(sorted);
    const ranked = (p: (typeof sorted.participants)[number]) => p.preferences?.ranked ?? [];
    // One participant's list: eligible partners they rank (in their order), then the rest by
    // score, best first, ties by index.
    const prefsOf = (own: string[], count: number, ok: (t: number) => boolean, idOf: (t: number) => string, scoreOf: (t: number) => number) => {
      const key = (t: number) => {
        const pos = own.indexOf(idOf(t));
        return pos >= 0 ? [0, pos, 0, t] : [1, 0, -scoreOf(t), t];
      };
      return [...Array(count).keys()].filter(ok).sort((a, b) => {
        const ka = key(a);
        const kb = key(b);
        for (let t = 0; t < 4; t++) if (ka[t] !== kb[t]) return ka[t]! - kb[t]!;
        return 0;
      });
    };
    const rowPrefs = Array.from({ length: m.rows }, (_, i) =>
      prefsOf(ranked(sorted.participants[m.rowParticipants[i]!]!), m.cols, (j) => m.eligible[i * m.cols + j] === 1, (j) => m.colIds[j]!, (j) => m.scores[i * m.cols + j]!),
    );
    const colPrefs = Array.from({ length: m.cols }, (_, j) =>
      prefsOf(ranked(sorted.participants[m.colParticipants[j]!]!), m.rows, (i) => m.eligible[i * m.cols + j] === 1, (i) => m.rowIds[i]!, (i) => m.scores[i * m.cols + j]!),
    );
    const proposerTo = new Int32Array(m.rows).fill(-1);
    for (const x of result.matches) proposerTo[m.rowIndex.get(x.menteeIds[0]!)!] = m.colIndex.get(x.mentorIds[0]!)!;
    const caps = Array.from(m.colParticipants, (p) => sorted.participants[p]!.capacity);
    expect(result.stats.blockingPairs).toBe(blockingPairs(rowPrefs, colPrefs, proposerTo, caps).length);
    expect(result.stats.blockingPairs).toBe(countBlockingPairs(raw, result));
  });
});
