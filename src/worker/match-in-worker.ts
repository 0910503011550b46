import { MatchInputError, type MatchIssue } from "../errors.js";
import { OptionReader, readOptions } from "../guard.js";
import type { MatchOptions, MatchResult } from "../match/types.js";
import { abortErrorOf, throwIfAborted } from "../steps.js";
import { receiveError, type FromWorker, type ToWorker } from "./protocol.js";
import { defaultWorkerUrl, spawnWorker } from "./spawn.js";

/**
 * Options of {@link matchInWorker}: those of `match()` that can cross a thread boundary.
 * Functions cannot be sent to a worker, so `criteria` (custom criteria), `messages` and a
 * `highs` loader are refused; `onProgress` and `signal` stay in the calling thread.
 * @remarks Since 0.2.0
 */
export interface MatchInWorkerOptions extends Omit<MatchOptions, "criteria" | "messages" | "highs"> {
  /**
   * Where the worker script is. Default: `worker.js` (`worker.cjs` from CommonJS) next to the
   * package's bundle, i.e. `new URL("./worker.js", import.meta.url)`. Set it when a bundler or a
   * server moved the file.
   */
  workerUrl?: string | URL;
}

/**
 * Runs `match()` — validate, score, solve, report — in a worker thread (Node `worker_threads`,
 * Bun, Web Workers in browsers and Deno), so the calling thread does no matching work at all.
 * The result equals `match(input, options)`'s, timings aside. `onProgress` receives the worker's
 * progress; `signal` terminates the worker and rejects with a DOMException named `AbortError`
 * (the reason as `cause`).
 *
 * The result is a structured-clone copy: `explainWhyNot` and `rematch` need the stored-result
 * form (`{ cohort, result }`) for it.
 *
 * @throws MatchInputError for invalid input or options (custom criteria, message catalogues and
 *   HiGHS loaders cannot be sent to a worker: code `not-transferable`).
 * @remarks Since 0.2.0
 */
export async function matchInWorker(input: unknown, rawOptions: MatchInWorkerOptions = {}): Promise<MatchResult> {
  const o = readOptions<Record<string, unknown>>(rawOptions, "options") as Record<string, unknown>;
  const read = new OptionReader(["options"]);
  const onProgress = read.func<MatchOptions["onProgress"]>(o, "onProgress");
  const signal = read.signal(o, "signal");
  const issues: MatchIssue[] = read.issues;
  for (const key of ["criteria", "messages", "highs"]) {
    if (o[key] !== undefined) issues.push({ path: ["options", key], code: "not-transferable", message: `${key} holds functions, which cannot be sent to a worker; use match() in this thread for it` });
  }
  const workerUrl = o["workerUrl"];
  if (workerUrl !== undefined && typeof workerUrl !== "string" && !(workerUrl instanceof URL)) {
    issues.push({ path: ["options", "workerUrl"], code: "invalid-option", message: "workerUrl must be a string or a URL" });
  }
  read.done();
  throwIfAborted(signal);
  const forwarded: { memoryLimit?: number; threads?: number } = {};
  if (o["memoryLimit"] !== undefined) forwarded.memoryLimit = o["memoryLimit"] as number;
  if (o["threads"] !== undefined) forwarded.threads = o["threads"] as number;

  return new Promise<MatchResult>((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener("abort", onAbort);
      worker.terminate();
      fn();
    };
    const onAbort = () => finish(() => reject(abortErrorOf(signal!)));
    const worker = spawnWorker((workerUrl as string | URL | undefined) ?? defaultWorkerUrl(), {
      message: (data) => {
        const m = data as FromWorker;
        if (m.kind === "progress") onProgress?.(m.stage, m.done, m.total);
        else if (m.kind === "result") finish(() => resolve(m.result));
        else if (m.kind === "error") finish(() => reject(receiveError(m.error)));
      },
      error: (error) => finish(() => reject(error instanceof Error ? error : new Error(String(error)))),
    });
    signal?.addEventListener("abort", onAbort, { once: true });
    const message: ToWorker = { kind: "match", input, options: forwarded };
    try {
      worker.post(message);
    } catch (error) {
      // Input that structured clone cannot copy (functions, class instances with private state).
      finish(() => reject(new MatchInputError([{ path: [], code: "not-transferable", message: `the input cannot be sent to a worker: ${String((error as Error)?.message ?? error).slice(0, 200)}` }])));
    }
  });
}
