// Every `mentormatch` command. To add one: write src/cli/commands/<name>.ts exporting a
// CliCommand, and add it to this list (the order is the order of `mentormatch --help`).
import type { CliCommand } from "./command.js";
import { auditCommand } from "./commands/audit.js";
import { calibrateCommand } from "./commands/calibrate.js";
import { compareCommand } from "./commands/compare.js";
import { mapCommand } from "./commands/map.js";
import { matchCommand } from "./commands/match.js";
import { schemaCommand } from "./commands/schema.js";
import { validateCommand } from "./commands/validate.js";

/** The commands of the `mentormatch` CLI, in help order. */
export const COMMANDS: readonly CliCommand[] = [matchCommand, validateCommand, mapCommand, calibrateCommand, auditCommand, compareCommand, schemaCommand];
