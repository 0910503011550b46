import * as z from "zod";
import { WISH, buildVocabulary, type SharedEncoding, type SparseRows, type Vocabulary } from "../encode/index.js";
import { sparseRows } from "../encode/sparse-rows.js";
import type { Participant } from "../model/index.js";
import { safeRecord } from "../primitives.js";
import { defineCriterion } from "./contract.js";

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
export function diversityRow(enc: SharedEncoding & DiversityFeatures, a: number, others: Int32Array, out: Float64Array, terms: Int32Array): void {
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
export function diversityEvidence(enc: SharedEncoding & DiversityFeatures, a: number, b: number, includeSensitive: boolean): DiversityEvidence | null {
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

/**
 * Attributes internal to an organisation: a pair across organisations is explained without them
 * under `explain.crossOrganisation: "scoped"` (diversity terms on these attributes are left out).
 */
const INTERNAL_ATTRIBUTES: ReadonlySet<string> = new Set(["department", "level", "managerId"]);

/**
 * Diversity evidence without terms on internal attributes; counts follow the remaining terms, and
 * evidence left with no term becomes `null`. Evidence without terms (sensitive data redacted) is
 * returned as is: its counts name no attribute.
 * @internal
 */
export function scopeDiversityEvidence(ev: DiversityEvidence | null): DiversityEvidence | null {
  if (ev === null || ev.terms === undefined) return ev;
  const terms = ev.terms.filter((t) => !INTERNAL_ATTRIBUTES.has(t.attribute));
  if (terms.length === 0) return null;
  return { met: terms.filter((t) => t.met).length, total: terms.length, terms };
}

/**
 * Options of the diversity criterion (`program.criteria.diversity`).
 * @remarks Since 0.2.0 (the schema; the option since 0.1.0)
 */
export const diversityOptionsSchema = z
  .strictObject({
    /** Programme aims per attribute (`department`, `location`, or a `diversity` key). */
    aims: safeRecord(z.enum(["same", "different"]), 50).default({}),
  })
  .prefault({});

/**
 * Encoded features of the diversity criterion.
 * @remarks Since 0.2.0 (fields of `EncodedCohort` since 0.1.0)
 */
export interface DiversityFeatures {
  readonly vocabularies: {
    /** Attribute keys used by diversity wishes or aims (`department`, `location`, `level`, or a `diversity` key). */
    readonly attributes: Vocabulary;
    /** Attribute values, written `typeof:value`. */
    readonly attributeValues: Vocabulary;
  };
  /** Attribute vocabulary size. */
  readonly attributeCount: number;
  /** `attributeCount × size`, attribute-major: value index of attribute t for participant p at `t * size + p`; −1 when not given. */
  readonly attributeValue: Int32Array;
  /** Each participant's per-attribute wishes (attribute indices; `any` wishes left out). */
  readonly wishes: SparseRows;
  /** `WISH` code of each entry of `wishes.list`. */
  readonly wishMode: Uint8Array;
  /** Programme diversity aims: attribute indices and `WISH` codes. */
  readonly aimAttribute: Int32Array;
  readonly aimMode: Uint8Array;
}

function attributeOf(p: Participant, key: string): string | undefined {
  let v: string | number | boolean | null | undefined;
  if (key === "department") v = p.department;
  else if (key === "location") v = p.location;
  else if (key === "organisation") v = p.organisation;
  else if (key === "level") v = p.level;
  else v = p.diversity?.[key];
  if (v === undefined || v === null) return undefined;
  return `${typeof v}:${String(v)}`;
}

const byKey = ([a]: [string, unknown], [b]: [string, unknown]) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The diversity criterion as a module (see {@link diversityRow}). Its evidence is redacted and
 * its reason left out unless `explain.includeSensitive`; cross-organisation pairs are scoped.
 * Default weight 0.05.
 * @remarks Since 0.2.0
 */
export const diversityCriterion = defineCriterion<"diversity", typeof diversityOptionsSchema, DiversityFeatures, DiversityEvidence>({
  name: "diversity",
  defaultWeight: 0.05,
  options: diversityOptionsSchema,
  encode({ participants, size, options }): DiversityFeatures {
    const aims = Object.entries(options.aims);
    const attributes = buildVocabulary([
      ...aims.map(([k]) => k),
      ...participants.flatMap((p) => Object.entries(p.preferences?.attributes ?? {}).filter(([, w]) => w !== "any").map(([k]) => k)),
    ]);
    const valueStrings: string[] = [];
    for (const p of participants) for (const key of attributes.terms) {
      const v = attributeOf(p, key);
      if (v !== undefined) valueStrings.push(v);
    }
    const attributeValues = buildVocabulary(valueStrings);
    const attributeCount = attributes.terms.length;
    const attributeValue = new Int32Array(size * attributeCount).fill(-1);
    participants.forEach((p, i) => {
      attributes.terms.forEach((key, a) => {
        const v = attributeOf(p, key);
        if (v !== undefined) attributeValue[a * size + i] = attributeValues.index.get(v)!;
      });
    });
    const wishEntries = participants.map((p) => Object.entries(p.preferences?.attributes ?? {}).filter(([, w]) => w !== "any").sort(byKey));
    const wishes = sparseRows(size, (p) => wishEntries[p]!.map(([k]) => attributes.index.get(k)!));
    const wishMode = Uint8Array.from(wishEntries.flatMap((e) => e.map(([, w]) => WISH[w as "same" | "different"])));
    const sortedAims = aims.sort(byKey);
    const aimAttribute = Int32Array.from(sortedAims, ([k]) => attributes.index.get(k)!);
    const aimMode = Uint8Array.from(sortedAims, ([, w]) => WISH[w]);
    return { vocabularies: { attributes, attributeValues }, attributeCount, attributeValue, wishes, wishMode, aimAttribute, aimMode };
  },
  kernel({ enc, capacity }) {
    const terms = new Int32Array(capacity);
    return (a, cols, out) => diversityRow(enc, a, cols, out, terms);
  },
  evidence({ enc, a, b, includeSensitive, scoped }) {
    const raw = diversityEvidence(enc, a, b, includeSensitive);
    return scoped ? scopeDiversityEvidence(raw) : raw;
  },
  reasons(ev, { includeSensitive }) {
    const r = includeSensitive ? diversityReason(ev) : null;
    return r ? [r] : [];
  },
});
