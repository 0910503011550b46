import type { SparseRows } from "./encode-cohort.js";

/**
 * Builds {@link SparseRows} from each participant's entries: `rows(p)` for p in [0, size).
 * @internal
 */
export function sparseRows(size: number, rows: (p: number) => Iterable<number>): SparseRows {
  const start = new Int32Array(size + 1);
  const all: number[] = [];
  for (let p = 0; p < size; p++) {
    for (const v of rows(p)) all.push(v);
    start[p + 1] = all.length;
  }
  return { start, list: Int32Array.from(all) };
}
