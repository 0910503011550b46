import { MatchInputError, type MatchIssue } from "../errors.js";

/**
 * Splits CSV text into rows of fields (RFC 4180: quoted fields may hold commas, newlines and
 * doubled quotes; CRLF or LF line ends; a trailing newline is ignored).
 * @internal Shared with `parseOutcomesCsv`.
 */
export function splitCsv(text: string): { rows: string[][]; issues: MatchIssue[] } {
  const rows: string[][] = [];
  const issues: MatchIssue[] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === "\n") line++;
        field += c;
      }
    } else if (c === '"') {
      if (field !== "") issues.push({ path: ["csv", line], code: "csv-quote", message: `line ${line}: a quote may only open a field` });
      quoted = true;
    } else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      line++;
    } else field += c;
  }
  if (quoted) issues.push({ path: ["csv", line], code: "csv-quote", message: `line ${line}: a quoted field is never closed` });
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return { rows: rows.filter((r) => !(r.length === 1 && r[0] === "")), issues };
}

const LISTS = new Set(["languages", "goals", "history", "preferences.ranked", "preferences.avoid", "availability.modes"]);
const NUMBERS = new Set(["level", "capacity", "minCapacity", "availability.hoursPerMonth"]);
const STRINGS = new Set(["id", "name", "role", "department", "organisation", "managerId", "location", "timezone"]);
const LEVEL_MAPS = new Set(["skills", "wantedSkills"]);
const PREFIXES = ["personality.", "diversity.", "attributes.", "preferences.attributes."];

/** The columns {@link parseParticipantsCsv} understands. */
export const CSV_COLUMNS = [
  ...STRINGS,
  ...NUMBERS,
  "priority",
  ...LISTS,
  ...LEVEL_MAPS,
  "availability.slots",
  "personality.<trait>",
  "diversity.<key>",
  "attributes.<key>",
  "preferences.attributes.<key>",
];

const SLOT_RE = /^(mon|tue|wed|thu|fri|sat|sun)\s+(\d\d:\d\d)\s*-\s*(\d\d:\d\d)(\s*\+1)?$/;

/**
 * Reads participants from CSV, one per line, with a header row naming the fields:
 * `id`, `name`, `role`, `level`, `department`, `managerId`, `location`, `timezone`, `capacity`,
 * `minCapacity`, `priority` (true/false), lists separated by `;` (`languages`, `goals`,
 * `history`, `preferences.ranked`, `preferences.avoid`, `availability.modes`), level maps
 * `skills` / `wantedSkills` as `name:level; name:level`, `availability.slots` as
 * `mon 09:00-11:00; fri 22:00-01:00 +1` (`+1`: ends the next day), `availability.hoursPerMonth`,
 * and one column per key for `personality.<trait>` (numbers), `diversity.<key>`,
 * `attributes.<key>` and `preferences.attributes.<key>`. Empty cells are left out.
 *
 * The result is plain participant input: pass it to `parseCohort` / `match()` with a programme,
 * which validates values as for JSON. Structural problems (unknown columns, ragged rows, numbers
 * that are not numbers, malformed slots) throw `MatchInputError` with path `["csv", line, column]`.
 * @remarks Since 0.1.0
 */
export function parseParticipantsCsv(text: string): Array<Record<string, unknown>> {
  if (typeof text !== "string") throw new MatchInputError([{ path: ["csv"], code: "type", message: "expected CSV text" }]);
  const { rows, issues } = splitCsv(text);
  if (issues.length) throw new MatchInputError(issues);
  if (rows.length === 0) throw new MatchInputError([{ path: ["csv"], code: "csv-empty", message: "no header row" }]);
  const header = rows[0]!.map((h) => h.trim());
  header.forEach((h, c) => {
    const known = STRINGS.has(h) || NUMBERS.has(h) || LISTS.has(h) || LEVEL_MAPS.has(h) || h === "priority" || h === "availability.slots" || PREFIXES.some((p) => h.startsWith(p) && h.length > p.length);
    if (!known) issues.push({ path: ["csv", 1, h], code: "unknown-column", message: `column ${c + 1} ${JSON.stringify(h)} is not a participant field; known: ${CSV_COLUMNS.join(", ")}` });
    if (header.indexOf(h) !== c) issues.push({ path: ["csv", 1, h], code: "duplicate-column", message: `column ${JSON.stringify(h)} appears twice` });
  });
  if (issues.length) throw new MatchInputError(issues);

  const out: Array<Record<string, unknown>> = [];
  // Own properties only (defineProperty), so a column named e.g. `diversity.__proto__` becomes a
  // key that parseCohort then refuses, never a prototype.
  const own = (obj: Record<string, unknown>, key: string, value: unknown) =>
    Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  const set = (obj: Record<string, unknown>, path: string[], value: unknown) => {
    let at = obj;
    for (const key of path.slice(0, -1)) {
      if (!Object.hasOwn(at, key) || typeof at[key] !== "object" || at[key] === null) own(at, key, {});
      at = at[key] as Record<string, unknown>;
    }
    own(at, path[path.length - 1]!, value);
  };
  for (let r = 1; r < rows.length; r++) {
    const cells = rows[r]!;
    const line = r + 1;
    if (cells.length !== header.length) {
      issues.push({ path: ["csv", line], code: "ragged", message: `line ${line} has ${cells.length} fields, the header has ${header.length}` });
      continue;
    }
    const p: Record<string, unknown> = {};
    header.forEach((h, c) => {
      const raw = cells[c]!.trim();
      if (raw === "") return;
      const bad = (message: string) => issues.push({ path: ["csv", line, h], code: "csv-value", message: `line ${line}, ${h}: ${message}` });
      const number = (s: string) => {
        const v = Number(s);
        if (!Number.isFinite(v)) bad(`${JSON.stringify(s.slice(0, 40))} is not a number`);
        return v;
      };
      const list = () => raw.split(";").map((x) => x.trim()).filter((x) => x !== "");
      if (STRINGS.has(h)) set(p, [h], raw);
      else if (NUMBERS.has(h)) set(p, h.split("."), number(raw));
      else if (h === "priority") {
        if (raw !== "true" && raw !== "false") bad(`expected true or false, got ${JSON.stringify(raw.slice(0, 40))}`);
        set(p, [h], raw === "true");
      } else if (LISTS.has(h)) set(p, h.split("."), list());
      else if (LEVEL_MAPS.has(h)) {
        const map: Record<string, unknown> = {};
        for (const entry of list()) {
          const colon = entry.lastIndexOf(":");
          if (colon <= 0) bad(`${JSON.stringify(entry.slice(0, 40))} is not name:level`);
          else own(map, entry.slice(0, colon).trim(), number(entry.slice(colon + 1).trim()));
        }
        set(p, [h], map);
      } else if (h === "availability.slots") {
        const slots = list().map((entry) => {
          const m = SLOT_RE.exec(entry);
          if (!m) {
            bad(`${JSON.stringify(entry.slice(0, 40))} is not a slot like "mon 09:00-11:00" (add "+1" when it ends the next day)`);
            return null;
          }
          return { day: m[1], start: m[2], end: m[3], ...(m[4] ? { overnight: true } : {}) };
        });
        set(p, ["availability", "slots"], slots.filter((x) => x !== null));
      } else if (h.startsWith("personality.")) set(p, ["personality", h.slice("personality.".length)], number(raw));
      else if (h.startsWith("preferences.attributes.")) set(p, ["preferences", "attributes", h.slice("preferences.attributes.".length)], raw);
      else if (h.startsWith("diversity.")) set(p, ["diversity", h.slice("diversity.".length)], raw);
      else set(p, ["attributes", h.slice("attributes.".length)], raw);
    });
    out.push(p);
  }
  if (issues.length) throw new MatchInputError(issues);
  return out;
}
