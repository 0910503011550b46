// A one-line progress display on stderr (stage, rows done, ETA) for long runs on a terminal.
import type { MatchStage } from "../match/types.js";
import type { CliIo } from "./command.js";

/** True when progress should be shown: stderr is a terminal, not `--quiet`, and not in CI. */
export function progressWanted(io: CliIo, quiet: boolean): boolean {
  const ci = io.env["CI"];
  return io.stderrIsTTY && !quiet && (ci === undefined || ci === "" || ci === "0" || ci.toLowerCase() === "false");
}

const seconds = (ms: number) => (ms < 60_000 ? `${Math.ceil(ms / 1000)} s` : `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`);

/**
 * A progress callback for `match()` that redraws one status line at most every `intervalMs`, and
 * `finish()` to clear it. Rows and an ETA are shown for stages that report them (scoring).
 */
export function progressLine(io: CliIo, intervalMs = 100): { onProgress: (stage: MatchStage, done: number, total: number) => void; finish: () => void } {
  let stage = "";
  let stageStart = 0;
  let lastDraw = -Infinity;
  const started = io.now();
  return {
    onProgress(name, done, total) {
      const now = io.now();
      if (name !== stage) {
        stage = name;
        stageStart = now;
      } else if (now - lastDraw < intervalMs && done < total) return;
      lastDraw = now;
      let text = `${name}…`;
      if (total > 1) {
        const pct = Math.floor((100 * done) / total);
        const elapsed = now - stageStart;
        const eta = done > 0 && elapsed > 500 ? `, ETA ${seconds((elapsed * (total - done)) / done)}` : "";
        text = `${name} ${pct}% (${done.toLocaleString("en-US")}/${total.toLocaleString("en-US")} rows${eta})`;
      }
      io.status(`mentormatch: ${text} · ${seconds(now - started)} elapsed`);
    },
    finish() {
      io.status("");
    },
  };
}
