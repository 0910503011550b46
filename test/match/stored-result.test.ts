// Results survive storage: `rematch` and `explainWhyNot` on `{ cohort, result }` read back as plain
// JSON give exactly the answers of the live-object path; a cohort that is not the result's is
// refused; the fingerprint ignores participant order.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cohortFingerprint, explainWhyNot, generateCohort, match, MatchInputError, parseCohort, rematch, RESULT_VERSION, type Format, type MatchResult } from "../../src/index.js";
import { canonicalJson, fnv1a64 } from "../../src/report/fingerprint.js";

const json = <T>(x: T): T => JSON.parse(JSON.stringify(x));

/** The result without timings, which differ from run to run. */
function untimed(r: MatchResult): unknown {
  const { timings: _t, ...stats } = r.stats;
  return json({ ...r, stats });
}

/** A small cohort of the format, as raw JSON input. */
function cohortFor(format: Format, seed: number) {
  const raw = generateCohort({ mentees: 10, mentors: 4, seed, format });
  const program = format === "group" ? { ...raw.program, group: { size: { min: 2, max: 3 } } } : raw.program;
  return json({ ...raw, program: { ...program, format } });
}

/** Deterministic picks from a list by a fast-check integer. */
const pick = <T>(list: readonly T[], k: number): T | undefined => (list.length === 0 ? undefined : list[k % list.length]);

async function expectSameError(live: () => unknown, stored: () => unknown): Promise<void> {
  const a = await Promise.resolve().then(live).then(() => null, (e: unknown) => e);
  const b = await Promise.resolve().then(stored).then(() => null, (e: unknown) => e);
  expect(a).toBeInstanceOf(MatchInputError);
  expect(b).toBeInstanceOf(MatchInputError);
  expect((b as MatchInputError).issues.map((i) => i.code)).toEqual((a as MatchInputError).issues.map((i) => i.code));
}

describe("stored results: { cohort, result } as JSON answer like the live result", () => {
  const formats: Format[] = ["one-on-one", "reverse", "peer", "group"];

  it.each(formats)("%s: rematch and explainWhyNot agree with the live path", async (format) => {
    const verdicts = new Set<string>();
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 100_000 }), fc.nat(), fc.nat(), fc.boolean(), async (seed, a, b, leaveOne) => {
        const input = cohortFor(format, seed);
        const live = await match(input);
        const stored = { cohort: json(input), result: json(live) };
        expect(stored.result.version).toBe(RESULT_VERSION);

        // explainWhyNot on a mentee × mentor of the cohort (one-on-one and reverse; the others refuse in both paths).
        const cohort = parseCohort(input);
        const mentee = pick(cohort.participants.filter((p) => p.role !== "mentor"), a)!.id;
        const mentor = pick(cohort.participants.filter((p) => p.role !== "mentee"), b)!.id;
        if (format === "one-on-one" || format === "reverse") {
          // Every mentee × mentor pair: matched, ineligible and forced-cost answers alike.
          for (const e of cohort.participants) for (const m of cohort.participants) {
            if (e.role === "mentor" || m.role === "mentee" || e.id === m.id) continue;
            const want = explainWhyNot(live, e.id, m.id);
            verdicts.add(want.verdict);
            expect(explainWhyNot(stored, e.id, m.id)).toEqual(want);
          }
        } else {
          await expectSameError(() => explainWhyNot(live, mentee, mentor), () => explainWhyNot(stored, mentee, mentor));
        }

        // rematch: one participant leaves, or one pair of the result is rejected.
        const pairs = live.matches.flatMap((m) => (format === "peer" ? (m.menteeIds.length === 2 ? [{ mentorId: m.menteeIds[0]!, menteeId: m.menteeIds[1]! }] : []) : m.menteeIds.map((menteeId) => ({ mentorId: m.mentorIds[0]!, menteeId }))));
        const rejected = pick(pairs, a);
        const changes = leaveOne || !rejected ? { leave: [mentee] } : { reject: [rejected] };
        const fromLive = await rematch(live, changes);
        const fromStored = await rematch(stored, changes);
        expect(untimed(fromStored)).toEqual(untimed(fromLive));
      }),
      // A fixed seed: the runs below are known to cover matched, ineligible and forced-cost answers.
      { numRuns: format === "group" ? 1 : 3, seed: 20261129 },
    );
    // The answers compared were not all of one kind.
    if (format === "one-on-one" || format === "reverse") expect([...verdicts].sort()).toEqual(expect.arrayContaining(["cost", "ineligible", "matched"]));
  });

  it("a stored result answers in a result object that has lost its identity (JSON) only with its cohort", async () => {
    const input = cohortFor("one-on-one", 3);
    const stored = json(await match(input));
    const err = (() => { try { explainWhyNot(stored, "x", "y"); } catch (e) { return e; } })();
    expect((err as MatchInputError).issues[0]).toMatchObject({ code: "unsupported-result" });
  });

  it("a cohort that does not belong to the result is refused with cohort-mismatch", async () => {
    const input = cohortFor("one-on-one", 11);
    const result = json(await match(input));
    const other = json(input);
    (other.participants[0] as { level?: number }).level = ((other.participants[0] as { level?: number }).level ?? 0) + 1;
    const menteeId = result.matches[0]!.menteeIds[0]!, mentorId = result.matches[0]!.mentorIds[0]!;
    const calls: Array<() => unknown> = [() => explainWhyNot({ cohort: other, result }, menteeId, mentorId), () => rematch({ cohort: other, result }, { leave: [menteeId] })];
    for (const call of calls) {
      const err = await Promise.resolve().then(call).then(() => null, (e: unknown) => e);
      expect(err).toBeInstanceOf(MatchInputError);
      expect((err as MatchInputError).issues[0]).toMatchObject({ path: ["cohort"], code: "cohort-mismatch" });
    }
  });

  it("a result of another version is refused with unsupported-result-version", () => {
    const input = cohortFor("one-on-one", 5);
    const err = (() => { try { explainWhyNot({ cohort: input, result: { ...json({ format: "one-on-one", matches: [], unmatched: [], stats: {}, warnings: [] }), version: 0, fingerprint: "x" } as never }, "a", "b"); } catch (e) { return e; } })();
    expect((err as MatchInputError).issues[0]).toMatchObject({ code: "unsupported-result-version" });
  });
});

describe("cohort fingerprint", () => {
  it("FNV-1a 64 matches the published test vectors and a BigInt implementation", () => {
    // Vectors from the FNV reference (draft-eastlake-fnv): "" → cbf29ce484222325, "a" → af63dc4c8601ec8c, "foobar" → 85944171f73967e8.
    expect(fnv1a64("")).toBe("cbf29ce484222325");
    expect(fnv1a64("a")).toBe("af63dc4c8601ec8c");
    expect(fnv1a64("foobar")).toBe("85944171f73967e8");
    const bigint = (s: string): string => {
      let h = 0xcbf29ce484222325n;
      for (let k = 0; k < s.length; k++) h = ((h ^ BigInt(s.charCodeAt(k))) * 0x100000001b3n) & 0xffffffffffffffffn;
      return h.toString(16).padStart(16, "0");
    };
    // Any 16-bit code units, lone surrogates included (cheaper to generate than fc.string({ unit: "binary" })).
    const units = fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 40 }).map((a) => String.fromCharCode(...a));
    fc.assert(fc.property(units, (s) => fnv1a64(s) === bigint(s)), { numRuns: 100 });
  });

  it("is the same whatever the order of participants and keys, and differs when a field changes", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.array(fc.nat(), { minLength: 14, maxLength: 14 }), (seed, keys) => {
        const input = json(generateCohort({ mentees: 10, mentors: 4, seed }));
        const shuffled = { program: input.program, participants: input.participants.map((p, k) => ({ p, k: keys[k]! })).sort((x, y) => x.k - y.k).map((x) => Object.fromEntries(Object.entries(x.p).reverse())) };
        const fp = cohortFingerprint(parseCohort(input));
        expect(cohortFingerprint(parseCohort(shuffled))).toBe(fp);
        const changed = json(input);
        (changed.participants[0] as { name?: string }).name = "someone else";
        expect(cohortFingerprint(parseCohort(changed))).not.toBe(fp);
      }),
      { numRuns: 10 },
    );
  });

  it("canonical JSON sorts keys and drops undefined members", () => {
    expect(canonicalJson({ b: 1, a: [2, { d: undefined, c: "x" }] })).toBe('{"a":[2,{"c":"x"}],"b":1}');
  });
});
