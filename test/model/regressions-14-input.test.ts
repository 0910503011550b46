// Issue 14, items 8–10: input that escaped as the wrong error (TypeError, RangeError,
// HighsValidationError), hostile values accepted silently, and sizes that ran out of memory or
// time instead of being refused. Each test is named for what broke.
import { describe, expect, it } from "vitest";
import {
  MatchInputError,
  colorBipartiteEdges,
  generateCohort,
  match,
  maxWeightMatching,
  parseCohort,
  rematch,
  solveAssignment,
  solveBMatching,
  solveCapacitatedAssignment,
  solveConstrained,
  stableMatching,
  blockingPairs,
  verifyAssignment,
  verifyCapacitatedAssignment,
  verifyMatching,
} from "../../src/index.js";

/** Runs `f` (sync or async) and returns the MatchInputError it raised; fails on anything else. */
async function inputError(f: () => unknown): Promise<MatchInputError> {
  let caught: unknown = "nothing thrown";
  try {
    await f();
  } catch (err) {
    caught = err;
  }
  if (!(caught instanceof MatchInputError)) throw new Error(`expected a MatchInputError, got ${String((caught as Error)?.stack ?? caught)}`);
  return caught;
}

/** The (path, code) pairs of an error, for compact assertions. */
const where = (err: MatchInputError) => err.issues.map((i) => [i.path.join("."), i.code]);

const pairCohort = {
  participants: [
    { id: "m1", role: "mentor" as const, languages: ["English"], goals: ["leadership"] },
    { id: "e1", role: "mentee" as const, languages: ["English"], goals: ["leadership"] },
  ],
  program: { rules: { levelGap: null } },
};

describe("match() options are validated at the boundary (issue 14 item 9)", () => {
  it("match(x, null) is an invalid-options error, not a TypeError", async () => {
    expect(where(await inputError(() => match(pairCohort, null as never)))).toEqual([["options", "invalid-options"]]);
  });
  it('criteria: "x" is an invalid-option error, not "custom.map is not a function"', async () => {
    expect(where(await inputError(() => match(pairCohort, { criteria: "x" as never })))).toEqual([["options.criteria", "invalid-option"]]);
  });
  it("criteria: [null] names the entry, not \"Cannot read properties of null\"", async () => {
    expect(where(await inputError(() => match(pairCohort, { criteria: [null as never] })))).toEqual([["options.criteria.0", "invalid-custom-criterion"]]);
  });
  it("a signal that is not an AbortSignal is refused before any stage runs", async () => {
    const stages: string[] = [];
    const err = await inputError(() => match(pairCohort, { signal: { aborted: false } as never, onProgress: (s) => stages.push(s) }));
    expect(where(err)).toEqual([["options.signal", "invalid-option"]]);
    expect(stages).toEqual([]);
  });
  it("every bad option is reported at once", async () => {
    const err = await inputError(() => match(pairCohort, { onProgress: 3 as never, signal: "stop" as never, memoryLimit: -1, criteria: [{ name: "", score: 1 }] as never }));
    expect(where(err)).toEqual([
      ["options.onProgress", "invalid-option"],
      ["options.signal", "invalid-option"],
      ["options.memoryLimit", "invalid-option"],
      ["options.criteria.0.name", "invalid-custom-criterion"],
      ["options.criteria.0.score", "invalid-custom-criterion"],
    ]);
  });
  it("valid options still run: a real AbortSignal and a custom criterion", async () => {
    const result = await match(pairCohort, { signal: new AbortController().signal, criteria: [{ name: "one", weight: 1, score: () => 1 }] });
    expect(result.matches.map((m) => [m.mentorIds, m.menteeIds])).toEqual([[["m1"], ["e1"]]]);
  });
});

describe("rematch and generateCohort refuse null (issue 14 item 9)", () => {
  it("rematch(r, null) is a MatchInputError at changes", async () => {
    const r = await match(pairCohort);
    expect(where(await inputError(() => rematch(r, null as never)))).toEqual([["changes", "invalid-type"]]);
  });
  it("rematch with leave: \"e1\" (not a list) names the field", async () => {
    const r = await match(pairCohort);
    expect(where(await inputError(() => rematch(r, { leave: "e1" as never })))).toEqual([["changes.leave", "invalid-type"]]);
  });
  it("rematch(null, {}) is an unsupported-result error", async () => {
    expect(where(await inputError(() => rematch(null as never, {})))).toEqual([["previous", "unsupported-result"]]);
  });
  it("generateCohort(null) and generateCohort({ mentees: 2, mentors: 1, name: 5 })", async () => {
    expect(where(await inputError(() => generateCohort(null as never)))).toEqual([["options", "invalid-options"]]);
    expect(where(await inputError(() => generateCohort({ mentees: 2, mentors: 1, name: 5 as never })))).toEqual([["name", "invalid-option"]]);
  });
  it("generateCohort with a null-prototype count reports it instead of failing to print it", async () => {
    expect(where(await inputError(() => generateCohort({ mentees: Object.create(null), mentors: 1 })))).toEqual([["mentees", "invalid-option"]]);
  });
});

describe("solvers refuse hostile arguments with MatchInputError (issue 14 item 9)", () => {
  it("solveBMatching(c) without options", async () => {
    expect(where(await inputError(() => (solveBMatching as (c: unknown) => unknown)([[1]])))).toEqual([["options", "type"]]);
  });
  it('solveBMatching with maximize: "yes" is refused, not taken as true', async () => {
    expect(where(await inputError(() => solveBMatching([[1]], { rowCapacity: [1], colCapacity: [1], maximize: "yes" as never })))).toEqual([["options.maximize", "invalid-option"]]);
  });
  it("colorBipartiteEdges(NaN, …) and a null edge", async () => {
    expect(where(await inputError(() => colorBipartiteEdges(Number.NaN, 2, [[0, 0]])))).toEqual([["leftCount", "shape"]]);
    expect(where(await inputError(() => colorBipartiteEdges(2, 2, [null as never])))).toEqual([["edges.0", "type"]]);
    expect(where(await inputError(() => colorBipartiteEdges(2, 2, "edges" as never)))).toEqual([["edges", "type"]]);
  });
  it("colorBipartiteEdges still colours a valid graph: K2,2 needs 2 colours", () => {
    const { color, colors } = colorBipartiteEdges(2, 2, [[0, 0], [0, 1], [1, 0], [1, 1]]);
    expect(colors).toBe(2);
    expect(color[0]).not.toBe(color[1]); // both at left 0
    expect(color[0]).not.toBe(color[2]); // both at right 0
  });
  it("solveConstrained({ rows: 1e9, cols: 1e9, score: [] }) is too-large, not Invalid typed array length", async () => {
    const err = await inputError(() => solveConstrained({ rows: 1e9, cols: 1e9, score: [] }));
    expect(where(err)).toEqual([["rows", "too-large"]]);
    expect(err.issues[0]!.message).toMatch(/1000000000 × 1000000000/);
  });
  it("solveConstrained with timeLimitMs: NaN is an invalid-option, not a HighsValidationError", async () => {
    expect(where(await inputError(() => solveConstrained({ rows: 1, cols: 1, score: [1] }, { timeLimitMs: Number.NaN })))).toEqual([["options.timeLimitMs", "invalid-option"]]);
  });
  it('solveConstrained refuses engine: "quantum" and seed: NaN instead of ignoring them', async () => {
    const err = await inputError(() => solveConstrained({ rows: 1, cols: 1, score: [1] }, { engine: "quantum" as never, seed: Number.NaN }));
    expect(where(err)).toEqual([["options.engine", "invalid-option"], ["options.seed", "invalid-option"]]);
  });
  it("maxWeightMatching(1e9, []) refuses at once with too-large instead of running 30 s", async () => {
    const t0 = performance.now();
    const err = await inputError(() => maxWeightMatching(1e9, []));
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(where(err)).toEqual([["n", "too-large"]]);
    expect(err.issues[0]!.message).toMatch(/1000000000 vertices/);
  });
  it("maxWeightMatching refuses maxCardinality: 1 and options: null", async () => {
    expect(where(await inputError(() => maxWeightMatching(2, [[0, 1, 1]], { maxCardinality: 1 as never })))).toEqual([["options.maxCardinality", "invalid-option"]]);
    expect(where(await inputError(() => maxWeightMatching(2, [[0, 1, 1]], null as never)))).toEqual([["options", "invalid-options"]]);
  });
  it("a matrix-like of 1e5 × 1e5 is too-large before allocating", async () => {
    const huge = { rows: 1e5, columns: 1e5, get: () => 0 };
    expect(where(await inputError(() => solveAssignment(huge)))).toEqual([["cost", "too-large"]]);
    expect(where(await inputError(() => solveCapacitatedAssignment(huge, { capacity: [] })))).toEqual([["cost", "too-large"]]);
  });
  it("a row array shared 50,000 times (tiny input, 20 GB dense copy) is too-large", async () => {
    const row = new Array<number>(50_000).fill(0);
    const cost = new Array<number[]>(50_000).fill(row);
    expect(where(await inputError(() => solveAssignment(cost)))).toEqual([["cost", "too-large"]]);
  });
  it("solveAssignment with options: 5 or maximize: \"no\"", async () => {
    expect(where(await inputError(() => solveAssignment([[1]], 5 as never)))).toEqual([["options", "invalid-options"]]);
    expect(where(await inputError(() => solveAssignment([[1]], { maximize: "no" as never })))).toEqual([["options.maximize", "invalid-option"]]);
  });
  it("checkers refuse a result that is not one (null, a symbol entry) instead of a TypeError", async () => {
    expect(where(await inputError(() => verifyAssignment([[1]], null as never)))).toEqual([["result", "invalid-options"]]);
    expect(where(await inputError(() => verifyAssignment([[1]], { rowToCol: [Symbol("x")], colToRow: [0], total: 1 } as never)))).toEqual([["result.rowToCol.0", "type"]]);
    expect(where(await inputError(() => verifyCapacitatedAssignment([[1]], { capacity: [1] }, { rowToCol: null } as never)))).toEqual([["result.rowToCol", "type"]]);
    expect(where(await inputError(() => verifyMatching(2, null as never, [1, 0])))).toEqual([["edges", "type"]]);
    expect(where(await inputError(() => verifyMatching(2, [[0, 1, 1]], "ab" as never)))).toEqual([["mate", "type"]]);
    expect(where(await inputError(() => blockingPairs([[0]], [[0]], [Symbol("r")] as never)))).toEqual([["proposerTo.0", "type"]]);
  });
  it("stableMatching with a null-prototype entry prints it instead of throwing a TypeError", async () => {
    expect(where(await inputError(() => stableMatching([[Object.create(null)]], [[0]])))).toEqual([["proposerPrefs.0.0", "range"]]);
    expect(where(await inputError(() => stableMatching([[0]], [[0]], null as never)))).toEqual([["options", "invalid-options"]]);
  });
});

describe("weights: { __proto__ } is flagged, not dropped (issue 14 item 9)", () => {
  it("an own __proto__ key from JSON.parse is a reserved-key issue", async () => {
    const input = JSON.parse('{"participants":[],"program":{"weights":{"goals":1,"__proto__":{"goals":0}}}}');
    expect(where(await inputError(() => parseCohort(input)))).toEqual([["program.weights.__proto__", "reserved-key"]]);
  });
});

describe("cross-field checks run on everything that parsed (issue 14 item 8)", () => {
  it("a duplicate id plus a bad role reports both, not just the schema issue", async () => {
    const err = await inputError(() => parseCohort({ participants: [{ id: "a", role: "mentor" }, { id: "a", role: "boss" }] }));
    expect(where(err)).toEqual([["participants.1.role", "invalid-value"], ["participants.1.id", "duplicate-id"]]);
  });
  it("schema and cross-field problems across participants and programme are all reported at once", async () => {
    const err = await inputError(() =>
      parseCohort({
        participants: [
          { id: "m", role: "mentor" },
          { id: "x", role: "mentee", level: "senior" }, // schema: level is an integer
          { id: "m", role: "mentee" }, // duplicate of participants[0]
          { id: 7, role: "mentee" }, // schema: id is a string (so it takes no part in id checks)
          { id: "e", role: "mentee", history: ["ghost"], preferences: { ranked: ["m", "m"] } }, // unknown id, ranked twice
          { id: "f", role: "mentee", capacity: 1, minCapacity: 2 }, // capacity below minimum
        ],
        program: {
          rules: { locked: [{ mentorId: "e", menteeId: "m" }, { mentorId: "m", menteeId: "nobody" }] },
          quotas: [{ name: "q", min: 3, max: 1 }],
        },
      }),
    );
    expect(where(err)).toEqual([
      ["participants.1.level", "invalid-type"],
      ["participants.3.id", "invalid-type"],
      ["participants.2.id", "duplicate-id"],
      ["participants.4.history.0", "unknown-id"],
      ["participants.4.preferences.ranked.1", "duplicate-id"],
      ["participants.5.minCapacity", "capacity-below-minimum"],
      // "e" is a mentee and "m" (participants[0]) a mentor: locked the wrong way round.
      ["program.rules.locked.0.mentorId", "wrong-role"],
      ["program.rules.locked.0.menteeId", "wrong-role"],
      ["program.rules.locked.1.menteeId", "unknown-id"],
      ["program.quotas.0", "invalid-range"],
    ]);
  });
  it("a programme that fails the schema still lets participant checks run (and skips programme checks)", async () => {
    const err = await inputError(() =>
      parseCohort({ participants: [{ id: "a", role: "mentor" }, { id: "a", role: "mentee" }], program: { format: "speed-dating", quotas: [{ name: "q" }] } }),
    );
    expect(where(err)).toEqual([["program.format", "invalid-value"], ["participants.1.id", "duplicate-id"]]);
  });
  it("a reference to a participant whose other fields are bad is not called unknown", async () => {
    const err = await inputError(() => parseCohort({ participants: [{ id: "a", role: "mentor", level: -1 }, { id: "b", role: "mentee", history: ["a"] }] }));
    expect(where(err)).toEqual([["participants.0.level", "too-small"]]);
  });
});

describe("size guard: a cohort too large for memory is refused up front (issue 14 item 10)", () => {
  const cohortOf = (mentees: number, mentors: number) => ({
    participants: [
      ...Array.from({ length: mentees }, (_, i) => ({ id: `e${i}`, role: "mentee" as const })),
      ...Array.from({ length: mentors }, (_, j) => ({ id: `m${j}`, role: "mentor" as const })),
    ],
  });

  it("60,000 × 60,000 is too-large (3.6e9 pairs is past one typed array), not 'Array buffer allocation failed'", async () => {
    const err = await inputError(() => match(cohortOf(60_000, 60_000)));
    expect(where(err)).toEqual([["participants", "too-large"]]);
    expect(err.issues[0]!.message).toMatch(/60000 mentees × 60000 mentors \(3600000000 pairs\)/);
    expect(err.issues[0]!.message).toMatch(/split the cohort/);
  });

  it("the limit is options.memoryLimit: 30 × 10 one-on-one needs 176,740 bytes by the estimate", async () => {
    // 300 pairs × (13 matrix + 30 sparse flow graph) = 12,900, plus 40 participants × 4,096 = 163,840.
    const err = await inputError(() => match(cohortOf(30, 10), { memoryLimit: 176_739 }));
    expect(where(err)).toEqual([["participants", "too-large"]]);
    expect(err.issues[0]!.message).toMatch(/about 176\.7 kB, more than the memory limit of 176\.7 kB/);
    const ok = await match(cohortOf(30, 10), { memoryLimit: 176_740 });
    expect(ok.stats.matches).toBe(10);
  });

  it("maxMin and group count their extra copies", async () => {
    // maxMin: 300 × (13 + 90) + 163,840 = 194,740 bytes.
    const maxMin = { ...cohortOf(30, 10), program: { objective: "maxMin" as const } };
    await inputError(() => match(maxMin, { memoryLimit: 194_739 }));
    expect((await match(maxMin, { memoryLimit: 194_740 })).stats.matches).toBe(10);
  });

  it("scoreMatrix refuses before allocating too, with its own memoryLimit", async () => {
    const { scoreMatrix } = await import("../../src/index.js");
    const cohort = parseCohort(cohortOf(30, 10));
    // 300 pairs × 13 bytes = 3,900.
    expect(where(await inputError(() => scoreMatrix(cohort, { memoryLimit: 3_899 })))).toEqual([["participants", "too-large"]]);
    expect(scoreMatrix(cohort, { memoryLimit: 3_900 }).rows).toBe(30);
    expect(where(await inputError(() => scoreMatrix(cohort, { side: "sideways" as never })))).toEqual([["options.side", "invalid-option"]]);
  });
});

describe("escapes found by the hostile-input fuzz (test/fuzz)", () => {
  it("generateCohort({ seed: <null-prototype object> }) is refused, not 'Cannot convert object to primitive value'", async () => {
    expect(where(await inputError(() => generateCohort({ mentees: 1, mentors: 1, seed: Object.create(null) })))).toEqual([["seed", "invalid-option"]]);
  });
  it("parseCohort(input, { customCriteria: {} }) is an invalid-option, not 'object is not iterable'", async () => {
    expect(where(await inputError(() => parseCohort({ participants: [] }, { customCriteria: {} as never })))).toEqual([["options.customCriteria", "invalid-option"]]);
  });
  it("toDenseCost(m, {}) names the bad argument instead of putting an object in the issue path", async () => {
    const { toDenseCost } = await import("../../src/index.js");
    expect(where(await inputError(() => toDenseCost(new Float32Array(0) as never, {} as never)))).toEqual([["name", "type"]]);
  });
  it("a 10⁹ × 0 constraint model is too-large (it allocated per-row arrays until the process died)", async () => {
    expect(where(await inputError(() => solveConstrained({ rows: 1e9, cols: 0, score: [] })))).toEqual([["rows", "too-large"]]);
    expect(where(await inputError(() => solveAssignment({ rows: 1e9, cols: 0, data: [] })))).toEqual([["cost", "too-large"]]);
  });
  it("min-cost flow with one column of 20,000 seats is not quadratic (it took ~20 s; solveConstrained's start hung)", async () => {
    const rows = 20_000;
    const t0 = performance.now();
    const flow = solveCapacitatedAssignment({ rows, cols: 1, data: new Float64Array(rows).fill(1) }, { capacity: [rows], maximize: true });
    // Every row takes the one column (20,000 seats), total 20,000 × 1.
    expect(flow.total).toBe(rows);
    expect(flow.load[0]).toBe(rows);
    const model = await solveConstrained({ rows, cols: 1, score: new Float64Array(rows).fill(1) }, { engine: "local", timeLimitMs: 500, maxIterations: 1000 });
    expect(model.objective).toBe(rows);
    expect(performance.now() - t0).toBeLessThan(8_000);
  });
});

describe("exports the catch-all fuzz found escaping (anything() as arguments)", () => {
  it("cohortFingerprint, encodeCohort, explainPair, formatPath, ruleCodesOf, selectorMatches, translateReasons, neutraliseFormula refuse garbage with MatchInputError", async () => {
    const mm = await import("../../src/index.js");
    const calls: Array<[string, () => unknown]> = [
      ["cohortFingerprint", () => mm.cohortFingerprint({ aC9W: [] } as never)], // was: participants is not iterable
      ["encodeCohort", () => mm.encodeCohort({} as never)], // was: reading 'criteria' of undefined
      ["explainPair", () => mm.explainPair(undefined as never, 0, 0)], // was: reading 'rows' of undefined
      ["formatPath", () => mm.formatPath({} as never)], // was: path is not iterable
      ["ruleCodesOf", () => mm.ruleCodesOf(Object.create(null))], // was: Cannot convert object to primitive value
      ["selectorMatches", () => mm.selectorMatches({} as never, {} as never)], // was: reading 'startsWith' of undefined
      ["translateReasons", () => mm.translateReasons({} as never, {})], // was: reasons.map is not a function
      ["neutraliseFormula", () => mm.neutraliseFormula(Object.create(null))], // was: Cannot convert object to primitive value
    ];
    for (const [name, call] of calls) expect([name, (await inputError(call)).issues[0]!.code]).toEqual([name, "invalid-type"]);
  });
  it("recommend and explainWhyNot refuse an id that is not a string (was: Do not know how to serialize a BigInt)", async () => {
    const { recommend, explainWhyNot } = await import("../../src/index.js");
    expect(where(await inputError(() => recommend(pairCohort, 10n as never)))).toEqual([["menteeId", "invalid-type"]]);
    const result = await match(pairCohort);
    expect(where(await inputError(() => explainWhyNot(result, "e1", 10n as never)))).toEqual([["mentorId", "invalid-type"]]);
  });
  it("formatPath still formats a path, with a placeholder for a key that is not a string or number", async () => {
    const { formatPath } = await import("../../src/index.js");
    expect(formatPath(["participants", 12, "availability"])).toBe("participants[12].availability");
    expect(formatPath(["a", {} as never])).toBe("a[?]");
  });
});

describe("options: null is refused by every export that takes options (found by the slow fuzz)", () => {
  it("recommend, recommendAll, toCsv, toHtmlReport, calibrateWeights, parseParticipantsCsv: invalid-options, not 'reading … of null'", async () => {
    const mm = await import("../../src/index.js");
    const result = await match(pairCohort);
    const calls: Array<[string, () => unknown]> = [
      ["recommend", () => mm.recommend(pairCohort, "e1", null as never)],
      ["recommendAll", () => mm.recommendAll(pairCohort, null as never)],
      ["toCsv", () => mm.toCsv(result, pairCohort, null as never)],
      ["toHtmlReport", () => mm.toHtmlReport(result, pairCohort, null as never)],
      ["calibrateWeights", () => mm.calibrateWeights(pairCohort, [], null as never)],
      ["parseParticipantsCsv", () => mm.parseParticipantsCsv("id,role\na,mentor", null as never)],
    ];
    for (const [name, call] of calls) expect([name, where(await inputError(call))]).toEqual([name, [["options", "invalid-options"]]]);
  });
});
