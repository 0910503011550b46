// Printing a MatchInputError's issues, one line each, safe for the terminal.
import { formatPath, type MatchInputError } from "../errors.js";
import type { CliIo } from "./command.js";
import { escapeForTerminal } from "./terminal.js";

/** Prints `label: N issues` and one indented line per issue (path, code, message). */
export function printIssues(io: CliIo, label: string, err: MatchInputError): void {
  const n = err.issues.length;
  io.err(escapeForTerminal(`${label}: ${n} issue${n === 1 ? "" : "s"}`));
  for (const issue of err.issues) io.err(`  ${escapeForTerminal(`${formatPath(issue.path)} [${issue.code}] ${issue.message}`)}`);
}
