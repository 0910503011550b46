import { defineConfig } from "vitest/config";

// `npm run test:slow`: fuzzing, brute force and browser checks that would push `npm test` past a minute.
export default defineConfig({
  test: {
    include: ["test/**/*.slow.test.ts"],
    testTimeout: 600_000,
    hookTimeout: 300_000,
    passWithNoTests: true,
  },
});
