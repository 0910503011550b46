import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../../src/cli/main.js";

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err };
}

const dir = mkdtempSync(join(tmpdir(), "mentormatch-cli-"));
const sample = join(import.meta.dirname, "../../examples/cohort.json");

describe("mentormatch CLI", () => {
  it("validate: a valid cohort exits 0 with counts", async () => {
    const c = capture();
    expect(await runCli(["validate", sample], c.io)).toBe(0);
    expect(c.out[0]).toMatch(/valid — 85 participants \(60 mentees, 25 mentors\), format one-on-one/);
  });

  it("validate: an invalid cohort exits 1 and prints each issue with its path", async () => {
    const bad = join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify({ participants: [{ id: "a", role: "mentee", availability: { slots: [{ day: "mon", start: "25:00", end: "26:00" }] } }] }));
    const c = capture();
    expect(await runCli(["validate", bad], c.io)).toBe(1);
    expect(c.err.join("\n")).toContain("participants[0].availability.slots[0].start [invalid-time]");
  });

  it("validate: unreadable or non-JSON files are input errors, not crashes", async () => {
    const notJson = join(dir, "x.json");
    writeFileSync(notJson, "{ nope");
    const c = capture();
    expect(await runCli(["validate", notJson], c.io)).toBe(1);
    expect(c.err.join("\n")).toContain("[invalid-json]");
    expect(await runCli(["validate", join(dir, "missing.json")], capture().io)).toBe(1);
  });

  it("match: writes the result JSON and a summary; flags override the programme", async () => {
    const out = join(dir, "result.json");
    const c = capture();
    expect(await runCli(["match", sample, "--out", out, "--objective", "maxMin"], c.io)).toBe(0);
    const result = JSON.parse(readFileSync(out, "utf8"));
    expect(result.format).toBe("one-on-one");
    expect(result.stats.objective).toBe("maxMin");
    expect(result.matches.length).toBeGreaterThan(0);
    expect(c.err[0]).toMatch(/^one-on-one: \d+ matches/);
  });

  it("match: participants from CSV with the programme from --program", async () => {
    const csv = join(dir, "people.csv");
    writeFileSync(csv, "id,role,level,languages,goals\nm1,mentor,6,English,leadership\nm2,mentor,6,German,leadership\na,mentee,2,English,leadership\nb,mentee,2,German,leadership\n");
    const program = join(dir, "program.json");
    writeFileSync(program, JSON.stringify({ name: "CSV pilot", objective: "maxMin" }));
    const out = join(dir, "csv-result.json");
    expect(await runCli(["match", csv, "--program", program, "--out", out, "--quiet"], capture().io)).toBe(0);
    const result = JSON.parse(readFileSync(out, "utf8"));
    const pairs = result.matches.map((m: { mentorIds: string[]; menteeIds: string[] }) => [m.mentorIds[0], m.menteeIds[0]]);
    expect(pairs).toEqual([["m1", "a"], ["m2", "b"]]);
    const bad = join(dir, "bad.csv");
    writeFileSync(bad, "id,role,level\na,mentee,junior\n");
    const c = capture();
    expect(await runCli(["validate", bad], c.io)).toBe(1);
    expect(c.err.join("\n")).toContain("line 2, level");
  });

  it("schema prints the JSON Schema; unknown commands are usage errors", async () => {
    const c = capture();
    expect(await runCli(["schema"], c.io)).toBe(0);
    expect(JSON.parse(c.out[0]!).title).toBe("mentormatch cohort");
    expect(await runCli(["frobnicate"], capture().io)).toBe(2);
    expect(await runCli([], capture().io)).toBe(2);
  });
});
