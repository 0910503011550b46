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
 * Row kernel: `out[j]` = score of (a, others[j]); `terms` is scratch of at least the same length.
 * @remarks Since 0.1.0
 */
export function diversityRow(enc: EncodedCohort, a: number, others: Int32Array, out: Float64Array, terms: Int32Array): void {
  const m = others.length;
  const { attributeValue, aimAttribute, aimMode, wishMode, size: n } = enc;
  const { start, list } = enc.wishes;
  if (aimAttribute.length === 0 && list.length === 0) {
    out.fill(Number.NaN, 0, m);
    return;
  }
  // `out` counts met terms and `terms` all terms; integers, so the order of adding is irrelevant.
  out.fill(0, 0, m);
  terms.fill(0, 0, m);
  const rowTerm = (t: number, same: boolean) => {
    const base = t * n;
    const x = attributeValue[base + a]!;
    if (x < 0) return;
    for (let j = 0; j < m; j++) {
      const y = attributeValue[base + others[j]!]!;
      if (y < 0) continue;
      terms[j] = terms[j]! + 1;
      if ((x === y) === same) out[j] = out[j]! + 1;
    }
  };
  for (let k = 0; k < aimAttribute.length; k++) rowTerm(aimAttribute[k]!, aimMode[k] === WISH.same);
  for (let k = start[a]!; k < start[a + 1]!; k++) rowTerm(list[k]!, wishMode[k] === WISH.same);
  for (let j = 0; j < m; j++) {
    const b = others[j]!;
    for (let k = start[b]!, e = start[b + 1]!; k < e; k++) {
      const base = list[k]! * n;
      const x = attributeValue[base + a]!;
      const y = attributeValue[base + b]!;
      if (x < 0 || y < 0) continue;
      terms[j] = terms[j]! + 1;
      if ((x === y) === (wishMode[k] === WISH.same)) out[j] = out[j]! + 1;
    }
    out[j] = terms[j] === 0 ? Number.NaN : out[j]! / terms[j]!;
  }
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
  const names = enc.vocabularies.attributes.terms;
  const add = (t: number, mode: number, source: DiversityTerm["source"]) => {
    const x = enc.attributeValue[t * enc.size + a]!;
    const y = enc.attributeValue[t * enc.size + b]!;
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
 * includes the terms (sensitive), as code `diversity` and params, else `null`.
 * @remarks Since 0.1.0; code and params since 0.2.0
 */
export function diversityReason(
  ev: DiversityEvidence,
): { code: "diversity"; params: { attributes: string[]; wishes: ("same" | "different")[]; sources: ("programme" | "first" | "second")[] } } | null {
  if (ev.terms === undefined) return null;
  const met = ev.terms.filter((t) => t.met);
  if (met.length === 0) return null;
  return { code: "diversity", params: { attributes: met.map((t) => t.attribute), wishes: met.map((t) => t.wish), sources: met.map((t) => t.source) } };
}
