import { describe, expect, it } from "vitest";
import { localToUtcMs, zoneOffsetMinutes } from "../../src/encode/index.js";
import type { ParticipantInput, ProgramInput } from "../../src/model/index.js";
import { scorePair } from "../../src/score/index.js";

const JANUARY = "2027-01-11"; // everyone on winter time: New York UTC−5, London UTC+0
const MARCH = "2027-03-15"; // US on summer time since 14 March, UK not until 28 March: New York UTC−4, London UTC+0
const APRIL = "2027-04-05"; // both on summer time: New York UTC−4, London UTC+1

function person(id: string, role: "mentee" | "mentor", timezone: string, slots: { day: "mon" | "sat" | "sun" | "fri"; start: string; end: string; overnight?: boolean }[]): ParticipantInput {
  return { id, role, timezone, availability: { slots } };
}
function overlap(a: ParticipantInput, b: ParticipantInput, referenceWeek: string): number | null {
  const program: ProgramInput = { criteria: { availability: { referenceWeek } } };
  const ev = scorePair(a, b, program).breakdown.availability!.evidence as { overlapMinutes: number | null };
  return ev.overlapMinutes;
}

describe("Intl time-zone conversion", () => {
  it("reads offsets on both sides of the US switch to summer time", () => {
    expect(zoneOffsetMinutes("America/New_York", Date.UTC(2027, 0, 11, 12))).toBe(-300);
    expect(zoneOffsetMinutes("America/New_York", Date.UTC(2027, 2, 15, 12))).toBe(-240);
    expect(zoneOffsetMinutes("Asia/Kolkata", Date.UTC(2027, 2, 15, 12))).toBe(330);
  });
  it("resolves a wall time in the spring gap forward and a repeated autumn time to the earlier instant", () => {
    // 02:30 on 14 March 2027 does not exist in New York: taken with the pre-change offset −5 h → 07:30 UTC.
    expect(new Date(localToUtcMs("America/New_York", Date.UTC(2027, 2, 14, 2, 30))).toISOString()).toBe("2027-03-14T07:30:00.000Z");
    // 01:30 on 7 November 2027 happens twice; the earlier is EDT (−4 h) → 05:30 UTC.
    expect(new Date(localToUtcMs("America/New_York", Date.UTC(2027, 10, 7, 1, 30))).toISOString()).toBe("2027-11-07T05:30:00.000Z");
  });
});

describe("weekly overlap across a DST boundary", () => {
  const ny = person("ny", "mentee", "America/New_York", [{ day: "mon", start: "09:00", end: "17:00" }]);
  const london = person("ldn", "mentor", "Europe/London", [{ day: "mon", start: "09:00", end: "17:00" }]);

  it("New York with London: 3 h in January, 4 h in mid-March, 3 h again in April", () => {
    // January: NY 09–17 = 14:00–22:00 UTC, London 09:00–17:00 UTC → 14:00–17:00 = 180 min.
    expect(overlap(ny, london, JANUARY)).toBe(180);
    // Mid-March: NY 09–17 EDT = 13:00–21:00 UTC, London still GMT → 13:00–17:00 = 240 min.
    expect(overlap(ny, london, MARCH)).toBe(240);
    // April: NY 13:00–21:00 UTC, London BST 08:00–16:00 UTC → 13:00–16:00 = 180 min.
    expect(overlap(ny, london, APRIL)).toBe(180);
  });

  it("New York with Kolkata (no DST, +05:30): 90 min in January, 150 min in March", () => {
    const early = person("ny2", "mentee", "America/New_York", [{ day: "mon", start: "07:00", end: "10:00" }]);
    const kolkata = person("in", "mentor", "Asia/Kolkata", [{ day: "mon", start: "09:00", end: "19:00" }]);
    // Kolkata 09:00–19:00 IST = 03:30–13:30 UTC.
    // January: NY 07–10 EST = 12:00–15:00 UTC → 12:00–13:30 = 90 min.
    expect(overlap(early, kolkata, JANUARY)).toBe(90);
    // March: NY 07–10 EDT = 11:00–14:00 UTC → 11:00–13:30 = 150 min.
    expect(overlap(early, kolkata, MARCH)).toBe(150);
    // Symmetric.
    expect(overlap({ ...kolkata, role: "mentee" }, { ...early, role: "mentor" }, MARCH)).toBe(150);
  });

  it("wraps across the week: Monday 01:00 in Kolkata is Sunday 19:30 UTC", () => {
    const kolkata = person("in", "mentee", "Asia/Kolkata", [{ day: "mon", start: "01:00", end: "02:00" }]);
    const utc = person("utc", "mentor", "UTC", [{ day: "sun", start: "19:00", end: "21:00" }]);
    // 19:30–20:30 UTC Sunday inside 19:00–21:00 → 60 min.
    expect(overlap(kolkata, utc, JANUARY)).toBe(60);
  });

  it("counts only whole 30-minute cells (Kathmandu +05:45 loses the partial ends)", () => {
    const ktm = person("np", "mentee", "Asia/Kathmandu", [{ day: "mon", start: "09:00", end: "10:00" }]);
    const allDay = person("utc", "mentor", "UTC", [{ day: "mon", start: "00:00", end: "24:00" }]);
    // 09:00–10:00 NPT = 03:15–04:15 UTC; the only whole cell is 03:30–04:00 → 30 min.
    expect(overlap(ktm, allDay, JANUARY)).toBe(30);
  });

  it("runs an overnight slot into the next day", () => {
    const a = person("a", "mentee", "UTC", [{ day: "fri", start: "22:00", end: "01:00", overnight: true }]);
    const b = person("b", "mentor", "UTC", [{ day: "sat", start: "00:00", end: "02:00" }]);
    expect(overlap(a, b, JANUARY)).toBe(60);
  });

  it("uses criteria.availability.defaultTimeZone for participants without a zone", () => {
    const a: ParticipantInput = { id: "a", role: "mentee", availability: { slots: [{ day: "mon", start: "09:00", end: "10:00" }] } };
    const b = person("b", "mentor", "Asia/Kolkata", [{ day: "mon", start: "14:30", end: "15:30" }]);
    // Default UTC: 09:00–10:00 UTC vs 09:00–10:00 UTC → 60. With New York as default: 14:00–15:00 UTC → 0.
    expect(scorePair(a, b).breakdown.availability!.evidence).toMatchObject({ overlapMinutes: 60 });
    expect(scorePair(a, b, { criteria: { availability: { defaultTimeZone: "America/New_York" } } }).breakdown.availability!.evidence).toMatchObject({ overlapMinutes: 0 });
  });
});
