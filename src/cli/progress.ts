// A one-line progress display on stderr (stage, rows done, ETA) for long runs on a terminal.
import type { MatchStage } from "../match/types.js";
import type { CliIo } from "./command.js";

/** True when progress should be shown: stderr is a terminal, not `--quiet`, and not in CI. */
export function progressWanted(io: CliIo, quiet: boolean): boolean {
  const ci = io.env["CI"];
  return io.stderrIsTTY && !quiet && (ci === undefined || ci === "" || ci === "0" || ci.toLowerCase() === "false");
}

/** `ms` as "12 s" or "3 min 5 s", rounded up (an ETA) or down (time elapsed). */
const seconds = (ms: number, round: (x: number) => number = Math.ceil) => {
  const s = round(ms / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
};

/**
 * A progress callback for `match()` that redraws one status line at most every `intervalMs`,
 * `tick()` to redraw it with the time elapsed (for stages that report only their start, such as
 * solving), and `finish()` to clear it. Rows and an ETA are shown for stages that report them
 * (scoring).
 */
export function progressLine(
  io: CliIo,
  intervalMs = 100,
): { onProgress: (stage: MatchStage, done: number, total: number) => void; tick: () => void; finish: () => void } {
  let stage = "";
  let stageStart = 0;
  let lastDraw = -Infinity;
  let last = { done: 0, total: 1 };
  const started = io.now();
  const draw = (now: number) => {
    lastDraw = now;
    let text = `${stage}…`;
    if (last.total > 1) {
      const { done, total } = last;
      const pct = Math.floor((100 * done) / total);
      const elapsed = now - stageStart;
      const eta = done > 0 && elapsed > 500 && done < total ? `, ETA ${seconds((elapsed * (total - done)) / done)}` : "";
      text = `${stage} ${pct}% (${done.toLocaleString("en-US")}/${total.toLocaleString("en-US")} rows${eta})`;
    }
    io.status(`mentormatch: ${text} · ${seconds(now - started, Math.floor)} elapsed`);
  };
  return {
    onProgress(name, done, total) {
      const now = io.now();
      if (name !== stage) {
        stage = name;
        stageStart = now;
      } else if (now - lastDraw < intervalMs && done < total) {
        last = { done, total };
        return;
      }
      last = { done, total };
      draw(now);
    },
    tick() {
      if (stage !== "") draw(io.now());
    },
    finish() {
      io.status("");
    },
  };
}
