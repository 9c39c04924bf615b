import {
  answerLabel,
  flattenPack,
  type CatalogPack,
  type Locale,
  type ScoreReport,
  type AnswerValue,
} from '@shinrai/core';
import ExcelJS from 'exceljs';
import { styleHeader } from '../../../platform/documents/xlsx.ts';
/** An assessment as .xlsx: answers per item with points, and a summary sheet of scores. */
export async function assessmentToXlsx(p: {
  title: string;
  pack: CatalogPack;
  answers: ReadonlyMap<string, { value: AnswerValue | undefined; comment: string | null }>;
  score: ScoreReport;
  locale: Locale;
}): Promise<Buffer> {
  const L =
    p.locale === 'ja'
      ? {
          ref: 'ID',
          title: '項目',
          answer: '回答',
          value: '回答値',
          points: '点数',
          max: '満点',
          comment: 'コメント',
          summary: '集計',
          group: 'グループ',
          percent: '達成率(%)',
          answers: '回答',
          overall: '全体',
          band: '判定',
        }
      : {
          ref: 'ID',
          title: 'Item',
          answer: 'Answer',
          value: 'Answer value',
          points: 'Points',
          max: 'Max',
          comment: 'Comment',
          summary: 'Summary',
          group: 'Group',
          percent: 'Percent',
          answers: 'Answers',
          overall: 'Overall',
          band: 'Result',
        };
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Shinrai';
  const ws = wb.addWorksheet(L.answers);
  ws.addRow([L.ref, L.title, L.answer, L.value, L.points, L.max, L.comment]);
  const nodes = flattenPack(p.pack.nodes);
  for (const n of nodes) {
    if (n.kind !== 'item') {
      const row = ws.addRow([n.ref, `${'  '.repeat(n.depth)}${n.node.title[p.locale]}`]);
      row.font = { bold: true };
      continue;
    }
    const a = p.answers.get(n.ref);
    const s = p.score.items[n.ref];
    ws.addRow([
      n.ref,
      `${'  '.repeat(n.depth)}${n.node.title[p.locale]}`,
      a?.value ? answerLabel(p.pack, n.node.answerModel, a.value, p.locale) : '',
      a?.value ? JSON.stringify(a.value) : '',
      s?.points ?? '',
      s?.max ?? '',
      a?.comment ?? '',
    ]);
  }
  ws.columns.forEach((c, i) => (c.width = i === 1 ? 60 : i === 3 ? 30 : 14));
  styleHeader(ws);
  const sum = wb.addWorksheet(L.summary);
  sum.addRow([p.title]).font = { bold: true, size: 14 };
  sum.addRow([
    L.overall,
    p.score.overall.points,
    p.score.overall.max,
    p.score.overall.percent ?? '',
    p.score.overall.band?.label[p.locale] ?? '',
  ]);
  sum.addRow([]);
  sum.addRow([L.group, L.points, L.max, L.percent]).font = { bold: true };
  const titles = new Map(nodes.map((n) => [n.ref, n.node.title[p.locale]]));
  for (const [ref, agg] of Object.entries(p.score.groups))
    sum.addRow([titles.get(ref) ?? ref, agg.points, agg.max, agg.percent ?? '']);
  sum.getColumn(1).width = 50;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
