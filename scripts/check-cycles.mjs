#!/usr/bin/env node
// Fails when src/ has an import cycle, between files or between folders. Static imports,
// re-exports and dynamic import() all count; `import type` / `export type` do not (they are
// erased at build time, verbatimModuleSyntax). A file directly in src/ is its own node in the
// folder graph. Usage: node scripts/check-cycles.mjs [srcDir]
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";

const root = resolve(process.argv[2] ?? "src");

function listFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return listFiles(path);
    return /\.(ts|mts|cts)$/.test(name) && !name.endsWith(".d.ts") ? [path] : [];
  });
}

const SPECIFIERS = [
  /^\s*import\s+(?!type\b)[^;]*?\bfrom\s*["']([^"']+)["']/gm, // import x from "…", import { a, type B } from "…"
  /^\s*import\s*["']([^"']+)["']/gm, // import "…"
  /^\s*export\s+(?!type\b)[^;]*?\bfrom\s*["']([^"']+)["']/gm, // export { a } from "…", export * from "…"
  /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g, // import("…")
];

function importsOf(file) {
  const text = readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:])\/\/.*$/gm, "$1");
  const targets = new Set();
  for (const re of SPECIFIERS) {
    for (const m of text.matchAll(re)) {
      const spec = m[1];
      if (!spec.startsWith(".")) continue;
      targets.add(resolve(dirname(file), spec.replace(/\.js$/, ".ts").replace(/\.mjs$/, ".mts").replace(/\.cjs$/, ".cts")));
    }
  }
  return [...targets];
}

/** Strongly connected components with more than one node, or a node that imports itself (Tarjan). */
function cycles(graph) {
  let index = 0;
  const idx = new Map(), low = new Map(), onStack = new Set(), stack = [], found = [];
  const visit = (v) => {
    idx.set(v, index); low.set(v, index); index++;
    stack.push(v); onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) { visit(w); low.set(v, Math.min(low.get(v), low.get(w))); }
      else if (onStack.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) === idx.get(v)) {
      const scc = [];
      let w;
      do { w = stack.pop(); onStack.delete(w); scc.push(w); } while (w !== v);
      if (scc.length > 1 || (graph.get(v) ?? new Set()).has(v)) found.push(scc.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return found;
}

const files = listFiles(root);
const fileGraph = new Map(files.map((f) => [relative(root, f), new Set()]));
const folderOf = (rel) => (rel.includes(sep) ? rel.split(sep)[0] + "/" : rel);
const folderGraph = new Map();
for (const file of files) {
  const from = relative(root, file);
  for (const target of importsOf(file)) {
    const to = relative(root, target);
    if (!fileGraph.has(to)) continue; // e.g. a JSON file or something outside src
    fileGraph.get(from).add(to);
    const a = folderOf(from), b = folderOf(to);
    if (a === b) continue;
    if (!folderGraph.has(a)) folderGraph.set(a, new Set());
    folderGraph.get(a).add(b);
  }
}

const fileCycles = cycles(fileGraph);
const folderCycles = cycles(folderGraph);
for (const c of fileCycles) console.error(`file cycle: ${c.join(" ↔ ")}`);
for (const c of folderCycles) {
  const edges = [];
  for (const file of files) {
    const from = relative(root, file);
    for (const to of fileGraph.get(from)) {
      if (c.includes(folderOf(from)) && c.includes(folderOf(to)) && folderOf(from) !== folderOf(to)) edges.push(`${from} → ${to}`);
    }
  }
  console.error(`folder cycle: ${c.join(" ↔ ")}\n  ${edges.join("\n  ")}`);
}
console.log(`${files.length} files, ${fileCycles.length} file cycles, ${folderCycles.length} folder cycles`);
process.exit(fileCycles.length + folderCycles.length > 0 ? 1 : 0);
