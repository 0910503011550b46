/**
 * Resumable computations: how the long-running cores share one code path between the public
 * synchronous API and a `match()` that never stalls its host.
 *
 * A long core is written once as a generator function that does its work and `yield`s (no value)
 * at cheap checkpoints, about every {@link STEP_WORK} units of inner-loop work (pairs scored, cells
 * relaxed, …). Two drivers run it:
 * - {@link runSteps} resumes it straight away until it returns: the synchronous API. A resume
 *   costs tens of nanoseconds against ~0.1 ms of work per step, so the sync path keeps its speed
 *   (bench/host.bench.mjs measures it against the same build without checkpoints).
 * - {@link runStepsAsync} runs steps for a slice of about `sliceMs`, then gives the event loop a
 *   macrotask (timers, I/O, an `AbortSignal` fired from a timer all run there) and checks the
 *   signal, so the host never waits longer than one slice plus one step.
 *
 * Generators keep every local of a suspended core, so a checkpoint can sit anywhere, even inside
 * one shortest-path search, without restructuring the algorithm. Nothing here needs Node: the
 * macrotask comes from `setImmediate` where present (Node, Bun), else `MessageChannel` (browsers,
 * Deno, workers), else `setTimeout(0)`.
 */

/** A resumable computation returning `T`; it yields `undefined` at each checkpoint. */
export type Steps<T> = Generator<void, T, void>;

/** Inner-loop work between two checkpoints of a core (about 0.05–0.2 ms on a laptop core). */
export const STEP_WORK = 1 << 16;

/** Default length of a slice of work between two turns of the host's event loop, in ms. */
export const DEFAULT_SLICE_MS = 8;

/** Runs a resumable computation to the end, synchronously. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Options of {@link runStepsAsync}. */
export interface SliceOptions {
  /** Checked at every turn of the event loop; the run rejects with an `AbortError` when it fires. */
  signal?: AbortSignal | undefined;
  /** Work between two turns of the event loop, in ms. @defaultValue 8 */
  sliceMs?: number;
}

/**
 * Runs a resumable computation in slices of about `sliceMs`, handing the event loop a macrotask
 * between slices and checking `signal` after each. Rejects with a DOMException named
 * `AbortError` when the signal fires.
 */
export async function runStepsAsync<T>(steps: Steps<T>, options: SliceOptions = {}): Promise<T> {
  const { signal } = options;
  const sliceMs = options.sliceMs ?? DEFAULT_SLICE_MS;
  throwIfAborted(signal);
  let deadline = performance.now() + sliceMs;
  try {
    for (;;) {
      const r = steps.next();
      if (r.done) return r.value;
      if (performance.now() >= deadline) {
        await yieldToHost();
        throwIfAborted(signal);
        deadline = performance.now() + sliceMs;
      }
    }
  } finally {
    // Lets an abandoned core run its `finally` blocks (none hold resources today).
    steps.return(undefined as never);
  }
}

/**
 * The slicing of {@link runStepsAsync} for code that is async already: call `due()` at cheap
 * checkpoints and `await pause()` when it says the slice is over.
 */
export class SliceClock {
  private deadline: number;
  constructor(
    private readonly signal: AbortSignal | undefined,
    private readonly sliceMs = DEFAULT_SLICE_MS,
  ) {
    throwIfAborted(signal);
    this.deadline = performance.now() + sliceMs;
  }
  /** True when the current slice has run its time. */
  due(): boolean {
    return performance.now() >= this.deadline;
  }
  /** Gives the event loop a turn, checks the signal and starts a new slice. */
  async pause(): Promise<void> {
    await yieldToHost();
    throwIfAborted(this.signal);
    this.deadline = performance.now() + this.sliceMs;
  }
}

/**
 * Lets the host's event loop run one turn: resolves in a new macrotask, after pending timers and
 * I/O callbacks (unlike a resolved promise, which runs before them).
 */
export function yieldToHost(): Promise<void> {
  const g = globalThis as { setImmediate?: (cb: () => void) => unknown };
  if (typeof g.setImmediate === "function") {
    const setImmediate = g.setImmediate;
    return new Promise((resolve) => void setImmediate(resolve));
  }
  if (typeof MessageChannel === "function") {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      // The web's MessagePort (the typings here are Node's, which has no `onmessage`).
      const port = channel.port1 as unknown as { onmessage: (() => void) | null; close(): void };
      port.onmessage = () => {
        port.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * The error an aborted run rejects with: always a DOMException named `AbortError`, with the
 * signal's reason as `cause` (the reason itself when it already is such an error).
 */
export function abortErrorOf(signal: AbortSignal): DOMException {
  const reason: unknown = signal.reason;
  if (reason instanceof DOMException && reason.name === "AbortError") return reason;
  const error = new DOMException("The operation was aborted", "AbortError");
  // Set after construction: Node 20 and every browser accept { name, cause } in the constructor,
  // but older engines ignore the options object's cause.
  Object.defineProperty(error, "cause", { value: reason, configurable: true, writable: true });
  return error;
}

/** Throws {@link abortErrorOf} when `signal` has fired. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal !== undefined && signal.aborted) throw abortErrorOf(signal);
}
