// matchInWorker and options.threads. The worker script is bundled from the sources first (the
// package ships it built as dist/worker.js and dist/worker.cjs; scripts/check-pack.mjs runs both).
import { beforeAll, describe, expect, it } from "vitest";
import { build } from "esbuild";
import { fileURLToPath, pathToFileURL } from "node:url";
import { generateCohort, match, matchInWorker, parseCohort, scoreMatrix, MatchInputError, type MatchResult } from "../../src/index.js";
import { canonicalCohort } from "../../src/match/match.js";
import { scoreInParallel } from "../../src/worker/parallel-score.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const workerFile = `${root}node_modules/.cache/mentormatch-test/worker.mjs`;
let workerUrl: URL;

beforeAll(async () => {
  // Bundled inside node_modules so that its bare imports (zod, …) resolve from this checkout.
  await build({ entryPoints: [`${root}src/worker-entry.ts`], outfile: workerFile, bundle: true, format: "esm", platform: "node", packages: "external", logLevel: "error" });
  workerUrl = pathToFileURL(workerFile);
});

const withoutTimings = (r: MatchResult) => ({ ...r, stats: { ...r.stats, timings: undefined } });

describe("matchInWorker", () => {
  const input = generateCohort({ mentees: 240, mentors: 50, seed: 11 });

  it("gives the same result as match() (timings aside) and forwards progress", async () => {
    const stages = new Set<string>();
    const inWorker = await matchInWorker(input, { workerUrl, onProgress: (stage) => stages.add(stage) });
    const here = await match(input);
    expect(withoutTimings(inWorker)).toEqual(withoutTimings(here));
    expect([...stages]).toEqual(["validate", "encode", "score", "solve", "report"]);
  });

  it("an abort terminates the worker and rejects with AbortError (the reason as cause)", async () => {
    const controller = new AbortController();
    const run = matchInWorker(generateCohort({ mentees: 2000, mentors: 400, seed: 2 }), { workerUrl, signal: controller.signal });
    setTimeout(() => controller.abort("stop"), 10);
    await expect(run).rejects.toMatchObject({ name: "AbortError", cause: "stop" });
  });

  it("invalid input comes back as MatchInputError with its issues", async () => {
    const error = await matchInWorker({ participants: [{ id: "a", role: "chief" }] }, { workerUrl }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MatchInputError);
    expect((error as MatchInputError).issues[0]!.path).toEqual(["participants", 0, "role"]);
  });

  it("refuses custom criteria (functions cannot cross to a worker)", async () => {
    const criteria = [{ name: "tenure", weight: 0.1, score: () => 0.5 }];
    const error = await matchInWorker(input, { workerUrl, criteria } as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MatchInputError);
    expect((error as MatchInputError).issues[0]).toMatchObject({ path: ["options", "criteria"], code: "not-transferable" });
  });
});

describe("options.threads: scoring on worker threads", () => {
  it("scores bit for bit as one thread does, locks included", async () => {
    const raw = generateCohort({ mentees: 200, mentors: 50, seed: 4 });
    // Two locked pairs, in different shares of the rows.
    const mentors = raw.participants.filter((p) => p.role === "mentor");
    const mentees = raw.participants.filter((p) => p.role === "mentee");
    const locked = [{ mentorId: mentors[0]!.id, menteeId: mentees[3]!.id }, { mentorId: mentors[1]!.id, menteeId: mentees[190]!.id }];
    const cohort = canonicalCohort(parseCohort({ ...raw, program: { ...raw.program, rules: { ...raw.program?.rules, locked } } }));
    const one = scoreMatrix(cohort);
    expect(one.locked).toHaveLength(2);
    const three = await scoreInParallel(cohort, { threads: 3, workerUrl, memoryLimit: 2 ** 31 });
    expect(Buffer.from(three.scores.buffer).equals(Buffer.from(one.scores.buffer))).toBe(true);
    expect(Buffer.from(three.eligible.buffer).equals(Buffer.from(one.eligible.buffer))).toBe(true);
    expect(Buffer.from(three.violations.buffer).equals(Buffer.from(one.violations.buffer))).toBe(true);
    expect(three.locked).toEqual(one.locked);
    expect(three.lockedViolations).toEqual(one.lockedViolations);
  });

  it("match() with threads: 2 gives the result of one thread", async () => {
    const raw = generateCohort({ mentees: 120, mentors: 25, seed: 9 });
    const two = await match(raw, { threads: 2, workerUrl });
    const one = await match(raw);
    expect(withoutTimings(two)).toEqual(withoutTimings(one));
  });

  it("with custom criteria, scores on one thread and says why in warnings", async () => {
    const raw = generateCohort({ mentees: 60, mentors: 12, seed: 9 });
    const criteria = [{ name: "tenure", weight: 0.1, score: () => 0.5 }];
    const result = await match(raw, { threads: 2, workerUrl, criteria });
    expect(result.warnings.some((w) => w.code === "threads-unavailable" && w.message.startsWith("threads: scored on one thread because custom criteria"))).toBe(true);
    expect(withoutTimings(result).matches).toEqual((await match(raw, { criteria })).matches);
  });
});
