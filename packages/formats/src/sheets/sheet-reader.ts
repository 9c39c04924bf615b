import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { columnLetter, type ImportProblem } from './problems.ts';
import { guardXlsx, SHEET_LIMITS } from './xlsx-guard.ts';

export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_ROWS = SHEET_LIMITS.rows;

export type Cell = string | number | boolean | null;

export interface Table {
  sheet: string;
  /** Row 1 is the header; each data row keeps its spreadsheet row number. */
  header: string[];
  rows: { row: number; cells: Cell[] }[];
}

export type ReadResult =
  { ok: true; sheets: string[]; table: Table } | { ok: false; sheets: string[]; problems: ImportProblem[] };

const isZip = (b: Buffer) => b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

function cellValue(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  if (typeof v === 'object' && 'text' in v && typeof v.text === 'string') return v.text;
  return null;
}

const tooLong = (c: Cell) => typeof c === 'string' && c.length > SHEET_LIMITS.cellChars;

const blank = (c: Cell) => c === null || (typeof c === 'string' && c.trim() === '');

/**
 * Reads one sheet of an .xlsx file into a table, refusing what would import wrongly: merged cells,
 * formulas, empty rows inside the data. Every problem names the sheet, row and column. The limits of
 * `guardXlsx` (sizes, declared dimension, rows, columns, cell length) are checked before the workbook is
 * parsed, and only the used range (cells holding a value) is walked. CPU-heavy: the server runs it in a
 * worker thread.
 */
export async function readXlsx(buffer: Buffer, sheetName?: string): Promise<ReadResult> {
  if (buffer.length > MAX_FILE_BYTES)
    return {
      ok: false,
      sheets: [],
      problems: [{ code: 'file_too_large', params: { limit: MAX_FILE_BYTES / 1024 / 1024 } }],
    };
  if (!isZip(buffer)) return { ok: false, sheets: [], problems: [{ code: 'not_xlsx' }] };
  const guard = guardXlsx(buffer);
  if (!guard.ok) return { ok: false, sheets: [], problems: guard.problems };
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  } catch {
    return { ok: false, sheets: [], problems: [{ code: 'not_xlsx' }] };
  }
  const sheets = wb.worksheets.map((w) => w.name);
  const ws = sheetName === undefined ? wb.worksheets[0] : wb.getWorksheet(sheetName);
  if (!ws) return { ok: false, sheets, problems: [{ code: 'no_sheet', params: { sheet: sheetName ?? '' } }] };
  const problems: ImportProblem[] = [];
  const merges = (ws.model as { merges?: string[] }).merges ?? [];
  for (const range of merges) {
    const [first = ''] = range.split(':');
    const m = /^([A-Z]+)(\d+)$/.exec(first);
    problems.push({
      code: 'merged_cells',
      sheet: ws.name,
      row: m ? Number(m[2]) : undefined,
      column: m?.[1],
      params: { range },
    });
  }
  // The used range found by the guard (cells holding a value), never the sheet's declared width.
  // A sheet whose cells the scan did not see (a writer it does not know) falls back on ExcelJS's own
  // extent, within the same limits.
  let used = guard.scan.used.get(ws.name) ?? { rows: 0, columns: 0 };
  if (used.rows === 0 && ws.actualRowCount > 0) {
    if (ws.rowCount > MAX_ROWS + 1)
      return {
        ok: false,
        sheets,
        problems: [{ code: 'too_many_rows', sheet: ws.name, params: { limit: MAX_ROWS } }],
      };
    if (ws.columnCount > SHEET_LIMITS.columns)
      return {
        ok: false,
        sheets,
        problems: [{ code: 'too_many_columns', sheet: ws.name, params: { limit: SHEET_LIMITS.columns } }],
      };
    used = { rows: ws.rowCount, columns: ws.columnCount };
  }
  const height = Math.min(used.rows, ws.rowCount, MAX_ROWS + 1);
  const width = Math.min(used.columns, SHEET_LIMITS.columns);
  const raw: { row: number; cells: Cell[] }[] = [];
  for (let r = 1; r <= height; r++) {
    const row = ws.findRow(r);
    const cells: Cell[] = new Array<Cell>(width).fill(null);
    row?.eachCell((cell, c) => {
      if (c > width) return;
      if (cell.type === ExcelJS.ValueType.Formula) {
        problems.push({ code: 'formula', sheet: ws.name, row: r, column: columnLetter(c - 1) });
        return;
      }
      const v = cellValue(cell.value);
      if (tooLong(v)) {
        problems.push({
          code: 'cell_too_long',
          sheet: ws.name,
          row: r,
          column: columnLetter(c - 1),
          params: { limit: SHEET_LIMITS.cellChars },
        });
        return;
      }
      cells[c - 1] = v;
    });
    raw.push({ row: r, cells });
  }
  return finishTable(ws.name, sheets, raw, problems);
}

/** Reads CSV (UTF-8, with or without BOM; comma separated). */
export function readCsv(buffer: Buffer, name = 'csv'): ReadResult {
  if (buffer.length > MAX_FILE_BYTES)
    return {
      ok: false,
      sheets: [],
      problems: [{ code: 'file_too_large', params: { limit: MAX_FILE_BYTES / 1024 / 1024 } }],
    };
  let records: string[][];
  try {
    const parsed: unknown = parse(buffer, { bom: true, relax_column_count: true, skip_empty_lines: false });
    records = parsed as string[][];
  } catch (err) {
    const e = err as { lines?: number; message?: string };
    return {
      ok: false,
      sheets: [name],
      problems: [{ code: 'not_csv', sheet: name, row: e.lines, params: { detail: e.message ?? '' } }],
    };
  }
  if (records.length > MAX_ROWS + 1)
    return {
      ok: false,
      sheets: [name],
      problems: [{ code: 'too_many_rows', sheet: name, row: MAX_ROWS + 2, params: { limit: MAX_ROWS } }],
    };
  for (const [i, cells] of records.entries()) {
    const over = cells.findIndex((c, j) => j >= SHEET_LIMITS.columns && c !== '');
    const long = cells.findIndex(tooLong);
    if (over < 0 && long < 0) continue;
    const problem: ImportProblem =
      long >= 0
        ? { code: 'cell_too_long', column: columnLetter(long), params: { limit: SHEET_LIMITS.cellChars } }
        : { code: 'too_many_columns', column: columnLetter(over), params: { limit: SHEET_LIMITS.columns } };
    return { ok: false, sheets: [name], problems: [{ ...problem, sheet: name, row: i + 1 }] };
  }
  return finishTable(
    name,
    [name],
    records.map((cells, i) => ({ row: i + 1, cells: cells.map((c) => (c === '' ? null : c)) })),
    [],
  );
}

function finishTable(
  sheet: string,
  sheets: string[],
  raw: { row: number; cells: Cell[] }[],
  problems: ImportProblem[],
): ReadResult {
  // Trailing empty rows are ignored; an empty row with data after it is an error.
  while (raw.length > 0 && raw[raw.length - 1]!.cells.every(blank)) raw.pop();
  const [head, ...body] = raw;
  if (!head || body.length === 0)
    return { ok: false, sheets, problems: [...problems, { code: 'empty_sheet', sheet }] };
  for (const r of body) if (r.cells.every(blank)) problems.push({ code: 'empty_row', sheet, row: r.row });
  if (problems.length > 0) return { ok: false, sheets, problems };
  return {
    ok: true,
    sheets,
    table: { sheet, header: head.cells.map((c) => (c === null ? '' : String(c).trim())), rows: body },
  };
}
