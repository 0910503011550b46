// HRIS import: an HR system's semicolon-separated export (byte-order mark, its own header names,
// "L5"-style job levels) read through a column mapping, validated, matched, and written back as
// CSV for upload. The CLI does the same with `mentormatch map` / `--map mapping.json`.
// Run: npx tsx examples/hris-import.ts
import { match, parseCohort, parseImportMapping, parseParticipantsCsv, toCsv } from "../src/index.js";

const hrisExport = [
  "\uFEFFEmployee ID;Full Name;Programme Role;Job Level;Department;Languages;Goals;Availability;E-mail",
  'E100;"Grace ""Amazing"" Hopper";Mentor;L7;Engineering;English, German;leadership, public speaking;Mon 09:00-11:00, Wed 14:00-16:00;grace@example.com',
  'E101;"Ada\nLovelace";Mentor;L6;Research;English;leadership;Monday 9:00-11:00;ada@example.com',
  "",
  "E200;O'Brien;mentee;L2;Sales;English;leadership;mon 10:00-12:00;sam@example.com",
  "E201;Priya Natarajan;MENTEE;L3;Engineering;German;public speaking;wed 15:00-16:00;priya@example.com",
].join("\r\n");

// What `mentormatch map export.csv` scaffolds, with the level values filled in.
const mapping = parseImportMapping({
  columns: { id: "Employee ID", name: "Full Name", role: "Programme Role", level: "Job Level", "availability.slots": "Availability" },
  values: { level: { L2: 2, L3: 3, L6: 6, L7: 7 } },
  ignore: ["E-mail"],
});

const participants = parseParticipantsCsv(hrisExport, { mapping });
const cohort = parseCohort({ participants, program: { name: "HRIS pilot" } });
const result = await match(cohort);

for (const m of result.matches) {
  const name = (id: string) => cohort.participants.find((p) => p.id === id)?.name?.replace(/\n/g, " ");
  console.log(`${name(m.mentorIds[0]!)} (${m.mentorIds[0]}) mentors ${name(m.menteeIds[0]!)} (${m.menteeIds[0]}), score ${m.score.toFixed(2)}`);
}
// E201 speaks only German and only E100 does, so E100 takes E201 and E101 takes E200.
const pairs = result.matches.map((m) => `${m.mentorIds[0]}-${m.menteeIds[0]}`).sort();
if (pairs.join(",") !== "E100-E201,E101-E200") throw new Error(`unexpected pairs ${pairs.join(",")}`);

// Back to the HR system: one row per pair, RFC 4180, formula-safe.
console.log(toCsv(result, cohort).split("\r\n")[0]);
