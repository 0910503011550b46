import { MatchInputError } from "../errors.js";
import { MAX_DENSE_ENTRIES, checkMemory } from "../guard.js";
import type { Cohort } from "../model/cohort.js";

/** Mentee × mentor pairs above which one-on-one and reverse switch to candidates on their own. */
export const SPARSE_AUTO_PAIRS = 25_000_000;
/** Candidates per mentee in the automatic sparse mode. */
export const SPARSE_AUTO_PER_MENTEE = 32;
/**
 * Bytes held per candidate pair at the peak: the candidate graph (Int32 column, Float64 score),
 * its copy with weights for the solver (12), and the solver's transposed graph and flags (30).
 */
export const SPARSE_BYTES_PER_CANDIDATE = 12 + 12 + 30;

/**
 * Whether a cohort runs in sparse candidate mode, and with how many candidates per mentee.
 * `program.candidates` asks for it (refused with `candidates-unsupported` where it does not
 * apply); otherwise it switches on by itself for one-on-one and reverse programmes with more than
 * {@link SPARSE_AUTO_PAIRS} pairs (and at most 2³¹ − 1) whose objective and solver it supports.
 */
export function candidateMode(cohort: Cohort): { perMentee: number; automatic: boolean } | null {
  const { program } = cohort;
  const supported = (program.format === "one-on-one" || program.format === "reverse") &&
    (program.objective === "maxTotal" || program.objective === "priority") &&
    (program.solver === "auto" || program.solver === "exact") && program.quotas.length === 0;
  if (program.candidates) {
    if (!supported) {
      throw new MatchInputError([{
        path: ["program", "candidates"], code: "candidates-unsupported",
        message: `sparse candidates support one-on-one and reverse programmes with objective maxTotal or priority, solver auto or exact, and no quotas (this one is ${program.format}, ${program.objective}, solver ${program.solver}${program.quotas.length ? `, ${program.quotas.length} quota(s)` : ""})`,
      }]);
    }
    return { perMentee: program.candidates.perMentee, automatic: false };
  }
  if (!supported) return null;
  let mentees = 0;
  let mentors = 0;
  for (const p of cohort.participants) {
    if (p.role === "mentee" || p.role === "both") mentees++;
    if (p.role === "mentor" || p.role === "both") mentors++;
  }
  // Past one typed array's reach the dense guard's too-large error stands (and suggests the
  // candidates): scoring billions more pairs unasked would stall for many minutes.
  const pairs = mentees * mentors;
  return pairs > SPARSE_AUTO_PAIRS && pairs <= MAX_DENSE_ENTRIES ? { perMentee: SPARSE_AUTO_PER_MENTEE, automatic: true } : null;
}

/** The sparse mode's own memory estimate (linear in candidates), instead of the dense one. */
export function checkSparseSize(cohort: Cohort, perMentee: number, limit: number): void {
  let mentees = 0;
  for (const p of cohort.participants) if (p.role === "mentee" || p.role === "both") mentees++;
  const candidates = mentees * perMentee;
  checkMemory({
    path: ["program", "candidates"], what: `${mentees} mentees × ${perMentee} candidates`, entries: candidates,
    bytes: candidates * SPARSE_BYTES_PER_CANDIDATE + cohort.participants.length * 4096, limit,
    advice: "lower program.candidates.perMentee, or raise options.memoryLimit",
  });
}

