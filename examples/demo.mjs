// The Quick start demo: validates examples/cohort.json (or the file given) against the built
// package and prints a summary. Run with `npm run demo` (which builds dist/ first).
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { MatchInputError, formatPath, parseCohort } from "../dist/index.js";

const DEFAULT_INPUT = fileURLToPath(new URL("./cohort.json", import.meta.url));

const isMentor = (p) => p.role === "mentor" || p.role === "both";
const isMentee = (p) => p.role === "mentee" || p.role === "both";

/** Counts of `key(p)` over participants, largest first. */
function countBy(participants, key) {
  const counts = new Map();
  for (const p of participants) for (const k of [key(p)].flat()) counts.set(k ?? "(not given)", (counts.get(k ?? "(not given)") ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])));
}

/** Plain-data summary of a parsed cohort; printing is separate so later demos can reuse it. */
export function summarise(cohort) {
  const { participants, program } = cohort;
  const mentors = participants.filter(isMentor);
  const mentees = participants.filter(isMentee);
  const shares = (a, b) => (a.languages ?? []).some((l) => (b.languages ?? []).includes(l));
  const languageMentors = (e) => mentors.filter((m) => m.id !== e.id && shares(e, m));
  return {
    program: { name: program.name ?? "(unnamed)", format: program.format, seed: program.seed },
    byRole: countBy(participants, (p) => p.role),
    byDepartment: countBy(participants, (p) => p.department),
    byTimezone: countBy(participants, (p) => p.timezone),
    byLanguage: countBy(participants, (p) => p.languages ?? []),
    capacity: { seats: mentors.reduce((s, m) => s + m.capacity, 0), mentees: mentees.length },
    withPreferences: mentees.filter((e) => (e.preferences?.ranked.length ?? 0) > 0).length,
    watch: {
      noEnglish: mentees.filter((e) => e.languages && !e.languages.includes("English")).map((e) => e.id),
      noSharedLanguage: mentees.filter((e) => e.languages && languageMentors(e).length === 0).map((e) => e.id),
      onlyManagerSharesLanguage: mentees
        .filter((e) => {
          const ms = languageMentors(e);
          return ms.length > 0 && ms.every((m) => m.id === e.managerId);
        })
        .map((e) => e.id),
    },
  };
}

function printCounts(title, rows) {
  console.log(`\n${title}`);
  for (const [k, n] of rows) console.log(`  ${String(k).padEnd(22)} ${String(n).padStart(4)}`);
}

export function main(path = process.argv[2] ?? DEFAULT_INPUT) {
  let cohort;
  try {
    cohort = parseCohort(JSON.parse(readFileSync(path, "utf8")));
  } catch (err) {
    if (!(err instanceof MatchInputError)) throw err;
    console.error(`${path}: ${err.issues.length} validation issue(s)`);
    for (const issue of err.issues) console.error(`  ${formatPath(issue.path)} [${issue.code}] ${issue.message}`);
    return 1;
  }
  const s = summarise(cohort);
  console.log(`${s.program.name} — ${s.program.format}, seed ${s.program.seed} (${relative(process.cwd(), path)})`);
  console.log("Validation: no issues");
  printCounts("By role", s.byRole);
  printCounts("By department", s.byDepartment);
  printCounts("By time zone", s.byTimezone);
  printCounts("By language", s.byLanguage);
  console.log(`\nMentor capacity: ${s.capacity.seats} seats for ${s.capacity.mentees} mentees`);
  console.log(`Mentees with ranked preferences: ${s.withPreferences}`);
  console.log(`Mentees who speak no English: ${s.watch.noEnglish.join(", ") || "none"}`);
  console.log(`Mentees who share no language with any mentor: ${s.watch.noSharedLanguage.join(", ") || "none"}`);
  console.log(`Mentees whose only language-sharing mentor is their manager: ${s.watch.onlyManagerSharesLanguage.join(", ") || "none"}`);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = main();
