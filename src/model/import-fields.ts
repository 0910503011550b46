// The participant fields a table (CSV or spreadsheet) can fill, how each cell is read, and the
// header spellings HR systems commonly use for them (for `mentormatch map`'s best guesses).

/** How a column's cells are read. */
export const COLUMN_KINDS = ["text", "integer", "number", "boolean", "role", "list", "levels", "slots", "modes"] as const;
/** One of {@link COLUMN_KINDS}. */
export type ColumnKind = (typeof COLUMN_KINDS)[number];

/** A fixed participant field: how to read it, and other header spellings that usually mean it. */
export interface ImportField {
  kind: ColumnKind;
  synonyms: readonly string[];
}

/**
 * The fixed participant fields a table can fill, by their dotted path.
 * @remarks Since 0.2.0
 */
export const IMPORT_FIELDS: Readonly<Record<string, ImportField>> = {
  id: { kind: "text", synonyms: ["employee id", "employee number", "employee no", "staff id", "staff number", "person id", "user id", "emp id", "worker id", "participant id"] },
  name: { kind: "text", synonyms: ["full name", "employee name", "display name", "preferred name", "participant name"] },
  role: { kind: "role", synonyms: ["programme role", "program role", "participant role", "participant type", "mentoring role", "mentor or mentee", "mentor/mentee"] },
  level: { kind: "integer", synonyms: ["job level", "grade", "job grade", "career level", "career stage", "band", "seniority"] },
  department: { kind: "text", synonyms: ["dept", "team", "business unit", "division", "org unit"] },
  organisation: { kind: "text", synonyms: ["organization", "company", "employer", "org"] },
  managerId: { kind: "text", synonyms: ["manager", "manager employee id", "line manager", "line manager id", "supervisor", "supervisor id", "reports to"] },
  location: { kind: "text", synonyms: ["office", "site", "city", "work location"] },
  timezone: { kind: "text", synonyms: ["time zone", "tz"] },
  languages: { kind: "list", synonyms: ["language", "spoken languages"] },
  goals: { kind: "list", synonyms: ["goal", "interests", "topics", "mentoring goals", "development goals"] },
  skills: { kind: "levels", synonyms: ["skill", "expertise", "can teach"] },
  wantedSkills: { kind: "levels", synonyms: ["wanted skills", "skills wanted", "skills to learn", "learning goals", "development areas"] },
  "availability.slots": { kind: "slots", synonyms: ["availability", "slots", "time slots", "available times"] },
  "availability.hoursPerMonth": { kind: "number", synonyms: ["hours per month", "monthly hours", "hours a month"] },
  "availability.modes": { kind: "modes", synonyms: ["modes", "meeting modes", "meeting mode", "meeting preference"] },
  history: { kind: "list", synonyms: ["previous partners", "past partners", "paired with"] },
  "preferences.ranked": { kind: "list", synonyms: ["preferred", "preferences", "preferred partners", "preferred mentors"] },
  "preferences.avoid": { kind: "list", synonyms: ["avoid", "do not match", "do not match with"] },
  capacity: { kind: "integer", synonyms: ["max mentees", "maximum mentees", "mentee capacity"] },
  minCapacity: { kind: "integer", synonyms: ["min mentees", "minimum mentees"] },
  priority: { kind: "boolean", synonyms: ["high priority", "prioritise", "prioritize"] },
};

/** Field families with one column per key, e.g. `personality.openness`, and how their cells are read. */
export const IMPORT_PREFIXES: Readonly<Record<string, ColumnKind>> = {
  personality: "number",
  "preferences.attributes": "text",
  diversity: "text",
  attributes: "text",
};

/** Case, spacing and punctuation removed: `"Job Level"`, `"job_level"` and `"JOBLEVEL"` all give `"joblevel"`. */
export function headerKey(header: string): string {
  return header.normalize("NFKC").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
}

const FIELD_BY_KEY = new Map(Object.keys(IMPORT_FIELDS).map((f) => [headerKey(f), f]));
const FIELD_BY_SYNONYM = new Map(Object.entries(IMPORT_FIELDS).flatMap(([f, spec]) => spec.synonyms.map((s) => [headerKey(s), f] as const)));
const PREFIX_RE = /^\s*(personality|preferences[\s._-]*attributes|diversity|attributes)\s*[.:/_\s-]\s*(\S.*?)\s*$/i;

/**
 * The field a header or mapping key names, regardless of case, spacing and punctuation
 * (`"Manager ID"` → `managerId`, `"Personality: Openness"` → `personality.Openness`), or undefined.
 */
export function fieldOfHeader(header: string): { field: string; kind: ColumnKind } | undefined {
  const fixed = FIELD_BY_KEY.get(headerKey(header));
  if (fixed !== undefined) return { field: fixed, kind: IMPORT_FIELDS[fixed]!.kind };
  const m = PREFIX_RE.exec(header);
  if (!m) return undefined;
  const family = headerKey(m[1]!) === "preferencesattributes" ? "preferences.attributes" : m[1]!.toLowerCase();
  return { field: `${family}.${m[2]}`, kind: IMPORT_PREFIXES[family]! };
}


/** The field a header usually means in HR exports (`"Employee ID"` → `id`), from the synonym list. */
export function fieldOfSynonym(header: string): string | undefined {
  return FIELD_BY_SYNONYM.get(headerKey(header));
}

/** Every field name, for did-you-mean suggestions and messages. */
export const IMPORT_FIELD_NAMES: readonly string[] = [...Object.keys(IMPORT_FIELDS), ...Object.keys(IMPORT_PREFIXES).map((p) => `${p}.<key>`)];
