import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { FORMATS, generateCohort, match, resultJsonSchema, resultSchema, type MatchResult } from "../../src/index.js";

const json = <T>(x: T): T => JSON.parse(JSON.stringify(x));

describe("result schema", () => {
  it.each(FORMATS)("a %s result, as JSON, fits resultSchema", async (format) => {
    const raw = generateCohort({ mentees: 8, mentors: 3, seed: 2, format });
    const result = json(await match(raw));
    const parsed = resultSchema.safeParse(result);
    expect(parsed.success, JSON.stringify(parsed.error?.issues.slice(0, 3))).toBe(true);
  });

  it("refuses what is not a result: a wrong version, a malformed fingerprint, a reason without code", async () => {
    const result = json(await match(generateCohort({ mentees: 4, mentors: 2, seed: 1 })));
    expect(resultSchema.safeParse({ ...result, version: 2 }).success).toBe(false);
    expect(resultSchema.safeParse({ ...result, fingerprint: "md5:abc" }).success).toBe(false);
    const broken: MatchResult = json(result);
    (broken.matches[0]!.reasons[0] as { code?: string }).code = undefined;
    expect(resultSchema.safeParse(broken).success).toBe(false);
  });

  it("schema/result.schema.json is the committed output of resultJsonSchema() (run `npm run build` and commit it when this fails)", () => {
    const committed = JSON.parse(readFileSync(new URL("../../schema/result.schema.json", import.meta.url), "utf8")) as unknown;
    expect(committed).toEqual(json(resultJsonSchema()));
    const union = committed as { oneOf?: Array<{ required: string[] }>; anyOf?: Array<{ required: string[] }> };
    const branches = union.oneOf ?? union.anyOf ?? [];
    expect(branches).toHaveLength(5);
    for (const branch of branches) expect(branch.required).toEqual(expect.arrayContaining(["format", "matches", "unmatched", "stats", "warnings", "version", "fingerprint"]));
  });

  it("is discriminated on format: flash without rounds, group stats without groups, an unknown warning or unmatched code are refused", async () => {
    const flash = json(await match(generateCohort({ mentees: 6, mentors: 3, seed: 3, format: "flash" })));
    expect(resultSchema.safeParse(flash).success).toBe(true);
    expect(resultSchema.safeParse({ ...flash, rounds: undefined }).success).toBe(false);
    const group = json(await match(generateCohort({ mentees: 8, mentors: 3, seed: 2, format: "group" })));
    expect(resultSchema.safeParse(group).success).toBe(true);
    expect(resultSchema.safeParse({ ...group, stats: { ...group.stats, groups: undefined } }).success).toBe(false);
    const pairs = json(await match(generateCohort({ mentees: 4, mentors: 2, seed: 1 })));
    expect(resultSchema.safeParse({ ...pairs, warnings: [{ code: "quotas-ignored", message: "m" }] }).success).toBe(true);
    expect(resultSchema.safeParse({ ...pairs, warnings: [{ code: "no-such-warning", message: "m" }] }).success).toBe(false);
    expect(resultSchema.safeParse({ ...pairs, warnings: ["a string, as before 0.2"] }).success).toBe(false);
    const unmatched = { id: "x", role: "mentee", code: "no-such-code", message: "m", detail: { candidates: 0, eligible: 0, excludedBy: {} } };
    expect(resultSchema.safeParse({ ...pairs, unmatched: [unmatched] }).success).toBe(false);
    expect(resultSchema.safeParse({ ...pairs, unmatched: [{ ...unmatched, code: "not-selected" }] }).success).toBe(true);
  });
});
