// Reads a stored { cohort, result } from the JSON file named on the command line and prints what
// explainWhyNot and rematch answer from it, as the stored-result test's "new process".
import { readFileSync } from "node:fs";
import { explainWhyNot, rematch, type MatchResult, type RematchChanges, type StoredResult } from "../../src/index.js";

const { stored, pairs, changes } = JSON.parse(readFileSync(process.argv[2]!, "utf8")) as { stored: StoredResult; pairs: [string, string][]; changes: RematchChanges };
const whyNot = pairs.map(([menteeId, mentorId]) => explainWhyNot(stored, menteeId, mentorId));
const after: MatchResult = await rematch(stored, changes);
const { timings: _t, ...stats } = after.stats;
process.stdout.write(JSON.stringify({ whyNot, rematch: { ...after, stats } }));
