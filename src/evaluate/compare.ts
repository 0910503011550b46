import { outcomesOf, pairsOfMatch, readMatches, type ParticipantOutcome } from "./result-pairs.js";

/**
 * A pair in a {@link ResultComparison}: `[mentorId, menteeId]`, or two peers in id order.
 * @remarks Since 0.2.0
 */
export interface ComparedPair {
  pair: [string, string];
  /** Its score before; `null` when it was not in the first result. */
  before: number | null;
  /** Its score after; `null` when it is not in the second result. */
  after: number | null;
}

/**
 * How one participant fares in the two results.
 * `kept`: the same partners; `changed`: matched in both, other partners; `added`: matched only
 * after; `dropped`: matched only before.
 * @remarks Since 0.2.0
 */
export interface ComparedParticipant {
  id: string;
  status: "kept" | "changed" | "added" | "dropped";
  /** Partners (mentors of a mentee, mentees of a mentor, fellow peers), sorted; empty when unmatched. */
  before: string[];
  after: string[];
  /** Mean pair score over the participant's pairs; `null` when unmatched. */
  scoreBefore: number | null;
  scoreAfter: number | null;
  /** `scoreAfter − scoreBefore` when matched in both, else `null`. */
  scoreChange: number | null;
}

/**
 * What {@link compareResults} returns.
 * @remarks Since 0.2.0
 */
export interface ResultComparison {
  /** Pairs in both results, then pairs only after, then only before; each sorted by ids. */
  kept: ComparedPair[];
  added: ComparedPair[];
  dropped: ComparedPair[];
  /** Every participant matched in either result whose outcome is not `kept`, sorted by id. */
  participants: ComparedParticipant[];
  summary: {
    kept: number;
    added: number;
    dropped: number;
    /** Participants by status (matched in either result). */
    participantsKept: number;
    participantsChanged: number;
    participantsAdded: number;
    participantsDropped: number;
    /** Mean pair score after minus before (0 when either has no pair). */
    meanScoreChange: number;
  };
}

const key = (p: [string, string]) => `${p[0]}\u0000${p[1]}`;

function pairScores(matches: ReturnType<typeof readMatches>): Map<string, { pair: [string, string]; scores: number[] }> {
  const out = new Map<string, { pair: [string, string]; scores: number[] }>();
  for (const m of matches) {
    for (const p of pairsOfMatch(m)) {
      const k = key(p.ids);
      const entry = out.get(k);
      if (entry) entry.scores.push(p.score);
      else out.set(k, { pair: p.ids, scores: [p.score] });
    }
  }
  return out;
}

const mean = (xs: readonly number[]) => (xs.length === 0 ? 0 : xs.reduce((s, x) => s + x, 0) / xs.length);

function partnersOf(o: ParticipantOutcome | undefined): { partners: string[]; score: number | null } {
  if (o === undefined) return { partners: [], score: null };
  const all = [...o.asMentee, ...o.asMentor];
  if (all.length === 0) return { partners: [], score: null };
  return { partners: [...new Set(all.flatMap((x) => x.partners))].sort(), score: mean(all.map((x) => x.score)) };
}

/**
 * What changes between two results of the same cohort — a rematch, a new weighting, another
 * objective — before an admin applies it: the pairs kept, added and dropped with their scores,
 * and every participant whose partners changed with their score change.
 *
 * Pairs are mentor–mentee pairs (each member of a group with its mentor) or peer pairs (every two
 * members of a triad or circle); in rotational and flash results a pair met in several rounds
 * counts once, scored by its mean. A participant's score is the mean over their pairs.
 *
 * @param before the current result (or its stored JSON).
 * @param after the proposed result.
 * @throws MatchInputError when either is not a result with a `matches` array of id lists.
 * @remarks Since 0.2.0
 */
export function compareResults(before: unknown, after: unknown): ResultComparison {
  const a = readMatches(before, "before");
  const b = readMatches(after, "after");
  const pa = pairScores(a);
  const pb = pairScores(b);
  const byPair = (x: ComparedPair, y: ComparedPair) => (key(x.pair) < key(y.pair) ? -1 : key(x.pair) > key(y.pair) ? 1 : 0);
  const kept: ComparedPair[] = [];
  const dropped: ComparedPair[] = [];
  for (const [k, x] of pa) {
    const y = pb.get(k);
    if (y) kept.push({ pair: x.pair, before: mean(x.scores), after: mean(y.scores) });
    else dropped.push({ pair: x.pair, before: mean(x.scores), after: null });
  }
  const added: ComparedPair[] = [...pb].filter(([k]) => !pa.has(k)).map(([, y]) => ({ pair: y.pair, before: null, after: mean(y.scores) }));

  const oa = outcomesOf(a);
  const ob = outcomesOf(b);
  const ids = [...new Set([...oa.keys(), ...ob.keys()])].sort();
  const counts = { kept: 0, changed: 0, added: 0, dropped: 0 };
  const participants: ComparedParticipant[] = [];
  for (const id of ids) {
    const x = partnersOf(oa.get(id));
    const y = partnersOf(ob.get(id));
    if (x.score === null && y.score === null) continue;
    const status: ComparedParticipant["status"] = x.score === null ? "added" : y.score === null ? "dropped" : x.partners.join("\u0000") === y.partners.join("\u0000") ? "kept" : "changed";
    counts[status]++;
    if (status === "kept") continue;
    participants.push({
      id,
      status,
      before: x.partners,
      after: y.partners,
      scoreBefore: x.score,
      scoreAfter: y.score,
      scoreChange: x.score !== null && y.score !== null ? y.score - x.score : null,
    });
  }
  const allBefore = [...pa.values()].flatMap((x) => x.scores);
  const allAfter = [...pb.values()].flatMap((x) => x.scores);
  return {
    kept: kept.sort(byPair),
    added: added.sort(byPair),
    dropped: dropped.sort(byPair),
    participants,
    summary: {
      kept: kept.length,
      added: added.length,
      dropped: dropped.length,
      participantsKept: counts.kept,
      participantsChanged: counts.changed,
      participantsAdded: counts.added,
      participantsDropped: counts.dropped,
      meanScoreChange: allBefore.length === 0 || allAfter.length === 0 ? 0 : mean(allAfter) - mean(allBefore),
    },
  };
}
