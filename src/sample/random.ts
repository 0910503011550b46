/**
 * A seeded pseudo-random source: mulberry32 (Tommy Ettinger, 2017), a 32-bit generator with a
 * period of 2^32 that is plenty for synthetic cohorts and fast in plain JavaScript. The same seed
 * always gives the same sequence on every platform, unlike `Math.random`.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max] (both inclusive). */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One element of a non-empty array, uniformly. */
  pick<T>(items: readonly T[]): T;
  /** An index drawn with probability proportional to `cumulative[i] - cumulative[i - 1]`. */
  weightedIndex(cumulative: Float64Array): number;
  /** Roughly normal (Irwin–Hall of three uniforms), clamped to [lo, hi]. */
  normal(mean: number, sd: number, lo: number, hi: number): number;
}

/** Cumulative weights for {@link Random.weightedIndex}. */
export function cumulativeWeights(weights: readonly number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((w, i) => {
    sum += w;
    out[i] = sum;
  });
  return out;
}

/** A mulberry32 generator seeded with a 32-bit unsigned integer. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
    weightedIndex(cumulative) {
      const total = cumulative[cumulative.length - 1] ?? 0;
      const r = next() * total;
      let i = 0;
      while (i < cumulative.length - 1 && (cumulative[i] as number) <= r) i++;
      return i;
    },
    normal(mean, sd, lo, hi) {
      // Irwin–Hall: the sum of three uniforms has variance 1/4; rescale to unit variance.
      const z = (next() + next() + next() - 1.5) * 2;
      return Math.min(hi, Math.max(lo, mean + sd * z));
    },
  };
}
