// The Quick start demo: matches examples/cohort.json (or the file given) one-on-one with the
// built package and prints the pairs, their reasons, and the unmatched with why.
// Run with `npm run demo` (which builds dist/ first).
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { MatchInputError, formatPath, match, parseCohort } from "../dist/index.js";

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

/** Prints the matches grouped by mentor with every reason, then the unmatched with why. */
function printMatches(result, cohort) {
  // Full names with the id that tells two people apart; never cut.
  const name = new Map(cohort.participants.map((p) => [p.id, p.name ? `${p.name} (${p.id})` : p.id]));
  const byMentor = new Map();
  for (const m of result.matches) {
    const list = byMentor.get(m.mentorIds[0]) ?? [];
    list.push(m);
    byMentor.set(m.mentorIds[0], list);
  }
  console.log(`\nMatches (${result.matches.length}, solver ${result.stats.solver}, optimal: ${result.stats.optimal})`);
  for (const [mentorId, list] of [...byMentor].sort((a, b) => String(name.get(a[0])).localeCompare(String(name.get(b[0]))))) {
    console.log(`  ${name.get(mentorId)}`);
    for (const m of list) {
      console.log(`    → ${name.get(m.menteeIds[0])}  score ${m.score.toFixed(2)}${m.locked ? " [locked]" : ""}`);
      for (const r of m.reasons) console.log(`        · ${r.text}`);
    }
  }
  const s = result.stats;
  console.log(`\nTotal ${s.total.toFixed(2)}, mean ${s.mean.toFixed(3)}, median ${s.median.toFixed(3)}, min ${s.min.toFixed(3)}; coverage ${(s.coverage * 100).toFixed(1)} % of ${s.matchable} matchable mentees`);
  if (s.blockingPairsNote) console.log(`Stability: ${s.blockingPairsNote}.`);
  console.log(`Timings (ms): ${Object.entries(s.timings).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(", ")}`);
  const unmatched = result.unmatched;
  console.log(`\nUnmatched (${unmatched.length})`);
  for (const u of unmatched) console.log(`  ${u.role} ${name.get(u.id)} [${u.code}]: ${u.message}`);
  for (const w of result.warnings) console.log(`Warning: ${w.message}`);
}

export async function main(path = process.argv[2] ?? DEFAULT_INPUT) {
  let raw;
  let cohort;
  try {
    raw = JSON.parse(readFileSync(path, "utf8"));
    cohort = parseCohort(raw);
  } catch (err) {
    if (!(err instanceof MatchInputError)) throw err;
    console.error(`${path}: ${err.issues.length} validation issue(s)`);
    for (const issue of err.issues) console.error(`  ${formatPath(issue.path)} [${issue.code}] ${issue.message}`);
    return 1;
  }
  const s = summarise(cohort);
  console.log(`${s.program.name} — ${s.program.format}, seed ${s.program.seed} (${relative(process.cwd(), path)})`);
  console.log(`${s.byRole.map(([r, n]) => `${n} ${r}s`).join(", ")}; ${s.capacity.seats} mentor seats; ${s.byDepartment.length} departments; ${s.byTimezone.length} time zones; ${s.withPreferences} mentees with ranked preferences`);
  const result = await match(cohort);
  printMatches(result, cohort);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = await main();
