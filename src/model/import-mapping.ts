// The column mapping that fits an HR system's export onto participant fields (`--map mapping.json`).
import * as z from "zod";
import { MatchInputError } from "../errors.js";
import { closestName } from "./closest-name.js";
import { fieldOfHeader, fieldOfSynonym, IMPORT_FIELD_NAMES } from "./import-fields.js";
import { safeRecord } from "./primitives.js";

const mappedValue = z.union([z.string().max(1000), z.number(), z.boolean(), z.null()]);

/**
 * A mapping from an export's columns and values onto participant fields:
 * `columns` names the header that holds each field (`{ "id": "Employee ID" }`), `values` rewrites
 * raw cells per field before they are read (`{ "level": { "L5": 5 } }`; `null` leaves the cell
 * empty), `listSeparator` splits list cells (default: `;` or `,`), `delimiter` fixes the CSV
 * delimiter (default: detected from the header row), and `ignore` lists headers to skip.
 * Field names and headers match regardless of case, spacing and punctuation.
 * @remarks Since 0.2.0
 */
export const importMappingSchema = z.strictObject({
  columns: safeRecord(z.string().min(1).max(1000), 10_000).default({}),
  values: safeRecord(safeRecord(mappedValue, 10_000), 10_000).default({}),
  listSeparator: z.string().min(1).max(10).optional(),
  delimiter: z.enum([",", ";", "\t"]).optional(),
  ignore: z.array(z.string().max(1000)).max(100_000).default([]),
});
/** A validated {@link importMappingSchema}. */
export type ImportMapping = z.output<typeof importMappingSchema>;
/** What a caller writes for {@link importMappingSchema}. */
export type ImportMappingInput = z.input<typeof importMappingSchema>;

function unknownField(key: string, at: (string | number)[]): { path: (string | number)[]; code: string; message: string } {
  const guess = fieldOfSynonym(key) ?? closestName(key, IMPORT_FIELD_NAMES);
  return { path: at, code: "unknown-field", message: `${JSON.stringify(key)} is not a participant field${guess ? `; did you mean ${JSON.stringify(guess)}?` : ""}` };
}

/**
 * Validates a column mapping (see {@link importMappingSchema}): its shape, and that every key of
 * `columns` and `values` is a participant field and no two fields take the same header.
 * @throws MatchInputError listing every problem, with paths such as `columns.levl`.
 * @remarks Since 0.2.0
 */
export function parseImportMapping(input: unknown): ImportMapping {
  const result = importMappingSchema.safeParse(input);
  if (!result.success) {
    throw new MatchInputError(
      result.error.issues.map((iss) => {
        const custom = (iss as { params?: { code?: unknown } }).params?.code;
        return { path: ["mapping", ...iss.path.map((p) => (typeof p === "symbol" ? String(p) : p))], code: typeof custom === "string" ? custom : iss.code.replace(/_/g, "-"), message: iss.message };
      }),
    );
  }
  const mapping = result.data;
  const issues = [];
  const columns: Record<string, string> = {};
  const takenBy = new Map<string, string>();
  for (const [key, header] of Object.entries(mapping.columns)) {
    const field = fieldOfHeader(key)?.field;
    if (field === undefined) issues.push(unknownField(key, ["mapping", "columns", key]));
    else {
      const other = takenBy.get(header);
      if (other !== undefined) issues.push({ path: ["mapping", "columns", key], code: "duplicate-column", message: `header ${JSON.stringify(header)} is already mapped to ${JSON.stringify(other)}` });
      takenBy.set(header, field);
      Object.defineProperty(columns, field, { value: header, enumerable: true, writable: true, configurable: true });
    }
  }
  const values: ImportMapping["values"] = {};
  for (const [key, table] of Object.entries(mapping.values)) {
    const field = fieldOfHeader(key)?.field;
    if (field === undefined) issues.push(unknownField(key, ["mapping", "values", key]));
    else Object.defineProperty(values, field, { value: table, enumerable: true, writable: true, configurable: true });
  }
  if (issues.length > 0) throw new MatchInputError(issues);
  return { ...mapping, columns, values };
}

/**
 * A starting mapping for an export's header row, with best guesses: headers that already name a
 * field (in any case or spacing) map to it, common HR spellings (`Employee ID`, `Job Level`,
 * `Full Name`) map to the field they usually mean, and the rest are listed under `ignore` for the
 * admin to map or keep ignored. `values` is left empty.
 * @remarks Since 0.2.0
 */
export function scaffoldImportMapping(headers: readonly string[]): ImportMappingInput & { columns: Record<string, string>; ignore: string[] } {
  const columns: Record<string, string> = {};
  const ignore: string[] = [];
  for (const header of headers) {
    const field = fieldOfHeader(header)?.field ?? fieldOfSynonym(header);
    if (field !== undefined && !Object.hasOwn(columns, field) && field !== "__proto__") columns[field] = header;
    else ignore.push(header);
  }
  return { columns, values: {}, ignore };
}
