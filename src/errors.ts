/** One problem found in the input: where it is, a machine-readable code, and a sentence. */
export interface MatchIssue {
  path: (string | number)[];
  code: string;
  message: string;
}

/** Formats an issue path the way a user wrote it: `participants[12].availability.slots[0].start`. */
export function formatPath(path: readonly (string | number)[]): string {
  if (!Array.isArray(path)) throw new MatchInputError([{ path: ["path"], code: "invalid-type", message: "expected an issue path: an array of keys and indices" }]);
  let out = "";
  for (const part of path as unknown[]) {
    if (typeof part !== "string" && typeof part !== "number") out += "[?]";
    else if (typeof part === "number") out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(part)) out += out === "" ? part : `.${part}`;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out === "" ? "(root)" : out;
}

/**
 * Thrown for every problem with what the caller passed in: a cohort that fails validation, a
 * cost matrix with NaN, a negative capacity. `issues` lists all problems found, not just the first.
 * @remarks Since 0.1.0
 */
export class MatchInputError extends Error {
  override readonly name = "MatchInputError";
  readonly issues: MatchIssue[];

  constructor(issues: MatchIssue[]) {
    const shown = issues.slice(0, 5).map((i) => `${formatPath(i.path)}: ${i.message}`);
    const more = issues.length > 5 ? `\n  … and ${issues.length - 5} more` : "";
    super(`Invalid input (${issues.length} issue${issues.length === 1 ? "" : "s"}):\n  ${shown.join("\n  ")}${more}`);
    this.issues = issues;
  }
}
