import { readOptions } from "../guard.js";
import type { MatchResult } from "../match/types.js";
import { checkExportInput, type CohortDirectory } from "./rows.js";
import { matchesSheet, unmatchedSheet, type Cell, type Sheet } from "./table.js";

/**
 * Options of {@link toXlsx}.
 * @remarks Since 0.2.0
 */
export interface ToXlsxOptions {
  /**
   * Loads the spreadsheet library (npm `@e965/xlsx`, SheetJS Community Edition, an optional
   * dependency), e.g. `() => import("@e965/xlsx")` so a bundler includes it. Default: imported
   * at run time from `node_modules` (Node, Bun, Deno) the first time `toXlsx` is called; nothing is
   * loaded before.
   */
  load?: () => Promise<unknown>;
}

/** The part of SheetJS that toXlsx uses. */
interface SheetJs {
  utils: {
    book_new(): unknown;
    aoa_to_sheet(rows: Cell[][], options?: { cellDates?: boolean }): Record<string, unknown>;
    book_append_sheet(book: unknown, sheet: unknown, name: string): void;
  };
  write(book: unknown, options: { type: "array"; bookType: "xlsx"; compression?: boolean }): ArrayBuffer;
}

// Held in an object so bundlers see a computed specifier and leave the import to run time.
const moduleNames: { xlsx: string } = { xlsx: "@e965/xlsx" };
const defaultLoad = (): Promise<unknown> => import(/* webpackIgnore: true */ /* @vite-ignore */ moduleNames.xlsx);

function sheetJsOf(mod: unknown): SheetJs {
  const m = mod as Partial<SheetJs> & { default?: Partial<SheetJs> };
  const lib = typeof m?.utils?.aoa_to_sheet === "function" ? m : m?.default;
  if (!lib || typeof lib.utils?.aoa_to_sheet !== "function" || typeof lib.write !== "function") {
    throw new Error("toXlsx: the loaded module is not SheetJS (@e965/xlsx): it has no utils.aoa_to_sheet or write");
  }
  return lib as SheetJs;
}

function worksheet(lib: SheetJs, sheet: Sheet): Record<string, unknown> {
  const ws = lib.utils.aoa_to_sheet([sheet.header, ...sheet.rows]);
  // Column widths from the longest text of each column (capped), so the sheet opens readable.
  const widths = sheet.header.map((h, c) => Math.min(60, Math.max(h.length, ...sheet.rows.map((r) => String(r[c] ?? "").length)) + 2));
  ws["!cols"] = widths.map((wch) => ({ wch }));
  ws["!autofilter"] = { ref: `A1:${columnName(sheet.header.length - 1)}${sheet.rows.length + 1}` };
  return ws;
}

function columnName(c: number): string {
  let name = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/**
 * A result as an Excel workbook (`.xlsx` bytes) with two sheets: **Matches** (the rows and
 * columns of {@link toCsv}'s `matches` sheet) and **Unmatched** (id, name, department, role,
 * code, reason), with column widths and filters set.
 *
 * Formula-safe by construction: every text cell is written as a string cell, never as a formula,
 * so a name such as `=HYPERLINK(…)` shows exactly as written and nothing runs; scores are number
 * cells. The spreadsheet library (npm `@e965/xlsx`, SheetJS Community Edition) is an optional
 * dependency loaded only when this is called; pass `options.load` where it must be bundled.
 * @throws MatchInputError when `result` or `cohort` is not the right shape; an `Error` when the
 *   library cannot be loaded (install `@e965/xlsx`).
 * @remarks Since 0.2.0
 */
export async function toXlsx(result: MatchResult, cohort: CohortDirectory, rawOptions: ToXlsxOptions = {}): Promise<Uint8Array> {
  const options = readOptions<ToXlsxOptions>(rawOptions, "options") as ToXlsxOptions;
  checkExportInput(result, cohort);
  const load = options.load ?? defaultLoad;
  let lib: SheetJs;
  try {
    lib = sheetJsOf(await load());
  } catch (err) {
    throw new Error(`toXlsx needs the optional dependency @e965/xlsx (npm install @e965/xlsx): ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  const book = lib.utils.book_new();
  for (const sheet of [matchesSheet(result, cohort), unmatchedSheet(result, cohort)]) lib.utils.book_append_sheet(book, worksheet(lib, sheet), sheet.name);
  return new Uint8Array(lib.write(book, { type: "array", bookType: "xlsx", compression: true }));
}
