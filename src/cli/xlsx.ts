// Spreadsheet input for the CLI: the first sheet of an .xlsx file as a participant table. The
// reader (SheetJS Community Edition, npm `@e965/xlsx`, an optional dependency that `toXlsx` also
// uses) is loaded only when an .xlsx file is given.
import { MatchInputError } from "../errors.js";
import type { ParticipantTable } from "../model/participant-table.js";
import { CliIoError } from "./command.js";

/** The part of SheetJS the reader uses. */
interface SheetJsReader {
  read(data: Uint8Array, options: { type: "array"; cellDates: boolean; dense?: boolean }): { SheetNames: string[]; Sheets: Record<string, Record<string, unknown>> };
  utils: {
    sheet_to_json(sheet: unknown, options: { header: 1; raw: boolean; defval: unknown; blankrows: boolean }): unknown[][];
    decode_range(ref: string): { s: { r: number; c: number } };
  };
}

// Held in an object so bundlers leave the import to run time.
const moduleNames: { xlsx: string } = { xlsx: "@e965/xlsx" };

/** A spreadsheet cell as text: numbers as written, dates as YYYY-MM-DD, empty cells as "". */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  // With `raw` and `cellDates` SheetJS gives only the kinds above; anything else is read as its JSON.
  return JSON.stringify(value) ?? "";
}

/** True when `bytes` start like a zip archive (an .xlsx file is one). */
export function looksLikeXlsx(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

async function loadReader(path: string): Promise<SheetJsReader> {
  try {
    const mod = (await import(/* webpackIgnore: true */ /* @vite-ignore */ moduleNames.xlsx)) as Partial<SheetJsReader> & { default?: Partial<SheetJsReader> };
    const lib = typeof mod.read === "function" ? mod : mod.default;
    if (typeof lib?.read !== "function" || typeof lib.utils?.sheet_to_json !== "function") throw new Error("not SheetJS");
    return lib as SheetJsReader;
  } catch {
    throw new CliIoError(`reading ${path} needs the optional package @e965/xlsx (npm install @e965/xlsx), or save the sheet as CSV`);
  }
}

/**
 * Reads the first sheet of an .xlsx file: its first non-empty row is the header. Row numbers in
 * messages are the sheet's own (a sheet that starts at row 3 starts counting at 3).
 */
export async function readXlsxTable(bytes: Uint8Array, path: string): Promise<ParticipantTable> {
  const invalid = (why: string) => new MatchInputError([{ path: ["xlsx"], code: "invalid-xlsx", message: `${path} is not a readable .xlsx workbook: ${why}` }]);
  if (!looksLikeXlsx(bytes)) throw invalid("it is not a zip archive (save it from Excel as .xlsx, or as CSV)");
  const lib = await loadReader(path);
  let data: unknown[][];
  let firstRow = 1;
  try {
    const book = lib.read(bytes, { type: "array", cellDates: true });
    const sheet = book.Sheets[book.SheetNames[0] ?? ""];
    if (sheet === undefined) throw new Error("it has no sheet");
    const ref = sheet["!ref"];
    if (typeof ref === "string") firstRow = lib.utils.decode_range(ref).s.r + 1;
    data = typeof ref === "string" ? lib.utils.sheet_to_json(sheet, { header: 1, raw: true, defval: "", blankrows: true }) : [];
  } catch (err) {
    throw invalid(String((err as Error)?.message ?? err).split("\n")[0]!);
  }
  const rows = data.map((row, k) => ({ cells: row.map(cellText), line: firstRow + k }));
  const first = rows.findIndex((r) => r.cells.some((c) => c.trim() !== ""));
  if (first === -1) throw new MatchInputError([{ path: ["xlsx"], code: "csv-empty", message: `${path}: the first sheet has no header row` }]);
  return { header: rows[first]!.cells, rows: rows.slice(first + 1), source: "xlsx", unit: "row", decimalComma: false };
}
