import { solveCapacitatedAssignment } from "../min-cost-flow.js";
import type { CompiledModel } from "./model.js";

/**
 * Upper bound on a compiled model's objective with no LP solver: the best pair assignment under
 * col capacities (exact, by min-cost flow), where each pair's score is raised by the most
 * cohesion its row can bring to that col. A row in col `j` shares it with at most `upper_j − 1`
 * others, and each cohesion term is shared by its two rows, so the row brings at most half the
 * sum of its `upper_j − 1` largest positive weights. Every other rule is relaxed (side
 * constraints, col lower bounds, must-assign, locks, common slots), negative cohesion counts 0
 * and soft penalties are dropped; each relaxation can only raise the maximum, so the bound holds.
 * A dummy col worth 0 lets any row stay unassigned (the flow matches the most rows first).
 *
 * Worked case: two rows, one col of capacity 2, scores 0.5 and 0.25, one cohesion term of 0.5:
 * each row gains ½ · 0.5 = 0.25, so the bound is 0.75 + 0.5 = 1.25, the objective of putting
 * both rows in the col.
 */
export function flowBound(m: CompiledModel): number {
  const { rows, cols, score } = m;
  if (rows === 0 || m.allowCol.length === 0) return 0;
  // Each row's positive cohesion weights, largest first, as prefix sums.
  const gainStart = new Int32Array(rows + 1);
  for (let i = 0; i < rows; i++) {
    let n = 0;
    for (let a = m.adjStart[i]!; a < m.adjStart[i + 1]!; a++) if (m.adjW[a]! > 0) n++;
    gainStart[i + 1] = gainStart[i]! + n;
  }
  const gain = new Float64Array(gainStart[rows]!);
  for (let i = 0; i < rows; i++) {
    const w: number[] = [];
    for (let a = m.adjStart[i]!; a < m.adjStart[i + 1]!; a++) if (m.adjW[a]! > 0) w.push(m.adjW[a]!);
    w.sort((x, y) => y - x);
    let sum = 0;
    for (let t = 0; t < w.length; t++) gain[gainStart[i]! + t] = sum += w[t]!;
  }
  const width = cols + 1;
  const data = new Float64Array(rows * width).fill(-Infinity);
  const capacity = new Int32Array(width);
  for (let j = 0; j < cols; j++) capacity[j] = Math.min(m.upper[j]!, rows);
  capacity[cols] = rows;
  for (let i = 0; i < rows; i++) {
    const degree = gainStart[i + 1]! - gainStart[i]!;
    for (let a = m.allowStart[i]!; a < m.allowStart[i + 1]!; a++) {
      const j = m.allowCol[a]!;
      const partners = Math.min(degree, m.upper[j]! - 1);
      data[i * width + j] = score[i * cols + j]! + (partners > 0 ? gain[gainStart[i]! + partners - 1]! / 2 : 0);
    }
    data[i * width + cols] = 0;
  }
  const flow = solveCapacitatedAssignment({ rows, cols: width, data }, { capacity, maximize: true });
  let total = 0;
  for (let i = 0; i < rows; i++) {
    const j = flow.rowToCol[i]!;
    if (j >= 0) total += data[i * width + j]!;
  }
  return total;
}
