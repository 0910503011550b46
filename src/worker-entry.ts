/**
 * The mentormatch worker script (built as `dist/worker.js` and `dist/worker.cjs`). It serves
 * `matchInWorker` (a whole `match()` run) and `options.threads` (a share of the score matrix's
 * rows, written into shared memory), in Node's `worker_threads` and in Web Workers alike. It sits
 * beside `index.ts`, outside `worker/`, because it imports the pipeline that imports `worker/`.
 */
import { match } from "./match/match.js";
import { adoptParsedCohort, type Cohort, type CohortInput } from "./model/cohort.js";
import { encodeCohort } from "./score/encode-cohort.js";
import { createMatrixPass, sidesOf } from "./score/score-matrix.js";
import { nodeWorkerThreads } from "./worker/spawn.js";
import { sendError, type FromWorker, type ToWorker } from "./worker/protocol.js";

const parent = nodeWorkerThreads()?.parentPort ?? null;
const post = (message: FromWorker): void => {
  if (parent) parent.postMessage(message);
  else (globalThis as unknown as { postMessage(m: unknown): void }).postMessage(message);
};

async function handle(message: ToWorker): Promise<void> {
  try {
    if (message.kind === "match") {
      // Structured-cloned from the caller: match() validates it at run time like any raw input.
      const result = await match(message.input as CohortInput, { ...message.options, onProgress: (stage, done, total) => post({ kind: "progress", stage, done, total }) });
      post({ kind: "result", result });
    } else {
      post({ kind: "scored", ...scoreRows(message) });
    }
  } catch (error) {
    post({ kind: "error", error: sendError(error) });
  }
}

/** Scores rows [from, to) of the cohort's matrix into the shared buffers; returns their locks. */
function scoreRows(message: Extract<ToWorker, { kind: "score" }>) {
  // The cohort was parsed and put in canonical order by the main thread's match().
  const cohort = adoptParsedCohort(message.cohort as Cohort);
  const enc = encodeCohort(cohort);
  const buffers = {
    scores: new Float64Array(message.buffers.scores),
    eligible: new Uint8Array(message.buffers.eligible),
    violations: new Uint32Array(message.buffers.violations),
  };
  // The main thread checked the memory budget for the whole matrix.
  const pass = createMatrixPass(cohort, enc, sidesOf(cohort, "auto"), { memoryLimit: Number.MAX_SAFE_INTEGER }, buffers);
  const every = Math.max(64, Math.ceil((message.to - message.from) / 50));
  for (let i = message.from; i < message.to; i++) {
    pass.scoreRow(i);
    if ((i - message.from) % every === every - 1) post({ kind: "progress", stage: "score", done: i + 1 - message.from, total: message.to - message.from });
  }
  return pass.locks();
}

if (parent) parent.on("message", (m) => void handle(m as ToWorker));
else (globalThis as unknown as { onmessage: (e: { data: ToWorker }) => void }).onmessage = (e) => void handle(e.data);
