import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { maxWeightMatching, verifyMatching } from "../../src/solvers/blossom.js";
import { MatchInputError } from "../../src/errors.js";
import { solveAssignment } from "../../src/solvers/assignment.js";
import { bruteForce, bruteForceProperties, checkAgainstBruteForce, type Edge } from "../support/blossom-oracle.js";

interface Fixture { n: number; edges: Edge[]; maxCardinality: boolean }

const fixturePath = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const loadFixture = (name: string): Fixture => JSON.parse(readFileSync(fixturePath(name), "utf8")) as Fixture;

/**
 * Runs maxWeightMatching on a fixture in a child process (through tsx) with a time limit: a
 * synchronous infinite loop cannot be interrupted inside the vitest worker, so a regression to a
 * hang must fail here instead of freezing or crashing the worker. Returns the child's total.
 */
function totalInChildProcess(name: string): number {
  const script = [
    'const { readFileSync } = await import("node:fs");',
    "const { maxWeightMatching } = await import(process.argv[1]);",
    'const f = JSON.parse(readFileSync(process.argv[2], "utf8"));',
    "const r = maxWeightMatching(f.n, f.edges, { maxCardinality: f.maxCardinality });",
    "process.stdout.write(JSON.stringify({ total: r.total }));",
  ].join("\n");
  const solver = pathToFileURL(fileURLToPath(new URL("../../src/solvers/blossom.ts", import.meta.url))).href;
  const res = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script, solver, fixturePath(name)], {
    cwd: fileURLToPath(new URL("../..", import.meta.url)),
    encoding: "utf8",
    timeout: 20_000,
    killSignal: "SIGKILL",
  });
  expect(res.error?.message ?? null, "child process failed (timed out?)").toBeNull();
  expect(res.signal, "solver did not finish within 20 s").toBeNull();
  expect(res.status, res.stderr).toBe(0);
  return (JSON.parse(res.stdout) as { total: number }).total;
}

describe("maxWeightMatching", () => {
  // Root cause of both: the scan loop kept v's top blossom id from before the blossom it had just
  // formed absorbed v, so an edge inside the new blossom was treated as joining two outer blossoms
  // and wrapped it in a one-child blossom, over and over, until the blossom ids ran out.
  it("regression: dense n=13 integer graph with maxCardinality no longer loops", () => {
    const f = loadFixture("blossom-hang-n13.json");
    const total = totalInChildProcess("blossom-hang-n13.json");
    checkAgainstBruteForce(f.n, f.edges, f.maxCardinality);
    expect(total).toBe(bruteForce(f.n, f.edges, f.maxCardinality).total);
  });

  it("regression: n=11 graph with distinct large weights, without maxCardinality, no longer loops", () => {
    const f = loadFixture("blossom-hang-n11-distinct.json");
    expect(f.maxCardinality).toBe(false);
    const total = totalInChildProcess("blossom-hang-n11-distinct.json");
    checkAgainstBruteForce(f.n, f.edges, f.maxCardinality);
    expect(total).toBe(bruteForce(f.n, f.edges, f.maxCardinality).total);
  });

  // Small runs of the brute-force properties; test/solvers/blossom.slow.test.ts runs the same
  // properties at full size (400 / 2500 up to n 14 / 400 / 300 runs).
  it("equals brute force on random integer graphs (n ≤ 10)", () => {
    bruteForceProperties.integer(60);
  });

  it("equals brute force on sparse graphs (n 10–12; n 10–14 in test:slow)", () => {
    bruteForceProperties.sparse(60, 12);
  });

  it("equals brute force with many ties (weights 0..3)", () => {
    bruteForceProperties.ties(60);
  });

  it("equals brute force on fractional and negative weights", () => {
    bruteForceProperties.fractional(60);
  });

  it("on complete bipartite graphs with maxCardinality, equals solveAssignment (maximising)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 25 }), fc.integer({ min: 1, max: 25 }), fc.array(fc.integer({ min: -100, max: 1000 }), { minLength: 625, maxLength: 625 }),
        (a, b, ws) => {
          const score = Array.from({ length: a }, (_, i) => Array.from({ length: b }, (_, j) => ws[i * 25 + j] as number));
          const edges: Edge[] = [];
          for (let i = 0; i < a; i++) for (let j = 0; j < b; j++) edges.push([i, a + j, (score[i] as number[])[j] as number]);
          const ours = maxWeightMatching(a + b, edges, { maxCardinality: true });
          const ref = solveAssignment(score, { maximize: true });
          expect(ours.total).toBe(ref.total);
          for (let i = 0; i < a; i++) {
            const v = ours.mate[i] as number;
            if (v >= 0) expect(v).toBeGreaterThanOrEqual(a); // never pairs two rows
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it("keeps the heaviest copy of a duplicated edge", () => {
    const { mate, total } = maxWeightMatching(2, [[0, 1, 1], [1, 0, 5], [0, 1, 3]]);
    expect(Array.from(mate)).toEqual([1, 0]);
    expect(total).toBe(5);
  });

  it("leaves negative edges alone unless maxCardinality forces them", () => {
    // Path 0–1–2–3 with weights 5, 1, 5 would pick both 5s; with −1s only maxCardinality matches.
    expect(maxWeightMatching(2, [[0, 1, -1]]).total).toBe(0);
    expect(maxWeightMatching(2, [[0, 1, -1]], { maxCardinality: true }).total).toBe(-1);
    // Triangle 0-1-2 plus pendant 2–3: weights 0–1: 10, 2–3: −4. Max weight: {0–1} = 10;
    // max cardinality: {0–1, 2–3} = 6.
    const edges: Edge[] = [[0, 1, 10], [1, 2, 3], [0, 2, 3], [2, 3, -4]];
    expect(maxWeightMatching(4, edges).total).toBe(10);
    expect(maxWeightMatching(4, edges, { maxCardinality: true }).total).toBe(6);
  });

  it("worked example: a blossom must be shrunk (5-cycle plus a stem)", () => {
    // Cycle 0-1-2-3-4-0 all weight 4, stem 4–5 weight 3. Any matching has ≤ 3 edges; {0–1, 2–3, 4–5}
    // weighs 4 + 4 + 3 = 11, beating any two cycle edges (8).
    const edges: Edge[] = [[0, 1, 4], [1, 2, 4], [2, 3, 4], [3, 4, 4], [4, 0, 4], [4, 5, 3]];
    const { mate, total } = maxWeightMatching(6, edges);
    expect(total).toBe(11);
    expect(mate[5]).toBe(4);
  });

  describe("input errors", () => {
    const issuesOf = (f: () => unknown) => {
      try { f(); } catch (e) { expect(e).toBeInstanceOf(MatchInputError); return (e as MatchInputError).issues; }
      throw new Error("expected a MatchInputError");
    };
    it("out of range, self-loop, NaN/infinite weight, bad n", () => {
      expect(issuesOf(() => maxWeightMatching(2, [[0, 2, 1]]))[0]?.path).toEqual(["edges", 0, 1]);
      expect(issuesOf(() => maxWeightMatching(2, [[-1, 1, 1]]))[0]?.path).toEqual(["edges", 0, 0]);
      expect(issuesOf(() => maxWeightMatching(2, [[1, 1, 1]]))[0]?.code).toBe("self-loop");
      expect(issuesOf(() => maxWeightMatching(2, [[0, 1, NaN]]))[0]?.path).toEqual(["edges", 0, 2]);
      expect(issuesOf(() => maxWeightMatching(2, [[0, 1, Infinity]]))[0]?.path).toEqual(["edges", 0, 2]);
      expect(issuesOf(() => maxWeightMatching(-1, []))[0]?.path).toEqual(["n"]);
    });
    it("verifyMatching reports asymmetric and non-edge pairs", () => {
      expect(verifyMatching(3, [[0, 1, 1]], [1, 0, -1]).valid).toBe(true);
      expect(verifyMatching(3, [[0, 1, 1]], [1, -1, -1]).valid).toBe(false);
      expect(verifyMatching(3, [[0, 1, 1]], [2, -1, 0]).problems[0]).toMatch(/not an edge/);
    });
  });
});
