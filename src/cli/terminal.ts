// Making participant-supplied text safe to print on a terminal.

// C0 controls (newline and tab included: output is line-based), DEL, C1 controls, and the
// bidirectional overrides that can reorder what a terminal shows (CVE-2021-42574).
// eslint-disable-next-line no-control-regex -- matching control characters is this regex's purpose.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Replaces control characters in `text` with visible escapes (`\x1b`, `\u202e`), so an id or a
 * name holding ESC sequences cannot recolour, move or clear the terminal it is printed on.
 */
export function escapeForTerminal(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    if (c === "\n") return "\\n";
    if (c === "\t") return "\\t";
    if (c === "\r") return "\\r";
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}
