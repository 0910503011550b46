// Strict argument parsing on node:util parseArgs, with errors that name the word and suggest a fix.
import { parseArgs, type ParseArgsConfig } from "node:util";
import { closestName } from "../model/closest-name.js";
import { UsageError, type CliCommand, type CliContext } from "./command.js";

/** Flags every command takes. */
export const COMMON_OPTIONS = {
  help: { type: "boolean", short: "h", description: "show this help" },
} as const;

const didYouMean = (guess: string | undefined) => (guess === undefined ? "" : `; did you mean ${guess}?`);

/** `--name` / `-n` spellings of a command's flags, for suggestions. */
function flagSpellings(command: CliCommand): string[] {
  const all = { ...command.options, ...COMMON_OPTIONS };
  return Object.entries(all).flatMap(([name, o]) => [`--${name}`, ...(o.short ? [`-${o.short}`] : [])]);
}

/** The first problem non-strict parsing can see, as a sentence; undefined when there is none. */
function explain(command: CliCommand, args: string[], config: ParseArgsConfig): string | undefined {
  const { tokens } = parseArgs({ ...config, args, strict: false, tokens: true });
  const options = { ...command.options, ...COMMON_OPTIONS } as Record<string, { type: string }>;
  for (const t of tokens ?? []) {
    if (t.kind !== "option") continue;
    const known = Object.hasOwn(options, t.name) ? options[t.name] : undefined;
    if (known === undefined) {
      return `unknown flag ${t.rawName} for "${command.name}"${didYouMean(closestName(t.rawName, flagSpellings(command)))}`;
    }
    if (known.type === "string" && (t.value === undefined || (t.inlineValue !== true && t.value.startsWith("-") && t.value.length > 1))) {
      return t.value === undefined ? `${t.rawName} needs a value` : `${t.rawName} needs a value (got the flag-like ${JSON.stringify(t.value)}; write ${t.rawName}=${t.value} if that is the value)`;
    }
    if (known.type === "boolean" && t.value !== undefined) return `${t.rawName} takes no value (got ${JSON.stringify(t.value)})`;
  }
  return undefined;
}

/**
 * Parses a command's arguments strictly: unknown flags, missing values, values outside a flag's
 * choices, and missing or extra positional arguments are {@link UsageError}s naming the word and,
 * where one is close, the valid spelling.
 */
export function parseCommandArgs(command: CliCommand, args: string[]): Pick<CliContext, "positionals" | "values"> {
  const options: NonNullable<ParseArgsConfig["options"]> = {};
  for (const [name, o] of Object.entries({ ...command.options, ...COMMON_OPTIONS })) {
    options[name] = { type: o.type, ...(o.short ? { short: o.short } : {}), ...("multiple" in o && o.multiple ? { multiple: true } : {}) };
  }
  const config: ParseArgsConfig = { options, allowPositionals: true };
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({ ...config, args, strict: true });
  } catch (err) {
    const code = (err as { code?: string }).code ?? "";
    if (!code.startsWith("ERR_PARSE_ARGS")) throw err;
    throw new UsageError(explain(command, args, config) ?? (err as Error).message.split("\n")[0]!);
  }
  const values = parsed.values as CliContext["values"];
  if (values["help"] === true) return { positionals: parsed.positionals, values };
  for (const [name, o] of Object.entries(command.options)) {
    const v = values[name];
    if (o.choices === undefined || v === undefined) continue;
    for (const one of Array.isArray(v) ? v : [v]) {
      if (typeof one === "string" && !o.choices.includes(one)) {
        throw new UsageError(`--${name} ${JSON.stringify(one)} is not one of ${o.choices.join(", ")}${didYouMean(closestName(one, o.choices))}`);
      }
    }
  }
  const required = command.positionals.filter((p) => p.required !== false).length;
  if (parsed.positionals.length < required) {
    throw new UsageError(`"${command.name}" needs ${command.positionals.slice(parsed.positionals.length, required).map((p) => `<${p.name}>`).join(" ")}`);
  }
  if (parsed.positionals.length > command.positionals.length) {
    const extra = parsed.positionals[command.positionals.length]!;
    throw new UsageError(`unexpected argument ${JSON.stringify(extra)}: "${command.name}" takes ${command.positionals.length === 0 ? "no arguments" : command.positionals.map((p) => `<${p.name}>`).join(" ")}`);
  }
  return { positionals: parsed.positionals, values };
}
