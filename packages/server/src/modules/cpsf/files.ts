import {
  canonicalGraph,
  EDGES_SHEET,
  ELEMENTS_SHEET,
  graphFromLedger,
  ledgerRows,
  type Model,
} from '@shinrai/core';
import { readCsv, readXlsx, type ImportProblem, type Table } from '@shinrai/formats/sheets';
import ExcelJS from 'exceljs';
import { GraphSchema } from './graph-schema.ts';

/** Reading and writing model files; the ledger's columns and words are in @shinrai/core (cpsf/ledger.ts). */

/** The JSON export/import format of a model. */
export const MODEL_FORMAT = 'shinrai.cpsf-model';

export type ReadModelResult = { ok: true; graph: Model } | { ok: false; problems: ImportProblem[] };

/** A model from our JSON format (or a bare `{elements, edges}`): problems carry JSON pointers. */
export function readModelJson(buffer: Buffer): ReadModelResult {
  let doc: unknown;
  try {
    doc = JSON.parse(buffer.toString('utf8'));
  } catch (err) {
    return { ok: false, problems: [{ code: 'bad_json', params: { detail: (err as Error).message } }] };
  }
  const body =
    doc && typeof doc === 'object' && !Array.isArray(doc)
      ? { elements: (doc as Model).elements, edges: (doc as Model).edges ?? [] }
      : doc;
  const parsed = GraphSchema.safeParse(body);
  if (!parsed.success)
    return {
      ok: false,
      problems: parsed.error.issues.slice(0, 100).map((i) => ({
        code: 'bad_field',
        pointer: `/${i.path.map(String).join('/')}`,
        params: { detail: i.message },
      })),
    };
  return { ok: true, graph: canonicalGraph(parsed.data) };
}

/** A model from an asset ledger (資産台帳): .csv (elements) or .xlsx (sheet `elements` or the chosen one, and `edges`). */
export async function readModelSheet(
  buffer: Buffer,
  filename: string,
  sheet?: string,
): Promise<ReadModelResult> {
  const isCsv = /\.csv$/i.test(filename);
  const first = isCsv ? readCsv(buffer, filename) : await readXlsx(buffer, sheet);
  if (!first.ok) return { ok: false, problems: first.problems };
  let elementsTable = first.table;
  let edgesTable: Table | null = null;
  if (!isCsv) {
    if (
      sheet === undefined &&
      first.sheets.includes(ELEMENTS_SHEET) &&
      first.table.sheet !== ELEMENTS_SHEET
    ) {
      const r = await readXlsx(buffer, ELEMENTS_SHEET);
      if (!r.ok) return { ok: false, problems: r.problems };
      elementsTable = r.table;
    }
    if (first.sheets.includes(EDGES_SHEET) && elementsTable.sheet !== EDGES_SHEET) {
      const r = await readXlsx(buffer, EDGES_SHEET);
      if (!r.ok) {
        if (!r.problems.every((p) => p.code === 'empty_sheet')) return { ok: false, problems: r.problems };
      } else edgesTable = r.table;
    }
  }
  const { graph, problems } = graphFromLedger(elementsTable, edgesTable);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, graph };
}

export function modelToJson(
  m: { name: string; scopeType: string; scopeLabel: string | null },
  graph: Model,
): string {
  return JSON.stringify(
    {
      format: MODEL_FORMAT,
      version: 1,
      name: m.name,
      scopeType: m.scopeType,
      scopeLabel: m.scopeLabel,
      ...graph,
    },
    null,
    2,
  );
}

/** The asset ledger workbook: an `elements` and an `edges` sheet that import back unchanged. */
export async function modelToXlsx(graph: Model, lang: 'ja' | 'en'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Shinrai';
  const rows = ledgerRows(graph, lang);
  const es = wb.addWorksheet(ELEMENTS_SHEET);
  for (const r of rows.elements) es.addRow(r);
  es.getRow(1).font = { bold: true };
  const ed = wb.addWorksheet(EDGES_SHEET);
  for (const r of rows.edges) ed.addRow(r);
  ed.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
