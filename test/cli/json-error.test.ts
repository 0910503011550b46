import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { jsonErrorOffset, lineAndColumn } from "../../src/cli/json-error.js";

const valid = (s: string) => {
  try {
    JSON.parse(s);
    return true;
  } catch {
    return false;
  }
};

describe("jsonErrorOffset", () => {
  it("agrees with JSON.parse on validity, for JSON texts with one character changed, dropped or added", () => {
    const noise = fc.constantFrom(..."{}[],:\"\\0123456789-+.eEtrufalsn \n\tx\u0001");
    fc.assert(
      fc.property(fc.json(), fc.nat(), noise, fc.constantFrom("replace", "drop", "insert", "keep"), (text, at, c, how) => {
        const k = text.length === 0 ? 0 : at % text.length;
        const mutated = how === "replace" ? text.slice(0, k) + c + text.slice(k + 1) : how === "drop" ? text.slice(0, k) + text.slice(k + 1) : how === "insert" ? text.slice(0, k) + c + text.slice(k) : text;
        expect(jsonErrorOffset(mutated) === -1).toBe(valid(mutated));
      }),
      { numRuns: 2000 },
    );
  });

  it("points at the character where the text stops being JSON (hand-checked)", () => {
    expect(jsonErrorOffset('{"a": 1,\n "b": }')).toBe(15);
    expect(jsonErrorOffset("[1,2,]")).toBe(5);
    expect(jsonErrorOffset('{"a":1')).toBe(6);
    expect(jsonErrorOffset('"tab\there"')).toBe(4);
    expect(jsonErrorOffset("01")).toBe(1);
    expect(jsonErrorOffset("[".repeat(100_000))).toBe(100_000);
  });

  it("lineAndColumn counts LF, CRLF and CR line ends once each", () => {
    // Offsets: "a\r\nb\nc\rd": a0 \r1 \n2 b3 \n4 c5 \r6 d7.
    expect(lineAndColumn("a\r\nb\nc\rd", 3)).toEqual({ line: 2, column: 1 });
    expect(lineAndColumn("a\r\nb\nc\rd", 7)).toEqual({ line: 4, column: 1 });
    expect(lineAndColumn("abc", 2)).toEqual({ line: 1, column: 3 });
  });
});
