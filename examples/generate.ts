/**
 * Writes a synthetic cohort as JSON.
 *
 *   npx tsx examples/generate.ts --mentees 60 --mentors 25 --seed 7 [--format one-on-one]
 *     [--name "Acme Spring 2027 Mentorship"] [--both-share 0] [--out cohort.json]
 *
 * Prints to stdout unless --out is given. The same arguments always give the same bytes.
 */
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { MatchInputError, formatPath } from "../src/errors.js";
import type { Format } from "../src/model/program.js";
import { generateCohort } from "../src/sample/generate.js";

function main(argv: string[]): number {
  const { values } = parseArgs({
    args: argv,
    options: {
      mentees: { type: "string", default: "60" },
      mentors: { type: "string", default: "25" },
      seed: { type: "string", default: "1" },
      format: { type: "string", default: "one-on-one" },
      name: { type: "string" },
      "both-share": { type: "string" },
      out: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write("usage: npx tsx examples/generate.ts --mentees N --mentors M [--seed S] [--format F] [--name NAME] [--both-share X] [--out FILE]\n");
    return 0;
  }
  try {
    const cohort = generateCohort({
      mentees: Number(values.mentees),
      mentors: Number(values.mentors),
      seed: Number(values.seed),
      format: values.format as Format,
      ...(values.name !== undefined ? { name: values.name } : {}),
      ...(values["both-share"] !== undefined ? { bothShare: Number(values["both-share"]) } : {}),
    });
    const json = `${JSON.stringify(cohort, null, 2)}\n`;
    if (values.out !== undefined) {
      writeFileSync(values.out, json);
      process.stderr.write(`wrote ${values.out}: ${cohort.participants.length} participants (seed ${values.seed})\n`);
    } else process.stdout.write(json);
    return 0;
  } catch (err) {
    if (!(err instanceof MatchInputError)) throw err;
    for (const issue of err.issues) process.stderr.write(`--${formatPath(issue.path)}: ${issue.message}\n`);
    return 2;
  }
}

process.exitCode = main(process.argv.slice(2));
