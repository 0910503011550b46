import { MatchInputError, type MatchIssue } from "../errors.js";
import { describeValue, readNumberArray, readOptions } from "../guard.js";

/**
 * Options for {@link stableMatching}.
 * @remarks Since 0.1.0
 */
export interface StableMatchingOptions {
  /** Most proposers each receiver holds; one non-negative integer per receiver. @defaultValue 1 for every receiver */
  capacities?: ArrayLike<number>;
}

/**
 * Result of {@link stableMatching}.
 * @remarks Since 0.1.0
 */
export interface StableMatchingResult {
  /** Receiver of each proposer, −1 when unmatched. */
  proposerTo: Int32Array;
  /** Proposers held by each receiver, best first by that receiver's ranking. */
  receiverTo: number[][];
}

/** Rank tables: rank of receiver r in proposer p's list (−1 if unranked), and vice versa. */
interface Ranked {
  P: number;
  R: number;
  proposerPrefs: readonly (readonly number[])[];
  capacity: Int32Array;
  /** Rank of proposer p in receiver r's list, −1 when unranked. */
  receiverRank: (r: number, p: number) => number;
}

/**
 * Proposer-proposing deferred acceptance with receiver capacities (the hospitals/residents
 * setting): every proposer proposes down its list; each receiver keeps the best `capacity`
 * proposers so far and rejects the rest. The result is stable and proposer-optimal: every
 * proposer gets the best receiver it has in any stable matching.
 *
 * Preferences are ranked index lists, best first, possibly incomplete. A pair can be matched only
 * when each ranks the other. Deterministic: the proposer-optimal stable matching is unique, and
 * `receiverTo[r]` is sorted by r's ranking.
 *
 * @param proposerPrefs - `proposerPrefs[p]`: receivers in p's order of preference.
 * @param receiverPrefs - `receiverPrefs[r]`: proposers in r's order of preference.
 * @param options - `capacities` (default 1 per receiver).
 * @throws MatchInputError when an index is out of range or not an integer, a list repeats an
 *   index, or a capacity is not a non-negative integer (paths like `["proposerPrefs", p, k]`).
 * @remarks Since 0.1.0
 *
 * Reference: D. Gale, L. S. Shapley, "College admissions and the stability of marriage", 1962;
 * A. E. Roth, "The evolution of the labor market for medical interns and residents", 1984.
 */
export function stableMatching(
  proposerPrefs: readonly (readonly number[])[],
  receiverPrefs: readonly (readonly number[])[],
  options?: StableMatchingOptions,
): StableMatchingResult {
  const o = readOptions<StableMatchingOptions>(options, "options");
  const g = resolve(proposerPrefs, receiverPrefs, o.capacities);
  const { P, R, capacity, receiverRank } = g;
  // Each receiver's held proposers form a max-heap on the receiver's rank (worst on top).
  const heapStart = new Int32Array(R + 1);
  for (let r = 0; r < R; r++) {
    heapStart[r + 1] = (heapStart[r] as number) + Math.min(capacity[r] as number, (receiverPrefs[r] as readonly number[]).length);
  }
  const heap = new Int32Array(heapStart[R] as number);
  const heapRank = new Int32Array(heapStart[R] as number);
  const held = new Int32Array(R);
  const proposerTo = new Int32Array(P).fill(-1);
  const next = new Int32Array(P);
  const free: number[] = [];
  for (let p = P - 1; p >= 0; p--) free.push(p);

  while (free.length > 0) {
    const p = free.pop() as number;
    const list = proposerPrefs[p] as readonly number[];
    let placed = false;
    while (!placed && (next[p] as number) < list.length) {
      const r = list[next[p] as number] as number;
      next[p] = (next[p] as number) + 1;
      const rank = receiverRank(r, p);
      if (rank < 0) continue; // r does not rank p: unacceptable
      const s = heapStart[r] as number, size = held[r] as number, cap = (heapStart[r + 1] as number) - s;
      if (cap === 0) continue;
      if (size < cap) {
        siftUp(heap, heapRank, s, size, p, rank);
        held[r] = size + 1;
        proposerTo[p] = r; placed = true;
      } else if (rank < (heapRank[s] as number)) {
        const out = heap[s] as number;
        proposerTo[out] = -1; free.push(out);
        siftDown(heap, heapRank, s, size, p, rank);
        proposerTo[p] = r; placed = true;
      }
    }
  }
  const receiverTo: number[][] = [];
  for (let r = 0; r < R; r++) {
    const s = heapStart[r] as number, size = held[r] as number;
    const mine = Array.from(heap.subarray(s, s + size));
    mine.sort((a, b) => receiverRank(r, a) - receiverRank(r, b));
    receiverTo.push(mine);
  }
  return { proposerTo, receiverTo };
}

/**
 * Lists the blocking pairs of any matching: `[p, r]` such that p and r rank each other, p is
 * unmatched or prefers r to its receiver, and r has a free seat or prefers p to the worst
 * proposer it holds. Empty exactly when the matching is stable. Sorted by proposer, then by the
 * proposer's preference.
 *
 * The matching itself must be valid: a matched pair that is not mutually acceptable, or a
 * receiver over capacity, is a MatchInputError (codes `"unacceptable-pair"`, `"over-capacity"`),
 * since stability is not defined for it.
 *
 * @param capacities - default 1 per receiver.
 * @remarks Since 0.1.0
 *
 * Reference: D. Gale, L. S. Shapley, 1962; A. E. Roth, 1984.
 */
export function blockingPairs(
  proposerPrefs: readonly (readonly number[])[],
  receiverPrefs: readonly (readonly number[])[],
  proposerTo: ArrayLike<number>,
  capacities?: ArrayLike<number>,
): [number, number][] {
  const g = resolve(proposerPrefs, receiverPrefs, capacities);
  const { P, R, capacity, receiverRank } = g;
  const issues: MatchIssue[] = [];
  if (proposerTo === null || typeof proposerTo !== "object" || proposerTo.length !== P) {
    throw new MatchInputError([{ path: ["proposerTo"], code: "length", message: `expected one entry per proposer (${P})` }]);
  }
  readNumberArray(proposerTo, ["proposerTo"]);
  const load = new Int32Array(R);
  const worst = new Int32Array(R).fill(-1); // worst rank held by each receiver
  for (let p = 0; p < P; p++) {
    const r = proposerTo[p] as number;
    if (r === -1) continue;
    if (!Number.isInteger(r) || r < 0 || r >= R) {
      issues.push({ path: ["proposerTo", p], code: "range", message: `receiver ${r} does not exist` });
      continue;
    }
    const rank = receiverRank(r, p);
    if (rank < 0 || !(proposerPrefs[p] as readonly number[]).includes(r)) {
      issues.push({ path: ["proposerTo", p], code: "unacceptable-pair", message: `proposer ${p} and receiver ${r} do not rank each other` });
      continue;
    }
    load[r] = (load[r] as number) + 1;
    if (rank > (worst[r] as number)) worst[r] = rank;
  }
  for (let r = 0; r < R; r++) {
    if ((load[r] as number) > (capacity[r] as number)) {
      issues.push({ path: ["proposerTo"], code: "over-capacity", message: `receiver ${r} holds ${load[r]} proposers, capacity ${capacity[r]}` });
    }
  }
  if (issues.length > 0) throw new MatchInputError(issues);
  const out: [number, number][] = [];
  for (let p = 0; p < P; p++) {
    const mine = proposerTo[p] as number;
    for (const r of proposerPrefs[p] as readonly number[]) {
      if (r === mine) break; // receivers after this one are worse for p
      const rank = receiverRank(r, p);
      if (rank < 0) continue;
      if ((load[r] as number) < (capacity[r] as number) || rank < (worst[r] as number)) out.push([p, r]);
    }
  }
  return out;
}

function siftUp(heap: Int32Array, rank: Int32Array, s: number, size: number, p: number, k: number): void {
  let i = size;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if ((rank[s + parent] as number) >= k) break;
    heap[s + i] = heap[s + parent] as number; rank[s + i] = rank[s + parent] as number;
    i = parent;
  }
  heap[s + i] = p; rank[s + i] = k;
}

/** Replaces the top (worst) entry with (p, k) and restores the max-heap. */
function siftDown(heap: Int32Array, rank: Int32Array, s: number, size: number, p: number, k: number): void {
  let i = 0;
  for (;;) {
    let c = 2 * i + 1;
    if (c >= size) break;
    if (c + 1 < size && (rank[s + c + 1] as number) > (rank[s + c] as number)) c++;
    if ((rank[s + c] as number) <= k) break;
    heap[s + i] = heap[s + c] as number; rank[s + i] = rank[s + c] as number;
    i = c;
  }
  heap[s + i] = p; rank[s + i] = k;
}

function resolve(
  proposerPrefs: readonly (readonly number[])[],
  receiverPrefs: readonly (readonly number[])[],
  capacities: ArrayLike<number> | undefined,
): Ranked {
  const issues: MatchIssue[] = [];
  if (!Array.isArray(proposerPrefs)) issues.push({ path: ["proposerPrefs"], code: "type", message: "expected an array of ranked lists" });
  if (!Array.isArray(receiverPrefs)) issues.push({ path: ["receiverPrefs"], code: "type", message: "expected an array of ranked lists" });
  if (issues.length > 0) throw new MatchInputError(issues);
  const P = proposerPrefs.length, R = receiverPrefs.length;
  checkLists(proposerPrefs, "proposerPrefs", R, issues);
  checkLists(receiverPrefs, "receiverPrefs", P, issues);
  const capacity = new Int32Array(R).fill(1);
  if (capacities !== undefined) {
    if (capacities === null || typeof capacities !== "object" || capacities.length !== R) {
      issues.push({ path: ["capacities"], code: "length", message: `expected one capacity per receiver (${R})` });
    } else {
      for (let r = 0; r < R; r++) {
        const c = capacities[r];
        if (typeof c !== "number" || !Number.isInteger(c) || c < 0 || c > 0x7fffffff) {
          issues.push({ path: ["capacities", r], code: "range", message: `must be a non-negative integer, got ${describeValue(c)}` });
        } else capacity[r] = c;
      }
    }
  }
  if (issues.length > 0) throw new MatchInputError(issues.slice(0, 50));
  // Dense rank table when it fits comfortably, else one Map per receiver.
  let receiverRank: (r: number, p: number) => number;
  if (R * P <= 1 << 27) {
    const table = new Int32Array(R * P).fill(-1);
    for (let r = 0; r < R; r++) {
      const list = receiverPrefs[r] as readonly number[];
      for (let k = 0; k < list.length; k++) table[r * P + (list[k] as number)] = k;
    }
    receiverRank = (r, p) => table[r * P + p] as number;
  } else {
    const maps = receiverPrefs.map((list) => new Map(list.map((p, k) => [p, k])));
    receiverRank = (r, p) => (maps[r] as Map<number, number>).get(p) ?? -1;
  }
  return { P, R, proposerPrefs, capacity, receiverRank };
}

function checkLists(lists: readonly (readonly number[])[], name: string, other: number, issues: MatchIssue[]): void {
  const seen = new Int32Array(other).fill(-1);
  for (let a = 0; a < lists.length && issues.length < 50; a++) {
    const list = lists[a];
    if (!Array.isArray(list)) { issues.push({ path: [name, a], code: "type", message: "expected a ranked list of indices" }); continue; }
    for (let k = 0; k < list.length; k++) {
      const x = list[k] as unknown;
      if (typeof x !== "number" || !Number.isInteger(x) || x < 0 || x >= other) {
        issues.push({ path: [name, a, k], code: "range", message: `${describeValue(x)} is not an index in [0, ${other})` });
      } else if (seen[x] === a) {
        issues.push({ path: [name, a, k], code: "duplicate", message: `${x} is ranked twice` });
      } else seen[x] = a;
    }
  }
}
