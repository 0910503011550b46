// scorePair / explainPair agree with scoreMatrix bit for bit, on generated cohorts of a given size:
// small in test/scoring/properties.test.ts, full size in test/scoring/properties.slow.test.ts.
import fc from "fast-check";
import { expect } from "vitest";
import { parseCohort, type Format } from "../../src/model/index.js";
import { generateCohort } from "../../src/sample/generate.js";
import { explainPair, scoreMatrix, scorePair } from "../../src/score/index.js";

/** Asserts the agreement on `numRuns` generated `format` cohorts of `mentees` × `mentors`. */
export function checkScorePairAgreesWithMatrix(format: Format, size: { mentees: number; mentors: number; numRuns: number }): void {
  const { mentees, mentors } = size;
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 2 ** 31 }), fc.constantFrom<"drop" | "neutral">("drop", "neutral"), (seed, missing) => {
      const input = generateCohort({ mentees, mentors, seed, format });
      const cohort = parseCohort({ ...input, program: { ...input.program, criteria: { ...input.program?.criteria, missing, diversity: { aims: { department: "different" } } }, rules: { ...input.program?.rules, minScore: 0.2 } } });
      const matrix = scoreMatrix(cohort, { perCriterion: true });
      for (let i = 0; i < matrix.rows; i++) {
        for (let j = 0; j < matrix.cols; j++) {
          const at = i * matrix.cols + j;
          const a = cohort.participants[matrix.rowParticipants[i]!]!;
          const b = cohort.participants[matrix.colParticipants[j]!]!;
          const pair = a.id === b.id ? null : scorePair(a, b, cohort.program);
          const explained = explainPair(matrix, i, j);
          expect(explained.score).toBe(matrix.scores[at]);
          expect(explained.eligible).toBe(matrix.eligible[at] === 1);
          expect(explained.violations.map((c) => 1 << matrix.ruleCodes.indexOf(c)).reduce((s, x) => s | x, 0)).toBe(matrix.violations[at]);
          for (const name of matrix.criteria) {
            const v = matrix.perCriterion![name]![at]!;
            expect(explained.breakdown[name]!.score).toBe(Number.isNaN(v) ? null : v);
          }
          if (pair) {
            expect(pair.score).toBe(matrix.scores[at]);
            expect(pair.eligible).toBe(matrix.eligible[at] === 1);
            expect(pair.violations).toEqual(explained.violations);
          }
        }
      }
    }),
    { numRuns: size.numRuns },
  );
}
