import { describe, expect, it } from "vitest";
import * as fs from "node:fs";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { runCli } from "../../src/cli/main.js";
import { COMMANDS } from "../../src/cli/registry.js";
import type { CliFs } from "../../src/cli/files.js";
import type { CliIo } from "../../src/cli/command.js";

function capture(extra: Partial<CliIo> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const status: string[] = [];
  const io: Partial<CliIo> = {
    out: (t) => out.push(t),
    write: (d) => out.push(typeof d === "string" ? d : Buffer.from(d).toString("latin1")),
    err: (t) => err.push(t),
    status: (t) => status.push(t),
    stderrIsTTY: false,
    env: {},
    ...extra,
  };
  return { io, out, err, status, stderr: () => err.join("\n") };
}

const dir = mkdtempSync(join(tmpdir(), "mentormatch-cli-"));
const sample = join(import.meta.dirname, "../../examples/cohort.json");
const small = join(dir, "small.json");
writeFileSync(
  small,
  JSON.stringify({
    participants: [
      { id: "m1", name: "Mia Mentor", role: "mentor", level: 6, languages: ["English"], goals: ["leadership"] },
      { id: "a", name: "Ann", role: "mentee", level: 2, languages: ["English"], goals: ["leadership"] },
      { id: "b", role: "mentee", level: 2, languages: ["German"], goals: ["leadership"] },
    ],
  }),
);

describe("mentormatch CLI: commands and exit code 0", () => {
  it("validate: a valid cohort exits 0 with counts", async () => {
    const c = capture();
    expect(await runCli(["validate", sample], c.io)).toBe(0);
    expect(c.out[0]).toMatch(/valid — 85 participants \(60 mentees, 25 mentors\), format one-on-one/);
  });

  it("match: writes the result JSON and a summary with names; flags override the programme", async () => {
    const out = join(dir, "result.json");
    const c = capture();
    expect(await runCli(["match", sample, "--out", out, "--objective", "maxMin"], c.io)).toBe(0);
    const result = JSON.parse(readFileSync(out, "utf8"));
    expect(result.format).toBe("one-on-one");
    expect(result.stats.objective).toBe("maxMin");
    expect(result.matches.length).toBeGreaterThan(0);
    expect(c.err[0]).toMatch(/^one-on-one: \d+ matches/);
    expect(c.out).toEqual([]);
  });

  it("match: without --out the JSON goes to stdout; the summary names people as name (id)", async () => {
    const c = capture();
    expect(await runCli(["match", small, "--seed", "3"], c.io)).toBe(0);
    const result = JSON.parse(c.out.join(""));
    expect(result.matches.map((m: { menteeIds: string[] }) => m.menteeIds[0])).toEqual(["a"]);
    // b speaks only German, m1 only English: b is unmatched and shown by id (no name given).
    expect(c.stderr()).toContain("unmatched mentee b:");
    expect(result.stats).toBeDefined();
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
    expect(result.stats.objective).toBe("maxMin");
  });

  it("schema prints the JSON Schema", async () => {
    const c = capture();
    expect(await runCli(["schema"], c.io)).toBe(0);
    expect(JSON.parse(c.out.join("")).title).toBe("mentormatch cohort");
  });

  it("--help and -h work for every command, and list the exit codes", async () => {
    for (const command of COMMANDS) {
      for (const flag of ["--help", "-h"]) {
        const c = capture();
        expect(await runCli([command.name, flag], c.io)).toBe(0);
        expect(c.out[0]).toContain(`Usage: mentormatch ${command.name}`);
        for (const name of Object.keys(command.options)) expect(c.out[0]).toContain(`--${name}`);
        expect(c.out[0]).toMatch(/Exit codes:[\s\S]*\b3\b/);
      }
    }
    const c = capture();
    expect(await runCli(["--help"], c.io)).toBe(0);
    for (const command of COMMANDS) expect(c.out[0]).toContain(command.name);
    expect(await runCli(["help", "match"], capture().io)).toBe(0);
    const v = capture();
    expect(await runCli(["--version"], v.io)).toBe(0);
    expect(v.out[0]).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe("mentormatch CLI: exit code 1 (invalid input)", () => {
  it("an invalid cohort exits 1 and prints each issue with its path", async () => {
    const bad = join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify({ participants: [{ id: "a", role: "mentee", availability: { slots: [{ day: "mon", start: "25:00", end: "26:00" }] } }] }));
    const c = capture();
    expect(await runCli(["validate", bad], c.io)).toBe(1);
    expect(c.stderr()).toContain("participants[0].availability.slots[0].start [invalid-time]");
  });

  it("issue-11: issues about JSON participants name the participant's id beside the array index", async () => {
    const bad = join(dir, "bad-zone.json");
    writeFileSync(bad, JSON.stringify({ participants: [{ id: "ok", role: "mentor" }, { id: "mentee-7", role: "mentee", timezone: "Mars/Olympus" }] }));
    const c = capture();
    expect(await runCli(["validate", bad], c.io)).toBe(1);
    expect(c.stderr()).toMatch(/participants\[1\]\.timezone \[invalid-timezone\] id "mentee-7": "Mars\/Olympus"/);
  });

  it("a bad CSV value exits 1 and names the line and column", async () => {
    const bad = join(dir, "bad.csv");
    writeFileSync(bad, "id,role,level\na,mentee,junior\n");
    const c = capture();
    expect(await runCli(["validate", bad], c.io)).toBe(1);
    expect(c.stderr()).toContain(`csv[2].level [csv-value] line 2 (id "a"), level: "junior" is not a whole number`);
  });

  it("issue-11: JSON syntax errors give line and column, not a character offset", async () => {
    const notJson = join(dir, "x.json");
    // Line 3 is `  "b": }`: the value is missing where "}" stands, column 8.
    writeFileSync(notJson, '{\n  "a": 1,\n  "b": }\n');
    const c = capture();
    expect(await runCli(["validate", notJson], c.io)).toBe(1);
    expect(c.stderr()).toContain("[invalid-json]");
    expect(c.stderr()).toContain('unexpected "}" at line 3, column 8');
  });

  it("issue-14.12: a JSON cohort with a UTF-8 byte-order mark is accepted", async () => {
    const withBom = join(dir, "bom.json");
    writeFileSync(withBom, "\uFEFF" + readFileSync(small, "utf8"));
    const c = capture();
    expect(await runCli(["validate", withBom], c.io)).toBe(0);
    expect(c.out[0]).toContain("valid — 3 participants");
  });

  it("a syntax error in the --program file names that file, with line and column", async () => {
    const broken = join(dir, "broken-program.json");
    writeFileSync(broken, '{ "objective": maxMin }');
    const people = join(dir, "two-people.csv");
    writeFileSync(people, "id,role\na,mentor\nb,mentee\n");
    const c = capture();
    expect(await runCli(["validate", people, "--program", broken], c.io)).toBe(1);
    // `{ "objective": maxMin }`: "{" 1, space 2, the quoted key 3–13, ":" 14, space 15, "m" 16.
    expect(c.stderr()).toContain(`${broken} is not valid JSON: unexpected "m" at line 1, column 16`);
  });

  it("issue-14.12: control characters in ids and names are escaped on the terminal", async () => {
    const evil = join(dir, "evil.json");
    writeFileSync(evil, JSON.stringify({ participants: [{ id: "m1", role: "mentor", languages: ["en"] }, { id: "x\u001b[2J\u009b", name: "Eve\u001b]0;pwned\u0007", role: "mentee", languages: ["fr"] }] }));
    const c = capture();
    expect(await runCli(["match", evil], c.io)).toBe(0);
    const text = c.stderr();
    expect(text).toContain("unmatched mentee Eve\\x1b]0;pwned\\x07 (x\\x1b[2J\\x9b)");
    // eslint-disable-next-line no-control-regex -- the assertion is that no control character survives.
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });
});

describe("mentormatch CLI: exit code 2 (usage)", () => {
  const usage = async (args: string[]) => {
    const c = capture();
    const code = await runCli(args, c.io);
    return { code, stderr: c.stderr(), out: c.out };
  };

  it("issue-11: a misspelt flag (--objectve maxMin) is named, with the closest valid flag", async () => {
    const r = await usage(["match", small, "--objectve", "maxMin"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown flag --objectve");
    expect(r.stderr).toContain("did you mean --objective?");
    expect(r.out).toEqual([]);
  });

  it("issue-11: --bogus --out r.json exits 2 and writes nothing", async () => {
    const out = join(dir, "never.json");
    const r = await usage(["match", small, "--bogus", "--out", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown flag --bogus");
    expect(fs.existsSync(out)).toBe(false);
  });

  it("an unknown command is named, with the closest command", async () => {
    const r = await usage(["mtach", small]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown command "mtach"; did you mean "match"?');
    expect((await usage([])).code).toBe(2);
    expect((await usage(["help", "frobnicate"])).code).toBe(2);
  });

  it("a value outside a flag's choices is named, with the closest choice", async () => {
    const r = await usage(["match", small, "--objective", "maxmin"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--objective "maxmin" is not one of maxTotal, maxMin, priority; did you mean maxMin?');
    expect((await usage(["match", small, "--solver", "quantum"])).code).toBe(2);
  });

  it("issue-11: --seed abc is a usage error, not a file problem", async () => {
    const r = await usage(["match", small, "--seed", "abc"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--seed "abc"');
    expect((await usage(["match", small, "--seed", "1.5"])).code).toBe(2);
  });

  it("issue-14.12: --seed with no value is a usage error (was seed 0)", async () => {
    const r = await usage(["match", small, "--seed"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--seed needs a value");
    expect((await usage(["match", small, "--seed", "--quiet"])).code).toBe(2);
  });

  it("issue-14.12: extra positional arguments are a usage error (were ignored)", async () => {
    const r = await usage(["match", small, "other.json"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unexpected argument "other.json"');
    expect((await usage(["schema", "x"])).code).toBe(2);
    expect((await usage(["match"])).code).toBe(2);
  });

  it("issue-14.12: --program with a JSON cohort that has its own programme is a usage error (was ignored)", async () => {
    const withProgram = join(dir, "with-program.json");
    writeFileSync(withProgram, JSON.stringify({ participants: JSON.parse(readFileSync(small, "utf8")).participants, program: { objective: "maxTotal" } }));
    const program = join(dir, "p.json");
    writeFileSync(program, JSON.stringify({ objective: "maxMin" }));
    const r = await usage(["match", withProgram, "--program", program]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('has its own "program"');
    // Without a programme of its own, the JSON file takes the one from --program.
    const c = capture();
    expect(await runCli(["match", small, "--program", program], c.io)).toBe(0);
    expect(JSON.parse(c.out.join("")).stats.objective).toBe("maxMin");
  });

  it("-h is help, and a flag value for a boolean flag is refused", async () => {
    expect((await usage(["match", "-h"])).code).toBe(0);
    const r = await usage(["match", small, "--quiet=yes"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--quiet takes no value");
  });
});

describe("mentormatch CLI: exit code 3 (files) and atomic --out", () => {
  const existing = () => {
    const path = join(dir, `keep-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(path, '{"kept":true}\n');
    return path;
  };
  const leftovers = (folder: string) => readdirSync(folder).filter((f) => f.endsWith(".tmp"));

  it("a missing input file exits 3 with one line", async () => {
    const c = capture();
    expect(await runCli(["validate", join(dir, "missing.json")], c.io)).toBe(3);
    expect(c.err).toHaveLength(1);
    expect(c.err[0]).toContain("no such file or directory (ENOENT)");
  });

  it("issue-14.11: --out into a missing directory exits 3 with one line, no stack", async () => {
    const c = capture();
    expect(await runCli(["match", small, "--quiet", "--out", join(dir, "no-such-dir", "r.json")], c.io)).toBe(3);
    expect(c.err).toEqual([expect.stringMatching(/cannot write .*r\.json: directory .*no-such-dir does not exist$/)]);
  });

  it("issue-14.11: --out onto a directory exits 3 and leaves it alone", async () => {
    const folder = join(dir, "a-folder");
    mkdirSync(folder);
    const c = capture();
    expect(await runCli(["match", small, "--quiet", "--out", folder], c.io)).toBe(3);
    expect(c.err[0]).toContain("it is a directory");
    expect(fs.statSync(folder).isDirectory()).toBe(true);
  });

  for (const code of ["ENOSPC", "EFBIG"]) {
    it(`issue-14.11: ${code} in the middle of the write leaves the existing file untouched and no temporary file`, async () => {
      const target = existing();
      let written = 0;
      const failing: CliFs = {
        ...fs,
        writeSync: ((fd: number, data: Uint8Array, offset: number, length: number) => {
          // The first 4 KiB go through, then the disk is "full" (or the file "too large").
          if (written >= 4096) throw Object.assign(new Error(`${code}: simulated`), { code });
          const n = fs.writeSync(fd, data, offset, Math.min(length, 4096));
          written += n;
          return n;
        }) as CliFs["writeSync"],
      };
      const c = capture({ fs: failing });
      expect(await runCli(["match", sample, "--quiet", "--out", target], c.io)).toBe(3);
      expect(written).toBe(4096);
      expect(c.err).toHaveLength(1);
      expect(c.err[0]).toContain(`(${code})`);
      expect(readFileSync(target, "utf8")).toBe('{"kept":true}\n');
      expect(leftovers(dir)).toEqual([]);
    });
  }

  it("a write refused by permissions (EACCES) exits 3 and leaves the existing file untouched", async () => {
    // Injected: the tests may run as root, for whom a read-only directory is still writable.
    const target = existing();
    const denied: CliFs = { ...fs, openSync: (() => { throw Object.assign(new Error("EACCES: simulated"), { code: "EACCES" }); }) };
    const c = capture({ fs: denied });
    expect(await runCli(["match", small, "--quiet", "--out", target], c.io)).toBe(3);
    expect(c.err[0]).toContain("permission denied (EACCES)");
    expect(readFileSync(target, "utf8")).toBe('{"kept":true}\n');
  });

  it("a successful --out replaces the file whole, keeps its permissions, and leaves no temporary file", async () => {
    const target = existing();
    fs.chmodSync(target, 0o640);
    expect(await runCli(["match", small, "--quiet", "--out", target], capture().io)).toBe(0);
    expect(JSON.parse(readFileSync(target, "utf8")).format).toBe("one-on-one");
    expect(fs.statSync(target).mode & 0o777).toBe(0o640);
    expect(leftovers(dir)).toEqual([]);
  });
});

describe("mentormatch CLI: exit code 70 and progress", () => {
  it("an unexpected error exits 70 with one line and no stack", async () => {
    const c = capture({ write: () => { throw new TypeError("boom"); } });
    expect(await runCli(["schema"], c.io)).toBe(70);
    expect(c.err).toEqual([expect.stringContaining("internal error: boom")]);
  });

  it("progress goes to stderr on a terminal, not with --quiet, in CI or off a terminal", async () => {
    const run = async (extra: Partial<CliIo>, args: string[] = []) => {
      const c = capture(extra);
      expect(await runCli(["match", sample, "--out", join(dir, "progress.json"), ...args], c.io)).toBe(0);
      return c.status;
    };
    const shown = await run({ stderrIsTTY: true, env: {} });
    expect(shown.some((s) => s.includes("mentormatch: score"))).toBe(true);
    expect(shown.at(-1)).toBe("");
    expect(await run({ stderrIsTTY: true, env: { CI: "true" } })).toEqual([]);
    expect(await run({ stderrIsTTY: true, env: {} }, ["--quiet"])).toEqual([]);
    expect(await run({ stderrIsTTY: false, env: {} })).toEqual([]);
  });

  it("issue-14.12: `| head` closing the pipe ends the run quietly (no EPIPE stack)", () => {
    const main = join(import.meta.dirname, "../../src/cli/main.ts");
    const r = spawnSync("bash", ["-c", `node --import tsx "${main}" match "${sample}" --quiet | head -c 10 >/dev/null; echo "status=\${PIPESTATUS[0]}" >&2`], { encoding: "utf8", cwd: join(import.meta.dirname, "../.."), timeout: 60_000 });
    expect(r.stderr).not.toMatch(/EPIPE|Error|at /);
    expect(r.stderr).toContain("status=0");
  });
});

describe("mentormatch CLI: HRIS exports (--map, map, .xlsx)", () => {
  const fixtures = join(import.meta.dirname, "../fixtures");
  const csv = join(fixtures, "hris-export.csv");
  const xlsx = join(fixtures, "hris-export.xlsx");
  const mapping = join(fixtures, "hris-mapping.json");
  const pairsOf = (json: string) =>
    JSON.parse(json).matches.map((m: { mentorIds: string[]; menteeIds: string[] }) => [m.mentorIds[0], m.menteeIds[0]]).sort();

  it("issue-11: the hand-written HRIS export validates and matches through --map (CSV and .xlsx)", async () => {
    for (const file of [csv, xlsx]) {
      const v = capture();
      expect(await runCli(["validate", file, "--map", mapping], v.io)).toBe(0);
      expect(v.out[0]).toContain("valid — 4 participants (2 mentees, 2 mentors)");
      const out = join(dir, `hris-${file.endsWith("xlsx") ? "xlsx" : "csv"}.json`);
      const m = capture();
      expect(await runCli(["match", file, "--map", mapping, "--out", out], m.io)).toBe(0);
      // E201 speaks only German and only E100 does; E101 takes E200.
      expect(pairsOf(readFileSync(out, "utf8"))).toEqual([["E100", "E201"], ["E101", "E200"]]);
    }
  });

  it("without --map the export is refused (exit 1), each unknown column once with a hint", async () => {
    const c = capture();
    expect(await runCli(["validate", csv], c.io)).toBe(1);
    expect(c.err[0]).toContain("6 issues");
    expect(c.stderr()).toContain('column 1 "Employee ID" is not a participant field (did you mean "id"?); run "mentormatch map" to write a column mapping');
  });

  it("map scaffolds a mapping with best guesses that validates the export as it is", async () => {
    for (const file of [csv, xlsx]) {
      const scaffold = join(dir, `scaffold-${file.endsWith("xlsx") ? "xlsx" : "csv"}.json`);
      const c = capture();
      expect(await runCli(["map", file, "--out", scaffold], c.io)).toBe(0);
      const written = JSON.parse(readFileSync(scaffold, "utf8"));
      expect(written.columns).toMatchObject({ id: "Employee ID", name: "Full Name", role: "Programme Role", level: "Job Level", department: "DEPARTMENT", "availability.slots": "Availability" });
      expect(written.values.level).toMatchObject({ L7: 7, L6: 6, L2: 2 });
      expect(written.ignore).toEqual(["E-mail"]);
      expect(c.stderr()).toContain('"Employee ID" → id (a common HR name for it: check)');
      expect(await runCli(["validate", file, "--map", scaffold], capture().io)).toBe(0);
    }
  });

  it("issues about table participants cite the line and id, not the array index", async () => {
    const bad = join(dir, "bad-zone.csv");
    writeFileSync(bad, "id;role;timezone\na;mentee;Europe/London\n\nb;mentor;Mars/Olympus\n");
    const c = capture();
    expect(await runCli(["validate", bad], c.io)).toBe(1);
    expect(c.stderr()).toMatch(/participants\[1\]\.timezone \[invalid-timezone\] line 4 \(id "b"\): "Mars\/Olympus"/);
  });

  it("a bad mapping file exits 1 with its issues; --map with a JSON cohort is a usage error", async () => {
    const badMapping = join(dir, "bad-mapping.json");
    writeFileSync(badMapping, JSON.stringify({ columns: { levl: "Job Level" } }));
    const c = capture();
    expect(await runCli(["validate", csv, "--map", badMapping], c.io)).toBe(1);
    expect(c.stderr()).toContain('mapping.columns.levl [unknown-field] "levl" is not a participant field; did you mean "level"?');
    const u = capture();
    expect(await runCli(["validate", small, "--map", mapping], u.io)).toBe(2);
    expect(u.stderr()).toContain("--map applies to CSV and .xlsx input");
  });

  it("a file that claims to be .xlsx but is not is invalid input (exit 1)", async () => {
    const fake = join(dir, "fake.xlsx");
    writeFileSync(fake, "id,role\na,mentee\n");
    const c = capture();
    expect(await runCli(["validate", fake], c.io)).toBe(1);
    expect(c.stderr()).toContain("[invalid-xlsx]");
  });
});

describe("mentormatch CLI: --format", () => {
  it("csv writes the pairs and, beside them, the unmatched with their reasons", async () => {
    const out = join(dir, "pairs.csv");
    const c = capture();
    expect(await runCli(["match", small, "--format", "csv", "--out", out, "--bom"], c.io)).toBe(0);
    const pairs = readFileSync(out, "utf8");
    expect(pairs.startsWith("\uFEFFmatch,mentor_id,mentor_name")).toBe(true);
    expect(pairs).toContain(",m1,Mia Mentor,");
    const unmatched = readFileSync(join(dir, "pairs.unmatched.csv"), "utf8");
    expect(unmatched.split("\r\n")[1]).toMatch(/^b,,,mentee,no-eligible-partner,/);
    expect(c.stderr()).toContain(`wrote ${out} and ${join(dir, "pairs.unmatched.csv")}`);
  });

  it("the --out extension picks the format; csv on stdout writes the pairs only", async () => {
    const out = join(dir, "by-extension.csv");
    expect(await runCli(["match", small, "--out", out, "--quiet"], capture().io)).toBe(0);
    expect(readFileSync(out, "utf8").startsWith("match,mentor_id")).toBe(true);
    const c = capture();
    expect(await runCli(["match", small, "-f", "csv"], c.io)).toBe(0);
    expect(c.out.join("")).toMatch(/^match,mentor_id/);
    expect(c.stderr()).toContain("the unmatched list is written only with --out");
  });

  it("html writes the self-contained report, with --group-by breakdowns", async () => {
    const out = join(dir, "report.html");
    expect(await runCli(["match", small, "--out", out, "--group-by", "level", "--quiet"], capture().io)).toBe(0);
    const html = readFileSync(out, "utf8");
    expect(html.slice(0, 15).toLowerCase()).toBe("<!doctype html>");
    expect(html).toContain("Mia Mentor");
    // A field the report cannot group by is invalid input, reported by toHtmlReport.
    expect(await runCli(["match", small, "-f", "html", "--group-by", "bogus"], capture().io)).toBe(1);
  });

  it("flags for another format, and a format not available yet, are usage errors", async () => {
    const c = capture();
    expect(await runCli(["match", small, "--bom"], c.io)).toBe(2);
    expect(c.stderr()).toContain("--bom applies to --format csv only");
    expect(await runCli(["match", small, "--group-by", "level"], capture().io)).toBe(2);
    const x = capture();
    expect(await runCli(["match", small, "--format", "xlsx"], x.io)).toBe(2);
    expect(x.stderr()).toContain("--format xlsx writes a binary workbook: give --out");
  });

  it("xlsx writes a workbook whose Matches and Unmatched sheets read back", async () => {
    const out = join(dir, "pairs.xlsx");
    expect(await runCli(["match", small, "--out", out, "--quiet"], capture().io)).toBe(0);
    const lib = (await import("@e965/xlsx")) as unknown as typeof import("@e965/xlsx");
    const book = lib.read(readFileSync(out), { type: "buffer" });
    expect(book.SheetNames).toEqual(["Matches", "Unmatched"]);
    const matches = lib.utils.sheet_to_json<Record<string, unknown>>(book.Sheets["Matches"]!);
    expect(matches.map((r) => [r["mentor_name"], r["mentee_id"]])).toEqual([["Mia Mentor", "a"]]);
    const unmatched = lib.utils.sheet_to_json<Record<string, unknown>>(book.Sheets["Unmatched"]!);
    expect(unmatched.map((r) => r["id"])).toEqual(["b"]);
  });
});
