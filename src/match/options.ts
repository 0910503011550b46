import type { MatchIssue } from "../errors.js";
import { isCriterionModule, type CustomCriterion, type ExtraCriterion } from "../criteria/index.js";
import { OptionReader, defaultMemoryLimit, describeValue, readOptions } from "../guard.js";
import { REASON_CODES, type ReasonMessages } from "../score/index.js";
import { readHighsOption, type HighsOption } from "../solvers/constraint/highs-loader.js";
import type { MatchOptions } from "./types.js";

/** {@link MatchOptions} checked and with defaults applied. */
export interface ResolvedMatchOptions {
  onProgress: MatchOptions["onProgress"];
  signal: AbortSignal | undefined;
  criteria: ExtraCriterion[];
  memoryLimit: number;
  messages: ReasonMessages | undefined;
  highs: HighsOption | undefined;
  threads: number;
  workerUrl: string | URL | undefined;
}

/**
 * Validates the options of `match()` (and `rematch`) once at the boundary: an object or
 * undefined; `onProgress` a function; `signal` an AbortSignal; `criteria` an array of
 * `{ name, score, weight?, explain? }`; `memoryLimit` a positive number of bytes; `messages` an
 * object from reason codes to functions; `highs` false, a loader or `{ load?, locateFile? }`;
 * `threads` an integer from 1 to 256; `workerUrl` a string or a URL.
 * Unknown keys are left alone. Every problem is reported at once.
 * @throws MatchInputError with codes `invalid-options`, `invalid-option`, `invalid-custom-criterion`.
 */
export function resolveMatchOptions(options: unknown): ResolvedMatchOptions {
  const o = readOptions<Record<string, unknown>>(options, "options") as Record<string, unknown>;
  const read = new OptionReader(["options"]);
  const onProgress = read.func<MatchOptions["onProgress"]>(o, "onProgress");
  const signal = read.signal(o, "signal");
  const memoryLimit = read.number(o, "memoryLimit", defaultMemoryLimit(), 1, Number.MAX_SAFE_INTEGER);
  const criteria = readCriteria(o["criteria"], read.issues);
  const messages = readMessages(o["messages"], read.issues);
  const highs = readHighsOption(o["highs"], read);
  const threads = read.number(o, "threads", 1, 1, 256, true);
  const workerUrl = o["workerUrl"];
  if (workerUrl !== undefined && typeof workerUrl !== "string" && !(workerUrl instanceof URL)) {
    read.issues.push({ path: ["options", "workerUrl"], code: "invalid-option", message: `workerUrl must be a string or a URL, got ${describeValue(workerUrl)}` });
  }
  read.done();
  return { onProgress, signal, criteria, memoryLimit, messages, highs, threads, workerUrl: workerUrl as string | URL | undefined };
}

const REASON_CODE_SET: ReadonlySet<string> = new Set(REASON_CODES);

/** A message catalogue: an object whose keys are reason codes and whose values are functions. */
export function readMessages(value: unknown, issues: MatchIssue[]): ReasonMessages | undefined {
  if (value === undefined) return undefined;
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    issues.push({ path: ["options", "messages"], code: "invalid-option", message: `messages must be an object from reason codes to functions, got ${describeValue(value)}` });
    return undefined;
  }
  for (const [code, render] of Object.entries(value)) {
    if (!REASON_CODE_SET.has(code)) issues.push({ path: ["options", "messages", code], code: "unknown-reason-code", message: `${JSON.stringify(code)} is not a reason code (see REASON_CODES)` });
    else if (typeof render !== "function") issues.push({ path: ["options", "messages", code], code: "invalid-option", message: `the message for ${JSON.stringify(code)} must be a function (params) => string, got ${describeValue(render)}` });
  }
  return value;
}

function readCriteria(value: unknown, issues: MatchIssue[]): ExtraCriterion[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    issues.push({ path: ["options", "criteria"], code: "invalid-option", message: `criteria must be an array of custom criteria, got ${describeValue(value)}` });
    return [];
  }
  const out: ExtraCriterion[] = [];
  for (let k = 0; k < value.length; k++) {
    const c = value[k] as Partial<CustomCriterion> | null | undefined;
    const at = ["options", "criteria", k];
    if (isCriterionModule(c)) {
      if (c.name === "" || c.name.length > 200) issues.push({ path: [...at, "name"], code: "invalid-custom-criterion", message: `name must be a non-empty string of at most 200 characters, got ${describeValue(c.name)}` });
      out.push(c);
      continue;
    }
    if (c === null || typeof c !== "object") {
      issues.push({ path: at, code: "invalid-custom-criterion", message: `a custom criterion is { name, score(mentee, mentor), weight?, explain? }, got ${describeValue(c)}` });
      continue;
    }
    if (typeof c.name !== "string" || c.name === "" || c.name.length > 200) issues.push({ path: [...at, "name"], code: "invalid-custom-criterion", message: `name must be a non-empty string of at most 200 characters, got ${describeValue(c.name)}` });
    if (typeof c.score !== "function") issues.push({ path: [...at, "score"], code: "invalid-custom-criterion", message: `score must be a function (mentee, mentor) => number | null, got ${describeValue(c.score)}` });
    if (c.explain !== undefined && typeof c.explain !== "function") issues.push({ path: [...at, "explain"], code: "invalid-custom-criterion", message: `explain must be a function, got ${describeValue(c.explain)}` });
    if (c.weight !== undefined && (typeof c.weight !== "number" || !Number.isFinite(c.weight) || c.weight < 0)) issues.push({ path: [...at, "weight"], code: "invalid-custom-criterion", message: `weight must be a finite non-negative number, got ${describeValue(c.weight)}` });
    out.push(c as CustomCriterion);
  }
  return out;
}
