import * as z from "zod";
import { MatchInputError, type MatchIssue } from "../errors.js";
import { participantSchema, type Participant } from "./participant.js";
import { id } from "./primitives.js";
import { runSteps, type Steps } from "../steps.js";
import { describeValue, readOptions } from "../guard.js";
import { CRITERIA, SELECTOR_FIELDS, isSelectorField, programSchema, type Program } from "./program.js";

/**
 * The whole input: participants and the programme.
 * @remarks Since 0.1.0
 */
export const cohortSchema = z.strictObject({
  participants: z.array(participantSchema).max(1_000_000),
  program: programSchema.prefault({}),
});

/** A validated cohort with defaults applied. Produced only by {@link parseCohort}. */
export interface Cohort {
  participants: Participant[];
  program: Program;
}
/** A cohort as written by the caller: `{ participants, program? }` with defaults optional. Misspelt fields fail to compile. */
export type CohortInput = z.input<typeof cohortSchema>;

/** Options for {@link parseCohort}. */
export interface ParseCohortOptions {
  /** Names of custom criteria the caller registers; their weights are then accepted. Default `[]`. */
  customCriteria?: readonly string[];
}

const parsed = new WeakSet<object>();

/**
 * Marks a cohort built inside the library from parsed parts (a reordering or a subset of a parsed
 * cohort) as validated, so later stages do not parse it again. Not exported from the package.
 * @internal
 */
export function adoptParsedCohort<T extends Cohort>(cohort: T): T {
  parsed.add(cohort);
  return cohort;
}

/** True when `value` is a cohort object returned by {@link parseCohort} (and not since replaced). */
export function isParsedCohort(value: unknown): value is Cohort {
  return typeof value === "object" && value !== null && parsed.has(value);
}

function issueCode(iss: z.core.$ZodIssue): string {
  const custom = (iss as { params?: { code?: unknown } }).params?.code;
  if (typeof custom === "string") return custom;
  return iss.code.replace(/_/g, "-");
}

/**
 * Validates `{ participants, program }` as a whole and returns it with defaults applied.
 * Beyond the schema it checks: unique ids; `history`, `preferences` and admin pair lists point at
 * known ids; nobody is their own manager or preference; capacity ≥ minCapacity; at least one
 * positive weight and no weight for an unknown criterion; locked pairs respect roles and capacity;
 * the chosen format's options are present and consistent.
 *
 * `managerId` may name someone outside the cohort (managers often are not participants); the
 * reporting-line rule then compares managers by id.
 *
 * @throws MatchInputError listing every problem found (never any other error type).
 * @remarks Since 0.1.0
 */
export function parseCohort(input: unknown, options: ParseCohortOptions = {}): Cohort {
  return runSteps(parseCohortSteps(input, options));
}

/** Participants validated between two checkpoints of {@link parseCohortSteps} (about 10 ms). */
const PARSE_STEP = 256;

const participantListSchema = z.array(participantSchema);

/**
 * {@link parseCohort} as a resumable computation (see `src/steps.ts`): the participants are
 * validated in runs of {@link PARSE_STEP}, with a checkpoint after each, then the rest of the
 * cohort. Same result and the same issues, in the same order, as one schema parse.
 * @internal
 */
export function* parseCohortSteps(input: unknown, rawOptions: ParseCohortOptions = {}): Steps<Cohort> {
  const options = readParseOptions(rawOptions);
  const schemaIssues: MatchIssue[] = [];
  const toIssue = (iss: z.core.$ZodIssue, prefix: PropertyKey[] = []): MatchIssue => ({
    path: [...prefix, ...iss.path].map<MatchIssue["path"][number]>((p) => (typeof p === "symbol" ? String(p) : p)),
    code: issueCode(iss),
    message: iss.message,
  });
  let data: Cohort | undefined;
  try {
    const list = typeof input === "object" && input !== null && !Array.isArray(input) ? (input as { participants?: unknown }).participants : undefined;
    if (Array.isArray(list) && list.length > PARSE_STEP && list.length <= 1_000_000) {
      const participants: Participant[] = [];
      for (let start = 0; start < list.length; start += PARSE_STEP) {
        const part = participantListSchema.safeParse(list.slice(start, start + PARSE_STEP));
        if (part.success) participants.push(...part.data);
        else for (const iss of part.error.issues) schemaIssues.push(toIssue({ ...iss, path: [start + (iss.path[0] as number), ...iss.path.slice(1)] }, ["participants"]));
        yield;
      }
      const rest = cohortSchema.safeParse({ ...(input as object), participants: [] });
      if (!rest.success) schemaIssues.push(...rest.error.issues.map((iss) => toIssue(iss)));
      else if (schemaIssues.length === 0) data = { ...rest.data, participants };
    } else {
      const result = cohortSchema.safeParse(input);
      if (result.success) data = result.data;
      else schemaIssues.push(...result.error.issues.map((iss) => toIssue(iss)));
    }
  } catch (err) {
    throw new MatchInputError([{ path: [], code: "unreadable-input", message: `input could not be read: ${String((err as Error)?.message ?? err).slice(0, 200)}` }]);
  }
  if (data === undefined) throw new MatchInputError([...schemaIssues, ...crossCheckParts(input, options)]);
  const cohort = data;
  applyFormatDefaults(cohort, input);
  const issues = crossCheck({ participants: cohort.participants, ids: cohort.participants.map((p) => p.id), program: cohort.program }, options);
  if (issues.length > 0) throw new MatchInputError(issues);
  parsed.add(cohort);
  return cohort;
}

/** Checks {@link ParseCohortOptions}: an object whose `customCriteria` is a list of names. */
function readParseOptions(raw: unknown): ParseCohortOptions {
  const o = readOptions<ParseCohortOptions>(raw, "options");
  const names = o.customCriteria as unknown;
  if (names === undefined) return {};
  if (!Array.isArray(names) || !names.every((n) => typeof n === "string")) {
    throw new MatchInputError([{ path: ["options", "customCriteria"], code: "invalid-option", message: `customCriteria must be a list of criterion names, got ${describeValue(names)}` }]);
  }
  return { customCriteria: names };
}

/**
 * Defaults that depend on the format: in a group programme a mentor who gives no `capacity` leads
 * a full group (`group.size.max` seats) instead of the one-on-one default of 1.
 */
function applyFormatDefaults(cohort: Cohort, input: unknown): void {
  const group = cohort.program.format === "group" ? cohort.program.group : undefined;
  if (!group) return;
  const raw = (input as { participants?: unknown }).participants;
  if (!Array.isArray(raw)) return;
  cohort.participants.forEach((p, i) => {
    const given = raw[i] as { capacity?: unknown } | null | undefined;
    if (given && typeof given === "object" && given.capacity === undefined) p.capacity = group.size.max;
  });
}

/**
 * What the cross-field checks look at: participants by input position (`undefined` where that
 * participant failed the schema), the id of every participant whose id is valid on its own, and
 * the programme (`undefined` when it failed the schema).
 */
interface CheckedParts {
  participants: readonly (Participant | undefined)[];
  ids: readonly (string | undefined)[];
  program: Program | undefined;
}

/**
 * Cross-field checks for input that failed the schema, run on every part that parsed on its own:
 * each participant, each valid id, the programme. So a duplicate id is reported together with a
 * bad role elsewhere, as the README promises ("every problem at once").
 */
function crossCheckParts(input: unknown, options: ParseCohortOptions): MatchIssue[] {
  try {
    if (input === null || typeof input !== "object") return [];
    const raw = (input as { participants?: unknown }).participants;
    const list: readonly unknown[] = Array.isArray(raw) && raw.length <= 1_000_000 ? raw : [];
    const parsedProgram = programSchema.safeParse((input as { program?: unknown }).program ?? {});
    const program = parsedProgram.success ? (parsedProgram.data) : undefined;
    const group = program?.format === "group" ? program.group : undefined;
    const participants = list.map((item) => {
      const one = participantSchema.safeParse(item);
      if (!one.success) return undefined;
      const p = one.data;
      if (group && (item as { capacity?: unknown }).capacity === undefined) p.capacity = group.size.max;
      return p;
    });
    const ids = list.map((item) => {
      const value = item !== null && typeof item === "object" ? (item as { id?: unknown }).id : undefined;
      return id.safeParse(value).success ? (value as string) : undefined;
    });
    return crossCheck({ participants, ids, program }, options);
  } catch {
    // Input whose getters throw was already reported as unreadable by the schema.
    return [];
  }
}

function crossCheck(parts: CheckedParts, options: ParseCohortOptions): MatchIssue[] {
  const issues: MatchIssue[] = [];
  const add = (path: (string | number)[], code: string, message: string) => issues.push({ path, code, message });
  const { participants, program } = parts;
  const index = new Map<string, number>();

  parts.ids.forEach((pid, i) => {
    if (pid === undefined) return;
    const first = index.get(pid);
    if (first !== undefined) add(["participants", i, "id"], "duplicate-id", `id ${JSON.stringify(pid)} is already used by participants[${first}]`);
    else index.set(pid, i);
  });

  const known = (path: (string | number)[], ref: string, what: string) => {
    if (!index.has(ref)) add(path, "unknown-id", `${what} ${JSON.stringify(ref)} is not a participant id`);
  };

  participants.forEach((p, i) => {
    if (p === undefined) return;
    const at = ["participants", i] as (string | number)[];
    if (p.managerId !== undefined && p.managerId === p.id) add([...at, "managerId"], "self-reference", `${JSON.stringify(p.id)} cannot be their own manager`);
    p.history.forEach((h, k) => {
      known([...at, "history", k], h, "history entry");
      if (h === p.id) add([...at, "history", k], "self-reference", "a participant cannot be in their own history");
    });
    if (p.preferences) {
      p.preferences.ranked.forEach((r, k) => {
        known([...at, "preferences", "ranked", k], r, "ranked preference");
        if (r === p.id) add([...at, "preferences", "ranked", k], "self-reference", "a participant cannot rank themself");
      });
      const seen = new Set<string>();
      p.preferences.ranked.forEach((r, k) => {
        if (seen.has(r)) add([...at, "preferences", "ranked", k], "duplicate-id", `${JSON.stringify(r)} is ranked twice`);
        seen.add(r);
      });
      p.preferences.avoid.forEach((r, k) => {
        known([...at, "preferences", "avoid", k], r, "avoid entry");
        if (seen.has(r)) add([...at, "preferences", "avoid", k], "conflicting-preference", `${JSON.stringify(r)} is both ranked and avoided`);
      });
    }
    if (p.capacity < p.minCapacity) add([...at, "minCapacity"], "capacity-below-minimum", `minCapacity ${p.minCapacity} exceeds capacity ${p.capacity}`);
  });

  if (program === undefined) return issues;
  // Weights.
  const custom = new Set(options.customCriteria ?? []);
  const builtin = new Set<string>(CRITERIA);
  let positive = false;
  for (const [name, w] of Object.entries(program.weights)) {
    if (!builtin.has(name) && !custom.has(name)) {
      add(["program", "weights", name], "unknown-criterion", `no criterion named ${JSON.stringify(name)}; built-in criteria are ${CRITERIA.join(", ")}${custom.size ? ` and registered custom criteria ${[...custom].join(", ")}` : ""}`);
    }
    if (typeof w === "number" && w > 0) positive = true;
  }
  if (!positive) add(["program", "weights"], "no-positive-weight", "at least one criterion weight must be positive");

  // Admin pair lists.
  const isMentor = (p: Participant) => p.role === "mentor" || p.role === "both";
  const isMentee = (p: Participant) => p.role === "mentee" || p.role === "both";
  const peerLike = program.format === "peer";
  const lockedLoad = new Map<string, number>();
  const lockedMentee = new Map<string, number>();
  for (const list of ["locked", "forbidden"] as const) {
    program.rules[list].forEach((pair, k) => {
      const at = ["program", "rules", list, k];
      const mi = index.get(pair.mentorId);
      const ei = index.get(pair.menteeId);
      if (mi === undefined) add([...at, "mentorId"], "unknown-id", `mentor ${JSON.stringify(pair.mentorId)} is not a participant id`);
      if (ei === undefined) add([...at, "menteeId"], "unknown-id", `mentee ${JSON.stringify(pair.menteeId)} is not a participant id`);
      if (pair.mentorId === pair.menteeId) add(at, "self-reference", "a pair needs two different participants");
      if (mi === undefined || ei === undefined || list !== "locked") return;
      const mentor = participants[mi];
      const mentee = participants[ei];
      if (mentor === undefined || mentee === undefined) return;
      if (!peerLike && !isMentor(mentor)) add([...at, "mentorId"], "wrong-role", `${JSON.stringify(mentor.id)} is locked as a mentor but has role ${mentor.role}`);
      if (!peerLike && !isMentee(mentee)) add([...at, "menteeId"], "wrong-role", `${JSON.stringify(mentee.id)} is locked as a mentee but has role ${mentee.role}`);
      const prev = lockedMentee.get(mentee.id);
      if (prev !== undefined && program.format !== "rotational") add([...at, "menteeId"], "locked-twice", `${JSON.stringify(mentee.id)} is already locked by rules.locked[${prev}]`);
      lockedMentee.set(mentee.id, k);
      const load = (lockedLoad.get(mentor.id) ?? 0) + 1;
      lockedLoad.set(mentor.id, load);
      if (!peerLike && program.format !== "rotational" && load === mentor.capacity + 1) add([...at, "mentorId"], "locked-over-capacity", `${JSON.stringify(mentor.id)} has capacity ${mentor.capacity} but more locked pairs`);
    });
  }
  const forbiddenKeys = new Set(program.rules.forbidden.map((p) => `${p.mentorId}\u0000${p.menteeId}`));
  program.rules.locked.forEach((p, k) => {
    if (forbiddenKeys.has(`${p.mentorId}\u0000${p.menteeId}`)) add(["program", "rules", "locked", k], "locked-and-forbidden", "this pair is both locked and forbidden");
  });

  // Format options.
  if (program.format === "group") {
    if (!program.group) add(["program", "group"], "missing-format-options", `format "group" needs group.size { min, max }`);
    else if (program.group.size.min > program.group.size.max) add(["program", "group", "size"], "invalid-range", `size.min ${program.group.size.min} exceeds size.max ${program.group.size.max}`);
  }
  if (program.format === "rotational" && !program.rotation) add(["program", "rotation"], "missing-format-options", `format "rotational" needs rotation.rounds`);
  if (program.solver === "stable" && !["one-on-one", "reverse"].includes(program.format)) {
    add(["program", "solver"], "unsupported-solver", `solver "stable" applies to one-on-one and reverse programmes, not ${program.format}`);
  }
  program.quotas.forEach((q, k) => {
    const at = ["program", "quotas", k];
    if (q.min === undefined && q.max === undefined) add(at, "empty-quota", `quota ${JSON.stringify(q.name)} needs min or max`);
    if (q.min !== undefined && q.max !== undefined && q.min > q.max) add(at, "invalid-range", `quota ${JSON.stringify(q.name)}: min ${q.min} exceeds max ${q.max}`);
    if (q.unit === "share" && ((q.min ?? 0) > 1 || (q.max ?? 0) > 1)) add(at, "invalid-share", `quota ${JSON.stringify(q.name)}: a share is between 0 and 1`);
    for (const side of ["mentees", "mentors"] as const) {
      const sel = q[side];
      if (sel && !isSelectorField(sel.field)) add([...at, side, "field"], "unknown-field", `cannot select by ${JSON.stringify(sel.field)}; use one of ${SELECTOR_FIELDS.join(", ")}`);
    }
  });
  const names = new Set<string>();
  program.quotas.forEach((q, k) => {
    if (names.has(q.name)) add(["program", "quotas", k, "name"], "duplicate-name", `quota name ${JSON.stringify(q.name)} is used twice`);
    names.add(q.name);
  });
  program.group?.mix.forEach((m, k) => {
    if (m.maxPerGroup === undefined && m.minPerGroup === undefined) add(["program", "group", "mix", k], "empty-quota", "a group mix rule needs maxPerGroup or minPerGroup");
    if (!isSelectorField(m.field)) add(["program", "group", "mix", k, "field"], "unknown-field", `cannot group by ${JSON.stringify(m.field)}; use one of ${SELECTOR_FIELDS.join(", ")}`);
  });
  return issues;
}

/**
 * The JSON Schema (draft 2020-12) of the cohort input, for platforms that integrate from other
 * languages. Generated from the zod schemas, so it cannot drift from what `parseCohort` accepts;
 * cross-field checks (unique ids, known references) are not expressible in it and are listed in
 * its `description`.
 * @remarks Since 0.1.0
 */
export function cohortJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(cohortSchema, { io: "input", unrepresentable: "any", target: "draft-2020-12" }) as Record<string, unknown>;
  return {
    ...schema,
    $id: "https://unpkg.com/mentormatch/schema/cohort.schema.json",
    title: "mentormatch cohort",
    description:
      "Input to mentormatch: participants and programme. Also checked by parseCohort (not expressible here): ids are unique; history, preferences and rules.locked/forbidden refer to participant ids; capacity >= minCapacity; at least one positive weight; format-specific options (group.size, rotation.rounds) are present.",
  };
}
