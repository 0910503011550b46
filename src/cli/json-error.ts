// Where a JSON text first goes wrong, as line and column (V8's JSON.parse gives an offset for some
// errors and none for others, so the position is found by a scan of our own).

const NUMBER_RE = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES = new Set(['"', "\\", "/", "b", "f", "n", "r", "t"]);

/** Offset just past a JSON string starting at `i` (a `"`), or the offset of its first error. */
function scanString(text: string, i: number): { end: number; ok: boolean } {
  for (i++; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') return { end: i + 1, ok: true };
    if (c < " ") return { end: i, ok: false };
    if (c === "\\") {
      const e = text[i + 1];
      if (e === "u") {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return { end: i, ok: false };
        i += 5;
      } else if (e !== undefined && ESCAPES.has(e)) i++;
      else return { end: i, ok: false };
    }
  }
  return { end: text.length, ok: false };
}

/**
 * The offset of the first character at which `text` stops being JSON (RFC 8259), or -1 when it is
 * valid JSON. Iterative, so deep nesting cannot overflow the stack.
 */
export function jsonErrorOffset(text: string): number {
  const n = text.length;
  const stack: Array<"{" | "["> = [];
  let i = 0;
  let state: "value" | "value-or-end" | "key" | "key-or-end" | "after" = "value";
  const skip = () => {
    while (i < n && (text[i] === " " || text[i] === "\t" || text[i] === "\n" || text[i] === "\r")) i++;
  };
  for (;;) {
    skip();
    const c = text[i];
    if (state === "value" || state === "value-or-end") {
      if (state === "value-or-end" && c === "]") {
        stack.pop();
        i++;
        state = "after";
      } else if (c === "{" || c === "[") {
        stack.push(c);
        i++;
        state = c === "{" ? "key-or-end" : "value-or-end";
      } else if (c === '"') {
        const s = scanString(text, i);
        if (!s.ok) return s.end;
        i = s.end;
        state = "after";
      } else {
        const literal = ["true", "false", "null"].find((w) => text.startsWith(w, i));
        NUMBER_RE.lastIndex = i;
        const number = literal === undefined ? NUMBER_RE.exec(text) : null;
        if (literal === undefined && number === null) return i;
        i += literal?.length ?? number![0].length;
        state = "after";
      }
    } else if (state === "key" || state === "key-or-end") {
      if (state === "key-or-end" && c === "}") {
        stack.pop();
        i++;
        state = "after";
        continue;
      }
      if (c !== '"') return i;
      const s = scanString(text, i);
      if (!s.ok) return s.end;
      i = s.end;
      skip();
      if (text[i] !== ":") return i;
      i++;
      state = "value";
    } else {
      const top = stack[stack.length - 1];
      if (top === undefined) return i < n ? i : -1;
      if (c === ",") state = top === "{" ? "key" : "value";
      else if ((top === "{" && c === "}") || (top === "[" && c === "]")) stack.pop();
      else return i;
      i++;
    }
  }
}

/** 1-based line and column of `offset` in `text` (CRLF, LF and CR each end a line). */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let k = 0; k < offset && k < text.length; k++) {
    const c = text[k];
    if (c === "\n" || (c === "\r" && text[k + 1] !== "\n")) {
      line++;
      start = k + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

/** What stands at `offset`, for an error message: `"}"`, `end of file`. */
export function describeAt(text: string, offset: number): string {
  if (offset >= text.length) return "end of file";
  const c = text.codePointAt(offset)!;
  if (c < 0x20 || c === 0x7f) return `control character U+${c.toString(16).toUpperCase().padStart(4, "0")}`;
  return JSON.stringify(String.fromCodePoint(c));
}
