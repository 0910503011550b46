// The contract every `mentormatch` command implements, and the exit codes they share.
import type { CliFs } from "./files.js";

/**
 * Exit codes of the `mentormatch` command. `internal` means a bug: please report it.
 * @remarks Since 0.2.0
 */
export const EXIT_CODES = { ok: 0, invalidInput: 1, usage: 2, io: 3, internal: 70 } as const;
/** One of {@link EXIT_CODES}. */
export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];

/** One flag of a command, as `node:util` `parseArgs` takes it plus what help and checks need. */
export interface CliOption {
  type: "string" | "boolean";
  short?: string;
  /** Placeholder shown in help for a string flag, e.g. `file`. */
  placeholder?: string;
  /** One line for the help text. */
  description: string;
  /** The accepted values of a string flag; anything else is a usage error with a suggestion. */
  choices?: readonly string[];
  /** May be given more than once (values collected in order). */
  multiple?: boolean;
}

/** One positional argument of a command. */
export interface CliPositional {
  name: string;
  description: string;
  /** Default true. */
  required?: boolean;
}

/** Where a command writes and what it knows of its surroundings; tests pass their own. */
export interface CliIo {
  /** Writes a line (or, for binary output, bytes as they are) to standard output. */
  out(text: string): void;
  /** Writes bytes to standard output. */
  write(data: string | Uint8Array): void;
  /** Writes a line to standard error. */
  err(text: string): void;
  /** Rewrites the current status line on standard error (progress); `""` clears it. */
  status(text: string): void;
  /** True when standard error is a terminal. */
  stderrIsTTY: boolean;
  /** Environment variables (`CI` turns progress off). */
  env: Record<string, string | undefined>;
  /** The file-system calls used to write `--out` (tests inject failures). */
  fs: CliFs;
  /** Milliseconds since some fixed point (progress ETA). */
  now(): number;
}

/** What a command's `run` receives: its parsed arguments and the I/O to use. */
export interface CliContext {
  positionals: string[];
  values: Record<string, string | boolean | string[] | undefined>;
  io: CliIo;
}

/**
 * A `mentormatch` command: one file under `src/cli/commands/`, one line in `registry.ts`.
 * Arguments are checked (strictly) before `run` is called; `run` returns the exit code.
 * @remarks Since 0.2.0
 */
export interface CliCommand {
  name: string;
  /** One line for the command list. */
  summary: string;
  positionals: readonly CliPositional[];
  options: Readonly<Record<string, CliOption>>;
  /** Paragraphs shown under the usage line in `mentormatch <command> --help`. */
  details?: string;
  /** Runs the command and gives its exit code (synchronous commands return it directly). */
  run(context: CliContext): number | Promise<number>;
}

/** A mistake in how the command was called: exit 2 with this message. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/** A file could not be read or written: exit 3 with this one-line message. */
export class CliIoError extends Error {
  override readonly name = "CliIoError";
}
