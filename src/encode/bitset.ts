/**
 * Bit tricks on `Uint32Array` words, shared by the encoder and the pair kernels.
 * @remarks Since 0.1.0
 */

/**
 * Number of set bits in a 32-bit word (SWAR popcount; Hacker's Delight, fig. 5-2).
 * @remarks Since 0.1.0
 */
export function popcount32(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/**
 * Number of words needed for `bits` bits (at least 1, so every participant has a row).
 * @remarks Since 0.1.0
 */
export function wordsFor(bits: number): number {
  return Math.max(1, (bits + 31) >>> 5);
}

