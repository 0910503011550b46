// Cross-company programme: three organisations pool mentors and mentees. Every pair crosses
// organisations, each organisation's mentees get at least half of them matched (a quota per
// organisation), and reasons never mention the other organisation's internal fields.
// Run: npx tsx examples/cross-company.ts
import { generateCohort, match, parseCohort } from "../src/index.js";

const organisations = ["Acme", "Globex", "Initech"];
const sample = generateCohort({ mentees: 60, mentors: 25, seed: 11, organisations });
const cohort = parseCohort({
  participants: sample.participants,
  program: {
    ...sample.program,
    rules: { ...sample.program?.rules, organisation: "different" },
    quotas: organisations.map((org) => ({ name: `${org} mentees`, mentees: { field: "organisation", equals: org }, min: 0.5, unit: "share" as const })),
    explain: { includeSensitive: true }, // diversity reasons on; cross-organisation scoping stays on (the default)
  },
});
const result = await match(cohort);

const orgOf = new Map(cohort.participants.map((p) => [p.id, p.organisation!]));
console.log(`${result.matches.length} cross-company pairs, mean score ${result.stats.mean.toFixed(3)} (${result.stats.solver})`);
for (const org of organisations) {
  const mentees = cohort.participants.filter((p) => p.role === "mentee" && p.organisation === org).length;
  const matched = result.matches.filter((x) => orgOf.get(x.menteeIds[0]!) === org).length;
  console.log(`  ${org.padEnd(8)} ${matched} of ${mentees} mentees matched (${((100 * matched) / mentees).toFixed(0)} %)`);
}
const [first] = result.matches;
if (first) {
  console.log(`${first.mentorIds[0]} (${orgOf.get(first.mentorIds[0]!)}) → ${first.menteeIds[0]} (${orgOf.get(first.menteeIds[0]!)}): ${first.reasons.map((r) => r.text).join("; ")}`);
}

// The guarantees this example shows; CI runs it, so they must hold.
const crossing = result.matches.every((x) => orgOf.get(x.mentorIds[0]!) !== orgOf.get(x.menteeIds[0]!));
const scoped = result.matches.every((x) => x.reasons.every((r) => !/department|reporting line|level gap|levels too far/i.test(r.text)));
if (!crossing || !scoped || result.warnings.some((w) => w.code === "quotas-ignored" || /quota/i.test(w.message))) {
  console.error("cross-company guarantees broken", { crossing, scoped, warnings: result.warnings });
  process.exitCode = 1;
}
