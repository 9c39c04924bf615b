import type { Locale } from '@shinrai/core';
import ExcelJS from 'exceljs';
import { japanesePdf } from '../../platform/documents/fonts.ts';
import { heading, table } from '../../platform/documents/pdf-table.ts';
import { styleHeader } from '../../platform/documents/xlsx.ts';
import { coverageLabels, jstDay, ratePct, scorePct } from './coverage-labels.ts';
import type { CoverageDashboard } from './coverage-service.ts';

type Doc = PDFKit.PDFDocument;

type Cell = CoverageDashboard['overall'];

/** The lines of the 状況把握率 table: overall, by criticality, by tier. */
function coverageCells(d: CoverageDashboard, locale: Locale): [string, Cell][] {
  const t = coverageLabels(locale);
  return [
    [t.overall, d.overall],
    ...(['high', 'medium', 'low'] as const).map((k): [string, Cell] => [
      `${t.criticality}：${t.crit[k]}`,
      d.byCriticality[k],
    ]),
    ...d.byTier.map((x): [string, Cell] => [t.tierN(x.tier), x.cell]),
  ];
}

const note = (doc: Doc, text: string) =>
  doc.font('jp').fontSize(8.5).fillColor('#555555').text(text).fillColor('#000000').moveDown(0.3);

const more = (doc: Doc, locale: Locale, shown: number, count: number) => {
  if (count > shown) note(doc, coverageLabels(locale).more(count - shown));
};

/**
 * The supply-chain figures as PDF sections: coverage, overdue, weakest, ★ required vs held; the full report
 * (`brief: false`) adds the score distribution, the trend and the re-evaluation list. The board report
 * uses the brief form; with no supplier it says so in one line.
 */
export function coveragePdfSections(
  doc: Doc,
  d: CoverageDashboard,
  locale: Locale,
  opts: { brief: boolean; listLimit?: number },
): void {
  const t = coverageLabels(locale);
  const limit = opts.listLimit ?? (opts.brief ? 10 : 50);
  if (d.suppliers === 0) {
    doc.font('jp').fontSize(9).text(t.noSuppliers).moveDown();
    return;
  }
  heading(doc, t.coverage, 120);
  note(doc, t.coverageNote);
  table(
    doc,
    [
      { title: '', width: 200 },
      { title: t.total, width: 100, align: 'right' },
      { title: t.known, width: 100, align: 'right' },
      { title: t.rate, width: 99, align: 'right' },
    ],
    coverageCells(d, locale).map(([label, c]) => [label, String(c.total), String(c.known), ratePct(c.rate)]),
  );

  heading(doc, t.overdue, 80);
  if (d.overdue.count === 0) doc.font('jp').fontSize(9).text(t.noOverdue).moveDown();
  else {
    note(doc, t.overdueCount(d.overdue.count));
    const items = d.overdue.items.slice(0, limit);
    table(
      doc,
      [
        { title: t.supplier, width: 190 },
        { title: t.campaign, width: 160 },
        { title: t.deadline, width: 80 },
        { title: t.daysOverdue, width: 69, align: 'right' },
      ],
      items.map((o) => [o.supplierName, o.campaignTitle, o.deadline, String(o.daysOverdue)]),
    );
    more(doc, locale, items.length, d.overdue.count);
  }

  heading(doc, t.weakest, 80);
  note(doc, t.scoreDefinition);
  if (d.weakest.length === 0) doc.font('jp').fontSize(9).text(t.noScores).moveDown();
  else
    table(
      doc,
      [
        { title: t.supplier, width: 240 },
        { title: t.criticality, width: 70 },
        { title: t.score, width: 90, align: 'right' },
        { title: t.acceptedAt, width: 99 },
      ],
      d.weakest.map((w) => [
        w.supplierName,
        t.crit[w.criticality] ?? '',
        scorePct(w.percent),
        jstDay(w.acceptedAt),
      ]),
    );

  heading(doc, t.star, 60);
  if (d.star.length === 0) doc.font('jp').fontSize(9).text(t.noStar).moveDown();
  else {
    doc.font('jp').fontSize(9);
    for (const s of d.star) doc.text(`・${t.starLine(s.level, s.required, s.met)}`, { indent: 6 });
    doc.moveDown();
  }

  if (opts.brief) {
    note(doc, t.reevaluationNote(d.reevaluation.count));
    return;
  }

  heading(doc, t.distribution, 120);
  table(
    doc,
    [
      { title: t.band, width: 250 },
      { title: t.count, width: 249, align: 'right' },
    ],
    [
      ...d.distribution.bands.map((b) => [
        `${b.from}–${b.to}%${b.to === 100 ? '' : locale === 'ja' ? '未満' : ' (excl.)'}`,
        String(b.count),
      ]),
      [t.unscored, String(d.distribution.unscored)],
    ],
  );

  heading(doc, t.trend, 80);
  if (d.trend.length === 0) doc.font('jp').fontSize(9).text(t.noTrend).moveDown();
  else
    table(
      doc,
      [
        { title: t.campaign, width: 170 },
        { title: t.sentAt, width: 75 },
        { title: t.requests, width: 60, align: 'right' },
        { title: t.accepted, width: 60, align: 'right' },
        { title: t.acceptedRate, width: 64, align: 'right' },
        { title: t.meanScore, width: 70, align: 'right' },
      ],
      d.trend.map((p) => [
        p.title,
        jstDay(p.sentAt),
        String(p.requests),
        String(p.accepted),
        ratePct(p.rate),
        scorePct(p.meanScore),
      ]),
    );

  heading(doc, t.reevaluation, 80);
  if (d.reevaluation.count === 0) doc.font('jp').fontSize(9).text(t.noReevaluation).moveDown();
  else {
    note(doc, t.reevaluationNote(d.reevaluation.count));
    const items = d.reevaluation.items.slice(0, limit);
    table(
      doc,
      [
        { title: t.supplier, width: 300 },
        { title: t.criticality, width: 90 },
        { title: t.lastKnown, width: 109 },
      ],
      items.map((r) => [
        r.supplierName,
        t.crit[r.criticality] ?? '',
        r.knownSince ? jstDay(r.knownSince) : t.never,
      ]),
    );
    more(doc, locale, items.length, d.reevaluation.count);
  }
}

/** The coverage report as its own PDF (A4, Japanese fonts embedded). */
export function coverageToPdf(d: CoverageDashboard, orgName: string, locale: Locale): Promise<Buffer> {
  const t = coverageLabels(locale);
  const { doc, done } = japanesePdf({ Title: `${t.title} — ${orgName}`, Author: orgName });
  doc.font('jp-bold').fontSize(18).text(t.title);
  doc.moveDown(0.4).font('jp').fontSize(10);
  doc.text(`${t.organization}: ${orgName}`);
  doc.text(`${t.asOf}: ${jstDay(d.asOf)}`);
  doc.moveDown();
  coveragePdfSections(doc, d, locale, { brief: false });
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const { width, height, margins } = doc.page;
    const bottom = margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('jp').fontSize(8).fillColor('#888888');
    doc.text(`${t.page} ${i + 1} / ${range.count}`, margins.left, height - 30, {
      width: width - margins.left - margins.right,
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}

/** The coverage dashboard as .xlsx: one sheet per figure, every list whole up to the dashboard's cut. */
export async function coverageToXlsx(d: CoverageDashboard, locale: Locale): Promise<Buffer> {
  const t = coverageLabels(locale);
  const wb = new ExcelJS.Workbook();
  const sheet = (name: string, header: string[], rows: (string | number | null)[][]) => {
    const ws = wb.addWorksheet(name);
    ws.addRow(header);
    for (const r of rows) ws.addRow(r);
    styleHeader(ws);
    ws.columns.forEach((c) => (c.width = 18));
    ws.getColumn(1).width = 36;
  };
  const num = (r: number | null) => (r === null ? null : Math.round(r * 1000) / 10);
  sheet(
    t.sheets.coverage,
    ['', t.total, t.known, `${t.rate} (%)`],
    coverageCells(d, locale).map(([label, c]) => [label, c.total, c.known, num(c.rate)]),
  );
  sheet(
    t.sheets.overdue,
    [t.supplier, t.campaign, t.deadline, t.daysOverdue],
    d.overdue.items.map((o) => [o.supplierName, o.campaignTitle, o.deadline, o.daysOverdue]),
  );
  sheet(
    t.sheets.weakest,
    [t.supplier, t.criticality, `${t.score} (%)`, t.acceptedAt],
    [
      ...d.weakest.map((w) => [w.supplierName, t.crit[w.criticality] ?? '', w.percent, jstDay(w.acceptedAt)]),
      [],
      [t.scoreDefinition],
    ],
  );
  sheet(
    t.sheets.distribution,
    [t.band, t.count],
    [
      ...d.distribution.bands.map((b) => [`${b.from}–${b.to}`, b.count]),
      [t.unscored, d.distribution.unscored],
    ],
  );
  sheet(
    t.sheets.trend,
    [t.campaign, t.sentAt, t.requests, t.accepted, `${t.acceptedRate} (%)`, `${t.meanScore} (%)`],
    d.trend.map((p) => [p.title, jstDay(p.sentAt), p.requests, p.accepted, num(p.rate), p.meanScore]),
  );
  sheet(
    t.sheets.reevaluation,
    [t.supplier, t.criticality, t.lastKnown],
    d.reevaluation.items.map((r) => [
      r.supplierName,
      t.crit[r.criticality] ?? '',
      r.knownSince ? jstDay(r.knownSince) : t.never,
    ]),
  );
  sheet(
    t.sheets.star,
    ['★', t.starRequired, t.starHeld],
    d.star.map((s) => [`★${s.level}`, s.required, s.met]),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The board report's supply-chain sheet: coverage, overdue, weakest and ★ in one sheet (brief, like the PDF). */
export function coverageBoardSheet(wb: ExcelJS.Workbook, d: CoverageDashboard, locale: Locale): void {
  const t = coverageLabels(locale);
  const ws = wb.addWorksheet(t.section);
  ws.getColumn(1).width = 36;
  for (const c of [2, 3, 4]) ws.getColumn(c).width = 16;
  if (d.suppliers === 0) {
    ws.addRow([t.noSuppliers]);
    return;
  }
  const title = (s: string) => (ws.addRow([s]).font = { bold: true });
  title(t.coverage);
  ws.addRow(['', t.total, t.known, `${t.rate} (%)`]);
  for (const [label, c] of coverageCells(d, locale))
    ws.addRow([label, c.total, c.known, c.rate === null ? null : Math.round(c.rate * 1000) / 10]);
  ws.addRow([]);
  title(t.overdue);
  ws.addRow([t.overdueCount(d.overdue.count)]);
  ws.addRow([]);
  title(t.weakest);
  ws.addRow([t.scoreDefinition]);
  for (const w of d.weakest) ws.addRow([w.supplierName, t.crit[w.criticality] ?? '', w.percent]);
  ws.addRow([]);
  title(t.star);
  for (const s of d.star) ws.addRow([`★${s.level}`, s.required, s.met]);
  ws.addRow([t.reevaluationNote(d.reevaluation.count)]);
}
