import { CELL_MINUTES, type EncodedCohort } from "../encode/index.js";
import type { Cohort, Rules } from "../model/index.js";
import { RULE_BIT } from "./rule-codes.js";

/**
 * How the two sides of a pair relate: `forward` (mentee × mentor), `reverse` (senior mentee ×
 * junior mentor; level rule inverted) or `peer` (two peers; level difference rule).
 * @remarks Since 0.1.0
 */
export type PairDirection = "forward" | "reverse" | "peer";

/**
 * The rules that need only the two profiles: reporting line, department, shared language, level
 * gap / difference, availability overlap and meeting mode. Returns a kernel
 * `(mentee, mentor, overlapCells, modeFit) → violation bits`, where `overlapCells` is −1 when a side
 * gave no slots and `modeFit` comes from `modeCompatibilityKernel` (−1 unknown).
 *
 * Every rule is skipped when a side lacks the data it needs.
 * @remarks Since 0.1.0
 */
export function profileRulesKernel(enc: EncodedCohort, rules: Rules, direction: PairDirection): (mentee: number, mentor: number, overlapCells: number, modeFit: number) => number {
  const { department, level, personKey, managerKey, languageBits, languageWords, hasLanguages } = enc;
  const reporting = rules.reportingLine;
  const deptRule = rules.department === "same" ? 1 : rules.department === "different" ? 2 : 0;
  const language = rules.sharedLanguage;
  const gap = rules.levelGap;
  const levelMode = direction === "peer" ? 3 : gap === null ? 0 : direction === "reverse" ? 2 : 1;
  const gapN = gap ?? 0;
  const maxDiff = rules.maxLevelDiff;
  const minOverlapCells = rules.minOverlapMinutes / CELL_MINUTES;
  const minOverlap = rules.minOverlapMinutes > 0;
  const modes = rules.modeCompatibility;
  const B = RULE_BIT;
  return (a, b, overlapCells, modeFit) => {
    let bits = 0;
    if (reporting) {
      const ma = managerKey[a]!;
      const mb = managerKey[b]!;
      if ((ma >= 0 && ma === mb) || ma === personKey[b] || mb === personKey[a]) bits |= B["reporting-line"];
    }
    if (deptRule !== 0) {
      const da = department[a]!;
      const db = department[b]!;
      if (da >= 0 && db >= 0 && (deptRule === 1) !== (da === db)) bits |= B.department;
    }
    if (language && hasLanguages[a] === 1 && hasLanguages[b] === 1) {
      let shared = 0;
      const la = a * languageWords;
      const lb = b * languageWords;
      for (let w = 0; w < languageWords; w++) shared |= languageBits[la + w]! & languageBits[lb + w]!;
      if (shared === 0) bits |= B["shared-language"];
    }
    if (levelMode !== 0) {
      const xa = level[a]!;
      const xb = level[b]!;
      if (xa >= 0 && xb >= 0) {
        if (levelMode === 1) {
          if (xb < xa + gapN) bits |= B["level-gap"];
        } else if (levelMode === 2) {
          if (xb > xa - gapN) bits |= B["level-gap"];
        } else if (xa - xb > maxDiff || xb - xa > maxDiff) bits |= B["level-diff"];
      }
    }
    if (minOverlap && overlapCells >= 0 && overlapCells < minOverlapCells) bits |= B["availability-overlap"];
    if (modes && modeFit === 0) bits |= B.mode;
    return bits;
  };
}

/**
 * Rules that concern listed pairs: avoid lists (either side), history (either side) and
 * admin-forbidden pairs, plus admin-locked pairs. Stored per row participant so a matrix pass can
 * spread one row's entries into a scratch array before its inner loop.
 * @remarks Since 0.1.0
 */
export interface ListedPairs {
  /** For row participant p: `col[start[p] .. start[p+1])` are column participants with `bits[k]`. */
  readonly start: Int32Array;
  readonly col: Int32Array;
  readonly bits: Int32Array;
  /** Locked pairs: for row participant p, `lockedCol[lockedStart[p] .. lockedStart[p+1])`. */
  readonly lockedStart: Int32Array;
  readonly lockedCol: Int32Array;
}

/**
 * Builds {@link ListedPairs} from the encoded lists and `rules.forbidden` / `rules.locked`. Pairs
 * naming an id outside the cohort are ignored. `forbidden` and `locked` give (menteeId row,
 * mentorId column); peer programmes apply them in both orientations.
 * @remarks Since 0.1.0
 */
export function listedPairs(enc: EncodedCohort, cohort: Cohort, direction: PairDirection): ListedPairs {
  const { rules } = cohort.program;
  const n = enc.size;
  const entries: [number, number, number][] = [];
  const both = (p: number, q: number, bit: number) => {
    entries.push([p, q, bit]);
    entries.push([q, p, bit]);
  };
  if (rules.respectAvoid) {
    for (let p = 0; p < n; p++) for (let k = enc.avoid.start[p]!; k < enc.avoid.start[p + 1]!; k++) both(p, enc.avoid.list[k]!, RULE_BIT.avoid);
  }
  if (rules.noRepeats) {
    for (let p = 0; p < n; p++) for (let k = enc.history.start[p]!; k < enc.history.start[p + 1]!; k++) both(p, enc.history.list[k]!, RULE_BIT.history);
  }
  const pairs = (list: readonly { mentorId: string; menteeId: string }[]) =>
    list.flatMap((pair) => {
      const mentee = enc.index.get(pair.menteeId);
      const mentor = enc.index.get(pair.mentorId);
      if (mentee === undefined || mentor === undefined) return [];
      return direction === "peer" ? [[mentee, mentor], [mentor, mentee]] : [[mentee, mentor]];
    }) as [number, number][];
  for (const [p, q] of pairs(rules.forbidden)) entries.push([p, q, RULE_BIT.forbidden]);

  const start = new Int32Array(n + 1);
  for (const [p] of entries) start[p + 1]!++;
  for (let p = 0; p < n; p++) start[p + 1]! += start[p]!;
  const fill = start.slice(0, n);
  const col = new Int32Array(entries.length);
  const bits = new Int32Array(entries.length);
  for (const [p, q, bit] of entries) {
    const k = fill[p]!++;
    col[k] = q;
    bits[k] = bit;
  }

  const locked = pairs(rules.locked);
  const lockedStart = new Int32Array(n + 1);
  for (const [p] of locked) lockedStart[p + 1]!++;
  for (let p = 0; p < n; p++) lockedStart[p + 1]! += lockedStart[p]!;
  const lfill = lockedStart.slice(0, n);
  const lockedCol = new Int32Array(locked.length);
  for (const [p, q] of locked) lockedCol[lfill[p]!++] = q;
  return { start, col, bits, lockedStart, lockedCol };
}
