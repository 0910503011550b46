/**
 * A sorted list of distinct strings and the index of each.
 *
 * Vocabularies are sorted by UTF-16 code unit (not by locale), so two cohorts that share some
 * terms order those terms the same way. Kernels that sum over a vocabulary therefore add the same
 * numbers in the same order whatever else the cohort holds, which is what lets `scorePair` agree
 * bit for bit with `scoreMatrix`.
 * @remarks Since 0.1.0
 */
export interface Vocabulary {
  /** The terms, sorted by code unit. */
  readonly terms: readonly string[];
  /** Term → index into `terms`. */
  readonly index: ReadonlyMap<string, number>;
}

/**
 * Builds a {@link Vocabulary} from any iterable of terms (duplicates are fine).
 * @remarks Since 0.1.0
 */
export function buildVocabulary(terms: Iterable<string>): Vocabulary {
  const sorted = [...new Set(terms)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const index = new Map<string, number>();
  sorted.forEach((t, i) => index.set(t, i));
  return { terms: sorted, index };
}
