import { Matrix } from "ml-matrix";
import { solveNnlsGram } from "./nnls.js";

/**
 * A linear model `ŷ = intercept + Σ coef[c] · z[c]` with non-negative coefficients.
 * @internal
 */
export interface LinearFit {
  intercept: number;
  coef: Float64Array;
}

/**
 * Rows of a design matrix with sample weights: `z` is row-major (`rows × cols`), `y` the targets,
 * `weight` a non-negative weight per row (bootstrap multiplicities, IRLS weights).
 * @internal
 */
export interface WeightedRows {
  rows: number;
  cols: number;
  z: Float64Array;
  y: Float64Array;
  weight: Float64Array;
}

/**
 * Weighted least squares with a free intercept, non-negative coefficients and a ridge penalty
 * `ridge × Σω × ‖coef‖²`: the intercept is eliminated by centring on the weighted means, the rest
 * is non-negative least squares on the centred normal equations (Lawson–Hanson, see
 * `solveNnlsGram`).
 * @internal
 */
export function fitNonNegativeLinear(data: WeightedRows, ridge: number): LinearFit {
  const { rows, cols, z, y, weight } = data;
  let total = 0;
  let yMean = 0;
  const zMean = new Float64Array(cols);
  for (let i = 0; i < rows; i++) {
    const w = weight[i]!;
    if (w === 0) continue;
    total += w;
    yMean += w * y[i]!;
    for (let c = 0; c < cols; c++) zMean[c] = zMean[c]! + w * z[i * cols + c]!;
  }
  if (total === 0) return { intercept: 0, coef: new Float64Array(cols) };
  yMean /= total;
  for (let c = 0; c < cols; c++) zMean[c] = zMean[c]! / total;
  // Accumulate the upper triangle in a flat array (ml-matrix holds the result for the solver).
  const g = new Float64Array(cols * cols);
  const atb = new Float64Array(cols);
  const d = new Float64Array(cols);
  for (let i = 0; i < rows; i++) {
    const w = weight[i]!;
    if (w === 0) continue;
    const r = y[i]! - yMean;
    const base = i * cols;
    for (let c = 0; c < cols; c++) d[c] = z[base + c]! - zMean[c]!;
    for (let c = 0; c < cols; c++) {
      const wd = w * d[c]!;
      atb[c] = atb[c]! + wd * r;
      const row = c * cols;
      for (let k = c; k < cols; k++) g[row + k] = g[row + k]! + wd * d[k]!;
    }
  }
  const gram = Matrix.zeros(cols, cols);
  for (let c = 0; c < cols; c++) {
    for (let k = c; k < cols; k++) {
      gram.set(c, k, g[c * cols + k]!);
      gram.set(k, c, g[c * cols + k]!);
    }
    gram.set(c, c, gram.get(c, c) + ridge * total);
  }
  const coef = solveNnlsGram(gram, atb);
  let intercept = yMean;
  for (let c = 0; c < cols; c++) intercept -= coef[c]! * zMean[c]!;
  return { intercept, coef };
}
