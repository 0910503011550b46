import type { Cohort } from "../model/cohort.js";
import { checkMemory } from "../guard.js";

/** The score matrix: score (8 bytes), eligibility (1) and rule-violation bits (4) per pair. */
export const SCORE_BYTES_PER_PAIR = 13;

/**
 * Bytes per candidate pair each format holds at its peak: the score matrix plus the dense copies
 * its solver makes (counted from the code; one-on-one measured by `bench/memory.bench.mjs`).
 * - one-on-one / reverse: the eligible pairs as a sparse graph (Int32 column + Float64 score, 12)
 *   and the sparse b-matching's transposed copy with its flags (up to 18), counted as if every
 *   pair were eligible; `maxMin` also keeps the distinct scores in a Set and a sorted array (about
 *   48 more) and one filtered graph at a time (12);
 * - flash and rotational: the eligible-score copy and the b-matching's three arrays (26);
 * - group: the score copy and the constraint model (8 + 32), plus a peer matrix over mentees;
 * - peer: the n × n matrix and the blossom's edge list, which the solver bounds again itself.
 */
function solverBytesPerPair(cohort: Cohort): number {
  const { program } = cohort;
  switch (program.format) {
    case "one-on-one":
    case "reverse":
      return program.objective === "maxMin" ? 30 + 48 + 12 : 30;
    case "flash":
    case "rotational":
      return 8 + 26 + 8;
    case "group":
      return 8 + 32;
    case "peer":
      return 16;
  }
}

/** Per participant: encoded profile (availability grid, bitsets, vocabularies), generously. */
const BYTES_PER_PARTICIPANT = 4096;

/**
 * Estimates the peak memory of `match()` on a cohort from its sides and format, and refuses it
 * with a `too-large` MatchInputError (naming the size, the estimate and what to do) when that
 * exceeds `limit` bytes or one typed array's reach. Runs before anything per pair is allocated.
 */
export function checkCohortSize(cohort: Cohort, limit: number): void {
  const { participants, program } = cohort;
  let mentees = 0;
  let mentors = 0;
  for (const p of participants) {
    if (p.role === "mentee" || p.role === "both") mentees++;
    if (p.role === "mentor" || p.role === "both") mentors++;
  }
  const peer = program.format === "peer";
  const rows = peer ? participants.length : mentees;
  const cols = peer ? participants.length : mentors;
  const pairs = rows * cols;
  let bytes = pairs * (SCORE_BYTES_PER_PAIR + solverBytesPerPair(cohort)) + participants.length * BYTES_PER_PARTICIPANT;
  // Group cohesion scores the mentees among themselves too (a matrix and its mutual-score copy).
  if (program.format === "group") bytes += mentees * mentees * (SCORE_BYTES_PER_PAIR + 8);
  const size = peer ? `${rows} peers (${pairs} pairs)` : `${rows} mentees × ${cols} mentors (${pairs} pairs)`;
  checkMemory({
    path: ["participants"],
    what: `a ${program.format} programme of ${size}`,
    entries: pairs,
    bytes,
    limit,
    advice: "match fewer candidates at once (split the cohort, e.g. by department or region, or pre-select candidates per mentee), or raise options.memoryLimit if this machine has the memory",
  });
}
