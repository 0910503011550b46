import { fitNonNegativeLinear, type LinearFit, type WeightedRows } from "./nonnegative-linear.js";

const sigmoid = (t: number) => (t >= 0 ? 1 / (1 + Math.exp(-t)) : Math.exp(t) / (1 + Math.exp(t)));

/** Penalised negative log-likelihood (weighted) of a fit; `y` in {0, 1}. */
function loss(data: WeightedRows, fit: LinearFit, ridge: number, total: number): number {
  const { rows, cols, z, y, weight } = data;
  let sum = 0;
  for (let i = 0; i < rows; i++) {
    const w = weight[i]!;
    if (w === 0) continue;
    let eta = fit.intercept;
    for (let c = 0; c < cols; c++) eta += fit.coef[c]! * z[i * cols + c]!;
    // log(1 + e^η) − yη, computed without overflow.
    const softplus = eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta));
    sum += w * (softplus - y[i]! * eta);
  }
  let norm = 0;
  for (let c = 0; c < cols; c++) norm += fit.coef[c]! * fit.coef[c]!;
  return sum + 0.5 * ridge * total * norm;
}

/**
 * Ridge-penalised logistic regression with a free intercept and non-negative coefficients, by
 * iteratively reweighted least squares where each step is a non-negative weighted least-squares
 * problem (Lawson–Hanson), with step halving so the penalised log-likelihood never decreases.
 * Each step solves the constrained quadratic model of the objective exactly (a projected Newton
 * step: D. P. Bertsekas, "Projected Newton methods for optimization problems with simple
 * constraints", SIAM J. Control Optim. 20, 1982; IRLS: P. J. Green, JRSS B 46, 1984).
 *
 * @param data rows with `y` in {0, 1} and sample weights.
 * @param ridge penalty `ridge/2 × Σω × ‖coef‖²`.
 * @param start a warm start (e.g. the full-data fit for a bootstrap resample).
 * @param maxIterations IRLS steps at most; `converged` says whether the loss settled before.
 * @internal
 */
export function fitNonNegativeLogistic(data: WeightedRows, ridge: number, start?: LinearFit, maxIterations = 50): LinearFit & { converged: boolean } {
  const { rows, cols, z, y, weight } = data;
  let total = 0;
  let positives = 0;
  for (let i = 0; i < rows; i++) {
    total += weight[i]!;
    positives += weight[i]! * y[i]!;
  }
  const p0 = Math.min(1 - 1e-6, Math.max(1e-6, positives / Math.max(total, 1e-300)));
  let fit: LinearFit = start ?? { intercept: Math.log(p0 / (1 - p0)), coef: new Float64Array(cols) };
  let current = loss(data, fit, ridge, total);
  const work: WeightedRows = { rows, cols, z, y: new Float64Array(rows), weight: new Float64Array(rows) };
  let converged = false;
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    for (let i = 0; i < rows; i++) {
      let eta = fit.intercept;
      for (let c = 0; c < cols; c++) eta += fit.coef[c]! * z[i * cols + c]!;
      const p = sigmoid(eta);
      const v = Math.max(p * (1 - p), 1e-10);
      work.weight[i] = weight[i]! * v;
      work.y[i] = eta + (y[i]! - p) / v;
    }
    // The ridge of the weighted least-squares step is scaled to Σω, not Σω·v: rescale.
    let workTotal = 0;
    for (let i = 0; i < rows; i++) workTotal += work.weight[i]!;
    const target = fitNonNegativeLinear(work, workTotal > 0 ? (ridge * total) / workTotal : ridge);
    let step = 1;
    let next: LinearFit = target;
    let nextLoss = loss(data, next, ridge, total);
    while (nextLoss > current && step > 1e-6) {
      step /= 2;
      next = { intercept: fit.intercept + step * (target.intercept - fit.intercept), coef: fit.coef.map((c, k) => c + step * (target.coef[k]! - c)) };
      nextLoss = loss(data, next, ridge, total);
    }
    if (nextLoss > current) {
      converged = true; // no step along the Newton direction lowers the loss: as good as it gets
      break;
    }
    const improvement = current - nextLoss;
    fit = next;
    current = nextLoss;
    if (improvement <= 1e-10 * (1 + Math.abs(current))) {
      converged = true;
      break;
    }
  }
  return { ...fit, converged };
}
