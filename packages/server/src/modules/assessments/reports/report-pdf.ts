import {
  answerLabel,
  flattenPack,
  type AnswerValue,
  type CatalogPack,
  type Locale,
  type ScoreReport,
} from '@shinrai/core';
import { japanesePdf } from '../../../platform/documents/fonts.ts';

const L = {
  ja: {
    report: '評価レポート',
    organization: '組織',
    catalog: 'カタログ',
    status: '状態',
    created: '作成日',
    printed: '出力日時',
    overall: '総合',
    points: '点',
    answered: '回答済み',
    byGroup: 'グループ別の達成率',
    fixFirst: '優先して取り組む項目',
    answers: '回答一覧',
    none: 'なし',
    unanswered: '未回答',
    page: 'ページ',
    statuses: {
      draft: '下書き',
      in_review: 'レビュー中',
      approved: '承認済み',
      locked: 'ロック済み',
    } as Record<string, string>,
  },
  en: {
    report: 'Assessment report',
    organization: 'Organization',
    catalog: 'Catalog',
    status: 'Status',
    created: 'Created',
    printed: 'Printed',
    overall: 'Overall',
    points: 'points',
    answered: 'answered',
    byGroup: 'Achievement by group',
    fixFirst: 'Items to work on first',
    answers: 'Answers',
    none: 'None',
    unanswered: 'Not answered',
    page: 'Page',
    statuses: { draft: 'Draft', in_review: 'In review', approved: 'Approved', locked: 'Locked' } as Record<
      string,
      string
    >,
  },
} as const;

const jst = (iso: string, locale: Locale) =>
  new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-US', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Asia/Tokyo',
  }).format(new Date(iso));

export interface AssessmentPdfInput {
  locale: Locale;
  orgName: string;
  title: string;
  status: string;
  createdAt: string;
  now: Date;
  pack: CatalogPack;
  answers: ReadonlyMap<string, AnswerValue>;
  score: ScoreReport;
}

function answerText(
  pack: CatalogPack,
  modelKey: string | undefined,
  a: AnswerValue | undefined,
  locale: Locale,
): string {
  return a ? answerLabel(pack, modelKey, a, locale) : L[locale].unanswered;
}

/** Radar chart drawn with PDF vector paths: one axis per group, 0–100 %. */
function radar(
  doc: PDFKit.PDFDocument,
  cx: number,
  cy: number,
  r: number,
  axes: { label: string; value: number }[],
): void {
  const n = axes.length;
  const point = (i: number, f: number): [number, number] => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
    return [cx + Math.cos(angle) * r * f, cy + Math.sin(angle) * r * f];
  };
  doc.save().lineWidth(0.5).strokeColor('#bbbbbb');
  for (const ring of [0.25, 0.5, 0.75, 1]) {
    const pts = axes.map((_, i) => point(i, ring));
    doc.polygon(...pts).stroke();
  }
  axes.forEach((_, i) =>
    doc
      .moveTo(cx, cy)
      .lineTo(...point(i, 1))
      .stroke(),
  );
  doc.restore();
  const values = axes.map((a, i) => point(i, Math.max(0, Math.min(1, a.value / 100))));
  doc.save().fillColor('#1c7ed6').fillOpacity(0.25).strokeColor('#1c7ed6').lineWidth(1.5);
  doc.polygon(...values).fillAndStroke();
  doc.restore();
  doc.fontSize(8).fillColor('#333333');
  axes.forEach((a, i) => {
    const [x, y] = point(i, 1.18);
    const label = `${a.label} ${Math.round(a.value)}%`;
    const w = Math.min(doc.widthOfString(label), 110);
    doc.text(label, x - w / 2, y - 5, { width: w + 2, align: 'center', lineBreak: true });
  });
}

/** An assessment report as PDF, Japanese or English, with Japanese text embedded in the document. */
export function assessmentToPdf(p: AssessmentPdfInput): Promise<Buffer> {
  const t = L[p.locale];
  const { doc, done } = japanesePdf({ Title: `${p.title} — ${t.report}`, Author: p.orgName });

  const nodes = flattenPack(p.pack.nodes);
  doc.font('jp-bold').fontSize(18).text(`${p.title}`);
  doc.font('jp').fontSize(10).fillColor('#555555').text(t.report);
  doc.moveDown(0.5).fillColor('#000000');
  doc.text(`${t.organization}: ${p.orgName}`);
  doc.text(`${t.catalog}: ${p.pack.title[p.locale]} (${p.pack.version})`);
  doc.text(
    `${t.status}: ${p.status}  ${t.created}: ${jst(p.createdAt, p.locale)}  ${t.printed}: ${jst(p.now.toISOString(), p.locale)}`,
  );
  doc.moveDown();

  const o = p.score.overall;
  doc
    .font('jp-bold')
    .fontSize(14)
    .text(`${t.overall}: ${o.points} / ${o.max} ${t.points}${o.percent === null ? '' : `（${o.percent}%）`}`);
  doc.font('jp').fontSize(10).text(`${t.answered}: ${o.answered} / ${o.items}`);
  if (o.band) {
    doc.font('jp-bold').text(o.band.label[p.locale]);
    if (o.band.advice) doc.font('jp').text(o.band.advice[p.locale]);
  }
  doc.moveDown();

  // Groups: the top-level ones, or the children of a single top-level group.
  const top = nodes.filter((n) => n.kind === 'group' && n.depth === 0);
  const groups =
    top.length === 1 ? nodes.filter((n) => n.kind === 'group' && n.parentRef === top[0]?.ref) : top;
  const axes = groups
    .map((g) => ({
      label: g.node.title[p.locale],
      value: p.score.groups[g.ref]?.percent ?? 0,
      has: p.score.groups[g.ref]?.percent !== null,
    }))
    .filter((a) => a.has);
  if (axes.length > 0) {
    doc.font('jp-bold').fontSize(12).text(t.byGroup);
    doc.font('jp').fontSize(9);
    if (axes.length >= 3) {
      const y = doc.y + 20;
      radar(doc, doc.page.width / 2, y + 110, 100, axes);
      doc.y = y + 250;
      doc.x = doc.page.margins.left;
    }
    for (const a of axes)
      doc
        .font('jp')
        .fontSize(9)
        .text(`・${a.label}: ${Math.round(a.value)}%`);
    doc.moveDown();
  }

  const weak = nodes.filter((n) => {
    const s = p.score.items[n.ref];
    return n.kind === 'item' && s !== undefined && s.points !== null && s.max > 0 && s.points < s.max;
  });
  weak.sort(
    (x, y) =>
      (p.score.items[x.ref]?.points ?? 0) / (p.score.items[x.ref]?.max || 1) -
      (p.score.items[y.ref]?.points ?? 0) / (p.score.items[y.ref]?.max || 1),
  );
  doc.font('jp-bold').fontSize(12).text(t.fixFirst);
  doc.font('jp').fontSize(9);
  if (weak.length === 0) doc.text(t.none);
  for (const n of weak.slice(0, 10)) {
    doc.font('jp-bold').text(`${n.ref}  ${n.node.title[p.locale]}`);
    if (n.node.guidance)
      doc
        .font('jp')
        .fillColor('#444444')
        .text(n.node.guidance[p.locale], { indent: 12 })
        .fillColor('#000000');
  }

  doc.addPage();
  doc.font('jp-bold').fontSize(12).text(t.answers);
  doc.moveDown(0.5);
  for (const n of nodes) {
    if (n.kind === 'group') {
      doc.moveDown(0.3).font('jp-bold').fontSize(10).text(`${n.ref}  ${n.node.title[p.locale]}`);
    } else if (n.kind === 'item') {
      const s = p.score.items[n.ref];
      const pts = s && s.points !== null ? `  [${s.points}/${s.max}]` : '';
      doc.font('jp').fontSize(9).text(`${n.ref}  ${n.node.title[p.locale]}`, { continued: false });
      doc
        .fillColor('#1c4f8c')
        .text(`→ ${answerText(p.pack, n.node.answerModel, p.answers.get(n.ref), p.locale)}${pts}`, {
          indent: 16,
        })
        .fillColor('#000000');
    }
  }

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc.font('jp').fontSize(8).fillColor('#888888');
    doc.text(
      `Shinrai — ${p.orgName} — ${t.page} ${i + 1}/${range.count}`,
      doc.page.margins.left,
      doc.page.height - 36,
      { lineBreak: false },
    );
  }
  doc.end();
  return done;
}
