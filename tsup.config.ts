import { defineConfig } from "tsup";

// No source maps ship (they were 3.2 MB of a 4.6 MB package); the builds are unminified, so stack
// traces already point at readable code. `highs` is never bundled: it is an optional dependency
// imported at run time (src/solvers/constraint/highs-loader.ts).
export default defineConfig([
  {
    // worker: the script matchInWorker and options.threads start (dist/worker.js, worker.cjs).
    entry: { index: "src/index.ts", solvers: "src/solvers/index.ts", worker: "src/worker-entry.ts" },
    format: ["esm", "cjs"],
    dts: true,
    target: "es2022",
    platform: "neutral",
    sourcemap: false,
    clean: true,
    splitting: true,
    treeshake: true,
    external: ["highs", "@e965/xlsx"],
  },
  {
    entry: { cli: "src/cli/main.ts" },
    format: ["esm"],
    target: "node20",
    platform: "node",
    sourcemap: false,
    clean: false,
    splitting: false,
    treeshake: true,
    external: ["highs", "@e965/xlsx"],
  },
]);
