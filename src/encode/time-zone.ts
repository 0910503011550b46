/**
 * Local wall time ↔ UTC for IANA zones, with `Intl` as the only source of offsets.
 * @remarks Since 0.1.0
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(zone, f);
  }
  return f;
}

/**
 * The offset of `zone` from UTC at instant `utcMs`, in minutes (local − UTC; New York in winter
 * is −300).
 * @remarks Since 0.1.0
 */
export function zoneOffsetMinutes(zone: string, utcMs: number): number {
  const fields = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatter(zone).formatToParts(utcMs)) {
    if (part.type in fields) fields[part.type as keyof typeof fields] = Number(part.value);
  }
  const wall = Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour, fields.minute, fields.second);
  const instant = Math.floor(utcMs / 1000) * 1000;
  return Math.round((wall - instant) / 60_000);
}

/**
 * The UTC instant of a local wall time in `zone`. `localMs` is the wall time written as if it were
 * UTC (`Date.UTC(y, m, d, h, min)`).
 *
 * A wall time that occurs twice (autumn fall-back) resolves to the earlier instant; one that does
 * not exist (spring gap) is moved forward by the gap, as the offset before the change gives. This
 * is the `"compatible"` disambiguation of TC39 Temporal.
 * @remarks Since 0.1.0
 */
export function localToUtcMs(zone: string, localMs: number): number {
  // Offsets a day either side; zones change offset at most once in two days.
  const before = zoneOffsetMinutes(zone, localMs - 86_400_000);
  const after = zoneOffsetMinutes(zone, localMs + 86_400_000);
  const tBefore = localMs - before * 60_000;
  if (before === after) return tBefore;
  const tAfter = localMs - after * 60_000;
  const okBefore = zoneOffsetMinutes(zone, tBefore) === before;
  const okAfter = zoneOffsetMinutes(zone, tAfter) === after;
  if (okBefore && okAfter) return Math.min(tBefore, tAfter);
  if (okAfter) return tAfter;
  // Valid only with the earlier offset, or in a gap: the offset before the change.
  return tBefore;
}
