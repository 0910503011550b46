import { describe, expect, it } from "vitest";
import { progressLine, progressWanted } from "../../src/cli/progress.js";
import type { CliIo } from "../../src/cli/command.js";

function fakeIo(env: Record<string, string | undefined> = {}, tty = true) {
  let clock = 0;
  const lines: string[] = [];
  const io = { status: (t: string) => lines.push(t), now: () => clock, env, stderrIsTTY: tty } as unknown as CliIo;
  return { io, lines, at: (ms: number) => (clock = ms) };
}

describe("progress line", () => {
  it("shows stage, rows done and an ETA from the stage's rate (hand-worked)", () => {
    const f = fakeIo();
    const p = progressLine(f.io);
    f.at(0);
    p.onProgress("score", 0, 1000);
    // 250 of 1,000 rows in 1,000 ms: 750 rows to go at 4 ms a row → 3,000 ms → "ETA 3 s".
    f.at(1000);
    p.onProgress("score", 250, 1000);
    expect(f.lines.at(-1)).toBe("mentormatch: score 25% (250/1,000 rows, ETA 3 s) · 1 s elapsed");
    // Redraws are throttled to one per 100 ms.
    f.at(1050);
    p.onProgress("score", 260, 1000);
    expect(f.lines).toHaveLength(2);
    f.at(1500);
    p.onProgress("solve", 0, 1);
    expect(f.lines.at(-1)).toBe("mentormatch: solve… · 1 s elapsed");
    // A stage that reports only its start is redrawn by tick() with the time elapsed.
    f.at(7200);
    p.tick();
    expect(f.lines.at(-1)).toBe("mentormatch: solve… · 7 s elapsed");
    // Past a minute: 125.4 s elapsed is "2 min 5 s".
    f.at(125_400);
    p.tick();
    expect(f.lines.at(-1)).toBe("mentormatch: solve… · 2 min 5 s elapsed");
    p.finish();
    expect(f.lines.at(-1)).toBe("");
  });

  it("is wanted only on a terminal, without --quiet and outside CI", () => {
    expect(progressWanted(fakeIo().io, false)).toBe(true);
    expect(progressWanted(fakeIo().io, true)).toBe(false);
    expect(progressWanted(fakeIo({ CI: "true" }).io, false)).toBe(false);
    expect(progressWanted(fakeIo({ CI: "1" }).io, false)).toBe(false);
    expect(progressWanted(fakeIo({ CI: "false" }).io, false)).toBe(true);
    expect(progressWanted(fakeIo({}, false).io, false)).toBe(false);
  });
});
