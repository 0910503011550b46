import { MatchInputError, type MatchIssue } from "./errors.js";

/**
 * Issue codes of the boundary checks shared by the public entry points (besides the schema's own
 * codes and each solver's): `invalid-options` — the options argument is not an object;
 * `invalid-option` — one option has a value of the wrong kind or range; `invalid-type` — an
 * argument is not the kind of value the function takes; `too-large` — the input would need more
 * memory than the limit (or more entries than one typed array holds), refused before allocating.
 * @remarks Since 0.2.0
 */
export const BOUNDARY_CODES = ["invalid-options", "invalid-option", "invalid-type", "too-large"] as const;
/** A {@link BOUNDARY_CODES} code. @remarks Since 0.2.0 */
export type BoundaryCode = (typeof BOUNDARY_CODES)[number];

/**
 * Most entries a dense pair array may hold: pair indices stay below 2³¹ (they are kept in
 * `Int32Array`s) and every engine can allocate a typed array of that length.
 */
export const MAX_DENSE_ENTRIES = 2 ** 31 - 1;

/** Fallback memory budget where the host's memory size cannot be read (browsers, edge runtimes): 2 GiB. */
const FALLBACK_MEMORY_LIMIT = 2 * 1024 ** 3;

let cachedLimit: number | undefined;

/**
 * The default memory budget of one call: half the machine's memory where Node, Bun or Deno expose
 * it (`os.totalmem()` through `process.getBuiltinModule`, capped by a cgroup limit from
 * `process.constrainedMemory()`), 2 GiB elsewhere. Read through `globalThis`, so the core still
 * imports no Node built-in.
 * @remarks Since 0.2.0
 */
export function defaultMemoryLimit(): number {
  if (cachedLimit !== undefined) return cachedLimit;
  let total: number;
  try {
    const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown; constrainedMemory?: () => number | undefined } }).process;
    const os = proc?.getBuiltinModule?.("node:os") as { totalmem?: () => number } | undefined;
    total = Number(os?.totalmem?.() ?? 0);
    const constrained = Number(proc?.constrainedMemory?.() ?? 0);
    // Unconstrained processes report 0 or a huge sentinel (2⁶⁴); only a real cgroup limit counts.
    if (constrained > 0 && constrained < total) total = constrained;
  } catch {
    total = 0;
  }
  cachedLimit = Number.isFinite(total) && total > 0 ? Math.floor(total / 2) : FALLBACK_MEMORY_LIMIT;
  return cachedLimit;
}

/** `1.5 GB`-style size for messages. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(1)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  if (bytes >= 1e3) return `${(bytes / 1e3).toFixed(1)} kB`;
  return `${Math.round(bytes)} B`;
}

/**
 * Refuses work whose estimated memory exceeds `limit` (or whose dense arrays would exceed
 * {@link MAX_DENSE_ENTRIES}) with a `too-large` {@link MatchInputError} that names the size, the
 * estimate and what to do instead. Called before anything large is allocated.
 */
export function checkMemory(
  at: { path: (string | number)[]; what: string; entries: number; bytes: number; limit: number; advice: string },
): void {
  const { path, what, entries, bytes, limit, advice } = at;
  if (entries > MAX_DENSE_ENTRIES) {
    throw new MatchInputError([{ path, code: "too-large", message: `${what} needs ${entries.toExponential(2)} dense entries, more than the ${MAX_DENSE_ENTRIES} one array can index; ${advice}` }]);
  }
  if (bytes > limit) {
    throw new MatchInputError([{ path, code: "too-large", message: `${what} needs about ${formatBytes(bytes)}, more than the memory limit of ${formatBytes(limit)}; ${advice}` }]);
  }
}

/**
 * Reads an options argument: `undefined` is `{}`; anything but a plain object (null, an array, a
 * number) is an `invalid-options` error at `path`.
 */
export function readOptions<T extends object>(options: unknown, path: string): Partial<T> {
  if (options === undefined) return {};
  if (options === null || typeof options !== "object" || Array.isArray(options)) {
    throw new MatchInputError([{ path: [path], code: "invalid-options", message: `${path} must be an object, got ${describeValue(options)}` }]);
  }
  return options;
}

/** Short description of a value for messages: `null`, `an array`, `"text"`, `NaN`. */
export function describeValue(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  if (typeof v === "string") return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (typeof v === "object") return "an object";
  if (typeof v === "function") return "a function";
  if (typeof v === "symbol") return "a symbol";
  return typeof v === "number" || typeof v === "bigint" || typeof v === "boolean" ? String(v) : "undefined";
}

/** Collects option issues: each check returns the value (or the default) and records a problem. */
export class OptionReader {
  readonly issues: MatchIssue[] = [];
  constructor(private readonly prefix: (string | number)[]) {}

  private bad(key: string, expected: string, got: unknown): void {
    this.issues.push({ path: [...this.prefix, key], code: "invalid-option", message: `${key} must be ${expected}, got ${describeValue(got)}` });
  }

  /** A number in [min, max] (integer when `integer`); `undefined` gives `dflt`. */
  number(o: Record<string, unknown>, key: string, dflt: number, min: number, max: number, integer = false): number {
    const v = o[key];
    if (v === undefined) return dflt;
    if (typeof v !== "number" || Number.isNaN(v) || v < min || v > max || (integer && !Number.isInteger(v))) {
      this.bad(key, `${integer ? "an integer" : "a number"} in [${min}, ${max}]`, v);
      return dflt;
    }
    return v;
  }

  boolean(o: Record<string, unknown>, key: string, dflt: boolean): boolean {
    const v = o[key];
    if (v === undefined) return dflt;
    if (typeof v !== "boolean") {
      this.bad(key, "true or false", v);
      return dflt;
    }
    return v;
  }

  oneOf<V extends string | boolean>(o: Record<string, unknown>, key: string, dflt: V, allowed: readonly V[]): V {
    const v = o[key];
    if (v === undefined) return dflt;
    if (!allowed.includes(v as V)) {
      this.bad(key, `one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}`, v);
      return dflt;
    }
    return v as V;
  }

  /** An AbortSignal (duck-typed, so signals from other realms pass) or `undefined`. */
  signal(o: Record<string, unknown>, key: string): AbortSignal | undefined {
    const v = o[key];
    if (v === undefined) return undefined;
    if (!isAbortSignal(v)) {
      this.bad(key, "an AbortSignal", v);
      return undefined;
    }
    return v;
  }

  func<F>(o: Record<string, unknown>, key: string): F | undefined {
    const v = o[key];
    if (v === undefined) return undefined;
    if (typeof v !== "function") {
      this.bad(key, "a function", v);
      return undefined;
    }
    return v as F;
  }

  /** Throws every collected issue at once. */
  done(): void {
    if (this.issues.length > 0) throw new MatchInputError(this.issues);
  }
}

/** True for an `AbortSignal` of any realm: `aborted` is a boolean and listeners can be added. */
export function isAbortSignal(v: unknown): v is AbortSignal {
  return (
    v !== null && typeof v === "object" &&
    typeof (v as AbortSignal).aborted === "boolean" &&
    typeof (v as AbortSignal).addEventListener === "function" &&
    typeof (v as AbortSignal).removeEventListener === "function" &&
    typeof (v as AbortSignal).throwIfAborted === "function"
  );
}

/**
 * Reads an array of numbers a caller passes back to a checker (`rowToCol`, `mate`, …): an array
 * or typed array whose entries are all numbers. Whether they are valid indices is the checker's
 * finding, not an input error.
 */
export function readNumberArray(value: unknown, path: (string | number)[]): ArrayLike<number> {
  const ok = Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));
  if (!ok) throw new MatchInputError([{ path, code: "type", message: `expected an array of numbers, got ${describeValue(value)}` }]);
  const a = value as ArrayLike<unknown>;
  for (let k = 0; k < a.length; k++) {
    if (typeof a[k] !== "number") throw new MatchInputError([{ path: [...path, k], code: "type", message: `expected a number, got ${describeValue(a[k])}` }]);
  }
  return a as ArrayLike<number>;
}
