import type { Cohort } from "../model/cohort.js";
import { encodeCohortSteps } from "../score/encode-cohort.js";
import { createMatrixPass, sidesOf } from "../score/score-matrix.js";
import type { CompatibilityMatrix, LockedViolation } from "../score/index.js";
import { abortErrorOf, runStepsAsync, throwIfAborted } from "../steps.js";
import { receiveError, type FromWorker, type ToWorker } from "./protocol.js";
import { canSpawnWorkers, spawnWorker, type WorkerHandle } from "./spawn.js";

/** What {@link scoreInParallel} needs beyond the cohort. */
export interface ParallelScoreOptions {
  threads: number;
  workerUrl: string | URL;
  memoryLimit: number;
  signal?: AbortSignal | undefined;
  onProgress?: ((stage: "encode" | "score", done: number, total: number) => void) | undefined;
}

/** Why scoring cannot use worker threads here, or null when it can. */
export function parallelScoringUnavailable(customCriteria: number): string | null {
  if (customCriteria > 0) return "custom criteria are functions, which cannot be sent to worker threads";
  if (typeof SharedArrayBuffer !== "function") return "SharedArrayBuffer is unavailable (in browsers it needs cross-origin isolation)";
  if (!canSpawnWorkers()) return "this runtime has no workers";
  return null;
}

/**
 * Scores the cohort's matrix on `threads` worker threads: the mentee rows are split into
 * contiguous shares, each worker encodes the cohort and scores its share into one matrix in
 * shared memory with the same code as the single-threaded pass, so the scores are bit for bit
 * the same. The calling thread encodes too (the matrix carries the encoding) and otherwise only
 * waits, so its event loop stays free.
 */
export async function scoreInParallel(cohort: Cohort, o: ParallelScoreOptions): Promise<CompatibilityMatrix> {
  const t0 = performance.now();
  const { signal, onProgress } = o;
  onProgress?.("encode", 0, 1);
  const enc = await runStepsAsync(encodeCohortSteps(cohort), { signal });
  onProgress?.("encode", 1, 1);
  const t1 = performance.now();
  const sides = sidesOf(cohort, "auto");
  const rows = sides.rows.length;
  const pairs = rows * sides.cols.length;
  const shared = { scores: new SharedArrayBuffer(pairs * 8), eligible: new SharedArrayBuffer(pairs), violations: new SharedArrayBuffer(pairs * 4) };
  const pass = createMatrixPass(cohort, enc, sides, { memoryLimit: o.memoryLimit }, {
    scores: new Float64Array(shared.scores),
    eligible: new Uint8Array(shared.eligible),
    violations: new Uint32Array(shared.violations),
  });
  const shares = Math.max(1, Math.min(o.threads, rows));
  const bounds = Array.from({ length: shares + 1 }, (_, k) => Math.round((k * rows) / shares));
  const done = new Int32Array(shares);
  onProgress?.("score", 0, rows);
  const workers: WorkerHandle[] = [];
  const plain = { participants: cohort.participants, program: cohort.program };
  try {
    const results = await new Promise<Array<{ locked: Array<[number, number]>; lockedViolations: LockedViolation[] }>>((resolve, reject) => {
      const out: Array<{ locked: Array<[number, number]>; lockedViolations: LockedViolation[] } | undefined> = new Array<{ locked: Array<[number, number]>; lockedViolations: LockedViolation[] } | undefined>(shares);
      let left = shares;
      const onAbort = () => reject(abortErrorOf(signal!));
      signal?.addEventListener("abort", onAbort, { once: true });
      for (let k = 0; k < shares; k++) {
        const worker = spawnWorker(o.workerUrl, {
          message: (data) => {
            const m = data as FromWorker;
            if (m.kind === "progress") {
              done[k] = m.done;
              onProgress?.("score", done.reduce((s, v) => s + v, 0), rows);
            } else if (m.kind === "scored") {
              out[k] = m;
              if (--left === 0) {
                signal?.removeEventListener("abort", onAbort);
                resolve(out as Array<{ locked: Array<[number, number]>; lockedViolations: LockedViolation[] }>);
              }
            } else if (m.kind === "error") reject(receiveError(m.error));
          },
          error: (error) => reject(error instanceof Error ? error : new Error(String(error))),
        });
        workers.push(worker);
        const message: ToWorker = { kind: "score", cohort: plain, from: bounds[k]!, to: bounds[k + 1]!, buffers: shared };
        worker.post(message);
      }
    });
    throwIfAborted(signal);
    onProgress?.("score", rows, rows);
    // Each share's locks are in row order, and the shares are in row order.
    const locked = results.flatMap((r) => r.locked);
    const lockedViolations = results.flatMap((r) => r.lockedViolations);
    return pass.finish({ encodeMs: t1 - t0, scoreMs: performance.now() - t1 }, { locked, lockedViolations });
  } finally {
    for (const w of workers) w.terminate();
  }
}
