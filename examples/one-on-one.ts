// One-on-one: match the sample cohort, then ask why a mentee did not get a given mentor.
// Run: npx tsx examples/one-on-one.ts
import { readFileSync } from "node:fs";
import { explainWhyNot, match, type CohortInput } from "../src/index.js";

// match() validates the input itself; the type says what the file is meant to hold.
const cohort = JSON.parse(readFileSync(new URL("./cohort.json", import.meta.url), "utf8")) as CohortInput;
const result = await match(cohort);

console.log(`${result.matches.length} pairs, mean score ${result.stats.mean.toFixed(3)}, coverage ${(result.stats.coverage * 100).toFixed(0)} % (${result.stats.solver}, optimal: ${result.stats.optimal})`);
for (const m of result.matches.slice(0, 5)) console.log(`  ${m.mentorIds[0]} → ${m.menteeIds[0]}  ${m.score.toFixed(3)}  ${m.reasons[0]?.text ?? ""}`);
for (const u of result.unmatched.slice(0, 3)) console.log(`  unmatched ${u.id}: ${u.message}`);

// "Why wasn't the first mentee paired with the second pair's mentor?"
const [first, second] = result.matches;
if (first && second) console.log(explainWhyNot(result, first.menteeIds[0]!, second.mentorIds[0]!).message);

// The same programme, raising the worst match first.
const fair = await match({ ...cohort, program: { ...cohort.program, objective: "maxMin" } });
console.log(`maxMin: lowest score ${fair.stats.min.toFixed(3)} (maxTotal gave ${result.stats.min.toFixed(3)})`);
if (fair.stats.min < result.stats.min - 1e-9 || fair.matches.length !== result.matches.length) process.exitCode = 1;
