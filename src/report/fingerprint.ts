import { runSteps, type Steps } from "../steps.js";
import type { Cohort } from "../model/cohort.js";
import { MatchInputError } from "../errors.js";

/**
 * Version of the result format: a result carries it in `version`, and `rematch` / `explainWhyNot`
 * refuse a stored result of a version they do not read. Raised when a stored result would no
 * longer be read the same way.
 * @remarks Since 0.2.0
 */
export const RESULT_VERSION = 1;

/**
 * FNV-1a, 64-bit, over the UTF-16 code units of `text` (each unit taken as one 16-bit "byte"),
 * as 16 hex digits. The 64-bit product is carried in two 32-bit halves: with prime
 * `P = 2⁴⁰ + 435`, `(hi·2³² + lo)·P ≡ lo·435 + 2³²·(hi·435 + lo·2⁸) (mod 2⁶⁴)`.
 * Reference: G. Fowler, L. C. Noll, K.-P. Vo, D. Eastlake, "The FNV Non-Cryptographic Hash
 * Algorithm", IETF draft-eastlake-fnv (2019).
 */
export function fnv1a64(text: string): string {
  return new Fnv1a64().update(text).digest();
}

/** {@link fnv1a64} fed in pieces: hashing "ab" then "c" equals hashing "abc". */
class Fnv1a64 {
  // Offset basis 0xcbf29ce484222325.
  private hi = 0xcbf29ce4;
  private lo = 0x84222325;
  update(text: string): this {
    let hi = this.hi, lo = this.lo;
    for (let k = 0; k < text.length; k++) {
      lo = (lo ^ text.charCodeAt(k)) >>> 0;
      const low = lo * 435;
      const carry = Math.floor(low / 0x100000000);
      hi = (hi * 435 + ((lo << 8) >>> 0) + carry) >>> 0;
      lo = low >>> 0;
    }
    this.hi = hi;
    this.lo = lo;
    return this;
  }
  digest(): string {
    return this.hi.toString(16).padStart(8, "0") + this.lo.toString(16).padStart(8, "0");
  }
}

/**
 * JSON with object keys in sorted order and `undefined` members left out, so equal data gives
 * equal text whatever order its keys were written in. Arrays keep their order.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? "null" : canonicalJson(v))).join(",")}]`;
  const keys = Object.keys(value).sort();
  const parts: string[] = [];
  for (const k of keys) {
    const v = (value as Record<string, unknown>)[k];
    if (v === undefined || typeof v === "function") continue;
    parts.push(`${JSON.stringify(k)}:${canonicalJson(v)}`);
  }
  return `{${parts.join(",")}}`;
}

/**
 * Fingerprint of a parsed cohort: `fnv1a64:` and the hash of its canonical JSON, participants
 * ordered by id. The same people and programme give the same fingerprint whatever order the
 * participants or the keys were written in, and whether defaults were written out or not (the
 * cohort is hashed after parsing). Not a cryptographic hash: it tells a stored result's cohort
 * from another, it does not authenticate it.
 * @remarks Since 0.2.0
 */
export function cohortFingerprint(cohort: Cohort): string {
  const c = cohort as unknown as { participants?: unknown; program?: unknown } | null;
  if (c === null || typeof c !== "object" || !Array.isArray(c.participants) || !c.participants.every((p) => p !== null && typeof p === "object" && typeof (p as { id?: unknown }).id === "string")) {
    throw new MatchInputError([{ path: ["cohort"], code: "invalid-type", message: "expected a cohort { participants: [{ id, … }], program }" }]);
  }
  return runSteps(cohortFingerprintSteps(cohort));
}

/**
 * {@link cohortFingerprint} as a resumable computation (see `src/steps.ts`): the canonical JSON
 * `{"participants":[…],"program":…}` is hashed participant by participant, with a checkpoint
 * every 128 of them, so `match()` never hashes a large cohort in one blocking call.
 * @internal
 */
export function* cohortFingerprintSteps(cohort: Cohort): Steps<string> {
  const participants = [...cohort.participants].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const hash = new Fnv1a64().update('{"participants":[');
  for (let k = 0; k < participants.length; k++) {
    if (k > 0) hash.update(",");
    hash.update(canonicalJson(participants[k]));
    if (k % 128 === 127) yield;
  }
  hash.update('],"program":').update(canonicalJson(cohort.program)).update("}");
  return `fnv1a64:${hash.digest()}`;
}
