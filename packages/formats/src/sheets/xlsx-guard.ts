import { inflateRawSync } from 'node:zlib';
import { columnLetter, type ImportProblem } from './problems.ts';

/**
 * Limits of an .xlsx checked before any spreadsheet library sees the file. A 29 KB workbook can declare
 * 2,001 rows by 16,384 columns, 3 million rows or a 300 MB cell; each is refused here, located, from the
 * zip's central directory and a linear scan of the sheet XML (inflated with a ceiling, so a lying size
 * stops at the ceiling too).
 */
export const SHEET_LIMITS = {
  /** Entries in the zip. */
  entries: 1_000,
  /** Uncompressed bytes of the whole workbook. */
  totalBytes: 96 * 1024 * 1024,
  /** Uncompressed bytes of one sheet's XML. */
  sheetBytes: 64 * 1024 * 1024,
  /** Uncompressed bytes of the shared strings table. */
  sharedStringsBytes: 32 * 1024 * 1024,
  /** Data rows (the header row comes on top). */
  rows: 50_000,
  /** Columns with a value (IV, the old Excel width; our imports use a few dozen). */
  columns: 256,
  /** Characters in one cell: Excel's own limit. */
  cellChars: 32_767,
} as const;

/** Bytes of a cell's XML that can hold at most `cellChars` characters (3 UTF-8 bytes each, markup aside). */
const CELL_BYTES = SHEET_LIMITS.cellChars * 3 + 4096;
const MB = 1024 * 1024;

interface ZipEntry {
  name: string;
  method: number;
  compressed: number;
  size: number;
  offset: number;
}

export interface SheetScan {
  /** Sheet names in workbook order. */
  names: string[];
  /** Used range of each sheet (by name): last row and column (1-based) holding a value. */
  used: Map<string, { rows: number; columns: number }>;
}

export type GuardResult = { ok: true; scan: SheetScan } | { ok: false; problems: ImportProblem[] };

const fail = (p: ImportProblem): GuardResult => ({ ok: false, problems: [p] });

/** The central directory (end record in the last 64 KB); null when it is not a zip we read. */
function centralDirectory(buf: Buffer): ZipEntry[] | null {
  const from = Math.max(0, buf.length - 65_557);
  let eocd = -1;
  for (let i = buf.length - 22; i >= from; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = buf.readUInt16LE(eocd + 10);
  const size = buf.readUInt32LE(eocd + 12);
  const start = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || start === 0xffffffff || start + size > buf.length) return null;
  const entries: ZipEntry[] = [];
  let at = start;
  for (let n = 0; n < count; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== 0x02014b50) return null;
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    entries.push({
      method: buf.readUInt16LE(at + 10),
      compressed: buf.readUInt32LE(at + 20),
      size: buf.readUInt32LE(at + 24),
      offset: buf.readUInt32LE(at + 42),
      name: buf.toString('utf8', at + 46, at + 46 + nameLen),
    });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** An entry's bytes, never more than its declared size (a lie is an unreadable file). */
function inflate(buf: Buffer, e: ZipEntry): Buffer | null {
  if (e.offset + 30 > buf.length || buf.readUInt32LE(e.offset) !== 0x04034b50) return null;
  const data = e.offset + 30 + buf.readUInt16LE(e.offset + 26) + buf.readUInt16LE(e.offset + 28);
  const raw = buf.subarray(data, data + e.compressed);
  try {
    if (e.method === 0) return raw.length === e.size ? raw : null;
    if (e.method !== 8) return null;
    const out = inflateRawSync(raw, { maxOutputLength: Math.max(1, e.size) });
    return out.length === e.size ? out : null;
  } catch {
    return null;
  }
}

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

const attr = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Sheet name → part path, from xl/workbook.xml and its relationships. */
function sheetParts(buf: Buffer, byName: Map<string, ZipEntry>): { name: string; part: string }[] | null {
  const wb = byName.get('xl/workbook.xml');
  const rels = byName.get('xl/_rels/workbook.xml.rels');
  if (!wb || !rels) return null;
  const wbXml = inflate(buf, wb)?.toString('utf8');
  const relXml = inflate(buf, rels)?.toString('utf8');
  if (wbXml === undefined || relXml === undefined) return null;
  const targets = new Map<string, string>();
  for (const m of relXml.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attr(m[0], 'Id');
    const target = attr(m[0], 'Target');
    if (id !== undefined && target !== undefined)
      targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const out: { name: string; part: string }[] = [];
  for (const m of wbXml.matchAll(/<sheet\b[^>]*>/g)) {
    const name = attr(m[0], 'name');
    const id = attr(m[0], 'r:id');
    const part = id === undefined ? undefined : targets.get(id);
    if (name !== undefined && part !== undefined) out.push({ name: unescapeXml(name), part });
  }
  return out;
}

/** Indexes of shared strings too long to be a cell (their cells are located when the sheet is scanned). */
function longSharedStrings(xml: string): Set<number> {
  const long = new Set<number>();
  let index = 0;
  // Element names may carry a namespace prefix (`<x:si>`), as some writers do.
  const re = /<(\w+:)?si\b[^>]*?(\/?)>/g;
  for (let m = re.exec(xml); m !== null; m = re.exec(xml)) {
    if (m[2] === '/') {
      index++;
      continue;
    }
    const close = `</${m[1] ?? ''}si>`;
    const end = xml.indexOf(close, re.lastIndex);
    if (end < 0) break;
    if (end - re.lastIndex > CELL_BYTES) long.add(index);
    index++;
    re.lastIndex = end + close.length;
  }
  return long;
}

/** One pass over a sheet's cells: the used range, and the first cell past a limit (located). */
function scanSheet(
  sheet: string,
  xml: string,
  longStrings: Set<number>,
): { rows: number; columns: number } | ImportProblem {
  const dim = /<(?:\w+:)?dimension\s+ref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"/.exec(xml);
  if (dim) {
    const col = dim[3] ?? dim[1]!;
    const row = Number(dim[4] ?? dim[2]);
    if (row > SHEET_LIMITS.rows + 1 || columnNumber(col) > SHEET_LIMITS.columns)
      return {
        code: 'sheet_dimension',
        sheet,
        row,
        column: col,
        params: {
          range: dim[0].slice(dim[0].indexOf('"') + 1, -1),
          rows: SHEET_LIMITS.rows,
          columns: SHEET_LIMITS.columns,
        },
      };
  }
  let row = 0;
  let col = 0;
  let maxRow = 0;
  let maxCol = 0;
  const re = /<(\w+:)?(row|c)\b([^>]*?)(\/?)>/g;
  for (let m = re.exec(xml); m !== null; m = re.exec(xml)) {
    const ref = attr(m[3]!, 'r');
    if (m[2] === 'row') {
      row = ref === undefined ? row + 1 : Number(ref);
      col = 0;
      continue;
    }
    const at = ref === undefined ? null : /^([A-Z]{1,3})(\d+)$/.exec(ref);
    if (at) {
      col = columnNumber(at[1]!);
      row = Number(at[2]);
    } else col++;
    if (m[4] === '/') continue;
    const close = `</${m[1] ?? ''}c>`;
    const end = xml.indexOf(close, re.lastIndex);
    if (end < 0) break;
    const length = end - re.lastIndex;
    const shared = attr(m[3]!, 't') === 's' ? /<(?:\w+:)?v>(\d+)</.exec(xml.slice(re.lastIndex, end)) : null;
    re.lastIndex = end + close.length;
    if (length === 0) continue;
    const where = { sheet, row, column: columnLetter(col - 1) };
    if (row > SHEET_LIMITS.rows + 1)
      return { code: 'too_many_rows', ...where, params: { limit: SHEET_LIMITS.rows } };
    if (col > SHEET_LIMITS.columns)
      return { code: 'too_many_columns', ...where, params: { limit: SHEET_LIMITS.columns } };
    if (length > CELL_BYTES || (shared && longStrings.has(Number(shared[1]))))
      return { code: 'cell_too_long', ...where, params: { limit: SHEET_LIMITS.cellChars } };
    if (row > maxRow) maxRow = row;
    if (col > maxCol) maxCol = col;
  }
  return { rows: maxRow, columns: maxCol };
}

/**
 * Checks an .xlsx before parsing: zip entries and their uncompressed sizes (from the central directory),
 * each sheet's declared dimension, rows, columns and cell lengths, and the shared strings. Returns the
 * used range of every sheet so the reader walks only that.
 */
export function guardXlsx(buf: Buffer): GuardResult {
  const entries = centralDirectory(buf);
  if (!entries) return fail({ code: 'not_xlsx' });
  if (entries.length > SHEET_LIMITS.entries)
    return fail({ code: 'too_many_entries', params: { limit: SHEET_LIMITS.entries } });
  let total = 0;
  for (const e of entries) total += e.size;
  if (total > SHEET_LIMITS.totalBytes)
    return fail({ code: 'sheet_too_large', params: { part: 'xlsx', limit: SHEET_LIMITS.totalBytes / MB } });
  const byName = new Map(entries.map((e) => [e.name, e]));
  const strings = byName.get('xl/sharedStrings.xml');
  if (strings && strings.size > SHEET_LIMITS.sharedStringsBytes)
    return fail({
      code: 'sheet_too_large',
      params: { part: strings.name, limit: SHEET_LIMITS.sharedStringsBytes / MB },
    });
  const parts = sheetParts(buf, byName);
  if (!parts) return fail({ code: 'not_xlsx' });
  let longStrings = new Set<number>();
  if (strings) {
    const xml = inflate(buf, strings);
    if (!xml) return fail({ code: 'not_xlsx' });
    longStrings = longSharedStrings(xml.toString('latin1'));
  }
  const used = new Map<string, { rows: number; columns: number }>();
  for (const { name, part } of parts) {
    const e = byName.get(part);
    if (!e) return fail({ code: 'not_xlsx', sheet: name });
    if (e.size > SHEET_LIMITS.sheetBytes)
      return fail({
        code: 'sheet_too_large',
        sheet: name,
        params: { part, limit: SHEET_LIMITS.sheetBytes / MB },
      });
    const xml = inflate(buf, e);
    if (!xml) return fail({ code: 'not_xlsx', sheet: name });
    const scanned = scanSheet(name, xml.toString('latin1'), longStrings);
    if ('code' in scanned) return { ok: false, problems: [scanned] };
    used.set(name, scanned);
  }
  return { ok: true, scan: { names: parts.map((p) => p.name), used } };
}

/** Problems that are about size answer 413 (Content Too Large); the rest 422. */
const TOO_LARGE = new Set<string>(['file_too_large', 'sheet_too_large', 'too_many_entries', 'out_of_memory']);
export function problemStatus(problems: readonly { code: string }[]): 413 | 422 {
  return problems.some((p) => TOO_LARGE.has(p.code)) ? 413 : 422;
}
