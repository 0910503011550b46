import { WISH, type EncodedCohort } from "../encode/index.js";

/**
 * The diversity criterion: how well a pair meets the programme's diversity aims
 * (`criteria.diversity.aims`, e.g. `{ department: "different" }`) and each side's own
 * per-attribute wishes (`preferences.attributes`, `"same"` / `"different"`; `"any"` is ignored).
 *
 * Attributes are `department`, `location`, `level`, or a key of `diversity`. Every aim or wish
 * whose attribute both people gave is one term, met (1) or not (0); the score is the share of
 * terms met. No data (NaN) when there is no such term. Symmetric in the two people.
 *
 * Diversity evidence is sensitive: explanations leave it out unless `explain.includeSensitive`.
 *
 * Worked example: aim department "different" (met), mentee wishes gender "same" (not met) →
 * 1 / 2 = 0.5.
 *
 * @returns a kernel `(a, b) → score | NaN`.
 * @remarks Since 0.1.0
 */
export function diversityKernel(enc: EncodedCohort): (a: number, b: number) => number {
  const { attributeValue, attributeCount, aimAttribute, aimMode, wishMode } = enc;
  const start = enc.wishes.start;
  const list = enc.wishes.list;
  const aims = aimAttribute.length;
  return (a, b) => {
    const ab = a * attributeCount;
    const bb = b * attributeCount;
    let met = 0;
    let terms = 0;
    for (let k = 0; k < aims; k++) {
      const t = aimAttribute[k]!;
      const x = attributeValue[ab + t]!;
      const y = attributeValue[bb + t]!;
      if (x < 0 || y < 0) continue;
      terms++;
      if ((x === y) === (aimMode[k] === WISH.same)) met++;
    }
    for (let side = 0; side < 2; side++) {
      const p = side === 0 ? a : b;
      for (let k = start[p]!, e = start[p + 1]!; k < e; k++) {
        const t = list[k]!;
        const x = attributeValue[ab + t]!;
        const y = attributeValue[bb + t]!;
        if (x < 0 || y < 0) continue;
        terms++;
        if ((x === y) === (wishMode[k] === WISH.same)) met++;
      }
    }
    return terms === 0 ? Number.NaN : met / terms;
  };
}

/**
 * One aim or wish in {@link DiversityEvidence}.
 * @remarks Since 0.1.0
 */
export interface DiversityTerm {
  attribute: string;
  /** Whose aim or wish: the programme's, or the first / second person's. */
  source: "programme" | "first" | "second";
  wish: "same" | "different";
  met: boolean;
}

/**
 * Evidence for the diversity criterion. `terms` is present only when sensitive evidence is
 * included (`explain.includeSensitive`); otherwise only the counts are given.
 * @remarks Since 0.1.0
 */
export interface DiversityEvidence {
  met: number;
  total: number;
  terms?: DiversityTerm[];
}

/**
 * Diversity evidence for (a, b), or `null` without data.
 * @remarks Since 0.1.0
 */
export function diversityEvidence(enc: EncodedCohort, a: number, b: number, includeSensitive: boolean): DiversityEvidence | null {
  const terms: DiversityTerm[] = [];
  const A = enc.attributeCount;
  const names = enc.vocabularies.attributes.terms;
  const add = (t: number, mode: number, source: DiversityTerm["source"]) => {
    const x = enc.attributeValue[a * A + t]!;
    const y = enc.attributeValue[b * A + t]!;
    if (x < 0 || y < 0) return;
    const same = mode === WISH.same;
    terms.push({ attribute: names[t]!, source, wish: same ? "same" : "different", met: (x === y) === same });
  };
  for (let k = 0; k < enc.aimAttribute.length; k++) add(enc.aimAttribute[k]!, enc.aimMode[k]!, "programme");
  for (const [p, source] of [[a, "first"], [b, "second"]] as const) {
    for (let k = enc.wishes.start[p]!; k < enc.wishes.start[p + 1]!; k++) add(enc.wishes.list[k]!, enc.wishMode[k]!, source);
  }
  if (terms.length === 0) return null;
  const met = terms.filter((t) => t.met).length;
  return includeSensitive ? { met, total: terms.length, terms } : { met, total: terms.length };
}

/**
 * "Different department, as the programme aims; same gender, as wished" — only from evidence that
 * includes the terms (sensitive), else `null`.
 * @remarks Since 0.1.0
 */
export function diversityReason(ev: DiversityEvidence): string | null {
  if (ev.terms === undefined) return null;
  const met = ev.terms.filter((t) => t.met);
  if (met.length === 0) return null;
  const text = met.map((t) => `${t.wish} ${t.attribute}${t.source === "programme" ? " (programme aim)" : " (as wished)"}`).join(", ");
  return `Diversity: ${text}`;
}
