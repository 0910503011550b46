import { defineConfig } from "vitest/config";

// `npm test`: the fast suite (kept under a minute on 2 cores). Heavy fuzzing and brute force live
// in `*.slow.test.ts` files and run with `npm run test:slow` (vitest.slow.config.ts), also in CI.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/**/*.slow.test.ts", "**/node_modules/**"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
