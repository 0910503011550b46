// Rotational mentoring: three rounds, no mentee meets the same mentor twice.
// Run: npx tsx examples/rotational.ts
import { generateCohort, match } from "../src/index.js";

const cohort = generateCohort({ mentees: 20, mentors: 8, seed: 4, format: "rotational" });
const result = await match({ ...cohort, program: { ...cohort.program, format: "rotational", rotation: { rounds: 3 } } });
if (result.format !== "rotational") throw new Error(`expected a rotational result, got ${result.format}`);
result.rounds.forEach((round, r) => console.log(`round ${r + 1}: ${round.length} pairs, mean ${(round.reduce((s, m) => s + m.score, 0) / Math.max(1, round.length)).toFixed(3)}`));
console.log(`total ${result.stats.total.toFixed(3)} vs joint bound ${result.stats.jointBound.toFixed(3)} (${result.stats.solver})`);
if (result.rounds.length !== 3) process.exitCode = 1;
