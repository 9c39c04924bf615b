import { directiveGap } from '@shinrai/core/governance';
import type { Locale } from '@shinrai/core';
import { japanesePdf } from '../../../platform/documents/fonts.ts';
import type { BoardReport } from '../service.ts';
import { radarChart, trendChart } from './board-charts.ts';
import { assessmentLine, directiveNo, jstDate, jstDateTime, kpiText, L, num, pct } from './board-labels.ts';
import { heading, table } from './pdf-table.ts';

/** The board and investor report as PDF, Japanese or English, with Japanese text embedded. */
export function boardReportToPdf(r: BoardReport, locale: Locale): Promise<Buffer> {
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
  doc.moveDown();

  heading(doc, t.radar, 330);
  doc.font('jp').fontSize(8).fillColor('#555555').text(t.radarNote).fillColor('#000000');
  const top = doc.y + 24;
  radarChart(doc, left + width / 2 - 40, top + 125, 120, r.radar.axes, locale);
  doc.x = left;
  doc.y = top + 275;
  table(
    doc,
    [
      { title: t.directive, width: 215 },
      { title: t.current, width: 46, align: 'right' },
      { title: t.last, width: 46, align: 'right' },
      { title: t.target, width: 46, align: 'right' },
      { title: t.gap, width: 46, align: 'right' },
      { title: t.openActions, width: 50, align: 'right' },
      { title: t.doneActions, width: 50, align: 'right' },
    ],
    r.radar.axes.map((a) => [
      a.title[locale],
      pct(a.current),
      pct(a.previous),
      pct(a.target),
      num(directiveGap(a.current, a.target)),
      String(a.actions.open),
      String(a.actions.done),
    ]),
  );

  heading(doc, t.gaps);
  if (r.gaps.length === 0) doc.font('jp').fontSize(9).text(t.noGaps).moveDown();
  else {
    const byRef = new Map(r.radar.axes.map((a) => [a.ref, a]));
    table(
      doc,
      [
        { title: t.directive, width: 250 },
        { title: t.current, width: 55, align: 'right' },
        { title: t.target, width: 55, align: 'right' },
        { title: t.gap, width: 55, align: 'right' },
        { title: t.openActions, width: 84, align: 'right' },
      ],
      r.gaps.map((g) => [
        byRef.get(g.ref)?.title[locale] ?? g.ref,
        pct(g.current),
        pct(g.target),
        `${g.gap}`,
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

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc.font('jp').fontSize(8).fillColor('#888888');
    doc.text(`Shinrai — ${r.orgName} — ${t.page} ${i + 1}/${range.count}`, left, doc.page.height - 36, {
      lineBreak: false,
    });
  }
  doc.end();
  return done;
}
