import * as z from "zod";
import { CELL_MINUTES, GRID_WORDS, MODE_BITS, type SharedEncoding } from "../encode/index.js";
import type { Mode } from "../model/index.js";
import { defineCriterion } from "./contract.js";

const CAN_VIRTUAL = MODE_BITS.virtual | MODE_BITS.hybrid;
const CAN_IN_PERSON = MODE_BITS["in-person"] | MODE_BITS.hybrid;

/**
 * Weekly minutes a pair needs: `minutesPerMeeting × max(1, meetingsPerMonth / 4)` (a month is
 * counted as four weeks; fewer than four meetings a month still need one meeting's time in the
 * weeks they meet).
 * @remarks Since 0.1.0
 */
export function requiredWeeklyMinutes(options: { minutesPerMeeting: number; meetingsPerMonth: number }): number {
  return options.minutesPerMeeting * Math.max(1, options.meetingsPerMonth / 4);
}

/**
 * Shared UTC grid cells of `a` with each of `others` (popcount of the AND of their weekly
 * bitsets; one cell is `CELL_MINUTES` = 30 minutes): `cells[j]`, or −1 when either side gave no
 * slots. One sweep over `others` per non-empty word of `a`'s grid (grids are word-major).
 * @remarks Since 0.1.0
 */
export function overlapCellsRow(enc: SharedEncoding & AvailabilityFeatures, a: number, others: Int32Array, cells: Int32Array): void {
  const m = others.length;
  const { grid, hasSlots, size: n } = enc;
  if (hasSlots[a] === 0) {
    cells.fill(-1, 0, m);
    return;
  }
  cells.fill(0, 0, m);
  for (let w = 0; w < GRID_WORDS; w++) {
    const base = w * n;
    const mine = grid[base + a]!;
    if (mine === 0) continue;
    for (let j = 0; j < m; j++) {
      let x = mine & grid[base + others[j]!]!;
      if (x === 0) continue;
      x = x - ((x >>> 1) & 0x55555555);
      x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
      x = (x + (x >>> 4)) & 0x0f0f0f0f;
      cells[j] = cells[j]! + (Math.imul(x, 0x01010101) >>> 24);
    }
  }
  for (let j = 0; j < m; j++) if (hasSlots[others[j]!] === 0) cells[j] = -1;
}

/**
 * Whether `a` can meet each of `others` in some mode: `fit[j]` = 1 yes, 0 no, −1 unknown (a side
 * gave no modes). Virtual works when both accept virtual or hybrid; in person when both accept
 * in-person or hybrid and their locations are the same (or a location is not given). Hybrid works
 * with either.
 * @remarks Since 0.1.0
 */
export function modeFitRow(enc: SharedEncoding & AvailabilityFeatures, a: number, others: Int32Array, fit: Int32Array): void {
  const m = others.length;
  const { modes, location } = enc;
  const ma = modes[a]!;
  const la = location[a]!;
  if (ma === 0) {
    fit.fill(-1, 0, m);
    return;
  }
  const aVirtual = (ma & CAN_VIRTUAL) !== 0;
  const aInPerson = (ma & CAN_IN_PERSON) !== 0;
  for (let j = 0; j < m; j++) {
    const b = others[j]!;
    const mb = modes[b]!;
    if (mb === 0) fit[j] = -1;
    else if (aVirtual && (mb & CAN_VIRTUAL) !== 0) fit[j] = 1;
    else if (aInPerson && (mb & CAN_IN_PERSON) !== 0) {
      const lb = location[b]!;
      fit[j] = la < 0 || lb < 0 || la === lb ? 1 : 0;
    } else fit[j] = 0;
  }
}

/**
 * The availability criterion from precomputed parts: `overlapCells` (−1 when a side gave no
 * slots) and `modeFit` (from {@link modeFitRow}).
 *
 * Overlap part: `min(1, overlapMinutes / requiredWeeklyMinutes)`. Mode part: 1 when the pair can
 * meet in some mode, else 0. Budget part (when both give `hoursPerMonth`): `min(1, fewer monthly
 * hours × 60 / requiredMonthlyMinutes)` (see {@link budgetRow}). The score is the product of the
 * parts there is data for (no workable mode means no meeting however much time is shared); with
 * none, no data (NaN). Symmetric in the two people.
 *
 * Worked example: 90 shared minutes, 60-minute meetings twice a month (60 min a week needed),
 * both virtual → min(1, 90 / 60) × 1 = 1; 45 shared minutes → 0.75.
 * @remarks Since 0.1.0
 */
export function availabilityScore(overlapCells: number, modeFit: number, requiredMinutes: number, budget = Number.NaN): number {
  let score = Number.NaN;
  if (overlapCells >= 0) score = Math.min(1, (overlapCells * CELL_MINUTES) / requiredMinutes);
  if (modeFit >= 0) score = score === score ? score * modeFit : modeFit;
  if (budget === budget) score = score === score ? score * budget : budget;
  return score;
}

/**
 * Minutes a month a pair needs: `minutesPerMeeting × meetingsPerMonth`.
 * @remarks Since 0.1.0
 */
export function requiredMonthlyMinutes(options: { minutesPerMeeting: number; meetingsPerMonth: number }): number {
  return options.minutesPerMeeting * options.meetingsPerMonth;
}

/**
 * Monthly time budget part of the availability criterion for `a` against each of `others`:
 * `min(1, min(hoursPerMonth of both) × 60 / requiredMonthlyMinutes)`, or NaN when either side
 * gave no `hoursPerMonth` (or the programme needs no monthly time). Symmetric.
 * @remarks Since 0.1.0
 */
export function budgetRow(enc: SharedEncoding & AvailabilityFeatures, a: number, others: Int32Array, requiredMonthly: number, out: Float64Array): void {
  const m = others.length;
  const ha = enc.hoursPerMonth[a]!;
  if (ha !== ha || !(requiredMonthly > 0)) {
    out.fill(Number.NaN, 0, m);
    return;
  }
  for (let j = 0; j < m; j++) {
    const hb = enc.hoursPerMonth[others[j]!]!;
    out[j] = hb !== hb ? Number.NaN : Math.min(1, ((ha < hb ? ha : hb) * 60) / requiredMonthly);
  }
}

/**
 * Evidence for the availability criterion.
 * @remarks Since 0.1.0
 */
export interface AvailabilityEvidence {
  /** Shared minutes a week in UTC, `null` when a side gave no slots. */
  overlapMinutes: number | null;
  /** Weekly minutes the programme needs (see `requiredWeeklyMinutes`). */
  requiredMinutes: number;
  /** The smaller `hoursPerMonth` of the two, `null` when a side gave none. */
  monthlyHours: number | null;
  /** Minutes a month the programme needs (see {@link requiredMonthlyMinutes}). */
  requiredMonthlyMinutes: number;
  /** Whether a meeting mode works, `null` when a side gave no modes. */
  modeCompatible: boolean | null;
  /** Modes both people list. */
  sharedModes: Mode[];
  /** The shared location when both accept in-person meetings there. */
  inPersonAt: string | null;
}

/**
 * Availability evidence for (a, b), or `null` without data.
 * @remarks Since 0.1.0
 */
export function availabilityEvidence(enc: SharedEncoding & AvailabilityFeatures, a: number, b: number, requiredMinutes: number, requiredMonthly = 0): AvailabilityEvidence | null {
  const slots = enc.hasSlots[a] === 1 && enc.hasSlots[b] === 1;
  const pair = Int32Array.of(b);
  const out = new Int32Array(1);
  modeFitRow(enc, a, pair, out);
  const fit = out[0]!;
  const ha = enc.hoursPerMonth[a]!;
  const hb = enc.hoursPerMonth[b]!;
  const monthlyHours = ha === ha && hb === hb && requiredMonthly > 0 ? Math.min(ha, hb) : null;
  if (!slots && fit < 0 && monthlyHours === null) return null;
  overlapCellsRow(enc, a, pair, out);
  const overlapMinutes = slots ? out[0]! * CELL_MINUTES : null;
  const ma = enc.modes[a]!;
  const mb = enc.modes[b]!;
  const sharedModes = (Object.keys(MODE_BITS) as Mode[]).filter((m) => (ma & MODE_BITS[m]) !== 0 && (mb & MODE_BITS[m]) !== 0);
  const la = enc.location[a]!;
  const inPersonAt = (ma & CAN_IN_PERSON) !== 0 && (mb & CAN_IN_PERSON) !== 0 && la >= 0 && la === enc.location[b] ? enc.vocabularies.locations.terms[la]! : null;
  return { overlapMinutes, requiredMinutes, monthlyHours, requiredMonthlyMinutes: requiredMonthly, modeCompatible: fit < 0 ? null : fit === 1, sharedModes, inPersonAt };
}

/**
 * Availability reasons as codes and params, main one first: `shared-hours` ("6 h a week of shared
 * working hours"), `monthly-time`, then the meeting mode (`meet-in-person` "Can meet in person in
 * London", `meet-virtually`, `meet-hybrid`).
 * @remarks Since 0.1.0; codes and params since 0.2.0
 */
export function availabilityReasons(
  ev: AvailabilityEvidence,
): (
  | { code: "shared-hours" | "monthly-time"; params: { minutes: number } }
  | { code: "meet-in-person"; params: { location: string } }
  | { code: "meet-virtually" | "meet-hybrid"; params: Record<string, never> }
)[] {
  const out: ReturnType<typeof availabilityReasons> = [];
  if (ev.overlapMinutes !== null && ev.overlapMinutes > 0) out.push({ code: "shared-hours", params: { minutes: ev.overlapMinutes } });
  if (ev.monthlyHours !== null && ev.monthlyHours * 60 >= ev.requiredMonthlyMinutes) out.push({ code: "monthly-time", params: { minutes: ev.requiredMonthlyMinutes } });
  if (ev.modeCompatible === true) {
    if (ev.inPersonAt !== null && ev.sharedModes.includes("in-person")) out.push({ code: "meet-in-person", params: { location: ev.inPersonAt } });
    else if (ev.sharedModes.includes("virtual")) out.push({ code: "meet-virtually", params: {} });
    else if (ev.sharedModes.includes("hybrid")) out.push({ code: "meet-hybrid", params: {} });
  }
  return out;
}

/**
 * Options of the availability criterion (`program.criteria.availability`). `referenceWeek` and
 * `defaultTimeZone` also shape the shared weekly grids the availability rules read.
 * @remarks Since 0.2.0 (the schema; the options since 0.1.0)
 */
export const availabilityOptionsSchema = z
  .strictObject({
    /** Length of one meeting in minutes. Default 60. */
    minutesPerMeeting: z.number().min(1).max(1440).default(60),
    /**
     * Meetings per month. Default 2. The weekly overlap a pair needs is
     * `minutesPerMeeting × max(1, meetingsPerMonth / 4)` (a month counted as four weeks).
     */
    meetingsPerMonth: z.number().min(0).max(100).default(2),
    /**
     * The Monday (ISO date `YYYY-MM-DD`) of the week at which local slots are converted to UTC.
     * Daylight-saving offsets are those in force during that week, so a programme running in
     * summer can pick a summer week. Default `"2027-01-11"` (northern-hemisphere winter time).
     */
    referenceWeek: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "referenceWeek is an ISO date YYYY-MM-DD" })
      .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s && new Date(`${s}T00:00:00Z`).getUTCDay() === 1, {
        error: (iss) => `${JSON.stringify(String(iss.input).slice(0, 40))} is not a Monday (referenceWeek must be the Monday that starts the week)`,
        params: { code: "invalid-reference-week" },
      })
      .default("2027-01-11"),
    /** IANA time zone assumed for participants who give slots but no `timezone`. Default `"UTC"`. */
    defaultTimeZone: z
      .string()
      .refine(
        (zone) => {
          try {
            new Intl.DateTimeFormat("en-US", { timeZone: zone });
            return zone.length <= 64;
          } catch {
            return false;
          }
        },
        { error: (iss) => `${JSON.stringify(String(iss.input).slice(0, 80))} is not an IANA time zone known to Intl`, params: { code: "invalid-timezone" } },
      )
      .default("UTC"),
  })
  .prefault({});

/**
 * Encoded features of the availability criterion (weekly grids, modes and locations are shared
 * encodings, read by the availability rules too).
 * @remarks Since 0.2.0 (fields of `EncodedCohort` since 0.1.0)
 */
export interface AvailabilityFeatures {
  /** `availability.hoursPerMonth`, NaN when not given. */
  readonly hoursPerMonth: Float64Array;
}

/**
 * The availability criterion as a module (see {@link availabilityScore}); its kernel reads the
 * shared overlap cells and mode fit of the row. Default weight 0.15.
 * @remarks Since 0.2.0
 */
export const availabilityCriterion = defineCriterion<"availability", typeof availabilityOptionsSchema, AvailabilityFeatures, AvailabilityEvidence>({
  name: "availability",
  defaultWeight: 0.15,
  options: availabilityOptionsSchema,
  uses: { overlap: true, modeFit: true },
  encode({ participants, size }): AvailabilityFeatures {
    const hoursPerMonth = new Float64Array(size).fill(Number.NaN);
    participants.forEach((p, i) => {
      const hours = p.availability?.hoursPerMonth;
      if (hours !== undefined) hoursPerMonth[i] = hours;
    });
    return { hoursPerMonth };
  },
  kernel({ enc, options, capacity }) {
    const requiredMinutes = requiredWeeklyMinutes(options);
    const requiredMonthly = requiredMonthlyMinutes(options);
    const budget = new Float64Array(capacity);
    return (a, cols, out, { cells, fit }) => {
      budgetRow(enc, a, cols, requiredMonthly, budget);
      for (let j = 0; j < cols.length; j++) out[j] = availabilityScore(cells[j]!, fit[j]!, requiredMinutes, budget[j]);
    };
  },
  evidence({ enc, a, b, options }) {
    return availabilityEvidence(enc, a, b, requiredWeeklyMinutes(options), requiredMonthlyMinutes(options));
  },
  reasons(ev) {
    return availabilityReasons(ev);
  },
});
