#!/usr/bin/env node
// The `mentormatch` command: files in, files out. Commands live in ./commands/, listed in
// ./registry.ts; this file dispatches, maps errors to exit codes and owns the process.
import { MatchInputError } from "../errors.js";
import { closestName } from "../model/closest-name.js";
import pkg from "../../package.json" with { type: "json" };
import { parseCommandArgs } from "./args.js";
import { CliIoError, EXIT_CODES, UsageError, type CliIo } from "./command.js";
import { realFs } from "./files.js";
import { commandHelp, globalHelp } from "./help.js";
import { printIssues } from "./issues.js";
import { COMMANDS } from "./registry.js";
import { escapeForTerminal } from "./terminal.js";

/** The process's own standard streams, environment and file system. */
function processIo(): CliIo {
  return {
    out: (text) => process.stdout.write(text + "\n"),
    write: (data) => process.stdout.write(data),
    err: (text) => process.stderr.write(text + "\n"),
    status: (text) => {
      const width = Math.max(20, (process.stderr.columns || 80) - 1);
      process.stderr.write(`\r\x1b[K${text.length > width ? text.slice(0, width - 1) + "…" : text}`);
    },
    stderrIsTTY: process.stderr.isTTY === true,
    env: process.env,
    fs: realFs,
    now: () => performance.now(),
  };
}

function usageError(io: CliIo, context: string, message: string): number {
  io.err(escapeForTerminal(`mentormatch${context}: ${message}`));
  io.err(`Run "mentormatch${context} --help" for usage.`);
  return EXIT_CODES.usage;
}

/**
 * Runs the command line with `args` (without `node` and the script) and returns the exit code
 * (see `EXIT_CODES`). Never throws: every failure is a message on `io.err` and a code.
 * `io` defaults to the process's streams; tests pass their own (missing members are defaulted).
 * @remarks Since 0.1.0; `io` members other than `out` and `err` since 0.2.0
 */
export async function runCli(args: string[], io: Partial<CliIo> = {}): Promise<number> {
  const full: CliIo = { ...processIo(), ...io };
  if (io.out && !io.write) full.write = (data) => io.out!(typeof data === "string" ? data.replace(/\n$/, "") : Buffer.from(data).toString("latin1"));
  return dispatch(args, full);
}

async function dispatch(args: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = args;
  if (name === undefined) {
    io.err(globalHelp(COMMANDS));
    return EXIT_CODES.usage;
  }
  if (name === "--help" || name === "-h") {
    io.out(globalHelp(COMMANDS));
    return EXIT_CODES.ok;
  }
  if (name === "--version" || name === "-v") {
    io.out(pkg.version);
    return EXIT_CODES.ok;
  }
  if (name === "help") {
    const topic = rest[0] === undefined ? undefined : COMMANDS.find((c) => c.name === rest[0]);
    if (rest[0] !== undefined && topic === undefined) return unknownCommand(io, rest[0]);
    io.out(topic ? commandHelp(topic) : globalHelp(COMMANDS));
    return EXIT_CODES.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (command === undefined) return unknownCommand(io, name);
  const context = ` ${command.name}`;
  let label = "input";
  try {
    const { positionals, values } = parseCommandArgs(command, rest);
    if (values["help"] === true) {
      io.out(commandHelp(command));
      return EXIT_CODES.ok;
    }
    label = positionals[0] ?? label;
    return await command.run({ positionals, values, io });
  } catch (err) {
    if (err instanceof UsageError) return usageError(io, context, err.message);
    if (err instanceof MatchInputError) {
      printIssues(io, label, err);
      return EXIT_CODES.invalidInput;
    }
    if (err instanceof CliIoError) {
      io.err(escapeForTerminal(`mentormatch${context}: ${err.message}`));
      return EXIT_CODES.io;
    }
    const message = err instanceof Error ? err.message.split("\n")[0] : String(err);
    io.err(escapeForTerminal(`mentormatch${context}: internal error: ${message} (please report this; set MENTORMATCH_DEBUG=1 for details)`));
    if (io.env["MENTORMATCH_DEBUG"] && err instanceof Error && err.stack) io.err(err.stack);
    return EXIT_CODES.internal;
  }
}

function unknownCommand(io: CliIo, word: string): number {
  const names = COMMANDS.map((c) => c.name);
  const guess = closestName(word, names);
  const what = word.startsWith("-") ? `unknown flag ${word} (flags go after the command)` : `unknown command ${JSON.stringify(word)}`;
  return usageError(io, "", `${what}${guess ? `; did you mean "${guess}"?` : `; commands: ${names.join(", ")}`}`);
}

const invokedDirectly = typeof process !== "undefined" && process.argv[1] !== undefined && /(?:^|[\\/])(?:cli\.c?js|main\.ts|mentormatch)$/.test(process.argv[1]);
if (invokedDirectly) {
  // A reader that stops early (`| head`) closes the pipe: stop quietly, as other tools do.
  process.stdout.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "EPIPE") process.exit(EXIT_CODES.ok);
    throw err;
  });
  // runCli reports its own errors and resolves to an exit code; a rejection here would be a bug,
  // which Node prints and exits non-zero on (unhandled rejection), as wanted.
  void runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
