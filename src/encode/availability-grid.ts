import type { Slot } from "../model/index.js";
import { DAYS, minutesOfDay } from "../primitives.js";
import { localToUtcMs } from "./time-zone.js";

/**
 * Minutes in one cell of the weekly availability grid.
 * @remarks Since 0.1.0
 */
export const CELL_MINUTES = 30;
/**
 * Cells in a week (7 × 48 = 336).
 * @remarks Since 0.1.0
 */
export const WEEK_CELLS = (7 * 24 * 60) / CELL_MINUTES;
/**
 * `Uint32Array` words per participant grid (336 bits → 11 words, the last half used).
 * @remarks Since 0.1.0
 */
export const GRID_WORDS = Math.ceil(WEEK_CELLS / 32);

const DAY_INDEX = new Map<string, number>(DAYS.map((d, i) => [d, i]));
const conversions = new Map<string, Map<number, number>>();

/**
 * Minutes after the reference Monday 00:00 UTC at which `localMinute` (minutes after that Monday
 * 00:00 local time in `zone`) happens. May be negative or ≥ one week; callers wrap.
 * @remarks Since 0.1.0
 */
export function utcMinuteOfWeek(zone: string, referenceWeek: string, localMinute: number): number {
  const key = `${referenceWeek}\u0000${zone}`;
  let cache = conversions.get(key);
  if (cache === undefined) {
    cache = new Map();
    conversions.set(key, cache);
  }
  const hit = cache.get(localMinute);
  if (hit !== undefined) return hit;
  const monday = Date.parse(`${referenceWeek}T00:00:00Z`);
  const utc = localToUtcMs(zone, monday + localMinute * 60_000);
  const minute = Math.round((utc - monday) / 60_000);
  cache.set(localMinute, minute);
  return minute;
}

/**
 * Writes the weekly availability of one participant into a UTC bitset grid of {@link GRID_WORDS}
 * words starting at `offset` of `out` (cell 0 = Monday 00:00–00:30 UTC of the reference week).
 *
 * Each slot's start and end are converted separately from `zone` with the offsets in force in the
 * reference week (`referenceWeek`, a Monday), so a slot that spans a daylight-saving change in that
 * week keeps its true length. Times wrap around the week: Monday 01:00 in Asia/Kolkata is cell
 * 335 (Sunday 19:30 UTC).
 *
 * Partial cells: a cell is set only when the slot covers all of it, so overlap is never overstated.
 * Slots in zones with quarter-hour offsets (Asia/Kathmandu +05:45) or starting off the half hour
 * lose up to 15 (29) minutes at each end.
 * @remarks Since 0.1.0
 */
export function writeWeeklyGrid(slots: readonly Slot[], zone: string, referenceWeek: string, out: Uint32Array, offset: number): void {
  for (const slot of slots) {
    const day = DAY_INDEX.get(slot.day)!;
    const start = day * 1440 + minutesOfDay(slot.start);
    const end = day * 1440 + minutesOfDay(slot.end) + (slot.overnight ? 1440 : 0);
    const us = utcMinuteOfWeek(zone, referenceWeek, start);
    const ue = utcMinuteOfWeek(zone, referenceWeek, end);
    const first = Math.ceil(us / CELL_MINUTES);
    const last = Math.floor(ue / CELL_MINUTES);
    const count = Math.min(last - first, WEEK_CELLS);
    for (let k = 0; k < count; k++) {
      const cell = ((((first + k) % WEEK_CELLS) + WEEK_CELLS) % WEEK_CELLS) | 0;
      const w = offset + (cell >>> 5);
      out[w] = (out[w]! | (1 << (cell & 31))) >>> 0;
    }
  }
}

