import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { COMMANDS } from "../../src/cli/registry.js";
import { EXIT_CODES } from "../../src/cli/command.js";

const readme = readFileSync(join(import.meta.dirname, "../../README.md"), "utf8");
const section = readme.slice(readme.indexOf("## Command line"), readme.indexOf("\n## ", readme.indexOf("## Command line") + 5));
/** Rows of the flag table: flag spellings, commands. */
const flagRows = section
  .split("\n")
  .filter((l) => /^\| `-/.test(l))
  .map((l) => {
    const [flags, commands] = l.split(" | ");
    return { flags: flags!, commands: commands!.split(",").map((c) => c.trim()) };
  });

describe("README documents the CLI as the registry defines it", () => {
  it("every command, and every flag of every command (with its short form)", () => {
    for (const command of COMMANDS) {
      expect(section, `command ${command.name}`).toContain(`| \`${command.name}`);
      for (const [name, option] of Object.entries(command.options)) {
        const row = flagRows.find((r) => r.flags.includes(`--${name}`) && (r.commands.includes(command.name) || r.commands.includes("all")));
        expect(row, `${command.name} --${name}`).toBeDefined();
        if (option.short) expect(row!.flags, `${command.name} -${option.short}`).toContain(`-${option.short},`);
      }
    }
  });

  it("every exit code", () => {
    for (const code of Object.values(EXIT_CODES)) expect(section).toMatch(new RegExp(`\\n\\| ${code} \\| `));
  });
});
