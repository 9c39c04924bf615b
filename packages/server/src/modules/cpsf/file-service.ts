import { graphIntegrity, mergeGraph, tokyoDate, type Locale, type Text } from '@shinrai/core';
import type { ImportProblem } from '@shinrai/formats/sheets';
import { findOrganization, type CpsfModelRow } from '@shinrai/store';
import type { Deps } from '../../platform/deps.ts';
import { memoryProblem } from '../../platform/workers/sheets.ts';
import { workers } from '../../platform/workers/pool.ts';
import type { ReadModelResult } from './files.ts';
import { requireModel, requireRules, saveGraph, type CpsfCtx } from './model-service.ts';
import type { CpsfReportInput } from './reports/report.ts';
import { analyseModel, parseGraph } from './service.ts';

// Importing a file into a model and gathering what the report shows, each (ctx, input) => result.

export interface ImportCounts {
  mode: 'preview' | 'apply';
  added: number;
  updated: number;
  edgesAdded: number;
  edgesUpdated: number;
  elements: number;
  edges: number;
  revision: number;
}

export type ImportResult = { ok: true; counts: ImportCounts } | { ok: false; problems: ImportProblem[] };

/**
 * Reads a model file (JSON, or an asset ledger .csv/.xlsx) and merges it into the model: elements and
 * edges with an existing id are replaced. `preview` changes nothing; `apply` writes all or nothing at the
 * revision read. Problems are located in the file (sheet, row, column or JSON pointer). The caller
 * loads the model first (a missing model is 404 before the upload is read).
 */
export async function importModelFile(
  ctx: CpsfCtx,
  input: {
    row: CpsfModelRow;
    file: Buffer;
    filename: string;
    sheet?: string | undefined;
    mode: 'preview' | 'apply';
  },
): Promise<ImportResult> {
  const { row, file, filename } = input;
  const isJson = /\.json$/i.test(filename) || file.subarray(0, 1).toString() === '{';
  // Parsed in a worker thread (a 20 MB ledger or JSON never holds the event loop).
  let read: ReadModelResult;
  try {
    read = isJson
      ? await workers().run('cpsf.modelJson', file)
      : await workers().run('cpsf.modelSheet', file, filename, input.sheet);
  } catch (err) {
    read = { ok: false, problems: [memoryProblem(err)] };
  }
  if (!read.ok) return { ok: false, problems: read.problems };
  const merged = mergeGraph(parseGraph(row), read.graph);
  const integrity = graphIntegrity(merged.graph);
  if (integrity.length > 0)
    // The merged graph refers to something missing: name the edge (or org reference) of the file.
    return {
      ok: false,
      problems: integrity.slice(0, 100).map((p) => ({
        code: 'bad_field',
        pointer: p.pointer,
        params: { detail: p.message },
      })),
    };
  const counts: ImportCounts = {
    mode: input.mode,
    added: merged.added,
    updated: merged.updated,
    edgesAdded: merged.edgesAdded,
    edgesUpdated: merged.edgesUpdated,
    elements: merged.graph.elements.length,
    edges: merged.graph.edges.length,
    revision: row.revision,
  };
  if (input.mode === 'preview') return { ok: true, counts };
  await saveGraph(ctx, {
    row,
    revision: row.revision,
    graph: merged.graph,
    action: 'cpsf.model.import',
    details: { file: filename, added: merged.added, updated: merged.updated, edgesAdded: merged.edgesAdded },
  });
  return { ok: true, counts: { ...counts, revision: row.revision + 1 } };
}

/** Everything the risk assessment report shows. */
export async function reportInput(
  deps: Deps,
  orgId: string,
  input: { modelId: string; lang: Locale },
): Promise<{ name: string; id: string; report: CpsfReportInput }> {
  const row = await requireModel(deps.store.db, orgId, input.modelId);
  const { rules } = await requireRules(deps, orgId);
  const org = await findOrganization(deps.store.db, orgId);
  const requirementTitles = new Map<string, Text>(
    [...rules.requirements.values()].map((r) => [r.ref, r.title]),
  );
  return {
    name: row.name,
    id: row.id,
    report: {
      organization: org?.name ?? '',
      modelName: row.name,
      date: tokyoDate(deps.now()),
      model: parseGraph(row),
      analysis: await analyseModel(deps.store.db, row, rules, deps.now()),
      requirementTitles,
      lang: input.lang,
    },
  };
}
