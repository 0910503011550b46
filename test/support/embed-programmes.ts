// The programmes the embedding tests run on examples/cohort.json (browser bundle, no HiGHS,
// stored results): one-on-one as shipped, peer, and mentor-led groups with a quota.
import { readFileSync } from "node:fs";
import type { CohortInput } from "../../src/index.js";

/** A quota every embedding test checks by hand: ≥ 30 % of Engineering mentees get a level-5+ mentor. */
export const SENIOR_QUOTA = {
  name: "senior mentors for Engineering",
  mentees: { field: "department", equals: "Engineering" },
  mentors: { field: "level", min: 5 },
  min: 0.3,
  unit: "share" as const,
};

/** Group size bounds of the group programme. */
export const GROUP_SIZE = { min: 2, max: 4 };

/** examples/cohort.json as raw input. */
export function exampleCohort(): CohortInput & { program: NonNullable<CohortInput["program"]> } {
  return JSON.parse(readFileSync(new URL("../../examples/cohort.json", import.meta.url), "utf8"));
}

/** The three programmes by name, as raw `match()` input. */
export function embedProgrammes(): Record<"one-on-one" | "peer" | "group-quota" | "one-on-one-quota", CohortInput> {
  const base = exampleCohort();
  const { participants, program } = base;
  return {
    "one-on-one": base,
    peer: { participants, program: { ...program, format: "peer" } },
    "group-quota": { participants, program: { ...program, format: "group", group: { size: GROUP_SIZE }, quotas: [SENIOR_QUOTA] } },
    "one-on-one-quota": { participants, program: { ...program, quotas: [SENIOR_QUOTA] } },
  };
}
