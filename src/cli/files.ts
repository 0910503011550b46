// Reading input files and writing `--out` atomically, with one-line messages for every failure.
import * as nodeFs from "node:fs";
import { randomBytes } from "node:crypto";
import { basename, dirname, join, resolve } from "node:path";
import { MatchInputError } from "../errors.js";
import { CliIoError } from "./command.js";
import { describeAt, jsonErrorOffset, lineAndColumn } from "./json-error.js";

/** The file-system calls `--out` uses; tests replace some to simulate a full disk. */
export type CliFs = Pick<
  typeof nodeFs,
  "statSync" | "realpathSync" | "openSync" | "writeSync" | "fsyncSync" | "closeSync" | "renameSync" | "unlinkSync" | "writeFileSync" | "readFileSync"
>;

/** The real file system. */
export const realFs: CliFs = nodeFs;

const REASONS: Record<string, string> = {
  ENOENT: "no such file or directory",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EISDIR: "it is a directory",
  ENOTDIR: "a part of the path is not a directory",
  ENOSPC: "no space left on the device",
  EDQUOT: "disk quota exceeded",
  EFBIG: "file too large",
  EROFS: "read-only file system",
  EIO: "input/output error",
  EMFILE: "too many open files",
  ENAMETOOLONG: "file name too long",
};

/** One line saying why a file operation failed, without a stack. */
export function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  if (code !== undefined && REASONS[code] !== undefined) return `${REASONS[code]} (${code})`;
  return err instanceof Error ? err.message.split("\n")[0]! : String(err);
}

/**
 * Reads a text file: UTF-8 (a byte-order mark is dropped) or UTF-16 with its byte-order mark.
 * A file that cannot be read is a {@link CliIoError}; bytes that are not UTF-8 are invalid input.
 */
export function readText(path: string, fs: CliFs = realFs): string {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(path);
  } catch (err) {
    throw new CliIoError(`cannot read ${path}: ${describeFsError(err)}`);
  }
  return decodeText(bytes, path);
}

/** Decodes file bytes as {@link readText} does. */
export function decodeText(bytes: Uint8Array, path: string): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  try {
    // TextDecoder drops a UTF-8 byte-order mark by itself.
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new MatchInputError([{ path: [], code: "not-utf8", message: `${path} is not UTF-8 text; save it as UTF-8 (in Excel: "CSV UTF-8")` }]);
  }
}

/** Parses JSON text; a syntax error is a `MatchInputError` that gives its line and column. */
export function parseJsonText(text: string, path: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    const offset = jsonErrorOffset(text);
    const at = offset >= 0 ? offset : Number(/at position (\d+)/.exec((err as Error).message)?.[1] ?? 0);
    const { line, column } = lineAndColumn(text, at);
    throw new MatchInputError([{ path: [], code: "invalid-json", message: `${path} is not valid JSON: unexpected ${describeAt(text, at)} at line ${line}, column ${column}` }]);
  }
}

/** Reads and parses a JSON file (see {@link readText} and {@link parseJsonText}). */
export function readJson(path: string, fs: CliFs = realFs): unknown {
  return parseJsonText(readText(path, fs), path);
}

/**
 * Writes `data` to `path` atomically: into a temporary file in the same directory, flushed to
 * disk, then renamed over the target. On any failure the temporary file is removed and an existing
 * target is left as it was. Throws {@link CliIoError} with one line saying why. Devices and pipes
 * (e.g. `/dev/null`) are written directly, since they cannot be replaced.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array, fs: CliFs = realFs): void {
  const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
  let target = resolve(path);
  let mode = 0o666;
  try {
    target = fs.realpathSync(target);
    const stat = fs.statSync(target);
    if (stat.isDirectory()) throw new CliIoError(`cannot write ${path}: it is a directory`);
    if (!stat.isFile()) {
      try {
        fs.writeFileSync(target, bytes);
        return;
      } catch (err) {
        throw new CliIoError(`cannot write ${path}: ${describeFsError(err)}`);
      }
    }
    mode = stat.mode & 0o777;
  } catch (err) {
    if (err instanceof CliIoError) throw err;
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw new CliIoError(`cannot write ${path}: ${describeFsError(err)}`);
  }
  const dir = dirname(target);
  try {
    if (!fs.statSync(dir).isDirectory()) throw new CliIoError(`cannot write ${path}: ${dir} is not a directory`);
  } catch (err) {
    if (err instanceof CliIoError) throw err;
    throw new CliIoError(`cannot write ${path}: directory ${dir} ${(err as NodeJS.ErrnoException).code === "ENOENT" ? "does not exist" : `cannot be used: ${describeFsError(err)}`}`);
  }
  const temp = join(dir, `.${basename(target)}.${randomBytes(6).toString("hex")}.tmp`);
  let fd: number | undefined;
  let created = false;
  try {
    fd = fs.openSync(temp, "wx", mode);
    created = true;
    for (let off = 0; off < bytes.length; ) off += fs.writeSync(fd, bytes, off, bytes.length - off);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(temp, target);
  } catch (err) {
    if (fd !== undefined) {
      try {
        fs.closeSync(fd);
      } catch {
        // The write already failed; that is the error to report.
      }
    }
    if (created) {
      try {
        fs.unlinkSync(temp);
      } catch {
        // Nothing more can be done; the target itself was never touched.
      }
    }
    throw new CliIoError(`cannot write ${path}: ${describeFsError(err)}`);
  }
}
