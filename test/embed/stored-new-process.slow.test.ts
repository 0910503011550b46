// A result stored as JSON and read back in another process (weeks later, as far as the code can
// tell) gives the same explainWhyNot and rematch answers as the live result did.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { explainWhyNot, match, parseCohort, rematch } from "../../src/index.js";
import { exampleCohort } from "../support/embed-programmes.js";

const root = fileURLToPath(new URL("../..", import.meta.url));

describe("stored result in a new process", () => {
  it("examples/cohort.json one-on-one: every why-not of one mentee and a rematch agree", async () => {
    const input = exampleCohort();
    const live = await match(input);
    const cohort = parseCohort(input);
    const mentee = live.matches[0]!.menteeIds[0]!;
    const pairs: [string, string][] = cohort.participants.filter((p) => p.role === "mentor").map((m) => [mentee, m.id]);
    const changes = { leave: [mentee], reject: [{ mentorId: live.matches[1]!.mentorIds[0]!, menteeId: live.matches[1]!.menteeIds[0]! }] };
    const dir = mkdtempSync(join(tmpdir(), "mentormatch-stored-"));
    try {
      const file = join(dir, "stored.json");
      writeFileSync(file, JSON.stringify({ stored: { cohort: input, result: live }, pairs, changes }));
      const out = JSON.parse(execFileSync(process.execPath, ["--import", "tsx", "test/support/stored-answers.ts", file], { cwd: root, encoding: "utf8", maxBuffer: 64 << 20 }));
      expect(out.whyNot).toEqual(JSON.parse(JSON.stringify(pairs.map(([e, m]) => explainWhyNot(live, e, m)))));
      expect(out.whyNot.some((w: { verdict: string }) => w.verdict === "cost")).toBe(true);
      const again = await rematch(live, changes);
      const { timings: _t, ...stats } = again.stats;
      expect(out.rematch).toEqual(JSON.parse(JSON.stringify({ ...again, stats })));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
