/**
 * Test helper, independent of src/encode: the set of UTC minutes of a reference week (Monday
 * 2027-01-11 00:00 UTC onwards, no DST change that week) covered by a participant's local slots.
 */
const DAY_INDEX: Record<string, number> = { mon: 0, tue: 1, wed: 2, thu: 3, fri: 4, sat: 5, sun: 6 };
const WEEK = 7 * 1440;
const REFERENCE = Date.UTC(2027, 0, 11);

/** UTC offset in minutes of `zone` at the reference instant, read from Intl's `longOffset`. */
export function offsetMinutes(zone: string): number {
  const part = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" })
    .formatToParts(REFERENCE)
    .find((p) => p.type === "timeZoneName")!.value; // "GMT+05:30" or "GMT"
  const m = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(part);
  if (!m) throw new Error(`unexpected offset ${part}`);
  return m[1] === undefined ? 0 : (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

interface SlotLike {
  day: string;
  start: string;
  end: string;
  overnight?: boolean | undefined;
}

const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

export function weekMinutes(slots: readonly SlotLike[], zone: string): Uint8Array {
  const set = new Uint8Array(WEEK);
  const offset = offsetMinutes(zone);
  for (const slot of slots) {
    const start = DAY_INDEX[slot.day]! * 1440 + minutes(slot.start);
    const end = DAY_INDEX[slot.day]! * 1440 + minutes(slot.end) + (slot.overnight ? 1440 : 0);
    for (let t = start; t < end; t++) set[(((t - offset) % WEEK) + WEEK) % WEEK] = 1;
  }
  return set;
}

export function overlapMinutes(a: Uint8Array, b: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < WEEK; i++) n += a[i]! & b[i]!;
  return n;
}
