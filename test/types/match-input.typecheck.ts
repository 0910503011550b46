// Type-level test, checked by `npm run typecheck` (never run): `match()` takes `CohortInput | Cohort`,
// so misspelt fields and wrong values fail to compile, and untrusted JSON goes through `parseCohort`.
import { match, parseCohort, rematch, type CohortInput } from "../../src/index.js";

export async function typeChecks(): Promise<void> {
  // A well-formed literal compiles.
  await match({
    participants: [
      { id: "a", role: "mentor", level: 6, skills: { sql: 5 }, availability: { slots: [{ day: "tue", start: "15:00", end: "17:00" }] } },
      { id: "b", role: "mentee", level: 2, wantedSkills: { sql: 3 } },
    ],
    program: { format: "one-on-one", weights: { skills: 1 } },
  });

  // @ts-expect-error misspelt participant field (wantedSkils)
  await match({ participants: [{ id: "b", role: "mentee", wantedSkils: { sql: 3 } }] });

  // @ts-expect-error a role that does not exist
  await match({ participants: [{ id: "b", role: "mentour" }] });

  // @ts-expect-error misspelt programme field (fromat)
  await match({ participants: [], program: { fromat: "peer" } });

  // @ts-expect-error a day that does not exist in a slot
  await match({ participants: [{ id: "a", role: "mentor", availability: { slots: [{ day: "tues", start: "15:00", end: "17:00" }] } }] });

  // @ts-expect-error untrusted JSON (unknown) must be validated first
  await match(JSON.parse("{}") as unknown);

  // Untrusted JSON: parseCohort validates at run time and returns a Cohort that match() takes.
  const untrusted: unknown = JSON.parse('{"participants": []}');
  const result = await match(parseCohort(untrusted));

  // A stored result is read back with its cohort; rematch takes the pair.
  const stored: { cohort: CohortInput; result: typeof result } = JSON.parse(JSON.stringify({ cohort: { participants: [] }, result }));
  await rematch(stored, { leave: [] });
}
