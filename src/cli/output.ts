// Writing a command's main output: to --out atomically, or to stdout.
import type { CliIo } from "./command.js";
import { writeFileAtomic } from "./files.js";

/** Writes `data` to `out` atomically, or to stdout when `out` is undefined or `-`. */
export function writeOutput(io: CliIo, out: string | undefined, data: string | Uint8Array): void {
  if (out === undefined || out === "-") io.write(data);
  else writeFileAtomic(out, data, io.fs);
}
