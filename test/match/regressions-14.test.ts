import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { match, recommendAll, rematch } from "../../src/index.js";

/** A participant with just enough profile to be eligible with everyone of the other side. */
const person = (id: string, role: string, extra: Record<string, unknown> = {}) => ({ id, role, level: role === "mentor" ? 6 : role === "both" ? 3 : 2, languages: ["English"], goals: ["leadership"], ...extra });
const pairKeys = (matches: { menteeIds: string[] }[]) => matches.map((m) => [...m.menteeIds].sort().join("+")).sort();

describe("issue 14: wrong or empty results", () => {
  it("issue 14.2: peer with a locked pair lists that pair once (match)", async () => {
    const result = await match({ participants: ["a", "b", "c", "d"].map((id) => person(id, "both")), program: { format: "peer", rules: { locked: [{ mentorId: "a", menteeId: "b" }] } } });
    // Four peers: the locked pair a–b and the only other pair c–d.
    expect(pairKeys(result.matches)).toEqual(["a+b", "c+d"]);
    expect(result.stats.matches).toBe(2);
    expect(result.stats.total).toBeCloseTo(result.matches[0]!.score + result.matches[1]!.score, 12);
    expect(result.matches.find((m) => m.menteeIds.includes("a"))!.locked).toBe(true);
  });

  it("issue 14.2: rematch of a peer result keeps each kept pair once", async () => {
    const first = await match({ participants: ["a", "b", "c", "d", "e", "f"].map((id) => person(id, "both")), program: { format: "peer" } });
    expect(first.matches).toHaveLength(3);
    const [gone, ...kept] = first.matches;
    const second = await rematch(first, { reject: [{ mentorId: gone!.menteeIds[0]!, menteeId: gone!.menteeIds[1]! }] });
    // The rejected pair's two peers have nobody free but each other, which is now forbidden:
    // the two kept pairs remain, each once.
    expect(pairKeys(second.matches)).toEqual(pairKeys(kept));
    expect(second.stats.matches).toBe(2);
    expect(second.stats.total).toBeCloseTo(kept[0]!.score + kept[1]!.score, 12);
    for (const m of kept) expect(second.matches).toContain(m);
  });

  it("issue 14.3: recommendAll keeps ⌈1.12 × 25⌉ = 28 despite 1.12 * 25 = 28.000000000000004", () => {
    expect(1.12 * 25).toBeGreaterThan(28); // the floating-point trap the ceiling must avoid
    const participants = [person("m", "mentor", { capacity: 25 }), ...Array.from({ length: 30 }, (_, i) => person(`e${String(i).padStart(2, "0")}`, "mentee"))];
    const lists = recommendAll({ participants, program: { format: "flash" } }, { k: 1, multiple: 1.12 });
    // 30 mentees want one mentor each; the mentor may be shown 112 × 25 / 100 = 28 times exactly.
    const shown = [...lists.values()].filter((l) => l.some((r) => r.mentorId === "m")).length;
    expect(shown).toBe(28);
  });

  it("issue 14.3 (property): no mentor is shown more than ⌈multiple × capacity⌉ times, and exactly that many when mentees suffice", () => {
    // Half the runs draw from products that floating point rounds up (1.12·25, 2.2·25, 8.3·30).
    const trap = fc.constantFrom<[number, number]>([112, 25], [220, 25], [224, 25], [436, 25], [830, 30]);
    const any = fc.tuple(fc.integer({ min: 100, max: 1000 }), fc.integer({ min: 1, max: 30 }));
    fc.assert(
      fc.property(fc.oneof(trap, any), fc.integer({ min: 1, max: 40 }), ([percent, capacity], mentees) => {
        const multiple = percent / 100;
        // Integer ceiling of percent · capacity / 100, independent of floating point.
        const ceiling = Math.floor((percent * capacity + 99) / 100);
        const participants = [person("m", "mentor", { capacity }), ...Array.from({ length: mentees }, (_, i) => person(`e${String(i).padStart(2, "0")}`, "mentee"))];
        const lists = recommendAll({ participants, program: { format: "flash" } }, { k: 1, multiple });
        const shown = [...lists.values()].filter((l) => l.some((r) => r.mentorId === "m")).length;
        expect(shown).toBe(Math.min(mentees, ceiling));
      }),
      { numRuns: 25 },
    );
  });
});
