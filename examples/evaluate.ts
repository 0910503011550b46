// Evaluate and iterate on the sample cohort: learn weights from outcomes, audit the result by
// department, and compare the current matching with the one the new weights give.
// Run: npx tsx examples/evaluate.ts [--write-outcomes examples/outcomes.csv]
//
// The outcomes are synthetic: 600 pairs from earlier rounds of this programme, each kept after
// the trial with a probability that rises with a hidden weighting that favours skills and
// availability over goals (computed with the library's own scorer, plus chance).
import { writeFileSync } from "node:fs";
import { readFileSync } from "node:fs";
import { auditResult, calibrateWeights, compareResults, match, parseCohort, scoreMatrix, type CohortInput } from "../src/index.js";
import { createRandom } from "../src/sample/random.js";

const raw = JSON.parse(readFileSync(new URL("./cohort.json", import.meta.url), "utf8")) as CohortInput;
const cohort = parseCohort(raw);

// 1. Outcomes of earlier pairs.
const hidden = { goals: 0.1, skills: 0.45, personality: 0.05, availability: 0.3, diversity: 0, preferences: 0.1 };
const truth = scoreMatrix(parseCohort({ ...raw, program: { ...raw.program, weights: hidden } }));
const random = createRandom(2027);
const outcomes = Array.from({ length: 600 }, () => {
  const i = Math.floor(random.next() * truth.rows);
  const j = Math.floor(random.next() * truth.cols);
  const kept = random.next() < 1 / (1 + Math.exp(-12 * (truth.scores[i * truth.cols + j]! - 0.4)));
  return { menteeId: truth.rowIds[i]!, mentorId: truth.colIds[j]!, outcome: kept };
});
const write = process.argv.indexOf("--write-outcomes");
if (write >= 0) writeFileSync(process.argv[write + 1]!, ["menteeId,mentorId,outcome", ...outcomes.map((o) => `${o.menteeId},${o.mentorId},${o.outcome}`)].join("\n") + "\n");

// 2. Calibrate.
const calibration = calibrateWeights(cohort, outcomes);
const m = calibration.metrics;
console.log(`calibrate: held-out AUC ${m.heldOut!.toFixed(3)} vs current weights ${m.current!.toFixed(3)} → ${calibration.improved ? "improved" : "not improved"}`);
for (const c of calibration.importance) {
  console.log(`  ${c.criterion.padEnd(13)} ${c.current.toFixed(2)} → ${c.fitted.toFixed(2)}  (share ${(100 * c.share).toFixed(0)} %, 95 % interval ${(100 * c.low!).toFixed(0)}–${(100 * c.high!).toFixed(0)} %)`);
}

// 3. Audit the current matching by department.
const before = await match(cohort);
const audit = auditResult(before, cohort, { groupBy: "department" });
console.log(`audit by department (${audit.suppressedGroups} small groups suppressed):`);
for (const g of audit.groups) {
  const r = audit.disparity.ratios.find((x) => x.group === g.group); // none for the suppressed bucket
  const ratio = r ? `, rate ratio ${r.matchRate!.toFixed(2)}${r.flagged.length ? `  ← under 0.8 (${r.flagged.join(", ")})` : ""}` : "";
  console.log(`  ${g.group.padEnd(18)} ${g.matched}/${g.participants} matched, mean ${g.meanScore?.toFixed(3)}, first choice ${(100 * g.firstChoiceRate!).toFixed(0)} %${ratio}`);
}

// 4. What would the new weights change?
const after = await match({ ...raw, program: { ...raw.program, ...calibration.patch } });
const diff = compareResults(before, after);
const s = diff.summary;
console.log(`compare: ${s.kept} pairs kept, ${s.added} added, ${s.dropped} dropped; ${s.participantsChanged} participants change partner, ${s.participantsAdded} newly matched, ${s.participantsDropped} no longer matched`);
const moved = diff.participants.filter((p) => p.status === "changed" && p.id.startsWith("mentee")).slice(0, 3);
for (const p of moved) console.log(`  ${p.id}: ${p.before.join(", ")} → ${p.after.join(", ")}`);

if (!calibration.improved || calibration.importance[0]!.criterion !== "skills") process.exitCode = 1;
