import type { Unmatched } from "../match/types.js";
import type { UnmatchedCode } from "./outcome-codes.js";

/** What the unmatched explainer needs from a compatibility matrix. */
export interface EligibilityView {
  rows: number;
  cols: number;
  eligible: Uint8Array;
  violations: Uint32Array;
  ruleCodes: readonly string[];
}

/** Rule codes as an admin reads them. */
const RULE_WORDS: Record<string, string> = {
  self: "being the same person",
  "reporting-line": "reporting-line",
  department: "department",
  "shared-language": "shared-language",
  "level-gap": "level-gap",
  "level-diff": "level-difference",
  "availability-overlap": "availability-overlap",
  mode: "meeting-mode",
  avoid: "avoid-list",
  forbidden: "admin-forbidden",
  history: "already-paired",
  "min-score": "minimum-score",
  organisation: "organisation",
};

/** Rows (mentees) with at least one eligible column: the "matchable" of coverage. */
export function matchableRows(view: { rows: number; cols: number; eligible: Uint8Array }): number {
  let count = 0;
  for (let i = 0; i < view.rows; i++) if (view.eligible.subarray(i * view.cols, (i + 1) * view.cols).includes(1)) count++;
  return count;
}

/** Counts, per rule, how many of a row's (or column's) candidates it excludes. */
export function excludedByRule(view: EligibilityView, index: number, axis: "row" | "col", skipSelf: number): { candidates: number; eligible: number; excludedBy: Record<string, number> } {
  const counts = new Array<number>(view.ruleCodes.length).fill(0);
  let candidates = 0;
  let eligible = 0;
  const len = axis === "row" ? view.cols : view.rows;
  for (let t = 0; t < len; t++) {
    if (t === skipSelf) continue;
    const k = axis === "row" ? index * view.cols + t : t * view.cols + index;
    candidates++;
    if (view.eligible[k]) {
      eligible++;
      continue;
    }
    let bits = view.violations[k]!;
    for (let b = 0; bits !== 0; b++, bits >>>= 1) if (bits & 1) counts[b]!++;
  }
  const excludedBy: Record<string, number> = {};
  view.ruleCodes.forEach((code, b) => {
    if (counts[b]! > 0 && code !== "self") excludedBy[code] = counts[b]!;
  });
  return { candidates, eligible, excludedBy };
}

function sumOf(counts: Record<string, number>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

/** "14 excluded by shared-language, 3 by reporting-line" — largest first, ties by code. */
export function describeExclusions(excludedBy: Record<string, number>): string {
  const parts = Object.entries(excludedBy)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([code, n], k) => `${n} ${k === 0 ? "excluded by " : "by "}${RULE_WORDS[code] ?? code}`);
  return parts.join(", ");
}

/**
 * Explains why a participant on one side has no partner, given which partners are full.
 * `partnerWord` is "mentor", "mentee" or "peer"; `full(t)` says whether candidate t has no free seat.
 */
export function explainUnmatched(args: {
  id: string;
  role: Unmatched["role"];
  view: EligibilityView;
  index: number;
  axis: "row" | "col";
  selfIndex: number;
  partnerWord: string;
  partnerIds: readonly string[];
  full: (t: number) => boolean;
  /** Set when the objective itself left eligible, non-full partners unused (e.g. maxMin, stable). */
  reason?: { code: UnmatchedCode; message: string };
}): Unmatched {
  const { view, index, axis, partnerWord } = args;
  const base = excludedByRule(view, index, axis, args.selfIndex);
  const exclusions = describeExclusions(base.excludedBy);
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? "" : "s"}`;
  if (base.candidates === 0) {
    return { id: args.id, role: args.role, code: "no-candidates", message: `no ${partnerWord}s in the programme`, detail: { ...base } };
  }
  if (base.eligible === 0) {
    return {
      id: args.id,
      role: args.role,
      code: "no-eligible-partner",
      message: `no eligible ${partnerWord}: ${exclusions}${base.candidates > 1 && sumOf(base.excludedBy) > base.candidates ? ` (of ${base.candidates}; some break several rules)` : ""}`,
      detail: { ...base },
    };
  }
  const atCapacity: string[] = [];
  const len = axis === "row" ? view.cols : view.rows;
  for (let t = 0; t < len; t++) {
    if (t === args.selfIndex) continue;
    const k = axis === "row" ? index * view.cols + t : t * view.cols + index;
    if (view.eligible[k] && args.full(t)) atCapacity.push(args.partnerIds[t]!);
  }
  const tail = exclusions ? `; ${exclusions}` : "";
  if (args.reason) {
    return { id: args.id, role: args.role, code: args.reason.code, message: `${args.reason.message}${tail}`, detail: { ...base, atCapacity } };
  }
  if (atCapacity.length === base.eligible) {
    return {
      id: args.id,
      role: args.role,
      code: "partners-at-capacity",
      message: `${base.eligible === 1 ? `the only eligible ${partnerWord} is` : base.eligible === 2 ? `both eligible ${partnerWord}s are` : `all ${plural(base.eligible, `eligible ${partnerWord}`)} are`} at capacity with other matches${tail}`,
      detail: { ...base, atCapacity },
    };
  }
  return {
    id: args.id,
    role: args.role,
    code: "not-selected",
    message: `${plural(base.eligible, `eligible ${partnerWord}`)} (${atCapacity.length} at capacity) were matched elsewhere for a better overall result${tail}`,
    detail: { ...base, atCapacity },
  };
}
