// HiGHS is optional: with the `highs` package unresolvable (a child process with a
// module-resolution hook, as after `npm install --omit=optional`), quota and group programmes still
// produce feasible results, name the fallback in `warnings`, and equal an in-process run with
// `highs: false`.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { match, parseCohort, selectorMatches, type MatchResult } from "../../src/index.js";
import { embedProgrammes, GROUP_SIZE, SENIOR_QUOTA } from "../support/embed-programmes.js";
import { statsOf } from "../support/result-stats.js";

const root = fileURLToPath(new URL("../..", import.meta.url));

function runWithoutHighs(): Record<"group-quota" | "one-on-one-quota", MatchResult> {
  const out = execFileSync(process.execPath, ["--import", "./test/support/no-highs-register.mjs", "--import", "tsx", "test/support/no-highs-run.ts"], { cwd: root, encoding: "utf8", maxBuffer: 64 << 20 });
  return JSON.parse(out);
}

/** The result without what legitimately differs between runs: timings and the fallback's wording. */
function comparable(r: MatchResult): unknown {
  const { timings: _t, ...stats } = r.stats;
  return { ...r, stats, warnings: r.warnings.map((w) => (w.code === "highs-unavailable" ? "highs-unavailable" : w.message)) };
}

describe("without the highs package", () => {
  const programmes = embedProgrammes();
  const cohort = parseCohort(programmes["group-quota"]);
  const byId = new Map(cohort.participants.map((p) => [p.id, p]));
  const engineering = cohort.participants.filter((p) => p.role !== "mentor" && selectorMatches(p, SENIOR_QUOTA.mentees));
  const quotaHits = (r: MatchResult): number =>
    r.matches.reduce((n, m) => n + m.menteeIds.filter((id) => selectorMatches(byId.get(id)!, SENIOR_QUOTA.mentees) && selectorMatches(byId.get(m.mentorIds[0]!)!, SENIOR_QUOTA.mentors)).length, 0);
  const results = runWithoutHighs();

  it("the group programme with a quota is feasible: sizes, seats, quota, everyone placed once", () => {
    const r = results["group-quota"];
    expect(r.stats.solver).toBe("constraint/local");
    expect(r.warnings.find((w) => w.code === "highs-unavailable")?.message).toMatch(/Cannot find package 'highs'.*local search with its own flow bound/);
    expect(statsOf(r, "group").bound).toEqual(expect.any(Number));
    expect(statsOf(r, "group").bound!).toBeGreaterThanOrEqual(r.stats.total - 1e-9);
    const seen = new Set<string>();
    for (const g of r.matches) {
      expect(g.menteeIds.length).toBeGreaterThanOrEqual(GROUP_SIZE.min);
      expect(g.menteeIds.length).toBeLessThanOrEqual(GROUP_SIZE.max);
      for (const id of g.menteeIds) {
        expect(seen.has(id), `${id} placed twice`).toBe(false);
        seen.add(id);
      }
    }
    expect(seen.size).toBeGreaterThan(0);
    expect(quotaHits(r)).toBeGreaterThanOrEqual(SENIOR_QUOTA.min * engineering.length);
  });

  it("the one-on-one programme with a quota keeps the quota and the mentors' capacities", () => {
    const r = results["one-on-one-quota"];
    expect(r.stats.solver).toBe("constraint/local");
    expect(r.warnings.some((w) => w.code === "highs-unavailable")).toBe(true);
    expect(quotaHits(r)).toBeGreaterThanOrEqual(SENIOR_QUOTA.min * engineering.length);
    const load = new Map<string, number>();
    for (const m of r.matches) load.set(m.mentorIds[0]!, (load.get(m.mentorIds[0]!) ?? 0) + 1);
    for (const [id, n] of load) expect(n).toBeLessThanOrEqual(byId.get(id)!.capacity);
  });

  it("gives the same result as highs: false in this process", async () => {
    for (const name of ["group-quota", "one-on-one-quota"] as const) {
      const here = await match(programmes[name], { highs: false });
      expect(comparable(results[name]), name).toEqual(comparable(JSON.parse(JSON.stringify(here))));
    }
  });
});
