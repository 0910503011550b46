// Shared by frozen-scores.test.ts and the script that wrote its fixture: digests of the scores,
// eligibility, per-criterion matrices and pair explanations of a few seeded sample cohorts.
import { createHash } from "node:crypto";
import { generateCohort } from "../../src/sample/generate.js";
import { parseCohort, type Format, type ProgramInput } from "../../src/model/index.js";
import { explainPair, scoreMatrix } from "../../src/score/index.js";

export interface FrozenCase {
  name: string;
  format: Format;
  seed: number;
  mentees: number;
  mentors: number;
  /** Programme changes on top of the generated one. */
  program?: ProgramInput;
}

export const FROZEN_CASES: FrozenCase[] = [
  { name: "one-on-one", format: "one-on-one", seed: 11, mentees: 240, mentors: 60 },
  { name: "reverse", format: "reverse", seed: 12, mentees: 120, mentors: 40 },
  { name: "peer", format: "peer", seed: 13, mentees: 150, mentors: 0 },
  {
    name: "neutral-diversity-sensitive",
    format: "one-on-one",
    seed: 14,
    mentees: 160,
    mentors: 50,
    program: { criteria: { missing: "neutral", neutralScore: 0.4, diversity: { aims: { department: "different", location: "same" } } }, explain: { includeSensitive: true, maxReasons: 6 } },
  },
];

function digest(parts: (ArrayBufferView | string)[]): string {
  const h = createHash("sha256");
  for (const p of parts) h.update(typeof p === "string" ? p : new Uint8Array(p.buffer, p.byteOffset, p.byteLength));
  return h.digest("hex");
}

/** Digests of one case: the matrices and the explanations of every 37th pair. */
export function frozenDigests(c: FrozenCase): { scores: string; perCriterion: string; explanations: string } {
  const input = generateCohort({ mentees: c.mentees, mentors: c.mentors, seed: c.seed, format: c.format });
  const program = { ...input.program, ...(c.program ?? {}) };
  const cohort = parseCohort({ participants: input.participants, program });
  const matrix = scoreMatrix(cohort, { perCriterion: true });
  const per = matrix.criteria.map((n) => matrix.perCriterion![n]!);
  const texts: string[] = [];
  for (let k = 0; k < matrix.rows * matrix.cols; k += 37) texts.push(JSON.stringify(explainPair(matrix, Math.floor(k / matrix.cols), k % matrix.cols)));
  return {
    scores: digest([matrix.scores, matrix.eligible, matrix.violations]),
    perCriterion: digest([matrix.criteria.join(","), JSON.stringify(matrix.weights), ...per]),
    explanations: digest(texts),
  };
}
