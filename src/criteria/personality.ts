import * as z from "zod";
import { buildVocabulary, type SharedEncoding, type Vocabulary } from "../encode/index.js";
import { safeRecord } from "../primitives.js";
import { defineCriterion, type ReasonDraft } from "./contract.js";

/**
 * The personality criterion: per-trait similarity or complementarity, distance based.
 *
 * For each trait both people give (values in [0, 1]) with distance d = |a − b|, a `similar` trait
 * scores 1 − d and a `complementary` one scores d (`criteria.personality.traits`, default
 * `criteria.personality.default` = `similar`). The score is the mean over shared traits, summed in
 * trait-name order; no data (NaN) when no trait is shared. Symmetric in the two people.
 *
 * Worked example: openness 0.8 vs 0.6 (similar) → 0.8, extraversion 0.9 vs 0.2 (complementary)
 * → 0.7; score 0.75.
 *
 * Not batched through ml-matrix: the distance is L1 per trait with a per-trait mode and only over
 * the traits both people gave, which a Gram-matrix product (‖a‖² + ‖b‖² − 2a·b) cannot express
 * without one masked product per trait and per mode, each a full rows × cols matrix; with five to
 * ten traits the direct loop reads less memory, allocates nothing per pair, and gives exactly the
 * same bits for a pair whether it is scored alone or in a matrix.
 *
 * Row kernel: `out[j]` = score of (a, others[j]); `count` is scratch of at least the same
 * length. Traits are summed in trait-name order (a sorted vocabulary) in any matrix.
 * @remarks Since 0.1.0
 */
export function personalityRow(enc: SharedEncoding & PersonalityFeatures, a: number, others: Int32Array, out: Float64Array, count: Int32Array): void {
  const m = others.length;
  const { traits, traitCount, traitComplementary, size: n } = enc;
  out.fill(0, 0, m);
  count.fill(0, 0, m);
  for (let t = 0; t < traitCount; t++) {
    const base = t * n;
    const x = traits[base + a]!;
    if (x !== x) continue;
    const complementary = traitComplementary[t] === 1;
    for (let j = 0; j < m; j++) {
      const y = traits[base + others[j]!]!;
      if (y !== y) continue;
      const d = x > y ? x - y : y - x;
      out[j] = out[j]! + (complementary ? d : 1 - d);
      count[j] = count[j]! + 1;
    }
  }
  for (let j = 0; j < m; j++) out[j] = count[j] === 0 ? Number.NaN : out[j]! / count[j]!;
}

/**
 * One shared trait in {@link PersonalityEvidence}.
 * @remarks Since 0.1.0
 */
export interface TraitComparison {
  trait: string;
  mode: "similar" | "complementary";
  a: number;
  b: number;
  score: number;
}

/**
 * Evidence for the personality criterion: every trait both people gave.
 * @remarks Since 0.1.0
 */
export interface PersonalityEvidence {
  traits: TraitComparison[];
}

/**
 * Personality evidence for (a, b), or `null` without a shared trait.
 * @remarks Since 0.1.0
 */
export function personalityEvidence(enc: SharedEncoding & PersonalityFeatures, a: number, b: number): PersonalityEvidence | null {
  const out: TraitComparison[] = [];
  for (let t = 0; t < enc.traitCount; t++) {
    const x = enc.traits[t * enc.size + a]!;
    const y = enc.traits[t * enc.size + b]!;
    if (Number.isNaN(x) || Number.isNaN(y)) continue;
    const d = Math.abs(x - y);
    const complementary = enc.traitComplementary[t] === 1;
    out.push({ trait: enc.vocabularies.traits.terms[t]!, mode: complementary ? "complementary" : "similar", a: x, b: y, score: complementary ? d : 1 - d });
  }
  return out.length === 0 ? null : { traits: out };
}

/**
 * "Similar on openness, conscientiousness; complementary on extraversion" — traits that score at
 * least 0.75 — as code `personality-traits` and params, or `null` when none does.
 * @remarks Since 0.1.0; code and params since 0.2.0
 */
export function personalityReason(ev: PersonalityEvidence): { code: "personality-traits"; params: { similar: string[]; complementary: string[] } } | null {
  const good = ev.traits.filter((t) => t.score >= 0.75);
  const similar = good.filter((t) => t.mode === "similar").map((t) => t.trait);
  const complementary = good.filter((t) => t.mode === "complementary").map((t) => t.trait);
  if (similar.length === 0 && complementary.length === 0) return null;
  return { code: "personality-traits", params: { similar, complementary } };
}

/**
 * Options of the personality criterion (`program.criteria.personality`): `similar` (default) or
 * `complementary` per trait.
 * @remarks Since 0.2.0 (the schema; the options since 0.1.0)
 */
export const personalityOptionsSchema = z
  .strictObject({
    /** How traits compare unless listed in `traits`. Default: `similar`. */
    default: z.enum(["similar", "complementary"]).default("similar"),
    /** Per-trait mode (`extraversion: "complementary"`). Default: none. */
    traits: safeRecord(z.enum(["similar", "complementary"]), 50).default({}),
  })
  .prefault({});

/**
 * Encoded features of the personality criterion.
 * @remarks Since 0.2.0 (fields of `EncodedCohort` since 0.1.0)
 */
export interface PersonalityFeatures {
  readonly vocabularies: { readonly traits: Vocabulary };
  /** Trait vocabulary size. */
  readonly traitCount: number;
  /** `traitCount × size`, trait-major: trait t of participant p at `t * size + p`; values in [0, 1], NaN where not given. */
  readonly traits: Float64Array;
  /** 1 = complementary, 0 = similar, per trait (from `criteria.personality`). */
  readonly traitComplementary: Uint8Array;
}

/**
 * The personality criterion as a module (see {@link personalityRow}). Default weight 0.1.
 * @remarks Since 0.2.0
 */
export const personalityCriterion = defineCriterion<"personality", typeof personalityOptionsSchema, PersonalityFeatures, PersonalityEvidence>({
  name: "personality",
  defaultWeight: 0.1,
  options: personalityOptionsSchema,
  encode({ participants, size, options }): PersonalityFeatures {
    const vocabulary = buildVocabulary(participants.flatMap((p) => Object.keys(p.personality ?? {})));
    const traitCount = vocabulary.terms.length;
    const traits = new Float64Array(size * traitCount).fill(Number.NaN);
    participants.forEach((p, i) => {
      for (const [name, v] of Object.entries(p.personality ?? {})) traits[vocabulary.index.get(name)! * size + i] = v;
    });
    const traitComplementary = Uint8Array.from(vocabulary.terms, (t) => ((options.traits[t] ?? options.default) === "complementary" ? 1 : 0));
    return { vocabularies: { traits: vocabulary }, traitCount, traits, traitComplementary };
  },
  kernel({ enc, capacity }) {
    const count = new Int32Array(capacity);
    return (a, cols, out) => personalityRow(enc, a, cols, out, count);
  },
  evidence({ enc, a, b }) {
    return personalityEvidence(enc, a, b);
  },
  reasons(ev, { score }) {
    const out: ReasonDraft[] = [];
    const t = personalityReason(ev);
    if (t) out.push(t);
    else if (score === score && score >= 0.5) out.push({ code: "personality-overall", params: { score } });
    return out;
  },
});
