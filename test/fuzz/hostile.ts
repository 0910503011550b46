// Shared pieces of the hostile-input fuzz tests (issue 14, "Done when"): arbitraries for random,
// near-valid and extreme values, and a runner that accepts a result or a MatchInputError only.
import fc from "fast-check";
import * as mm from "../../src/index.js";
import { MatchInputError } from "../../src/index.js";

/** Fails unless `err` is a well-formed MatchInputError (issues with path, code and message). */
export function checkInputError(label: string, err: unknown): void {
  if (!(err instanceof MatchInputError)) {
    const e = err as Error | undefined;
    throw new Error(`${label} threw ${e?.name ?? typeof err} instead of MatchInputError: ${String(e?.message ?? err).slice(0, 300)}\n${e?.stack ?? ""}`);
  }
  if (!Array.isArray(err.issues) || err.issues.length === 0) throw new Error(`${label}: MatchInputError without issues`);
  for (const issue of err.issues) {
    const ok = Array.isArray(issue.path) && issue.path.every((p) => typeof p === "string" || typeof p === "number") &&
      typeof issue.code === "string" && issue.code.length > 0 && typeof issue.message === "string" && issue.message.length > 0;
    if (!ok) throw new Error(`${label}: malformed issue ${JSON.stringify(issue)}`);
  }
}

/** Fails when anything was added to Object.prototype or Array.prototype. */
export function checkPrototypes(label: string): void {
  const added = [...Object.getOwnPropertyNames(Object.prototype), ...Object.getOwnPropertyNames(Array.prototype)].filter((k) => !PRISTINE.has(k));
  if (added.length > 0 || ({} as Record<string, unknown>)["polluted"] !== undefined) {
    for (const k of added) {
      delete (Object.prototype as Record<string, unknown>)[k];
      delete (Array.prototype as unknown as Record<string, unknown>)[k];
    }
    throw new Error(`${label} polluted a prototype: ${added.join(", ") || "polluted"}`);
  }
}
const PRISTINE = new Set([...Object.getOwnPropertyNames(Object.prototype), ...Object.getOwnPropertyNames(Array.prototype)]);

/**
 * Runs `call` and accepts only a result or a MatchInputError; a call slower than `timeoutMs`
 * fails too (a synchronous hang is caught by the test timeout, a slow one here).
 */
export async function expectClean(label: string, call: () => unknown, timeoutMs: number): Promise<"ok" | "refused"> {
  const t0 = performance.now();
  let outcome: "ok" | "refused" = "ok";
  try {
    await call();
  } catch (err) {
    checkInputError(label, err);
    outcome = "refused";
  }
  const ms = performance.now() - t0;
  if (ms > timeoutMs) throw new Error(`${label} took ${Math.round(ms)} ms (limit ${timeoutMs} ms)`);
  checkPrototypes(label);
  return outcome;
}

/** Deeply nested arrays and objects (deeper than any schema walks). */
function deep(depth: number, kind: "array" | "object"): unknown {
  let v: unknown = 1;
  for (let k = 0; k < depth; k++) v = kind === "array" ? [v] : { a: v };
  return v;
}

/** Values that have broken parsers before: extremes, wrong types, holes, pollution keys. */
export const extreme: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null, undefined, Number.NaN, Infinity, -Infinity, -0, 0, -1, 0.5, 1e308, -1e308, 2 ** 31, 2 ** 32, 2 ** 53, 1e9, 1e15,
    Number.MIN_VALUE, Number.EPSILON, "", " ", "NaN", "1e1", "0x10", "__proto__", "constructor", "prototype", "\u0000", "\uFEFF", "\u001b[31m",
    true, false, [], {}, [null], [undefined], [Number.NaN], [[]], [{}],
  ),
  fc.constant(null).map(() => Object.create(null) as unknown),
  fc.constant(null).map(() => JSON.parse('{"__proto__": {"polluted": "yes"}}') as unknown),
  fc.constant(null).map(() => JSON.parse('{"constructor": {"prototype": {"polluted": "yes"}}}') as unknown),
  fc.constant(null).map(() => [, 1, , 2] as unknown), // eslint-disable-line no-sparse-arrays
  fc.constant(null).map(() => new Array(5) as unknown),
  fc.constant(null).map(() => "x".repeat(100_000) as unknown),
  fc.constant(null).map(() => deep(5_000, "array")),
  fc.constant(null).map(() => deep(5_000, "object")),
  fc.constant(null).map(() => new Float64Array([Number.NaN, 1]) as unknown),
  fc.constant(null).map(() => new Number(3) as unknown),
  fc.constant(null).map(() => Symbol("s") as unknown),
  fc.constant(null).map(() => 10n),
  fc.constant(null).map(() => (() => 1)),
  fc.double(),
  fc.integer(),
  fc.string({ maxLength: 20 }),
);

/** Anything JSON-ish fast-check makes, with null prototypes, holes, boxed values and typed arrays. */
export const anything: fc.Arbitrary<unknown> = fc.anything({
  maxDepth: 3, maxKeys: 5, withNullPrototype: true, withSparseArray: true, withBoxedValues: true, withTypedArray: true, withBigInt: true, withDate: true,
});

/** A hostile value: mostly extreme, sometimes anything. */
export const hostile: fc.Arbitrary<unknown> = fc.oneof({ weight: 3, arbitrary: extreme }, { weight: 1, arbitrary: anything });

/** Every path (key list) into a JSON-ish tree, root excluded. */
function pathsOf(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (value === null || typeof value !== "object" || prefix.length >= 12) return out;
  const proto = Object.getPrototypeOf(value);
  if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) return out;
  const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  for (const k of keys) {
    const path = [...prefix, k];
    out.push(path);
    pathsOf((value as Record<string | number, unknown>)[k], path, out);
  }
  return out;
}

/** A copy of `value` with each `[pick, replacement]` applied at a path chosen by `pick`. */
export function corrupt(value: unknown, edits: ReadonlyArray<readonly [number, unknown]>): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  for (const [pick, replacement] of edits) {
    const paths = pathsOf(copy);
    if (paths.length === 0) break;
    const path = paths[pick % paths.length]!;
    let node = copy;
    for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
    const last = path[path.length - 1]!;
    if (node === null || typeof node !== "object") continue;
    // A replacement of undefined deletes the key (a missing field), otherwise it is set as data.
    if (replacement === undefined && !Array.isArray(node)) delete node[last];
    else Object.defineProperty(node, last, { value: replacement, enumerable: true, writable: true, configurable: true });
  }
  return copy;
}

/** A small generated cohort (2–8 mentees, 1–4 mentors) of any format, as plain JSON. */
export const smallCohort: fc.Arbitrary<unknown> = fc
  .record({ seed: fc.integer({ min: 0, max: 1000 }), mentees: fc.integer({ min: 2, max: 8 }), mentors: fc.integer({ min: 1, max: 4 }), format: fc.constantFrom(...mm.FORMATS) })
  .map((o) => JSON.parse(JSON.stringify(mm.generateCohort(o))) as unknown);

/** A small cohort with 1–3 fields replaced by hostile values (or deleted). */
export const nearValidCohort: fc.Arbitrary<unknown> = fc
  .tuple(smallCohort, fc.array(fc.tuple(fc.nat(), hostile), { minLength: 1, maxLength: 3 }))
  .map(([cohort, edits]) => corrupt(cohort, edits));

/** Numbers as solvers see them: mostly finite, sometimes NaN, ±Infinity or not a number. */
export const numberish: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -5, max: 20 }) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(Infinity, -Infinity) },
  { weight: 1, arbitrary: extreme },
);

/** A near-valid dense matrix (0–4 × 0–4) with hostile entries, or a hostile value. */
export const matrixish: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 4 }).chain((cols) => fc.array(fc.array(numberish, { minLength: cols, maxLength: cols }), { maxLength: 4 })) },
  { weight: 1, arbitrary: fc.record({ rows: numberish, cols: numberish, data: fc.oneof(fc.array(numberish, { maxLength: 16 }), hostile) }) },
  { weight: 1, arbitrary: fc.record({ rows: numberish, columns: numberish, to1DArray: fc.constant(() => [1, 2]) }) },
  { weight: 1, arbitrary: hostile },
);

/** A list of small counts, with hostile entries. */
export const countsish: fc.Arbitrary<unknown> = fc.oneof({ weight: 3, arbitrary: fc.array(numberish, { maxLength: 5 }) }, { weight: 1, arbitrary: hostile });

/** An options object whose fields are sometimes hostile, or a hostile value. */
export function optionsish(fields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<unknown> {
  const record = fc.record(Object.fromEntries(Object.entries(fields).map(([k, a]) => [k, fc.oneof({ weight: 3, arbitrary: a }, { weight: 1, arbitrary: hostile })])), { requiredKeys: [] });
  return fc.oneof({ weight: 1, arbitrary: fc.constant(undefined) }, { weight: 4, arbitrary: record }, { weight: 1, arbitrary: hostile });
}

/** Ranked lists (for stable matching) over small index ranges, with hostile entries. */
export const prefsish: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.array(fc.oneof({ weight: 5, arbitrary: fc.integer({ min: -1, max: 4 }) }, { weight: 1, arbitrary: extreme }), { maxLength: 5 }), { maxLength: 5 }) },
  { weight: 1, arbitrary: hostile },
);

/** Edges `[u, v, w]` on up to 6 vertices, with hostile entries. */
export const edgesish: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.oneof({ weight: 5, arbitrary: fc.tuple(fc.integer({ min: -1, max: 6 }), fc.integer({ min: -1, max: 6 }), numberish) }, { weight: 1, arbitrary: hostile }), { maxLength: 10 }) },
  { weight: 1, arbitrary: hostile },
);

/** Mostly `n` small counts (a valid per-row or per-col list), sometimes anything list-like. */
function countsOf(n: number, max = 3): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 4, arbitrary: fc.array(fc.integer({ min: 0, max }), { minLength: n, maxLength: n }) }, { weight: 1, arbitrary: countsish });
}

/** Mostly a valid `rows × cols` matrix of finite scores (forbidden pairs allowed), sometimes hostile. */
function coherentMatrix(rows: number, cols: number, forbidden: number): fc.Arbitrary<unknown> {
  const entry = fc.oneof({ weight: 8, arbitrary: fc.integer({ min: -5, max: 20 }) }, { weight: 1, arbitrary: fc.constant(forbidden) }, { weight: 1, arbitrary: numberish });
  return fc.oneof({ weight: 4, arbitrary: fc.array(fc.array(entry, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }) }, { weight: 1, arbitrary: matrixish });
}

/** solveBMatching arguments that are mostly valid: a matrix with one capacity per row and column. */
export const bMatchingArgs: fc.Arbitrary<unknown[]> = fc
  .tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 }), fc.boolean())
  .chain(([rows, cols, maximize]) =>
    fc.tuple(coherentMatrix(rows, cols, maximize ? -Infinity : Infinity), fc.oneof({ weight: 4, arbitrary: fc.record({ rowCapacity: countsOf(rows), colCapacity: countsOf(cols), maximize: fc.oneof({ weight: 4, arbitrary: fc.constant(maximize) }, { weight: 1, arbitrary: hostile }) }) }, { weight: 1, arbitrary: hostile })),
  );

/** solveCapacitatedAssignment arguments that are mostly valid: a matrix and one capacity (and minimum) per column. */
export const capacitatedArgs: fc.Arbitrary<[unknown, unknown]> = fc
  .tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 }), fc.boolean())
  .chain(([rows, cols, maximize]) =>
    fc.tuple(coherentMatrix(rows, cols, maximize ? -Infinity : Infinity), fc.oneof({ weight: 4, arbitrary: fc.record({ capacity: countsOf(cols, 3), minimum: fc.oneof(fc.constant(undefined), countsOf(cols, 1)), maximize: fc.oneof({ weight: 4, arbitrary: fc.constant(maximize) }, { weight: 1, arbitrary: hostile }) }, { requiredKeys: ["capacity"] }) }, { weight: 1, arbitrary: hostile })),
  );

/** A near-valid constraint model (≤ 4 × 4) with hostile fields. */
export const modelish: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 })).chain(([rows, cols]) =>
      fc.record(
        {
          rows: fc.oneof({ weight: 5, arbitrary: fc.constant(rows) }, { weight: 1, arbitrary: numberish }),
          cols: fc.oneof({ weight: 5, arbitrary: fc.constant(cols) }, { weight: 1, arbitrary: numberish }),
          score: fc.oneof({ weight: 5, arbitrary: fc.array(fc.oneof({ weight: 8, arbitrary: fc.integer({ min: -5, max: 20 }) }, { weight: 1, arbitrary: fc.constant(-Infinity) }, { weight: 1, arbitrary: numberish }), { minLength: rows * cols, maxLength: rows * cols }) }, { weight: 1, arbitrary: hostile }),
          colUpper: countsOf(cols, 4),
          colLower: countsOf(cols, 2),
          rowMustAssign: fc.oneof(fc.boolean(), countsOf(rows, 1)),
          colOptional: fc.oneof(fc.boolean(), countsOf(cols, 1)),
          locked: fc.oneof({ weight: 3, arbitrary: fc.array(fc.tuple(fc.integer({ min: 0, max: Math.max(0, rows - 1) }), fc.integer({ min: 0, max: Math.max(0, cols - 1) })), { maxLength: 2 }) }, { weight: 1, arbitrary: fc.array(fc.tuple(numberish, numberish), { maxLength: 3 }) }, { weight: 1, arbitrary: hostile }),
          cohesion: fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.record({ pairs: countsish, weight: countsish }) }, { weight: 1, arbitrary: hostile }),
          constraints: fc.oneof(
            { weight: 3, arbitrary: fc.constant(undefined) },
            { weight: 2, arbitrary: fc.array(fc.record({ name: fc.constant("c"), sense: fc.constantFrom("<=", ">=", "="), rhs: fc.integer({ min: 0, max: 3 }), perCol: fc.boolean() }), { maxLength: 2 }) },
            fc.array(fc.record({ name: fc.oneof(fc.string(), hostile), sense: fc.constantFrom<unknown>("<=", ">=", "=", "≤", null), rhs: numberish, rows: countsish, cols: countsish, perCol: fc.oneof(fc.boolean(), hostile), hard: fc.oneof(fc.boolean(), hostile), penalty: numberish }, { requiredKeys: ["name", "sense", "rhs"] }), { maxLength: 2 }),
            hostile,
          ),
          commonSlot: fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, fc.record({ rowSlots: fc.oneof(fc.array(countsish, { maxLength: 4 }), hostile), colSlots: fc.oneof(fc.array(countsish, { maxLength: 4 }), hostile) }), hostile),
        },
        { requiredKeys: ["rows", "cols", "score"] },
      ),
    ),
  },
  { weight: 1, arbitrary: hostile },
);

/** Options of solveConstrained that keep valid runs short (a hostile value is refused first). */
export const constrainedOptionsish = optionsish({
  engine: fc.constantFrom<unknown>("auto", "exact", "local", "quantum"),
  seed: numberish,
  timeLimitMs: fc.constantFrom<unknown>(200, 500),
  maxIterations: fc.constantFrom<unknown>(100, 2000),
  mipGap: fc.constantFrom<unknown>(0, 1e-6, 0.5),
  lpBound: fc.constantFrom<unknown>(true, false, "auto"),
}).map((o) => (o !== null && typeof o === "object" && !Array.isArray(o) && !("timeLimitMs" in o) ? { ...o, timeLimitMs: 500 } : o));

/** CSV text: random strings, and header + rows built from CSV's hard parts. */
export const csvish: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 200 }) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.shuffledSubarray(mm.CSV_COLUMNS as unknown as string[], { minLength: 1, maxLength: 8 }),
        fc.array(fc.array(fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('"', '""', '"a"b', "\n", "\r\n", ",", "\uFEFF", "0x10", "1e1", "NaN", "-1", "mon 09:00-10:00", "__proto__", "x;y")), { maxLength: 8 }), { maxLength: 5 }),
        fc.constantFrom("\n", "\r\n", "\r"),
        fc.boolean(),
      )
      .map(([header, rows, eol, bom]) => (bom ? "\uFEFF" : "") + [header.join(","), ...rows.map((r) => r.join(","))].join(eol)),
  },
  { weight: 1, arbitrary: hostile },
);

/** The match() options a caller may get wrong. */
export const matchOptionsish = optionsish({
  signal: fc.constant(null).map(() => new AbortController().signal as unknown),
  onProgress: fc.constant(() => undefined),
  memoryLimit: fc.constantFrom<unknown>(1e9, 1, 1e3),
  criteria: fc.oneof(
    fc.constant([{ name: "tenure", weight: 0.2, score: () => 0.5 }] as unknown),
    fc.array(fc.record({ name: fc.oneof(fc.string(), hostile), weight: numberish, score: fc.oneof(fc.constant(() => 0.5), fc.constant(() => Number.NaN), hostile) }), { maxLength: 2 }),
  ),
});

/** One public function under fuzz: how to make its arguments and how to call it. */
export interface Target {
  name: string;
  args: fc.Arbitrary<unknown[]>;
  call: (...args: unknown[]) => unknown;
}

const fn = <F extends (...a: never[]) => unknown>(f: F) => f as unknown as (...args: unknown[]) => unknown;

/** Every exported entry point that takes caller data, with argument arbitraries. */
export function targets(cohorts: fc.Arbitrary<unknown>): Target[] {
  const maximize = optionsish({ maximize: fc.boolean() });
  return [
    { name: "parseCohort", args: fc.tuple(fc.oneof(cohorts, hostile), optionsish({ customCriteria: fc.array(fc.string(), { maxLength: 2 }) })), call: fn(mm.parseCohort) },
    { name: "match", args: fc.tuple(fc.oneof({ weight: 4, arbitrary: cohorts }, { weight: 1, arbitrary: hostile }), matchOptionsish), call: fn(mm.match) },
    { name: "scoreMatrix", args: fc.tuple(cohorts, optionsish({ side: fc.constantFrom<unknown>("auto", "peer", "x"), perCriterion: fc.boolean() })), call: fn(mm.scoreMatrix) },
    { name: "generateCohort", args: fc.tuple(optionsish({ mentees: fc.integer({ min: 0, max: 6 }), mentors: fc.integer({ min: 0, max: 3 }), seed: numberish, format: fc.constantFrom<unknown>(...mm.FORMATS, "x"), bothShare: numberish })), call: fn(mm.generateCohort) },
    { name: "solveAssignment", args: fc.tuple(matrixish, maximize), call: fn(mm.solveAssignment) },
    { name: "verifyAssignment", args: fc.tuple(matrixish, optionsish({ rowToCol: countsish, colToRow: countsish, total: numberish }), maximize), call: fn(mm.verifyAssignment) },
    { name: "solveCapacitatedAssignment", args: capacitatedArgs, call: fn(mm.solveCapacitatedAssignment) },
    { name: "verifyCapacitatedAssignment", args: fc.tuple(capacitatedArgs, optionsish({ rowToCol: countsish, load: countsish, total: numberish })).map(([[cost, options], result]) => [cost, options, result]), call: fn(mm.verifyCapacitatedAssignment) },
    { name: "solveBMatching", args: bMatchingArgs, call: fn(mm.solveBMatching) },
    { name: "maxWeightMatching", args: fc.tuple(fc.oneof(fc.integer({ min: 0, max: 6 }), numberish), edgesish, optionsish({ maxCardinality: fc.boolean() })), call: fn(mm.maxWeightMatching) },
    { name: "verifyMatching", args: fc.tuple(fc.oneof(fc.integer({ min: 0, max: 6 }), numberish), edgesish, countsish), call: fn(mm.verifyMatching) },
    { name: "stableMatching", args: fc.tuple(prefsish, prefsish, optionsish({ capacities: countsish })), call: fn(mm.stableMatching) },
    { name: "blockingPairs", args: fc.tuple(prefsish, prefsish, countsish, fc.oneof(fc.constant(undefined), countsish)), call: fn(mm.blockingPairs) },
    { name: "colorBipartiteEdges", args: fc.tuple(numberish, numberish, fc.oneof(fc.array(fc.oneof(fc.tuple(fc.integer({ min: -1, max: 4 }), fc.integer({ min: -1, max: 4 })), hostile), { maxLength: 8 }), hostile)), call: fn(mm.colorBipartiteEdges) },
    { name: "solveConstrained", args: fc.tuple(modelish, constrainedOptionsish), call: fn(mm.solveConstrained) },
    {
      name: "evaluateConstrained",
      // Mostly an all-unassigned rowToCol of the model's own length, so valid models are evaluated.
      args: fc.tuple(modelish, fc.oneof({ weight: 2, arbitrary: fc.constant("unassigned") }, { weight: 1, arbitrary: countsish })).map(([model, a]) => {
        const rows = (model as { rows?: unknown } | null)?.rows;
        return [model, a === "unassigned" ? new Array(typeof rows === "number" && Number.isInteger(rows) && rows >= 0 && rows <= 100 ? rows : 0).fill(-1) : a];
      }),
      call: fn(mm.evaluateConstrained),
    },
    { name: "toDenseCost", args: fc.tuple(matrixish), call: fn(mm.toDenseCost) },
    { name: "parseParticipantsCsv", args: fc.tuple(csvish), call: fn(mm.parseParticipantsCsv) },
  ];
}

/** Exports that take no caller data worth fuzzing, or start worker threads. */
const NOT_FUZZED = new Set(["matchInWorker"]);

/** Every exported function (classes excluded), for the catch-all pass with anything() arguments. */
export const everyExport: Array<[string, (...args: unknown[]) => unknown]> = Object.entries(mm)
  .filter(([name, value]) => typeof value === "function" && !/^[A-Z]/.test(name) && !NOT_FUZZED.has(name))
  .map(([name, value]) => [name, value as (...args: unknown[]) => unknown]);

/** Arguments for the catch-all pass: anything, extremes, small cohorts and plausible ids. */
export const anyArgs: fc.Arbitrary<unknown[]> = fc.array(
  fc.oneof({ weight: 3, arbitrary: anything }, { weight: 3, arbitrary: hostile }, { weight: 1, arbitrary: smallCohort }, { weight: 1, arbitrary: fc.constantFrom<unknown>("mentee-001", "mentor-001") }),
  { maxLength: 4 },
);
