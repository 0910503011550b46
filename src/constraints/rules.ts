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
 * Profile rules resolved once from `program.rules` and the pair direction.
 * @remarks Since 0.1.0
 */
export interface ResolvedRules {
  readonly reportingLine: boolean;
  /** 0 any, 1 same, 2 different. */
  readonly department: 0 | 1 | 2;
  /** 0 any, 1 same, 2 different. */
  readonly organisation: 0 | 1 | 2;
  readonly sharedLanguage: boolean;
  /** 0 off, 1 mentor ≥ mentee + gap, 2 mentor ≤ mentee − gap (reverse), 3 |diff| ≤ maxDiff (peer). */
  readonly levelMode: 0 | 1 | 2 | 3;
  readonly levelGap: number;
  readonly maxLevelDiff: number;
  /** Minimum overlap in grid cells; 0 = no rule. */
  readonly minOverlapCells: number;
  readonly modeCompatibility: boolean;
}

/**
 * Resolves the profile rules for a direction.
 * @remarks Since 0.1.0
 */
export function resolveRules(rules: Rules, direction: PairDirection): ResolvedRules {
  return {
    reportingLine: rules.reportingLine,
    department: rules.department === "same" ? 1 : rules.department === "different" ? 2 : 0,
    organisation: rules.organisation === "same" ? 1 : rules.organisation === "different" ? 2 : 0,
    sharedLanguage: rules.sharedLanguage,
    levelMode: direction === "peer" ? 3 : rules.levelGap === null ? 0 : direction === "reverse" ? 2 : 1,
    levelGap: rules.levelGap ?? 0,
    maxLevelDiff: rules.maxLevelDiff,
    minOverlapCells: rules.minOverlapMinutes / CELL_MINUTES,
    modeCompatibility: rules.modeCompatibility,
  };
}

/**
 * The rules that need only the two profiles — reporting line, department, organisation, shared language, level
 * gap / difference, availability overlap and meeting mode — for row participant `a` (the mentee)
 * against each of `others` (mentors). ORs the violation bits into `bits[j]`. `cells` holds overlap
 * cells (−1 when a side gave no slots) and `fit` the mode fit (−1 unknown), as computed by the
 * availability criterion. Every rule is skipped when a side lacks the data it needs.
 * @remarks Since 0.1.0
 */
export function profileRulesRow(enc: EncodedCohort, r: ResolvedRules, a: number, others: Int32Array, cells: Int32Array, fit: Int32Array, bits: Int32Array): void {
  const m = others.length;
  const B = RULE_BIT;
  if (r.reportingLine) {
    const { managerKey, personKey } = enc;
    const ma = managerKey[a]!;
    const pa = personKey[a]!;
    const bit = B["reporting-line"];
    for (let j = 0; j < m; j++) {
      const b = others[j]!;
      const mb = managerKey[b]!;
      if ((ma >= 0 && ma === mb) || ma === personKey[b] || mb === pa) bits[j] = bits[j]! | bit;
    }
  }
  if (r.department !== 0) {
    const { department } = enc;
    const da = department[a]!;
    const same = r.department === 1;
    if (da >= 0) {
      for (let j = 0; j < m; j++) {
        const db = department[others[j]!]!;
        if (db >= 0 && same !== (da === db)) bits[j] = bits[j]! | B.department;
      }
    }
  }
  if (r.organisation !== 0) {
    const { organisation } = enc;
    const oa = organisation[a]!;
    const same = r.organisation === 1;
    if (oa >= 0) {
      for (let j = 0; j < m; j++) {
        const ob = organisation[others[j]!]!;
        if (ob >= 0 && same !== (oa === ob)) bits[j] = bits[j]! | B.organisation;
      }
    }
  }
  if (r.sharedLanguage && enc.hasLanguages[a] === 1) {
    const { languageBits, languageWords, hasLanguages, size: n } = enc;
    for (let j = 0; j < m; j++) {
      const b = others[j]!;
      if (hasLanguages[b] === 0) continue;
      let shared = 0;
      for (let w = 0; w < languageWords; w++) shared |= languageBits[w * n + a]! & languageBits[w * n + b]!;
      if (shared === 0) bits[j] = bits[j]! | B["shared-language"];
    }
  }
  const xa = enc.level[a]!;
  if (r.levelMode !== 0 && xa >= 0) {
    const { level } = enc;
    const gap = r.levelGap;
    const maxDiff = r.maxLevelDiff;
    for (let j = 0; j < m; j++) {
      const xb = level[others[j]!]!;
      if (xb < 0) continue;
      if (r.levelMode === 1) {
        if (xb < xa + gap) bits[j] = bits[j]! | B["level-gap"];
      } else if (r.levelMode === 2) {
        if (xb > xa - gap) bits[j] = bits[j]! | B["level-gap"];
      } else if (xa - xb > maxDiff || xb - xa > maxDiff) bits[j] = bits[j]! | B["level-diff"];
    }
  }
  if (r.minOverlapCells > 0) {
    for (let j = 0; j < m; j++) {
      const c = cells[j]!;
      if (c >= 0 && c < r.minOverlapCells) bits[j] = bits[j]! | B["availability-overlap"];
    }
  }
  if (r.modeCompatibility) {
    for (let j = 0; j < m; j++) if (fit[j] === 0) bits[j] = bits[j]! | B.mode;
  }
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
    list.flatMap<[number, number]>((pair) => {
      const mentee = enc.index.get(pair.menteeId);
      const mentor = enc.index.get(pair.mentorId);
      if (mentee === undefined || mentor === undefined) return [];
      return direction === "peer" ? [[mentee, mentor], [mentor, mentee]] : [[mentee, mentor]];
    });
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
