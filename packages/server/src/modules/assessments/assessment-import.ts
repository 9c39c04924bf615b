import { answerFits, type AnswerValue, type CatalogPack, type FlatNode } from '@shinrai/core';
import { columnLetter, type ImportProblem } from '@shinrai/formats/sheets';
import { readTableOffThread } from '../../platform/workers/sheets.ts';

/** Column headers of Shinrai's assessment export, in either language. */
const HEADERS = {
  ref: ['ID'],
  value: ['回答値', 'Answer value'],
  comment: ['コメント', 'Comment'],
};

export interface ImportedAnswer {
  ref: string;
  value: AnswerValue | null;
  comment: string | null;
}

export type AnswersResult =
  { ok: true; answers: ImportedAnswer[] } | { ok: false; problems: ImportProblem[] };

/**
 * Reads the answers sheet of an assessment exported by Shinrai (either language) and checks every answer
 * against the catalog: unknown items and answers that do not fit are located by row and column.
 */
export async function readAssessmentXlsx(
  file: Buffer,
  pack: CatalogPack,
  nodes: readonly FlatNode[],
): Promise<AnswersResult> {
  const read = await readTableOffThread(file, 'upload.xlsx');
  if (!read.ok) return { ok: false, problems: read.problems };
  const { table } = read;
  const col = (names: string[]) => table.header.findIndex((h) => names.includes(h));
  const refCol = col(HEADERS.ref);
  const valueCol = col(HEADERS.value);
  const commentCol = col(HEADERS.comment);
  const problems: ImportProblem[] = [];
  if (refCol < 0)
    problems.push({ code: 'missing_column', sheet: table.sheet, row: 1, params: { column: 'ID' } });
  if (valueCol < 0)
    problems.push({
      code: 'missing_column',
      sheet: table.sheet,
      row: 1,
      params: { column: HEADERS.value.join(' / ') },
    });
  if (problems.length > 0) return { ok: false, problems };
  const items = new Map(nodes.filter((n) => n.kind === 'item').map((n) => [n.ref, n]));
  const groups = new Set(nodes.filter((n) => n.kind !== 'item').map((n) => n.ref));
  const answers: ImportedAnswer[] = [];
  for (const { row, cells } of table.rows) {
    const ref = String(cells[refCol] ?? '').trim();
    if (ref === '' || groups.has(ref)) continue;
    const node = items.get(ref);
    if (!node) {
      problems.push({
        code: 'unknown_item',
        sheet: table.sheet,
        row,
        column: columnLetter(refCol),
        params: { value: ref },
      });
      continue;
    }
    // A file question is answered by attaching files, not by a sheet: its row is left as it stands.
    if (pack.answerModels[node.node.answerModel ?? '']?.kind === 'file') continue;
    const rawValue = String(cells[valueCol] ?? '').trim();
    const rawComment = commentCol >= 0 ? cells[commentCol] : null;
    const comment =
      rawComment === null || rawComment === undefined || String(rawComment) === ''
        ? null
        : String(rawComment);
    let value: AnswerValue | null = null;
    if (rawValue !== '') {
      try {
        value = JSON.parse(rawValue) as AnswerValue;
      } catch {
        problems.push({
          code: 'bad_answer',
          sheet: table.sheet,
          row,
          column: columnLetter(valueCol),
          params: { detail: rawValue.slice(0, 60) },
        });
        continue;
      }
      const model = pack.answerModels[node.node.answerModel ?? ''];
      if (!model || typeof value !== 'object' || value === null || !answerFits(model, value)) {
        problems.push({
          code: 'bad_answer',
          sheet: table.sheet,
          row,
          column: columnLetter(valueCol),
          params: { detail: rawValue.slice(0, 60) },
        });
        continue;
      }
    }
    if (value !== null || comment !== null) answers.push({ ref, value, comment });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, answers };
}
