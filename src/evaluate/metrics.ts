/**
 * Area under the ROC curve of `scores` for binary `labels` (1 positive), by the Mann–Whitney U
 * statistic with mid-ranks for ties: the probability that a random positive scores above a random
 * negative (ties count one half). `null` when either class is absent.
 * Reference: J. A. Hanley and B. J. McNeil, "The meaning and use of the area under a receiver
 * operating characteristic (ROC) curve", Radiology 143, 1982.
 * @remarks Since 0.2.0
 */
export function rocAuc(scores: ArrayLike<number>, labels: ArrayLike<number>): number | null {
  const n = scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  let positives = 0;
  let rankSum = 0;
  for (let k = 0; k < n; ) {
    let end = k;
    while (end + 1 < n && scores[order[end + 1]!] === scores[order[k]!]) end++;
    const midRank = (k + end) / 2 + 1;
    for (let t = k; t <= end; t++) {
      if (labels[order[t]!] === 1) {
        positives++;
        rankSum += midRank;
      }
    }
    k = end + 1;
  }
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return null;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/**
 * Root mean squared error of predictions against targets; `null` for no rows.
 * @remarks Since 0.2.0
 */
export function rootMeanSquaredError(predicted: ArrayLike<number>, actual: ArrayLike<number>): number | null {
  const n = predicted.length;
  if (n === 0) return null;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += (predicted[i]! - actual[i]!) ** 2;
  return Math.sqrt(sum / n);
}
