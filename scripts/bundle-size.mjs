// Bundles three entry points of the built package for browsers with esbuild (`--bundle
// --platform=browser --minify`, no externals, plugins or shims), prints each bundle's minified and
// gzip size and the largest inputs, writes bench/results/bundle-size.json, and fails when
// `mentormatch/solvers` goes over its 15 KB gzip budget. Run after `npm run build`.
import { build } from "esbuild";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";

const root = resolve(import.meta.dirname, "..");
const SOLVERS_BUDGET_GZIP = 15 * 1024;

const entries = [
  { name: "match from mentormatch", code: 'import { match } from "mentormatch"; globalThis.out = match;' },
  { name: "solveAssignment from mentormatch", code: 'import { solveAssignment } from "mentormatch"; globalThis.out = solveAssignment;' },
  { name: "solveAssignment from mentormatch/solvers", code: 'import { solveAssignment } from "mentormatch/solvers"; globalThis.out = solveAssignment;', budget: SOLVERS_BUDGET_GZIP },
];

/** Bundles `code` for browsers, minified; returns the output text and esbuild's metafile. */
export async function bundle(code, { minify = true } = {}) {
  const out = await build({
    stdin: { contents: code, resolveDir: root, loader: "js", sourcefile: "entry.js" },
    bundle: true, platform: "browser", format: "esm", minify, write: false, metafile: true, logLevel: "silent",
  });
  return { text: out.outputFiles[0].text, metafile: out.metafile };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

if (import.meta.main ?? process.argv[1] === import.meta.filename) {
  const rows = [];
  let failed = false;
  for (const e of entries) {
    const { text, metafile } = await bundle(e.code);
    const bytes = Buffer.byteLength(text);
    const gzip = gzipSync(text, { level: 9 }).length;
    const output = Object.values(metafile.outputs)[0];
    const byPackage = {};
    for (const [file, info] of Object.entries(output.inputs)) {
      const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
      const key = m ? m[1] : "mentormatch";
      byPackage[key] = (byPackage[key] ?? 0) + info.bytesInOutput;
    }
    const over = e.budget !== undefined && gzip > e.budget;
    failed ||= over;
    rows.push({ entry: e.name, minified: bytes, gzip, byPackage, ...(e.budget !== undefined ? { budgetGzip: e.budget } : {}) });
    const parts = Object.entries(byPackage).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${kb(v)}`).join(", ");
    console.log(`${e.name.padEnd(42)} ${kb(bytes).padStart(9)} minified ${kb(gzip).padStart(9)} gzip${e.budget !== undefined ? ` (budget ${kb(e.budget)}${over ? ": OVER" : ""})` : ""}  [${parts}]`);
  }
  mkdirSync(join(root, "bench", "results"), { recursive: true });
  writeFileSync(join(root, "bench", "results", "bundle-size.json"), `${JSON.stringify({ date: new Date().toISOString(), esbuild: (await import("esbuild")).version, node: process.version, cpu: cpus()[0]?.model, bundles: rows }, null, 2)}\n`);
  if (failed) process.exit(1);
}
