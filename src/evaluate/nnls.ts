import { CholeskyDecomposition, Matrix, solve } from "ml-matrix";

/**
 * Options of {@link solveNnlsGram}.
 * @remarks Since 0.2.0
 */
export interface NnlsOptions {
  /** Outer iterations (variables freed) at most. Default `3 × n + 30`. */
  maxIterations?: number;
  /** A gradient entry counts as positive above this. Default `1e-12 × (1 + max |Aᵀb|)`. */
  tolerance?: number;
}

function solvePassive(gram: Matrix, rhs: Float64Array, passive: readonly number[]): Float64Array {
  const sub = gram.selection(passive, passive);
  const b = Matrix.columnVector(passive.map((i) => rhs[i]!));
  const chol = new CholeskyDecomposition(sub);
  // A singular passive block (collinear columns without ridge) falls back to least squares by SVD.
  const x = chol.isPositiveDefinite() ? chol.solve(b) : solve(sub, b, true);
  return Float64Array.from(x.getColumn(0));
}

/**
 * Non-negative least squares, `min ‖Ax − b‖² subject to x ≥ 0`, given the normal equations
 * `AᵀA` (n × n) and `Aᵀb` (n), so the cost per iteration depends on n only, not on the rows of A
 * (a ridge term is added to the diagonal of `AᵀA` by the caller).
 *
 * Reference: C. L. Lawson and R. J. Hanson, "Solving Least Squares Problems", Prentice-Hall 1974,
 * ch. 23 (the active-set NNLS algorithm), in the Gram form of R. Bro and S. De Jong, "A fast
 * non-negativity-constrained least squares algorithm", J. Chemometrics 11 (1997). The passive-set
 * solves use ml-matrix (Cholesky, SVD when singular).
 *
 * @returns x ≥ 0 (length n).
 * @remarks Since 0.2.0
 */
export function solveNnlsGram(gram: Matrix, atb: Float64Array, options: NnlsOptions = {}): Float64Array {
  const n = atb.length;
  const x = new Float64Array(n);
  const passive = new Uint8Array(n);
  const maxIterations = options.maxIterations ?? 3 * n + 30;
  let scale = 0;
  for (let i = 0; i < n; i++) scale = Math.max(scale, Math.abs(atb[i]!));
  const tol = options.tolerance ?? 1e-12 * (1 + scale);
  // w = Aᵀ(b − Ax): the negative gradient; optimal when w ≤ 0 on the active set and x > 0 elsewhere.
  const gradient = () => {
    const w = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = atb[i]!;
      for (let j = 0; j < n; j++) s -= gram.get(i, j) * x[j]!;
      w[i] = s;
    }
    return w;
  };
  for (let outer = 0; outer < maxIterations; outer++) {
    const w = gradient();
    let best = -1;
    for (let i = 0; i < n; i++) if (passive[i] === 0 && w[i]! > tol && (best < 0 || w[i]! > w[best]!)) best = i;
    if (best < 0) break;
    passive[best] = 1;
    // Inner loop: the unconstrained solve on the passive set, stepping back to stay feasible.
    for (let inner = 0; inner <= n; inner++) {
      const set = [...passive.keys()].filter((i) => passive[i] === 1);
      const s = solvePassive(gram, atb, set);
      if (s.every((v) => v > 0)) {
        set.forEach((i, k) => (x[i] = s[k]!));
        break;
      }
      let alpha = 1;
      set.forEach((i, k) => {
        if (s[k]! <= 0) alpha = Math.min(alpha, x[i]! / (x[i]! - s[k]!));
      });
      set.forEach((i, k) => {
        x[i] = x[i]! + alpha * (s[k]! - x[i]!);
        if (x[i] <= tol) {
          x[i] = 0;
          passive[i] = 0;
        }
      });
      if (!passive.includes(1)) break;
    }
  }
  return x;
}
