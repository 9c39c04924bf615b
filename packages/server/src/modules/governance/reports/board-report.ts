import { directiveGap, formatLevel, formatPoints, type Locale } from '@shinrai/core';
import { japanesePdf } from '../../../platform/documents/fonts.ts';
import { supplyChainLabels, supplyChainPdfSection } from '../../supplychain/public.ts';
import type { ReportNotesView } from '../report-notes.ts';
import type { BoardReport } from '../service.ts';
import { radarChart, trendChart } from './board-charts.ts';
import { assessmentLine, directiveNo, jstDate, jstDateTime, kpiText, L, pct } from './board-labels.ts';
import { heading, table } from '../../../platform/documents/pdf-table.ts';

type Doc = PDFKit.PDFDocument;
const FINAL = new Set(['approved', 'locked']);

/** Whether the report is about an assessment that is not approved yet: every page then says DRAFT. */
export const isDraftReport = (r: BoardReport) =>
  r.radar.assessment !== null && !FINAL.has(r.radar.assessment.status);

/** Key figures in words: overall and its change, directives below target, actions. */
function keyFigures(r: BoardReport, locale: Locale): string[] {
  const t = L[locale];
  const a = r.radar.assessment;
  if (!a) return [];
  const prev = r.radar.previous;
  const diff = a.percent !== null && prev?.percent != null ? formatPoints(a.percent - prev.percent) : null;
  const worst = r.gaps[0];
  const below = r.radar.axes.filter((x) => (directiveGap(x.current, x.target) ?? 0) > 0).length;
  const worstAxis = worst ? r.radar.axes.find((x) => x.ref === worst.ref) : undefined;
  const totals = r.radar.axes.reduce(
    (s, x) => ({
      open: s.open + x.actions.open,
      done: s.done + x.actions.done,
      overdue: s.overdue + x.actions.overdue,
    }),
    { open: 0, done: 0, overdue: 0 },
  );
  return [
    t.overallLine(pct(a.percent), prev && prev.percent !== null ? pct(prev.percent) : null, diff),
    t.belowLine(
      below,
      worst && worstAxis ? `${t.short(directiveNo(worst.ref))}, ${formatPoints(-worst.gap)}` : null,
    ),
    t.actionsLine(totals.open, totals.overdue, totals.done),
  ];
}

/** The executive summary (key figures and the CISO's summary) and the CISO's commentary. */
function summarySection(doc: Doc, r: BoardReport, locale: Locale, notes: ReportNotesView | undefined) {
  const t = L[locale];
  heading(doc, t.execSummary, 160);
  const lines = keyFigures(r, locale);
  if (lines.length > 0) {
    doc.font('jp-bold').fontSize(9).text(t.keyFigures);
    doc.font('jp').fontSize(9);
    for (const line of lines) doc.text(`・${line}`, { indent: 6 });
    doc.moveDown(0.5);
  }
  const block = (title: string, body: string) => {
    doc.font('jp-bold').fontSize(9).fillColor('#000000').text(title);
    if (body.trim()) doc.font('jp').fontSize(9.5).text(body.trim(), { lineGap: 2 });
    else doc.font('jp').fontSize(9).fillColor('#868e96').text(t.notWritten).fillColor('#000000');
    doc.moveDown(0.5);
  };
  block(t.summaryText, notes?.summary ?? '');
  block(t.commentary, notes?.commentary ?? '');
  if (notes?.updatedAt && (notes.summary || notes.commentary)) {
    doc
      .font('jp')
      .fontSize(8)
      .fillColor('#555555')
      .text(t.writtenBy(notes.updatedBy?.displayName ?? '—', jstDate(notes.updatedAt, locale)), {
        align: 'right',
      })
      .fillColor('#000000');
  }
  doc.moveDown();
}

/** Page furniture on every page: a DRAFT watermark and tag for a draft, and "page n / total" in the footer. */
function stampPages(doc: Doc, r: BoardReport, locale: Locale) {
  const t = L[locale];
  const draft = isDraftReport(r);
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const { width, height, margins } = doc.page;
    // Writing below the bottom margin would make PDFKit start a new page: lift the margin while stamping.
    const bottom = margins.bottom;
    doc.page.margins.bottom = 0;
    if (draft) {
      doc.save();
      doc.rotate(-35, { origin: [width / 2, height / 2] });
      doc.font('jp-bold').fontSize(64).fillColor('#e03131').fillOpacity(0.12);
      doc.text(t.draftMark, 0, height / 2 - 40, { width, align: 'center', lineBreak: false });
      doc.restore();
      doc.font('jp-bold').fontSize(9).fillColor('#c92a2a').fillOpacity(1);
      doc.text(t.draftMark, margins.left, 20, {
        width: width - margins.left - margins.right,
        align: 'right',
        lineBreak: false,
      });
    }
    doc.font('jp').fontSize(8).fillColor('#888888').fillOpacity(1);
    doc.text(`Shinrai — ${r.orgName}`, margins.left, height - 30, { lineBreak: false });
    doc.text(`${t.page} ${i + 1} / ${range.count}`, margins.left, height - 30, {
      width: width - margins.left - margins.right,
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
}

/** The board and investor report as PDF, Japanese or English, with Japanese text embedded. */
export function boardReportToPdf(r: BoardReport, locale: Locale, notes?: ReportNotesView): Promise<Buffer> {
  const t = L[locale];
  const { doc, done } = japanesePdf({ Title: `${t.title} — ${r.orgName}`, Author: r.orgName });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;

  doc.font('jp-bold').fontSize(18).text(t.title);
  doc.font('jp').fontSize(9).fillColor('#555555').text(t.subtitle);
  doc.moveDown(0.6).fillColor('#000000').fontSize(10);
  doc.text(`${t.organization}: ${r.orgName}`);
  doc.text(`${t.printed}: ${jstDateTime(r.now, locale)}`);
  doc.text(`${t.assessment}: ${assessmentLine(r.radar.assessment, locale)}`);
  doc.text(`${t.previous}: ${assessmentLine(r.radar.previous, locale)}`);
  if (r.radar.assessment) doc.text(`${t.overall}: ${pct(r.radar.assessment.percent)}`);
  else doc.fillColor('#c92a2a').text(t.noAssessment).fillColor('#000000');
  if (isDraftReport(r))
    doc.font('jp-bold').fontSize(9).fillColor('#c92a2a').text(t.draftNote).fillColor('#000000');
  doc.moveDown();

  summarySection(doc, r, locale, notes);

  heading(doc, t.radar, 330);
  doc.font('jp').fontSize(8).fillColor('#555555').text(t.radarNote).fillColor('#000000');
  const top = doc.y + 24;
  radarChart(doc, left + width / 2 - 40, top + 125, 120, r.radar.axes, locale);
  doc.x = left;
  doc.y = top + 275;
  const level = (lv: number | null, p: number | null) =>
    lv === null ? '—' : t.levelPercent(formatLevel(lv), pct(p));
  table(
    doc,
    [
      { title: t.directive, width: 163 },
      { title: t.current, width: 62, align: 'right' },
      { title: t.last, width: 62, align: 'right' },
      { title: t.target, width: 62, align: 'right' },
      { title: t.gap, width: 66, align: 'right' },
      { title: t.openActions, width: 40, align: 'right' },
      { title: t.doneActions, width: 40, align: 'right' },
    ],
    r.radar.axes.map((a) => {
      const g = directiveGap(a.current, a.target);
      return [
        a.title[locale],
        level(a.currentLevel, a.current),
        level(a.previousLevel, a.previous),
        level(a.targetLevel, a.target),
        g === null ? '—' : formatPoints(-g),
        String(a.actions.open),
        String(a.actions.done),
      ];
    }),
  );

  heading(doc, t.gaps);
  if (r.gaps.length === 0) doc.font('jp').fontSize(9).text(t.noGaps).moveDown();
  else {
    const byRef = new Map(r.radar.axes.map((a) => [a.ref, a]));
    table(
      doc,
      [
        { title: t.directive, width: 240 },
        { title: t.current, width: 55, align: 'right' },
        { title: t.target, width: 55, align: 'right' },
        { title: t.gap, width: 75, align: 'right' },
        { title: t.openActions, width: 74, align: 'right' },
      ],
      r.gaps.map((g) => [
        byRef.get(g.ref)?.title[locale] ?? g.ref,
        pct(g.current),
        pct(g.target),
        formatPoints(-g.gap),
        String(byRef.get(g.ref)?.actions.open ?? 0),
      ]),
    );
  }

  heading(doc, t.actions);
  if (r.actions.length === 0) doc.font('jp').fontSize(9).text(t.noActions).moveDown();
  else
    table(
      doc,
      [
        { title: t.dirShort, width: 38 },
        { title: t.action, width: 158 },
        { title: t.owner, width: 66 },
        { title: t.due, width: 58 },
        { title: t.status, width: 80 },
        { title: t.kpi, width: 99 },
      ],
      r.actions.map((a) => [
        t.short(directiveNo(a.directive)),
        a.title,
        a.owner.displayName ?? '—',
        a.dueDate,
        `${t.actionStatus[a.status] ?? a.status}${a.overdue ? (locale === 'ja' ? `（${t.overdue}）` : ` (${t.overdue})`) : ''}`,
        kpiText(a.kpi),
      ]),
    );

  heading(doc, t.trend, 200);
  if (r.trend.length === 0) doc.font('jp').fontSize(9).text(t.noTrend).moveDown();
  else {
    const y = doc.y + 12;
    trendChart(doc, left + 30, y, width - 60, 110, r.trend, locale);
    doc.x = left;
    doc.y = y + 135;
    table(
      doc,
      [
        { title: t.date, width: 90 },
        { title: t.assessment, width: 220 },
        { title: t.status, width: 70 },
        { title: t.version, width: 50 },
        { title: t.percent, width: 69, align: 'right' },
      ],
      r.trend.map((p) => [
        jstDate(p.createdAt, locale),
        p.title,
        t.assessmentStatus[p.status] ?? p.status,
        p.catalogVersion,
        pct(p.percent),
      ]),
    );
  }

  // 指示9: the supply chain, from the supply-chain module (coverage, overdue, weakest, ★ required vs held).
  doc.addPage();
  doc
    .font('jp-bold')
    .fontSize(14)
    .fillColor('#000000')
    .text(t.supplyChain(supplyChainLabels(locale).section));
  doc.moveDown(0.4);
  supplyChainPdfSection(doc, r.supplyChain, locale, { brief: true });

  stampPages(doc, r, locale);
  doc.end();
  return done;
}
