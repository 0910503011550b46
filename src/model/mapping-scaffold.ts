// `mentormatch map`: a first column mapping for an export, from its header row and values.
import { fieldOfHeader, fieldOfSynonym, type ColumnKind } from "./import-fields.js";
import type { ImportMappingInput } from "./import-mapping.js";
import { cellReadsAs, type ParticipantTable } from "./participant-table.js";

/** A scaffolded mapping and what the admin should still look at. */
export interface MappingScaffold {
  mapping: ImportMappingInput & { columns: Record<string, string>; values: Record<string, Record<string, string | number | boolean | null>>; ignore: string[] };
  /** How each header was placed: `"Job Level" → level (common HR name)`. */
  notes: string[];
  /** Values no guess could be made for, by field: the admin fills them in under `values`. */
  unresolved: Record<string, string[]>;
}

/** Distinct values looked at per column. */
const MAX_DISTINCT = 50;

/** A reading of a value the reader does not take as it is, or undefined when there is no good guess. */
function guessValue(kind: ColumnKind, raw: string): string | number | boolean | undefined {
  const v = raw.trim().toLowerCase();
  if (kind === "integer" || kind === "number") {
    // "L5", "Grade 7", "Band 3": the one number in the value.
    const digits = v.match(/\d+/g);
    return digits?.length === 1 ? Number(digits[0]) : undefined;
  }
  if (kind === "role") {
    const mentor = /mentor(?!ee)/.test(v);
    const mentee = /mentee/.test(v);
    return mentor && mentee ? "both" : mentor ? "mentor" : mentee ? "mentee" : undefined;
  }
  if (kind === "boolean") return /^(ja|oui|si|sí|j|o|s|✓|✔)$/.test(v) ? true : /^(nein|non|-|✗)$/.test(v) ? false : undefined;
  return undefined;
}

/**
 * A starting mapping for a table, with best guesses: headers that already name a field (in any
 * case or spacing) map to it; common HR spellings (`Employee ID`, `Job Level`, `Full Name`) map to
 * the field they usually mean; other headers go under `ignore`. For level, number, role and
 * yes/no columns, values the reader would refuse get a guessed replacement under `values`
 * (`"L5"` → 5, `"Mentor (experienced)"` → `"mentor"`), and those with no guess are listed in
 * `unresolved`.
 * @remarks Since 0.2.0
 */
export function scaffoldMapping(table: ParticipantTable): MappingScaffold {
  const mapping: MappingScaffold["mapping"] = { columns: {}, values: {}, ignore: [] };
  const notes: string[] = [];
  const unresolved: Record<string, string[]> = {};
  const kinds = new Map<number, { field: string; kind: ColumnKind }>();
  table.header.forEach((raw, c) => {
    const header = raw.trim();
    if (header === "") return;
    const direct = fieldOfHeader(header);
    const field = direct?.field ?? fieldOfSynonym(header);
    if (field === undefined || Object.hasOwn(mapping.columns, field)) {
      mapping.ignore.push(header);
      notes.push(`${JSON.stringify(header)} → ignored${field ? ` (${field} is already taken)` : " (no field matches; map it by hand if it holds one)"}`);
      return;
    }
    Object.defineProperty(mapping.columns, field, { value: header, enumerable: true, writable: true, configurable: true });
    const kind = direct?.kind ?? fieldOfHeader(field)!.kind;
    kinds.set(c, { field, kind });
    notes.push(`${JSON.stringify(header)} → ${field}${direct ? "" : " (a common HR name for it: check)"}`);
  });
  for (const [c, { field, kind }] of kinds) {
    if (!["integer", "number", "role", "boolean"].includes(kind)) continue;
    const seen = new Set<string>();
    for (const row of table.rows) {
      const raw = (row.cells[c] ?? "").trim();
      if (raw === "" || seen.has(raw) || cellReadsAs(kind, raw, table.decimalComma)) continue;
      seen.add(raw);
      if (seen.size > MAX_DISTINCT) break;
      const guess = guessValue(kind, raw);
      if (guess === undefined) (unresolved[field] ??= []).push(raw);
      else {
        const values = (mapping.values[field] ??= {});
        Object.defineProperty(values, raw, { value: guess, enumerable: true, writable: true, configurable: true });
      }
    }
  }
  return { mapping, notes, unresolved };
}
