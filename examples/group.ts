// Group mentoring: each mentor leads a group of 3–5 mentees with a common meeting slot and at
// most two members from one department.
// Run: npx tsx examples/group.ts
import { generateCohort, match } from "../src/index.js";

const cohort = generateCohort({ mentees: 24, mentors: 6, seed: 2, format: "group" });
const result = await match({
  ...cohort,
  participants: cohort.participants.map((p) => (p.role === "mentor" ? { ...p, capacity: 5 } : p)),
  program: { ...cohort.program, format: "group", group: { size: { min: 3, max: 5 }, cohesionWeight: 0.3, mix: [{ field: "department", maxPerGroup: 2 }] } },
});
for (const g of result.matches) console.log(`${g.mentorIds[0]}: ${g.menteeIds.join(", ")} — ${g.reasons[0]?.text ?? ""}`);
if (result.format !== "group") throw new Error(`expected a group result, got ${result.format}`);
console.log(`engine ${result.stats.engine}, status ${result.stats.status}, unmatched ${result.unmatched.length}`);
if (result.matches.some((g) => g.menteeIds.length < 3 || g.menteeIds.length > 5)) process.exitCode = 1;
