import { MatchInputError, type MatchIssue } from "../errors.js";
import type { LockedViolation } from "../score/index.js";
import type { MatchResult, MatchStage } from "../match/types.js";

/** Messages to the mentormatch worker. */
export type ToWorker =
  | { kind: "match"; input: unknown; options: { memoryLimit?: number; threads?: number } }
  | {
      kind: "score";
      cohort: unknown;
      from: number;
      to: number;
      buffers: { scores: SharedArrayBuffer; eligible: SharedArrayBuffer; violations: SharedArrayBuffer };
    };

/** Messages from the mentormatch worker. */
export type FromWorker =
  | { kind: "progress"; stage: MatchStage; done: number; total: number }
  | { kind: "result"; result: MatchResult }
  | { kind: "scored"; locked: Array<[number, number]>; lockedViolations: LockedViolation[] }
  | { kind: "error"; error: SentError };

/** An error as it crosses the worker boundary (structured clone drops class and fields). */
export interface SentError {
  name: string;
  message: string;
  issues?: MatchIssue[];
  cause?: unknown;
}

export function sendError(error: unknown): SentError {
  if (error instanceof MatchInputError) return { name: error.name, message: error.message, issues: error.issues };
  if (error instanceof Error || error instanceof DOMException) return { name: error.name, message: error.message };
  return { name: "Error", message: String(error) };
}

/** The error a worker sent, as the class the caller would have seen in-thread. */
export function receiveError(sent: SentError): Error {
  if (sent.issues) return new MatchInputError(sent.issues);
  if (sent.name === "AbortError") return new DOMException(sent.message, "AbortError");
  const error = new Error(sent.message);
  error.name = sent.name;
  return error;
}
