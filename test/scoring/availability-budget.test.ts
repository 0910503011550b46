import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { scorePair } from "../../src/index.js";

// Only availability counts; 60-minute meetings twice a month → 120 minutes a month needed.
const program = { weights: { goals: 0, skills: 0, personality: 0, availability: 1, diversity: 0, preferences: 0 }, criteria: { availability: { minutesPerMeeting: 60, meetingsPerMonth: 2 } } };
const mentee = (hours?: number) => ({ id: "e", role: "mentee" as const, level: 1, ...(hours === undefined ? {} : { availability: { hoursPerMonth: hours } }) });
const mentor = (hours?: number) => ({ id: "m", role: "mentor" as const, level: 5, ...(hours === undefined ? {} : { availability: { hoursPerMonth: hours } }) });

describe("availability: monthly time budget (hoursPerMonth)", () => {
  it("worked example: the smaller budget over the monthly need", () => {
    // min(4 h, 1 h) = 60 min of the 120 min needed → 0.5.
    const half = scorePair(mentee(4), mentor(1), program);
    expect(half.breakdown["availability"]!.score).toBeCloseTo(0.5, 12);
    expect(half.score).toBeCloseTo(0.5, 12);
    // 2 h each covers the 120 minutes → 1, and the reason says so.
    const full = scorePair(mentee(2), mentor(3), program);
    expect(full.breakdown["availability"]!.score).toBe(1);
    expect(full.reasons.map((r) => r.text)).toContain("Both can give the 2 h a month the programme needs");
  });

  it("is missing data, not zero, when a side gives no hoursPerMonth", () => {
    const r = scorePair(mentee(4), mentor(undefined), program);
    expect(r.breakdown["availability"]!.score).toBeNull();
    expect(r.breakdown["availability"]!.used).toBe(false);
  });

  it("multiplies with the overlap part", () => {
    // 30 shared minutes of the 60 a week needed (0.5) × budget 1 h / 2 h (0.5) = 0.25.
    const slot = (start: string, end: string) => ({ slots: [{ day: "mon" as const, start, end }] });
    const a = { ...mentee(), timezone: "UTC", availability: { ...slot("09:00", "09:30"), hoursPerMonth: 1 } };
    const b = { ...mentor(), timezone: "UTC", availability: { ...slot("09:00", "12:00"), hoursPerMonth: 8 } };
    expect(scorePair(a, b, program).breakdown["availability"]!.score).toBeCloseTo(0.25, 12);
  });

  it("never falls when either side offers more hours, and is symmetric", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 40, noNaN: true }), fc.double({ min: 0, max: 40, noNaN: true }), fc.double({ min: 0, max: 10, noNaN: true }), (h1, h2, extra) => {
        const base = scorePair(mentee(h1), mentor(h2), program).breakdown["availability"]!.score!;
        expect(scorePair(mentee(h1 + extra), mentor(h2), program).breakdown["availability"]!.score!).toBeGreaterThanOrEqual(base);
        expect(scorePair(mentee(h2), mentor(h1), program).breakdown["availability"]!.score!).toBe(base);
      }),
      { numRuns: 200 },
    );
  });
});
