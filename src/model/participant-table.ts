// Participants from a table (a CSV file or a spreadsheet): match the header row to fields, then
// read each cell by its field's kind, through an optional column mapping.
import { MatchInputError, type MatchIssue } from "../errors.js";
import { closestName } from "./closest-name.js";
import { fieldOfHeader, fieldOfSynonym, headerKey, IMPORT_FIELD_NAMES, type ColumnKind } from "./import-fields.js";
import type { ImportMapping } from "./import-mapping.js";

/** A table read from a file: its header row and its data rows with their line (or sheet row) numbers. */
export interface ParticipantTable {
  header: readonly string[];
  rows: ReadonlyArray<{ cells: readonly string[]; line: number }>;
  /** First element of issue paths: `"csv"` or `"xlsx"`. */
  source: string;
  /** What a line is called in messages: `"line"` (CSV) or `"row"` (spreadsheet). */
  unit: string;
  /** Whether `0,5` may be read as a decimal (the delimiter is not a comma). */
  decimalComma: boolean;
}

/** Participants read from a table, with the line each came from (for error messages). */
export interface TableParticipants {
  participants: Array<Record<string, unknown>>;
  lines: number[];
}

/** At most this many unknown columns are listed one by one; the rest are counted. */
const MAX_COLUMN_ISSUES = 20;

const DAY_NAMES: Record<string, string> = {};
for (const [day, ...names] of [
  ["mon", "monday", "mo"],
  ["tue", "tuesday", "tues", "tu"],
  ["wed", "wednesday", "we"],
  ["thu", "thursday", "thur", "thurs", "th"],
  ["fri", "friday", "fr"],
  ["sat", "saturday", "sa"],
  ["sun", "sunday", "su"],
]) {
  for (const n of [day!, ...names]) DAY_NAMES[n] = day!;
}
const MODE_NAMES: Record<string, string> = {
  inperson: "in-person", faceface: "in-person", facetoface: "in-person", onsite: "in-person", office: "in-person",
  virtual: "virtual", remote: "virtual", online: "virtual", video: "virtual",
  hybrid: "hybrid",
};
const ROLE_NAMES: Record<string, string> = { mentor: "mentor", mentee: "mentee", both: "both", mentorandmentee: "both", mentormentee: "both", menteeandmentor: "both", menteementor: "both" };
const BOOLEANS: Record<string, boolean> = { true: true, yes: true, y: true, "1": true, x: true, false: false, no: false, n: false, "0": false };

const INTEGER_RE = /^[+-]?\d+$/;
const DECIMAL_RE = /^[+-]?(?:\d+\.?\d*|\.\d+)$/;
const DECIMAL_COMMA_RE = /^[+-]?\d+,\d+$/;
const SLOT_RE = /^([\p{L}.]+)\s+(\d{1,2})[:.h](\d\d)\s*(?:-|–|—|to)\s*(\d{1,2})[:.h](\d\d)(\s*\+1)?$/iu;

/** Sets an own property, so a key such as `__proto__` becomes data that parseCohort refuses. */
function own(obj: Record<string, unknown>, key: string, value: unknown): void {
  // Plain assignment is faster; only `__proto__` would set the prototype instead.
  if (key === "__proto__") Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}

/** The object keys of a field: `availability.slots` → [availability, slots]; family keys keep their dots. */
function fieldKeys(field: string): string[] {
  const parts = field.split(".");
  const family = parts[0] === "preferences" && parts[1] === "attributes" ? 2 : parts.length > 1 && ["personality", "diversity", "attributes"].includes(parts[0]!) ? 1 : parts.length - 1;
  return [...parts.slice(0, family), parts.slice(family).join(".")];
}

function setPath(obj: Record<string, unknown>, keys: readonly string[], value: unknown): void {
  let at = obj;
  for (let k = 0; k < keys.length - 1; k++) {
    const key = keys[k]!;
    const next = Object.hasOwn(at, key) ? at[key] : undefined;
    if (typeof next === "object" && next !== null) at = next as Record<string, unknown>;
    else {
      const fresh: Record<string, unknown> = {};
      own(at, key, fresh);
      at = fresh;
    }
  }
  own(at, keys[keys.length - 1]!, value);
}

interface Column {
  index: number;
  header: string;
  field: string;
  /** `field` split into object keys. */
  keys: string[];
  kind: ColumnKind;
  /** Raw cell → replacement, exact, then trimmed and lower-cased. */
  values: Map<string, MappedCell> | undefined;
  valuesLoose: Map<string, MappedCell> | undefined;
}

/** A replacement from the mapping's `values` (the import-mapping schema allows these only). */
type MappedCell = string | number | boolean | null;

/** Matches the header row to fields (linear in the number of columns). */
function resolveColumns(table: ParticipantTable, mapping: ImportMapping | undefined, issues: MatchIssue[]): Column[] {
  const byMappedHeader = new Map<string, string>();
  for (const [field, header] of Object.entries(mapping?.columns ?? {})) byMappedHeader.set(headerKey(header), field);
  const ignored = new Set((mapping?.ignore ?? []).map(headerKey));
  const mappedFields = new Set(byMappedHeader.values());
  const seenHeader = new Set<string>();
  const fieldColumn = new Map<string, string>();
  const columns: Column[] = [];
  let unknown = 0;
  const where = (c: number, header: string): (string | number)[] => [table.source, 1, header === "" ? c + 1 : header];
  table.header.forEach((raw, c) => {
    const header = raw.trim();
    const key = headerKey(header);
    if (header === "") {
      if (table.rows.some((r) => (r.cells[c] ?? "").trim() !== "")) issues.push({ path: where(c, header), code: "unnamed-column", message: `column ${c + 1} has no header but holds values; name it or delete it` });
      return;
    }
    if (seenHeader.has(key) && !ignored.has(key)) {
      issues.push({ path: where(c, header), code: "duplicate-column", message: `column ${c + 1} ${JSON.stringify(header)} appears twice` });
      return;
    }
    seenHeader.add(key);
    const mapped = byMappedHeader.get(key);
    if (mapped === undefined && ignored.has(key)) return;
    const found = mapped !== undefined ? fieldOfHeader(mapped) : fieldOfHeader(header);
    // The mapping names another column for this field: this one is not read.
    if (mapped === undefined && found !== undefined && mappedFields.has(found.field)) return;
    if (found === undefined) {
      unknown++;
      if (unknown <= MAX_COLUMN_ISSUES) {
        const guess = fieldOfSynonym(header) ?? closestName(header, IMPORT_FIELD_NAMES);
        const fix = mapping ? `map it in the mapping's "columns" or list it in "ignore"` : `run "mentormatch map" to write a column mapping`;
        issues.push({ path: where(c, header), code: "unknown-column", message: `column ${c + 1} ${JSON.stringify(header)} is not a participant field${guess ? ` (did you mean ${JSON.stringify(guess)}?)` : ""}; ${fix}` });
      }
      return;
    }
    const other = fieldColumn.get(found.field);
    if (other !== undefined) {
      issues.push({ path: where(c, header), code: "duplicate-column", message: `column ${c + 1} ${JSON.stringify(header)} and column ${JSON.stringify(other)} both fill ${found.field}` });
      return;
    }
    fieldColumn.set(found.field, header);
    const table_ = mapping?.values[found.field];
    const values = table_ ? new Map(Object.entries(table_)) : undefined;
    const valuesLoose = table_ ? new Map(Object.entries(table_).map(([k, v]) => [k.trim().toLowerCase(), v])) : undefined;
    columns.push({ index: c, header, field: found.field, keys: fieldKeys(found.field), kind: found.kind, values, valuesLoose });
  });
  if (unknown > MAX_COLUMN_ISSUES) {
    issues.push({ path: [table.source, 1], code: "unknown-column", message: `… and ${unknown - MAX_COLUMN_ISSUES} more columns that are not participant fields` });
  }
  if (mapping) {
    for (const [field, header] of Object.entries(mapping.columns)) {
      if (seenHeader.has(headerKey(header))) continue;
      const guess = closestName(header, table.header);
      issues.push({ path: ["mapping", "columns", field], code: "missing-column", message: `no column ${JSON.stringify(header)} in the file${guess ? ` (did you mean ${JSON.stringify(guess)}?)` : ""}` });
    }
  }
  return columns;
}

/** A cell's replacement from the mapping's `values`, or the cell itself. */
function mapValue(column: Column, raw: string): MappedCell | undefined {
  if (column.values === undefined) return raw;
  if (column.values.has(raw)) return column.values.get(raw);
  const loose = column.valuesLoose!.get(raw.toLowerCase());
  return loose === undefined && !column.valuesLoose!.has(raw.toLowerCase()) ? raw : loose;
}

/**
 * Reads participants from a table (header row + data rows). Headers match field names regardless
 * of case, spacing and punctuation, or through `mapping.columns`; cells are read by their field's
 * kind after `mapping.values`. Blank rows are skipped. Every problem is collected and thrown
 * together as a `MatchInputError` whose messages cite the line and the participant's id.
 */
export function readParticipantTable(table: ParticipantTable, mapping?: ImportMapping): TableParticipants {
  const issues: MatchIssue[] = [];
  const columns = resolveColumns(table, mapping, issues);
  if (issues.length > 0) throw new MatchInputError(issues);
  const idColumn = columns.find((c) => c.field === "id");
  const separators = mapping?.listSeparator !== undefined ? [mapping.listSeparator] : [";", ","];
  const splitList = (s: string) => {
    let parts = [s];
    for (const sep of separators) parts = parts.flatMap((p) => p.split(sep));
    return parts.map((x) => x.trim()).filter((x) => x !== "");
  };
  const participants: Array<Record<string, unknown>> = [];
  const lines: number[] = [];
  const width = table.header.length;
  for (const { cells, line } of table.rows) {
    if (cells.every((c) => c.trim() === "")) continue;
    const id = idColumn ? cells[idColumn.index]?.trim() : undefined;
    const at = `${table.unit} ${line}${id ? ` (id ${JSON.stringify(id.slice(0, 80))})` : ""}`;
    if (cells.length !== width && !(cells.length > width && cells.slice(width).every((c) => c.trim() === ""))) {
      issues.push({ path: [table.source, line], code: "ragged", message: `${at} has ${cells.length} fields, the header has ${width}` });
      continue;
    }
    const p: Record<string, unknown> = {};
    let current = columns[0]!;
    const bad = (message: string) => issues.push({ path: [table.source, line, current.header], code: "csv-value", message: `${at}, ${current.header}: ${message}` });
    for (const column of columns) {
      const raw = (cells[column.index] ?? "").trim();
      if (raw === "") continue;
      current = column;
      const value = readCell(column, raw, splitList, table.decimalComma, bad);
      if (value !== undefined) setPath(p, column.keys, value);
    }
    participants.push(p);
    lines.push(line);
  }
  if (issues.length > 0) throw new MatchInputError(issues);
  return { participants, lines };
}

const show = (s: string) => JSON.stringify(s.length > 40 ? s.slice(0, 40) + "…" : s);
const MAP_HINT = `; map it in the mapping's "values"`;

function readNumber(v: unknown, integer: boolean, decimalComma: boolean, bad: (m: string) => void): number | undefined {
  if (typeof v === "number" && Number.isFinite(v) && (!integer || Number.isInteger(v))) return v;
  if (typeof v === "string") {
    if (integer ? INTEGER_RE.test(v) : DECIMAL_RE.test(v)) return Number(v);
    if (!integer && decimalComma && DECIMAL_COMMA_RE.test(v)) return Number(v.replace(",", "."));
  }
  bad(`${show(String(v))} is not ${integer ? "a whole number" : "a number"}${MAP_HINT}`);
  return undefined;
}

/** One cell read by its column's kind; undefined (and an issue) when it cannot be. */
function readCell(column: Column, raw: string, splitList: (s: string) => string[], decimalComma: boolean, bad: (m: string) => void): unknown {
  const kind = column.kind;
  if (kind === "list" || kind === "modes" || kind === "slots" || kind === "levels") {
    const whole = mapValue(column, raw);
    if (whole === null) return undefined;
    if (typeof whole !== "string") return whole;
    const items = splitList(whole).map((item) => mapValue(column, item)).filter((x) => x !== null);
    if (kind === "list") return items.map(String);
    if (kind === "modes") {
      return items.map((item) => {
        const mode = MODE_NAMES[headerKey(String(item))];
        if (mode === undefined) bad(`${show(String(item))} is not a meeting mode (in-person, virtual, hybrid)${MAP_HINT}`);
        return mode ?? String(item);
      });
    }
    if (kind === "levels") {
      const map: Record<string, unknown> = {};
      for (const item of items.map(String)) {
        const colon = item.lastIndexOf(":");
        if (colon <= 0) bad(`${show(item)} is not name:level`);
        else own(map, item.slice(0, colon).trim(), readNumber(item.slice(colon + 1).trim(), false, decimalComma, bad));
      }
      return map;
    }
    return items.flatMap((item) => {
      const m = SLOT_RE.exec(String(item).trim());
      const day = m ? DAY_NAMES[m[1]!.toLowerCase().replace(/\.$/, "")] : undefined;
      if (!m || day === undefined) {
        bad(`${show(String(item))} is not a slot like "mon 09:00-11:00" (add "+1" when it ends the next day)`);
        return [];
      }
      const time = (h: string, mm: string) => `${h.padStart(2, "0")}:${mm}`;
      return [{ day, start: time(m[2]!, m[3]!), end: time(m[4]!, m[5]!), ...(m[6] ? { overnight: true } : {}) }];
    });
  }
  const v = mapValue(column, raw);
  if (v === null) return undefined;
  switch (kind) {
    case "text":
      return typeof v === "string" ? v : String(v);
    case "integer":
      return readNumber(v, true, decimalComma, bad);
    case "number":
      return readNumber(v, false, decimalComma, bad);
    case "boolean": {
      const b = typeof v === "boolean" ? v : BOOLEANS[String(v).toLowerCase()];
      if (b === undefined) bad(`expected yes/no or true/false, got ${show(String(v))}${MAP_HINT}`);
      return b;
    }
    case "role": {
      const role = ROLE_NAMES[headerKey(String(v))];
      if (role === undefined) bad(`${show(String(v))} is not a role (mentor, mentee, both)${MAP_HINT}`);
      return role;
    }
  }
}

/**
 * Rewrites the `participants[i]` issues of a `MatchInputError` from `parseCohort` so each also
 * cites the participant's id and, for a table, its line: `line 7 (id "E1"): …` (or `id "E1": …`
 * when `located.lines` is empty). Other errors pass through.
 */
export function locateTableIssues(err: unknown, located: TableParticipants, unit: string): unknown {
  if (!(err instanceof MatchInputError)) return err;
  return new MatchInputError(
    err.issues.map((issue) => {
      const [head, index] = issue.path;
      if (head !== "participants" || typeof index !== "number") return issue;
      const line = located.lines[index];
      const raw = located.participants[index];
      const id = raw !== null && typeof raw === "object" ? raw["id"] : undefined;
      const shownId = typeof id === "string" ? `id ${JSON.stringify(id.slice(0, 80))}` : undefined;
      if (line !== undefined) return { ...issue, message: `${unit} ${line}${shownId ? ` (${shownId})` : ""}: ${issue.message}` };
      return shownId && issue.path[2] !== "id" ? { ...issue, message: `${shownId}: ${issue.message}` } : issue;
    }),
  );
}

/** True when `raw` reads as a value of `kind` without a mapping (used for mapping guesses). */
export function cellReadsAs(kind: ColumnKind, raw: string, decimalComma = false): boolean {
  let ok = true;
  const column: Column = { index: 0, header: "", field: "", keys: [""], kind, values: undefined, valuesLoose: undefined };
  readCell(column, raw.trim(), (s) => s.split(/[;,]/).map((x) => x.trim()).filter((x) => x !== ""), decimalComma, () => (ok = false));
  return ok;
}
