/**
 * One way to start a worker in Node (`worker_threads`, also Bun), browsers and Deno (Web Workers),
 * with no import of a Node built-in: Node's module comes from `process.getBuiltinModule`, so
 * browser bundles never see it.
 */

/** A started worker: post it messages, stop it. */
export interface WorkerHandle {
  post(message: unknown): void;
  terminate(): void;
}

/** What a started worker reports. */
export interface WorkerEvents {
  message(data: unknown): void;
  error(error: unknown): void;
}

interface NodeWorker {
  on(event: "message" | "error" | "exit", listener: (value: never) => void): void;
  postMessage(message: unknown): void;
  terminate(): Promise<number>;
}
interface NodeWorkerThreads {
  Worker: new (url: string | URL, options?: { execArgv?: string[] }) => NodeWorker;
  parentPort: { on(event: "message", listener: (value: unknown) => void): void; postMessage(message: unknown): void } | null;
}
interface WebWorker {
  onmessage: ((event: { data: unknown }) => void) | null;
  onerror: ((event: { message?: string; preventDefault?: () => void }) => void) | null;
  postMessage(message: unknown): void;
  terminate(): void;
}

/** Node's (or Bun's) `worker_threads`, or undefined outside Node. */
export function nodeWorkerThreads(): NodeWorkerThreads | undefined {
  const proc = (globalThis as { process?: { versions?: { node?: string }; getBuiltinModule?: (id: string) => unknown } }).process;
  if (typeof proc?.versions?.node !== "string" || typeof proc.getBuiltinModule !== "function") return undefined;
  return proc.getBuiltinModule("node:worker_threads") as NodeWorkerThreads | undefined;
}

/** True where {@link spawnWorker} can start a worker. */
export function canSpawnWorkers(): boolean {
  return nodeWorkerThreads() !== undefined || typeof (globalThis as { Worker?: unknown }).Worker === "function";
}

/** Starts the worker script at `url` (a module worker in browsers). */
export function spawnWorker(url: string | URL, events: WorkerEvents): WorkerHandle {
  const threads = nodeWorkerThreads();
  if (threads) {
    // A worker inherits the process's flags; `--input-type` (from `node --input-type=module -e`)
    // is refused for a file entry point and would stop it from starting. Then the flags are
    // passed explicitly, without it and without per-process V8 heap flags (refused there too).
    const parentArgv = (globalThis as { process?: { execArgv?: string[] } }).process?.execArgv ?? [];
    const execArgv = parentArgv.some((a) => a.startsWith("--input-type"))
      ? parentArgv.filter((a) => !/^--(input-type|max-old-space-size|max-semi-space-size|stack-size)/.test(a))
      : undefined;
    const worker = new threads.Worker(url, execArgv ? { execArgv } : {});
    worker.on("message", (data: never) => events.message(data));
    worker.on("error", (error: never) => events.error(error));
    worker.on("exit", (code: never) => {
      if (code !== 0) events.error(new Error(`the mentormatch worker exited with code ${code as number}`));
    });
    return { post: (m) => worker.postMessage(m), terminate: () => void worker.terminate() };
  }
  const WebWorkerClass = (globalThis as { Worker?: new (url: string | URL, options: { type: "module" }) => WebWorker }).Worker;
  if (typeof WebWorkerClass !== "function") throw new Error("this runtime has no workers (neither worker_threads nor Web Workers)");
  const worker = new WebWorkerClass(url, { type: "module" });
  worker.onmessage = (event) => events.message(event.data);
  worker.onerror = (event) => {
    event.preventDefault?.();
    events.error(new Error(event.message ?? "the mentormatch worker failed"));
  };
  return { post: (m) => worker.postMessage(m), terminate: () => worker.terminate() };
}

declare const __filename: string | undefined;

/**
 * The package's worker script next to the running bundle: `worker.cjs` beside a CommonJS build,
 * `worker.js` beside an ES module build (`new URL("./worker.js", import.meta.url)`, the form
 * bundlers recognise and bundle as a worker).
 */
export function defaultWorkerUrl(): string | URL {
  if (typeof __filename === "string" && __filename.endsWith(".cjs")) {
    const cut = Math.max(__filename.lastIndexOf("/"), __filename.lastIndexOf("\\"));
    return `${__filename.slice(0, cut + 1)}worker.cjs`;
  }
  return new URL("./worker.js", import.meta.url);
}
