/**
 * munkres-js 1.2.2 ships no types. `computeMunkres(cost)` returns the optimal `[row, col]` pairs
 * of a (padded) rectangular minimisation problem. It has no notion of a forbidden pair: it hangs
 * on NaN or an all-Infinity row, so tests feed it finite matrices only.
 */
declare module "munkres-js" {
  interface MunkresOptions {
    padValue?: number;
  }
  function computeMunkres(costMatrix: number[][], options?: MunkresOptions): [number, number][];
  export default computeMunkres;
}
