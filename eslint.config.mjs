// ESLint (flat config) with typescript-eslint's type-aware rules.
// Scope: src, test, scripts, bench, examples and the root *.config.ts files (see `npm run lint`).
import { defineConfig } from "eslint/config";
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

export default defineConfig(
  {
    ignores: [
      "dist/**",
      "coverage/**",
      "docs/**",
      "schema/**",
      "bench/results/**",
      "node_modules/**",
      "**/*.tmp",
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // `_`-prefixed names are deliberately unused (positional parameters, destructured rests).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" },
      ],
    },
  },
  {
    // Plain JavaScript (bench, scripts, examples/demo.mjs, this file) is not in tsconfig's program
    // (no allowJs), so it gets the untyped rules only, with Node's globals.
    files: ["**/*.mjs", "**/*.js", "**/*.cjs"],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: { ...globals.node } },
  },
  {
    // Tests, benchmarks and scripts parse JSON fixtures, CLI output and worker messages whose shape
    // the test itself asserts; typing every one of those `any`s would add noise, not safety.
    // Same for the few `any`s that build hostile or loosely shaped input on purpose. src stays strict.
    files: ["test/**/*.ts", "bench/**/*.ts", "scripts/**/*.ts"],
    rules: {
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-return": "off",
    },
  },
);
