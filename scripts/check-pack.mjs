// Packs the package as npm would publish it, installs the tarball into a temporary folder (runtime
// dependencies linked from this checkout, so it works offline), and checks that a plain ESM
// `import`, a CommonJS `require`, the `mentormatch/solvers` subpath, the CLI bin and TypeScript's
// type resolution (node16, both module kinds) all work against the packed files, and that without
// the optional `highs` package every programme still matches (local search, with a warning).
import { execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const tmp = mkdtempSync(join(tmpdir(), "mentormatch-pack-"));
const run = (cmd, args, opts = {}) => execFileSync(cmd, args, { cwd: tmp, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], ...opts });
let failed = false;
const check = (name, fn) => {
  try {
    const out = fn();
    console.log(`ok   ${name}${out ? `: ${String(out).trim()}` : ""}`);
  } catch (err) {
    failed = true;
    console.log(`FAIL ${name}\n${err.stdout ?? ""}${err.stderr ?? ""}${err.message}`);
  }
};

try {
  const packed = JSON.parse(execFileSync("npm", ["pack", "--json", "--pack-destination", tmp], { cwd: root, encoding: "utf8" }));
  const files = packed[0].files.map((f) => f.path);
  check("tarball holds dist and no sources", () => {
    for (const need of ["dist/index.js", "dist/index.cjs", "dist/index.d.ts", "dist/index.d.cts", "dist/solvers.js", "dist/solvers.cjs", "dist/solvers.d.ts", "dist/solvers.d.cts", "dist/worker.js", "dist/worker.cjs", "package.json", "LICENSE", "README.md", "CHANGELOG.md"]) {
      if (!files.includes(need)) throw new Error(`missing ${need}`);
    }
    // No sources, tests, source maps, or the CommonJS CLI build nothing uses (the bin is ESM).
    const stray = files.filter((f) => f.startsWith("src/") || f.startsWith("test/") || f.endsWith(".map") || f === "dist/cli.cjs");
    if (stray.length) throw new Error(`unexpected files: ${stray.join(", ")}`);
    return `${files.length} files, ${packed[0].size} bytes`;
  });
  const target = join(tmp, "node_modules", "mentormatch");
  mkdirSync(target, { recursive: true });
  run("tar", ["-xzf", join(tmp, packed[0].filename), "-C", target, "--strip-components=1"]);
  for (const dep of Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies })) {
    const from = join(root, "node_modules", dep);
    const to = join(tmp, "node_modules", dep);
    mkdirSync(dirname(to), { recursive: true });
    if (existsSync(from)) symlinkSync(from, to, "dir");
  }
  writeFileSync(join(tmp, "package.json"), JSON.stringify({ name: "consumer", private: true }));
  check("ESM import", () => run("node", ["--input-type=module", "-e", "import { parseCohort, MatchInputError } from 'mentormatch'; if (typeof parseCohort !== 'function' || typeof MatchInputError !== 'function') throw new Error('missing exports'); console.log(Object.keys(await import('mentormatch')).length + ' exports')"]));
  // matchInWorker and options.threads start dist/worker.js (ESM) or dist/worker.cjs (CommonJS)
  // from the installed package: both must resolve and give match()'s result.
  const workerProbe = "const input = m.generateCohort({ mentees: 120, mentors: 25, seed: 3 }); const strip = (r) => JSON.stringify({ ...r, stats: { ...r.stats, timings: 0 } }); const here = strip(await m.match(input)); if (strip(await m.matchInWorker(input)) !== here) throw new Error('matchInWorker differs from match()'); if (strip(await m.match(input, { threads: 2 })) !== here) throw new Error('threads: 2 differs from one thread'); console.log('worker ok');";
  check("matchInWorker and threads work from ESM (dist/worker.js)", () => run("node", ["--input-type=module", "-e", `import * as m from 'mentormatch'; ${workerProbe}`]));
  check("matchInWorker and threads work from CommonJS (dist/worker.cjs)", () =>
    run("node", ["-e", `const m = require('mentormatch'); (async () => { ${workerProbe} })().catch((e) => { console.error(e); process.exit(1); });`]));
  check("CommonJS require", () => run("node", ["-e", "const m = require('mentormatch'); if (typeof m.parseCohort !== 'function') throw new Error('missing exports'); try { m.parseCohort(null) } catch (e) { if (!(e instanceof m.MatchInputError)) throw e } console.log(Object.keys(m).length + ' exports')"]));
  const exactProbe = "const model = { rows: 2, cols: 1, score: [1, 2], colUpper: [1] }; const r = await m.solveConstrained(model, { engine: 'exact' }); if (r.engine !== 'exact' || r.rowToCol[1] !== 0) throw new Error('exact engine gave ' + JSON.stringify(r)); console.log('HiGHS ' + r.status);";
  check("exact engine (HiGHS, loaded lazily) works from ESM", () =>
    run("node", ["--input-type=module", "-e", `import * as m from 'mentormatch'; ${exactProbe}`]));
  check("exact engine (HiGHS, loaded lazily) works from CommonJS", () =>
    run("node", ["-e", `const m = require('mentormatch'); (async () => { ${exactProbe} })().catch((e) => { console.error(e); process.exit(1); });`]));
  check("mentormatch/solvers from ESM and CommonJS", () => {
    // Minimum of 4 + 3 and 1 + 2 is 3, with row 0 → col 1.
    const probe = "const r = s.solveAssignment([[4, 1], [2, 3]]); if (r.total !== 3 || r.rowToCol[0] !== 1) throw new Error('solveAssignment gave ' + r.total);";
    run("node", ["--input-type=module", "-e", `import * as s from 'mentormatch/solvers'; ${probe}`]);
    return run("node", ["-e", `const s = require('mentormatch/solvers'); ${probe} console.log(Object.keys(s).length + ' exports')`]);
  });
  check("without HiGHS installed, one-on-one, quota and group programmes still match (local search, with a warning)", () => {
    // highs is an optional dependency: without it the constraint solver runs local search with its
    // own flow bound and says so in `warnings`.
    const link = join(tmp, "node_modules", "highs");
    rmSync(link, { force: true });
    try {
      const people = "[{ id: 'm1', role: 'mentor', level: 6, capacity: 2 }, { id: 'm2', role: 'mentor', level: 3, capacity: 2 }, { id: 'a', role: 'mentee', level: 1, department: 'Eng' }, { id: 'b', role: 'mentee', level: 1, department: 'Eng' }, { id: 'c', role: 'mentee', level: 1 }, { id: 'd', role: 'mentee', level: 1 }]";
      const quota = "[{ name: 'seniors for Eng', mentees: { field: 'department', equals: 'Eng' }, mentors: { field: 'level', min: 6 }, min: 2 }]";
      const probe = [
        `const people = ${people};`,
        "await m.match({ participants: people }).then((r) => { if (r.matches.length !== 4) throw new Error('one-on-one matched ' + r.matches.length); });",
        `for (const format of ['one-on-one', 'group']) {`,
        `  const r = await m.match({ participants: people, program: { format, group: { size: { min: 2, max: 2 } }, quotas: ${quota} } });`,
        "  if (!r.warnings.some((w) => w.code === 'highs-unavailable')) throw new Error(format + ': no fallback warning in ' + JSON.stringify(r.warnings));",
        "  const senior = r.matches.filter((x) => x.mentorIds[0] === 'm1').flatMap((x) => x.menteeIds).sort().join();",
        "  if (senior !== 'a,b' || r.stats.solver !== 'constraint/local') throw new Error(format + ': quota broken or wrong solver: ' + senior + ' ' + r.stats.solver);",
        "}",
      ].join("\n");
      run("node", ["--input-type=module", "-e", `import * as m from 'mentormatch'; ${probe}`]);
      return run("node", ["-e", `const m = require('mentormatch'); (async () => { ${probe}; console.log('ok without highs'); })().catch((e) => { console.error(e); process.exit(1); });`]);
    } finally {
      symlinkSync(join(root, "node_modules", "highs"), link, "dir");
    }
  });
  check("toXlsx loads @e965/xlsx only when called (ESM and CommonJS), and names it when missing", () => {
    const probe = [
      "const c = { participants: [{ id: 'm', role: 'mentor' }, { id: 'e', name: '=1+1', role: 'mentee' }] };",
      "const r = await m.match(c);",
      "const out = await m.toXlsx(r, c).then((b) => 'xlsx ' + b.length + ' bytes', (e) => 'missing: ' + e.message);",
    ].join("\n");
    const esm = (want) => run("node", ["--input-type=module", "-e", `import * as m from 'mentormatch'; ${probe}; if (!out.startsWith('${want}')) throw new Error(out); console.log(out);`]);
    const cjs = (want) => run("node", ["-e", `const m = require('mentormatch'); (async () => { ${probe}; if (!out.startsWith('${want}')) throw new Error(out); console.log(out); })().catch((e) => { console.error(e); process.exit(1); });`]);
    const link = join(tmp, "node_modules", "@e965");
    const found = [esm("xlsx "), cjs("xlsx ")];
    rmSync(link, { recursive: true, force: true });
    try {
      found.push(esm("missing: toXlsx needs the optional dependency @e965/xlsx"), cjs("missing: toXlsx needs the optional dependency @e965/xlsx"));
    } finally {
      mkdirSync(link, { recursive: true });
      symlinkSync(join(root, "node_modules", "@e965", "xlsx"), join(link, "xlsx"), "dir");
    }
    return found.map((f) => f.trim()).join("; ");
  });
  check("CLI bin runs from the installed package", () => {
    mkdirSync(join(tmp, "node_modules", ".bin"), { recursive: true });
    const bin = join(tmp, "node_modules", ".bin", "mentormatch");
    symlinkSync(join(target, pkg.bin.mentormatch), bin);
    const out = run(process.execPath, [bin, "schema"]);
    if (!out.includes('"mentormatch cohort"')) throw new Error("schema output missing its title");
    return run(process.execPath, [bin, "--version"]);
  });
  check("CLI reads an .xlsx export through a mapping (@e965/xlsx loaded lazily)", () => {
    const bin = join(tmp, "node_modules", ".bin", "mentormatch");
    const fixtures = join(root, "test", "fixtures");
    return run(process.execPath, [bin, "validate", join(fixtures, "hris-export.xlsx"), "--map", join(fixtures, "hris-mapping.json")]);
  });
  check("types resolve for ESM and CJS consumers", () => {
    writeFileSync(join(tmp, "esm.mts"), "import { parseCohort, type Cohort } from 'mentormatch';\nconst c: Cohort = parseCohort({ participants: [] });\nexport const n: number = c.participants.length;\n");
    writeFileSync(join(tmp, "cjs.cts"), "import m = require('mentormatch');\nconst c: m.Cohort = m.parseCohort({ participants: [] });\nexport const n: number = c.participants.length;\n");
    writeFileSync(join(tmp, "solvers.mts"), "import { solveAssignment, type AssignmentResult } from 'mentormatch/solvers';\nexport const r: AssignmentResult = solveAssignment([[1]]);\n");
    writeFileSync(join(tmp, "solvers.cts"), "import s = require('mentormatch/solvers');\nexport const r: s.AssignmentResult = s.solveAssignment([[1]]);\n");
    return run(process.execPath, [join(root, "node_modules", "typescript", "bin", "tsc"), "--noEmit", "--strict", "--module", "node16", "--moduleResolution", "node16", "--skipLibCheck", "esm.mts", "cjs.cts", "solvers.mts", "solvers.cts"]);
  });
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
if (failed) process.exit(1);
