import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main.js";
import type { CliIo } from "../../src/cli/command.js";
import { auditResult, calibrateWeights, compareResults, match, MatchInputError, parseCohort } from "../../src/index.js";
import { parseOutcomesCsv } from "../../src/evaluate/outcomes-csv.js";

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  const io: Partial<CliIo> = { out: (t) => out.push(t), write: (d) => out.push(String(d)), err: (t) => err.push(t), status: () => {}, stderrIsTTY: false, env: {} };
  return { io, out, err };
}

const dir = mkdtempSync(join(tmpdir(), "mentormatch-eval-"));
const sample = join(import.meta.dirname, "../../examples/cohort.json");
const outcomesCsv = join(import.meta.dirname, "../../examples/outcomes.csv");

describe("mentormatch calibrate", () => {
  it("writes the programme with the library's weights and prints each change with its interval", async () => {
    const out = join(dir, "program.new.json");
    const c = capture();
    expect(await runCli(["calibrate", outcomesCsv, "--cohort", sample, "--out", out, "--bootstrap", "30"], c.io)).toBe(0);
    const program = JSON.parse(readFileSync(out, "utf8"));
    const raw = JSON.parse(readFileSync(sample, "utf8"));
    const expected = calibrateWeights(parseCohort(raw), parseOutcomesCsv(readFileSync(outcomesCsv, "utf8")), { bootstrap: 30 });
    expect(program.weights).toEqual(expected.weights);
    // The rest of the programme is kept as written.
    expect({ ...program, weights: raw.program.weights }).toEqual(raw.program);
    const text = c.out.join("\n");
    expect(text).toMatch(/^held-out AUC \d\.\d{3} \(current weights \d\.\d{3}/m);
    for (const name of ["goals", "skills", "personality", "availability", "diversity", "preferences"]) expect(text).toMatch(new RegExp(`^${name} +\\d\\.\\d{3} → +\\d\\.\\d{3} +\\d+\\.\\d % +\\d+\\.\\d % – \\d+\\.\\d %$`, "m"));
  });

  it("needs --cohort (usage error, exit 2) and names a bad outcome (exit 1)", async () => {
    const c = capture();
    expect(await runCli(["calibrate", outcomesCsv], c.io)).toBe(2);
    expect(c.err.join("\n")).toMatch(/--cohort/);
    const bad = join(dir, "bad.csv");
    writeFileSync(bad, "menteeId,mentorId,outcome\nmentee-001,mentor-001,maybe\n");
    const d = capture();
    expect(await runCli(["calibrate", bad, "--cohort", sample], d.io)).toBe(1);
    expect(d.err.join("\n")).toMatch(/line 2: outcome "maybe"/);
  });

  it("parseOutcomesCsv reads booleans and numbers and wants the three columns", () => {
    expect(parseOutcomesCsv("MentorId,menteeId,outcome,note\nm,e,yes,x\nm,f,4,\n")).toEqual([
      { menteeId: "e", mentorId: "m", outcome: true },
      { menteeId: "f", mentorId: "m", outcome: 4 },
    ]);
    expect(() => parseOutcomesCsv("menteeId,outcome\ne,1\n")).toThrow(MatchInputError);
  });
});

describe("mentormatch audit", () => {
  it("prints the library's audit of a fresh match as a table", async () => {
    const c = capture();
    expect(await runCli(["audit", sample, "--group-by", "department"], c.io)).toBe(0);
    const lines = c.out.join("").trimEnd().split("\n");
    const cohort = parseCohort(JSON.parse(readFileSync(sample, "utf8")));
    const audit = auditResult(await match(cohort), cohort, { groupBy: "department" });
    expect(lines[0]).toMatch(/^audit of mentees by department/);
    expect(lines[1]).toMatch(/^group +people +matched +match rate/);
    expect(lines.slice(2, 2 + audit.groups.length).map((l) => l.split(/ {2,}/).slice(0, 3))).toEqual(audit.groups.map((g) => [g.group, String(g.participants), String(g.matched)]));
  });

  it("reads a stored result, and --format json is the audit itself", async () => {
    const cohort = parseCohort(JSON.parse(readFileSync(sample, "utf8")));
    const result = await match(cohort);
    const stored = join(dir, "result.json");
    writeFileSync(stored, JSON.stringify(result));
    const c = capture();
    expect(await runCli(["audit", sample, "--result", stored, "--group-by", "level", "--min-group-size", "1", "--format", "json"], c.io)).toBe(0);
    expect(JSON.parse(c.out.join(""))).toEqual(JSON.parse(JSON.stringify(auditResult(result, cohort, { groupBy: "level", minGroupSize: 1 }))));
  });

  it("--format html is the programme report with the audit section", async () => {
    const c = capture();
    expect(await runCli(["audit", sample, "--group-by", "level", "--format", "html"], c.io)).toBe(0);
    const html = c.out.join("");
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain("Audit by level (mentees)");
  });

  it("refuses a diversity field without --allow-sensitive (exit 1), and needs --group-by (exit 2)", async () => {
    const c = capture();
    expect(await runCli(["audit", sample, "--group-by", "diversity.gender"], c.io)).toBe(1);
    expect(c.err.join("\n")).toMatch(/sensitive-group-by/);
    expect(await runCli(["audit", sample], capture().io)).toBe(2);
  });
});

describe("mentormatch compare", () => {
  it("prints the library's comparison of two stored results", async () => {
    const raw = JSON.parse(readFileSync(sample, "utf8"));
    const before = await match(raw);
    const after = await match({ ...raw, program: { ...raw.program, objective: "maxMin" } });
    const a = join(dir, "before.json");
    const b = join(dir, "after.json");
    writeFileSync(a, JSON.stringify(before));
    writeFileSync(b, JSON.stringify(after));
    const c = capture();
    expect(await runCli(["compare", a, b], c.io)).toBe(0);
    const expected = compareResults(before, after);
    const lines = c.out.join("").trimEnd().split("\n");
    expect(lines[0]).toMatch(new RegExp(`^${expected.summary.kept} pairs kept, ${expected.summary.added} added, ${expected.summary.dropped} dropped`));
    expect(lines.slice(2).map((l) => l.trim().split(/[ :]+/).slice(0, 2))).toEqual(expected.participants.map((p) => [p.status, p.id]));
    const d = capture();
    expect(await runCli(["compare", a, b, "--format", "json"], d.io)).toBe(0);
    expect(JSON.parse(d.out.join(""))).toEqual(JSON.parse(JSON.stringify(expected)));
  });

  it("a file that is not a result exits 1; a missing argument exits 2", async () => {
    const bad = join(dir, "not-a-result.json");
    writeFileSync(bad, "{}");
    expect(await runCli(["compare", bad, bad], capture().io)).toBe(1);
    expect(await runCli(["compare", bad], capture().io)).toBe(2);
  });
});
