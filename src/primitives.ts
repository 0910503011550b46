import * as z from "zod";

/** Days of the week, in the order a weekly grid uses them (Monday first, ISO 8601). */
export const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
/** A day of the week: `mon` … `sun`. */
export type Day = (typeof DAYS)[number];

/** Meeting modes a participant accepts. */
export const MODES = ["in-person", "virtual", "hybrid"] as const;
/** A meeting mode: `in-person`, `virtual` or `hybrid`. */
export type Mode = (typeof MODES)[number];

const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;

/** Minutes after midnight of an `HH:MM` string already validated by {@link timeOfDay}. */
export function minutesOfDay(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

/** A time of day `HH:MM` (00:00–24:00; 24:00 means the end of the day). */
export const timeOfDay = z
  .string()
  .refine((s) => TIME_RE.test(s), {
    error: (iss) => `${JSON.stringify(String(iss.input).slice(0, 40))} is not a time of day (HH:MM, 00:00–24:00)`,
    params: { code: "invalid-time" },
  })
  .meta({ pattern: TIME_RE.source });

/** True when `s` is a valid `HH:MM` time of day. */
export function isTimeOfDay(s: string): boolean {
  return TIME_RE.test(s);
}

const zoneCache = new Map<string, boolean>();

/** True when `Intl` knows the IANA time zone name. */
export function isValidTimeZone(zone: string): boolean {
  const hit = zoneCache.get(zone);
  if (hit !== undefined) return hit;
  let ok = false;
  if (zone.length <= 64) {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: zone });
      ok = true;
    } catch {
      ok = false;
    }
  }
  zoneCache.set(zone, ok);
  return ok;
}

/** An IANA time zone name such as `Europe/London`, checked with `Intl`. */
export const timeZone = z.string().refine(isValidTimeZone, {
  error: (iss) => `${JSON.stringify(String(iss.input).slice(0, 80))} is not an IANA time zone known to Intl`,
  params: { code: "invalid-timezone" },
});

/** A participant id: any non-empty string up to 256 characters (`"__proto__"` included). */
export const id = z.string().min(1, { error: "ids must not be empty" }).max(256, { error: "ids are at most 256 characters" });

/** A short label (tag, department, language, skill name). */
export const label = z.string().min(1).max(200);

/**
 * zod preprocess step that reports an own `__proto__` key (as `JSON.parse` makes) with code
 * `reserved-key` instead of letting zod drop it or take it as the result's prototype.
 */
export function flagReservedKey(v: unknown, ctx: z.core.$RefinementCtx): unknown {
  if (v !== null && typeof v === "object" && !Array.isArray(v) && Object.hasOwn(v, "__proto__")) {
    ctx.addIssue({
      code: "custom",
      message: `"__proto__" cannot be used as a key here; rename it`,
      params: { code: "reserved-key" },
      path: ["__proto__"],
      input: v,
    });
  }
  return v;
}

/**
 * A string-keyed record that refuses the key `__proto__`, which JavaScript objects cannot hold
 * as data (zod would silently drop it). Keys are otherwise arbitrary.
 */
export function safeRecord<V extends z.ZodType>(value: V, maxKeys = 1000) {
  return z.preprocess(
    flagReservedKey,
    z
      .record(label, value)
      .refine((r) => Object.keys(r).length <= maxKeys, { error: `at most ${maxKeys} entries`, params: { code: "too-many-keys" } }),
  );
}
