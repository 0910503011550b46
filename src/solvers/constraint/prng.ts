/**
 * A seeded 32-bit PRNG (mulberry32, T. Ettinger 2017): `next()` returns a float in [0, 1),
 * `int(n)` an integer in [0, n). Small, fast and deterministic for a seed.
 * @remarks Since 0.1.0
 */
export interface Prng {
  next(): number;
  int(n: number): number;
}

/** Creates a mulberry32 generator for `seed` (any number; taken modulo 2³²). */
export function mulberry32(seed: number): Prng {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n) };
}
