import type { Highs } from "highs";
import type { MatchIssue } from "../../errors.js";
import { describeValue } from "../../guard.js";

/**
 * Where the HiGHS WebAssembly solver (npm `highs`, an optional dependency) comes from.
 *
 * - `load`: returns the `highs` module (its namespace or its default export, the factory), e.g.
 *   `() => import("highs")` — a bundler then bundles it (mark `node:*` external for browsers).
 *   Default: `import("highs")` through a specifier bundlers leave alone, resolved at run time
 *   from `node_modules` (Node, Bun, Deno); in a browser bundle that fails and local search runs.
 * - `locateFile`: where the factory fetches `highs.wasm` (Emscripten's `locateFile`), e.g.
 *   `(file) => "/assets/" + file` for a browser or edge host that serves the file itself.
 * @remarks Since 0.2.0
 */
export interface HighsSource {
  /** Returns the `highs` module or its factory. Default: `import("highs")` resolved at run time. */
  load?: () => Promise<unknown>;
  /** Where the factory fetches `highs.wasm` from (Emscripten's `locateFile`). */
  locateFile?: (file: string, prefix: string) => string;
}

/**
 * The `highs` option of `match()` and `solveConstrained()`: a {@link HighsSource}, a loader
 * function (short for `{ load }`), or `false` to never use HiGHS (local search with its own
 * flow bound). Default: the `highs` package when it is installed.
 * @remarks Since 0.2.0
 */
export type HighsOption = HighsSource | (() => Promise<unknown>) | false;

/** A loaded HiGHS runtime, or why there is none. */
export type HighsLoad = { highs: Highs; error?: undefined } | { highs?: undefined; error: string };

// Held in an object so bundlers see a computed specifier and leave the import to run time.
const moduleNames: { highs: string } = { highs: "highs" };
const defaultLoad = (): Promise<unknown> => import(/* webpackIgnore: true */ /* @vite-ignore */ moduleNames.highs);

type Factory = (settings?: { locateFile?: (file: string, prefix: string) => string }) => Promise<Highs>;

const byLoader = new WeakMap<() => Promise<unknown>, Promise<Factory>>();
const byFactory = new WeakMap<Factory, Map<unknown, Promise<Highs>>>();

function factoryOf(mod: unknown): Factory {
  const m = mod as { default?: unknown } | null | undefined;
  const f = typeof m === "function" ? m : m?.default;
  if (typeof f !== "function") throw new Error("the loaded module is not the highs package (no factory function as its default export)");
  return f as Factory;
}

/**
 * Loads HiGHS once per loader (and once per factory and `locateFile`), never throwing: a missing
 * package or a wasm that cannot be fetched comes back as `{ error }` so callers fall back to
 * local search.
 */
export async function loadHighs(option: HighsOption | undefined): Promise<HighsLoad> {
  if (option === false) return { error: "HiGHS is disabled (highs: false)" };
  const source: HighsSource = typeof option === "function" ? { load: option } : (option ?? {});
  const load = source.load ?? defaultLoad;
  try {
    let factory = byLoader.get(load);
    if (!factory) {
      factory = load().then(factoryOf);
      byLoader.set(load, factory);
    }
    const f = await factory;
    let instances = byFactory.get(f);
    if (!instances) {
      instances = new Map();
      byFactory.set(f, instances);
    }
    const key = source.locateFile ?? null;
    let instance = instances.get(key);
    if (!instance) {
      instance = f(source.locateFile ? { locateFile: source.locateFile } : {});
      instances.set(key, instance);
    }
    return { highs: await instance };
  } catch (err) {
    return { error: `the HiGHS solver (npm package "highs") could not be loaded: ${err instanceof Error ? err.message : String(err)}` };
  }
}

/**
 * Checks a `highs` option at the boundary: `undefined`, `false`, a function, or an object whose
 * `load` and `locateFile` are functions when given. A wrong value is recorded as an
 * `invalid-option` issue at `options.highs` and the default is used.
 */
export function readHighsOption(value: unknown, read: { issues: MatchIssue[] }): HighsOption | undefined {
  if (value === undefined || value === false || typeof value === "function") return value as HighsOption | undefined;
  const o = value as Record<string, unknown> | null;
  const ok = o !== null && typeof o === "object" && !Array.isArray(o) &&
    (o["load"] === undefined || typeof o["load"] === "function") &&
    (o["locateFile"] === undefined || typeof o["locateFile"] === "function");
  if (ok) return o;
  read.issues.push({ path: ["options", "highs"], code: "invalid-option", message: `highs must be false, a loader function or { load?, locateFile? } with functions, got ${describeValue(value)}` });
  return undefined;
}
