// Help text, generated from the command objects so it can never disagree with what is parsed.
import { COMMON_OPTIONS } from "./args.js";
import { EXIT_CODES, type CliCommand, type CliOption } from "./command.js";

/** The exit codes, as help and the README list them. */
export const EXIT_CODE_HELP = `Exit codes:
  ${EXIT_CODES.ok}   success
  ${EXIT_CODES.invalidInput}   invalid input (every issue is listed on stderr)
  ${EXIT_CODES.usage}   usage error: unknown command or flag, bad flag value, missing or extra argument
  ${EXIT_CODES.io}   a file could not be read or written (an existing --out file is left untouched)
  ${EXIT_CODES.internal}  internal error (a bug: please report it; MENTORMATCH_DEBUG=1 prints the stack)`;

function usageLine(command: CliCommand): string {
  const args = command.positionals.map((p) => (p.required === false ? `[${p.name}]` : `<${p.name}>`));
  return `mentormatch ${command.name}${args.length ? " " + args.join(" ") : ""}${Object.keys(command.options).length ? " [options]" : ""}`;
}

/** `mentormatch <command> --help`. */
export function commandHelp(command: CliCommand): string {
  const rows: Array<[string, string]> = [];
  for (const p of command.positionals) rows.push([`<${p.name}>`, p.description]);
  const options: Record<string, CliOption> = { ...command.options, ...COMMON_OPTIONS };
  for (const [name, o] of Object.entries(options)) {
    const flag = `${o.short ? `-${o.short}, ` : "    "}--${name}${o.type === "string" ? ` <${o.placeholder ?? "value"}>` : ""}`;
    const choices = o.choices ? ` (${o.choices.join(" | ")})` : "";
    rows.push([flag, `${o.description}${choices}`]);
  }
  const width = Math.max(...rows.map(([a]) => a.length)) + 2;
  return [
    `Usage: ${usageLine(command)}`,
    "",
    command.summary,
    ...(command.details ? ["", command.details] : []),
    "",
    ...rows.map(([a, b]) => `  ${a.padEnd(width)}${b}`),
    "",
    EXIT_CODE_HELP,
  ].join("\n");
}

/** `mentormatch --help`: every command with its summary. */
export function globalHelp(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((c) => c.name.length)) + 2;
  return [
    "mentormatch — exact, explainable mentor–mentee matching",
    "",
    "Usage: mentormatch <command> [arguments] [options]",
    "       mentormatch <command> --help",
    "       mentormatch --help | --version",
    "",
    "Commands:",
    ...commands.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    "",
    EXIT_CODE_HELP,
  ].join("\n");
}
