// Peer mentoring: one pool, pairs of similar level, both directions scored (blossom algorithm).
// Run: npx tsx examples/peer.ts
import { generateCohort, match } from "../src/index.js";

const cohort = generateCohort({ mentees: 15, mentors: 0, seed: 3, format: "peer" });
const pairs = await match(cohort);
console.log(`${pairs.matches.length} pairs; left out: ${pairs.unmatched.map((u) => `${u.id} (${u.message})`).join("; ") || "nobody"}`);
const triads = await match({ ...cohort, program: { ...cohort.program, peer: { oddPolicy: "triad" } } });
console.log(`with a triad: ${triads.matches.map((m) => m.menteeIds.length).join(" + ")} people`);
if (pairs.matches.some((m) => m.menteeIds.length !== 2)) process.exitCode = 1;
