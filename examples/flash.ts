// Flash mentoring: shortlists for one-off sessions, and a speed-mentoring timetable.
// Run: npx tsx examples/flash.ts
import { generateCohort, match, recommend, recommendAll } from "../src/index.js";

const cohort = generateCohort({ mentees: 24, mentors: 8, seed: 5, format: "flash" });
const mentee = cohort.participants.find((p) => p.role === "mentee")!;
for (const r of recommend(cohort, mentee.id, { k: 3 })) console.log(`${mentee.id}: ${r.mentorId} ${r.score.toFixed(3)} — ${r.reasons[0]?.text ?? ""}`);

const shortlists = recommendAll(cohort, { k: 3, multiple: 2 });
console.log(`${shortlists.size} shortlists; first: ${[...shortlists.values()][0]!.map((r) => r.mentorId).join(", ")}`);

const timetable = await match({ ...cohort, program: { ...cohort.program, flash: { slots: 3 } } });
if (timetable.format !== "flash") throw new Error(`expected a flash result, got ${timetable.format}`);
timetable.rounds.forEach((round, s) => console.log(`slot ${s + 1}: ${round.length} meetings`));
if (timetable.rounds.length !== 3 || timetable.stats.slots !== 3) process.exitCode = 1;
