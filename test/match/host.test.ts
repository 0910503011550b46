// match() shares its host: timers run during a run, and an abort lands inside long stages.
// Timing limits live in bench/host.bench.mjs; these tests only check behaviour.
import { describe, expect, it } from "vitest";
import { generateCohort, match, type MatchStage } from "../../src/index.js";
import { abortErrorOf, runSteps, runStepsAsync, type Steps } from "../../src/steps.js";
import { canonicalJson, cohortFingerprint, fnv1a64 } from "../../src/report/fingerprint.js";
import { parseCohort } from "../../src/model/cohort.js";

function* counting(n: number): Steps<number> {
  let sum = 0;
  for (let i = 0; i < n; i++) {
    sum += i;
    yield;
  }
  return sum;
}

describe("resumable computations (src/steps.ts)", () => {
  it("the sync and the sliced driver return the same value", async () => {
    // 0 + 1 + … + 999 = 999 · 1000 / 2 = 499 500
    expect(runSteps(counting(1000))).toBe(499_500);
    expect(await runStepsAsync(counting(1000), { sliceMs: 0 })).toBe(499_500);
  });

  it("the sliced driver lets timers run between slices", async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    function* busy(): Steps<void> {
      const until = performance.now() + 60;
      while (performance.now() < until) yield;
    }
    await runStepsAsync(busy(), { sliceMs: 2 });
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(0);
  });

  it("abortErrorOf: always a DOMException AbortError, the reason kept as cause", () => {
    const byString = new AbortController();
    byString.abort("stop");
    const e = abortErrorOf(byString.signal);
    expect(e).toBeInstanceOf(DOMException);
    expect(e.name).toBe("AbortError");
    expect(e.cause).toBe("stop");

    const timeout = new AbortController();
    const reason = new DOMException("too slow", "TimeoutError");
    timeout.abort(reason);
    expect(abortErrorOf(timeout.signal)).toMatchObject({ name: "AbortError", cause: reason });

    // The default reason already is an AbortError DOMException: it is passed on as it is.
    const plain = new AbortController();
    plain.abort();
    expect(abortErrorOf(plain.signal)).toBe(plain.signal.reason);
  });
});

describe("the fingerprint, hashed participant by participant", () => {
  it("equals the hash of the whole canonical JSON", () => {
    const cohort = parseCohort(generateCohort({ mentees: 300, mentors: 60, seed: 1 }));
    const participants = [...cohort.participants].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    expect(cohortFingerprint(cohort)).toBe(`fnv1a64:${fnv1a64(canonicalJson({ participants, program: cohort.program }))}`);
  });
});

describe("match() never stalls its host", () => {
  const cohort = generateCohort({ mentees: 900, mentors: 180, seed: 7 });

  it("timers keep firing during a run", async () => {
    let ticks = 0;
    const stagesWithTicks = new Set<MatchStage>();
    let current: MatchStage = "validate";
    const timer = setInterval(() => {
      ticks++;
      stagesWithTicks.add(current);
    }, 1);
    const result = await match(cohort, { onProgress: (stage) => (current = stage) });
    clearInterval(timer);
    expect(result.matches.length).toBeGreaterThan(0);
    expect(ticks).toBeGreaterThan(0);
    // Scoring (900 × 180 pairs) and the flow are long enough to be sliced at least once.
    expect([...stagesWithTicks].some((s) => s === "score" || s === "solve")).toBe(true);
  });

  it("regression: abort(\"stop\") rejects with an AbortError, not the raw string", async () => {
    const controller = new AbortController();
    controller.abort("stop");
    const error = await match(cohort, { signal: controller.signal }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DOMException);
    expect(error).toMatchObject({ name: "AbortError", cause: "stop" });
  });

  it("an abort fired from a timer during the run rejects with AbortError", async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort("timer"), 5);
    await expect(match(cohort, { signal: controller.signal })).rejects.toMatchObject({ name: "AbortError", cause: "timer" });
  });

  // Before the solve stage checked the signal, an abort raised as it started let the whole solve
  // run: the stage still reported its end ("solve" done) before the run rejected.
  for (const objective of ["maxTotal", "maxMin"] as const) {
    it(`regression: an abort at the start of solve (${objective}) stops the solve itself`, async () => {
      const controller = new AbortController();
      const seen: string[] = [];
      const input = { ...cohort, program: { ...cohort.program, objective } };
      const run = match(input, {
        signal: controller.signal,
        onProgress: (stage, done, total) => {
          seen.push(`${stage}:${done === 0 ? "start" : done === total ? "end" : "step"}`);
          if (stage === "solve" && done === 0) controller.abort("stop");
        },
      });
      await expect(run).rejects.toMatchObject({ name: "AbortError", cause: "stop" });
      expect(seen).toContain("solve:start");
      expect(seen).not.toContain("solve:end");
    });
  }

  it("regression: group cohesion scoring reports progress and stops on abort", async () => {
    const group = generateCohort({ mentees: 240, mentors: 40, seed: 3, format: "group" });
    const controller = new AbortController();
    const scoreStarts: number[] = [];
    const run = match(group, {
      signal: controller.signal,
      onProgress: (stage, done) => {
        if (stage === "score" && done === 0) scoreStarts.push(performance.now());
        // The second scoring pass is the mentees' mutual (cohesion) scores.
        if (scoreStarts.length === 2) controller.abort("stop");
      },
    });
    await expect(run).rejects.toMatchObject({ name: "AbortError", cause: "stop" });
    expect(scoreStarts.length).toBe(2);
  });
});
