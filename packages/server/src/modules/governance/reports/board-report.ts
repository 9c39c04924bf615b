import type { Locale } from '@shinrai/core';
import ExcelJS from 'exceljs';
import { japanesePdf } from '../../../platform/documents/fonts.ts';
import type { BoardReport, GovernanceAssessmentRef, RadarAxis } from '../service.ts';

const L = {
  ja: {
    title: 'サイバーセキュリティ経営 報告書',
    subtitle: '取締役会・投資家向け（サイバーセキュリティ経営ガイドライン 指示1〜10）',
    organization: '組織',
    printed: '作成日',
    assessment: '対象の評価',
    previous: '前回の評価',
    overall: '総合達成率',
    none: 'なし',
    noAssessment: 'サイバーセキュリティ経営ガイドラインの評価はまだありません。',
    radar: '指示別の成熟度（今回・前回・目標）',
    radarNote: '目盛りは成熟度レベル1〜5（達成率20〜100%）。',
    current: '今回',
    last: '前回',
    target: '目標',
    gap: '差',
    directive: '指示',
    dirShort: '指示',
    gaps: '優先課題（目標との差が大きい指示）',
    noGaps: '目標を下回っている指示はありません（目標が未設定の指示は含みません）。',
    openActions: '未完了',
    doneActions: '完了',
    overdueActions: '期限超過',
    actions: 'アクションプラン',
    noActions: 'アクションはまだありません。',
    action: 'アクション',
    owner: '担当',
    due: '期限',
    status: '状態',
    kpi: 'KPI',
    kpiTarget: 'KPI目標',
    kpiCurrent: 'KPI現在',
    overdue: '期限超過',
    trend: '推移（すべての評価の総合達成率）',
    noTrend: '評価はまだありません。',
    date: '作成日',
    version: '版',
    percent: '達成率(%)',
    level: '目標レベル',
    page: 'ページ',
    short: (n: number) => `指示${n}`,
    sheets: {
      summary: '概要',
      directives: '指示別',
      gaps: '優先課題',
      actions: 'アクションプラン',
      trend: '推移',
    },
    assessmentStatus: {
      draft: '下書き',
      in_review: 'レビュー中',
      approved: '承認済み',
      locked: 'ロック済み',
    } as Record<string, string>,
    actionStatus: {
      planned: '予定',
      in_progress: '実施中',
      done: '完了',
      cancelled: '中止',
    } as Record<string, string>,
  },
  en: {
    title: 'Cybersecurity management report',
    subtitle: 'For the board and investors (Cybersecurity Management Guidelines, directives 1–10)',
    organization: 'Organization',
    printed: 'Date',
    assessment: 'Assessment',
    previous: 'Previous assessment',
    overall: 'Overall achievement',
    none: 'None',
    noAssessment: 'There is no assessment of the Cybersecurity Management Guidelines yet.',
    radar: 'Maturity by directive (current, previous, target)',
    radarNote: 'Rings are maturity levels 1–5 (20–100 %).',
    current: 'Current',
    last: 'Previous',
    target: 'Target',
    gap: 'Gap',
    directive: 'Directive',
    dirShort: 'Dir.',
    gaps: 'Top gaps to target',
    noGaps: 'No directive is below its target (directives without a target are not included).',
    openActions: 'Open',
    doneActions: 'Done',
    overdueActions: 'Overdue',
    actions: 'Action plan',
    noActions: 'No action items yet.',
    action: 'Action',
    owner: 'Owner',
    due: 'Due',
    status: 'Status',
    kpi: 'KPI',
    kpiTarget: 'KPI target',
    kpiCurrent: 'KPI current',
    overdue: 'Overdue',
    trend: 'Trend (overall achievement of every assessment)',
    noTrend: 'No assessments yet.',
    date: 'Created',
    version: 'Version',
    percent: 'Percent',
    level: 'Target level',
    page: 'Page',
    short: (n: number) => `D${n}`,
    sheets: {
      summary: 'Summary',
      directives: 'Directives',
      gaps: 'Top gaps',
      actions: 'Action plan',
      trend: 'Trend',
    },
    assessmentStatus: {
      draft: 'Draft',
      in_review: 'In review',
      approved: 'Approved',
      locked: 'Locked',
    } as Record<string, string>,
    actionStatus: {
      planned: 'Planned',
      in_progress: 'In progress',
      done: 'Done',
      cancelled: 'Cancelled',
    } as Record<string, string>,
  },
} as const;

const COLORS = { current: '#1c7ed6', previous: '#868e96', target: '#e8590c', grid: '#c8c8c8' };

const jstDateTime = (d: Date, locale: Locale) =>
  new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-US', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Asia/Tokyo',
  }).format(d);
const jstDate = (iso: string, locale: Locale) =>
  new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-US', {
    dateStyle: 'medium',
    timeZone: 'Asia/Tokyo',
  }).format(new Date(iso));

const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 10) / 10}%`);
const num = (v: number | null) => (v === null ? '—' : String(v));
const directiveNo = (ref: string) => Number(ref.replace('directive-', ''));

function assessmentLine(a: GovernanceAssessmentRef | null, locale: Locale): string {
  const t = L[locale];
  if (!a) return t.none;
  const parts = [
    t.assessmentStatus[a.status] ?? a.status,
    jstDate(a.createdAt, locale),
    `v${a.catalogVersion}`,
  ];
  return locale === 'ja' ? `${a.title}（${parts.join('、')}）` : `${a.title} (${parts.join(', ')})`;
}

function kpiText(k: BoardReport['actions'][number]['kpi']): string {
  if (!k) return '';
  return `${k.text}: ${num(k.current)} / ${num(k.target)}`;
}

type Doc = PDFKit.PDFDocument;

/** Radar with vector paths: a ring per maturity level, polygons for current, previous and target. */
function radarChart(doc: Doc, cx: number, cy: number, r: number, axes: readonly RadarAxis[], locale: Locale) {
  const t = L[locale];
  const n = axes.length;
  const point = (i: number, f: number): [number, number] => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
    return [cx + Math.cos(angle) * r * f, cy + Math.sin(angle) * r * f];
  };
  doc.save().lineWidth(0.5).strokeColor(COLORS.grid);
  for (const ring of [0.2, 0.4, 0.6, 0.8, 1]) doc.polygon(...axes.map((_, i) => point(i, ring))).stroke();
  axes.forEach((_, i) =>
    doc
      .moveTo(cx, cy)
      .lineTo(...point(i, 1))
      .stroke(),
  );
  doc.restore();
  doc.font('jp').fontSize(6).fillColor('#999999');
  for (let level = 1; level <= 5; level++) {
    const [x, y] = point(0, level / 5);
    doc.text(String(level), x + 2, y - 7, { lineBreak: false });
  }

  const series = (
    pick: (a: RadarAxis) => number | null,
    color: string,
    opts: { fill?: boolean; dash?: boolean },
  ) => {
    const values = axes.map(pick);
    if (values.every((v) => v === null)) return;
    const pts = values.map((v, i) => (v === null ? null : point(i, Math.max(0, Math.min(1, v / 100)))));
    doc.save().strokeColor(color).fillColor(color).lineWidth(1.5);
    if (opts.dash) doc.dash(3, { space: 2 });
    const poly = pts.filter((p) => p !== null);
    if (poly.length === pts.length) {
      if (opts.fill)
        doc
          .polygon(...poly)
          .fillOpacity(0.18)
          .fillAndStroke();
      else doc.polygon(...poly).stroke();
    }
    doc.undash().fillOpacity(1);
    for (const p of pts) if (p) doc.circle(p[0], p[1], 1.8).fill();
    doc.restore();
  };
  series((a) => a.target, COLORS.target, { dash: false });
  series((a) => a.previous, COLORS.previous, { dash: true });
  series((a) => a.current, COLORS.current, { fill: true });

  doc.font('jp').fontSize(8).fillColor('#333333');
  axes.forEach((a, i) => {
    const [x, y] = point(i, 1.13);
    const label = t.short(directiveNo(a.ref));
    const w = doc.widthOfString(label);
    doc.text(label, x - w / 2, y - 5, { lineBreak: false });
  });

  // Legend, to the right of the chart.
  let ly = cy - r;
  const lx = cx + r + 40;
  for (const [label, color, dash] of [
    [t.current, COLORS.current, false],
    [t.last, COLORS.previous, true],
    [t.target, COLORS.target, false],
  ] as const) {
    doc.save().strokeColor(color).lineWidth(2);
    if (dash) doc.dash(3, { space: 2 });
    doc
      .moveTo(lx, ly + 5)
      .lineTo(lx + 18, ly + 5)
      .stroke();
    doc.restore();
    doc
      .font('jp')
      .fontSize(8)
      .fillColor('#333333')
      .text(label, lx + 24, ly, { lineBreak: false });
    ly += 14;
  }
  doc.fillColor('#000000');
}

/** Overall percent of every assessment over time: a polyline over a 0–100 % grid. */
function trendChart(
  doc: Doc,
  x0: number,
  y0: number,
  w: number,
  h: number,
  points: readonly GovernanceAssessmentRef[],
  locale: Locale,
) {
  doc.save().lineWidth(0.5).strokeColor(COLORS.grid);
  for (const f of [0, 0.5, 1]) {
    doc
      .moveTo(x0, y0 + h - f * h)
      .lineTo(x0 + w, y0 + h - f * h)
      .stroke();
  }
  doc.restore();
  doc.font('jp').fontSize(6).fillColor('#999999');
  for (const f of [0, 0.5, 1]) doc.text(`${f * 100}%`, x0 - 24, y0 + h - f * h - 4, { lineBreak: false });
  const step = points.length > 1 ? w / (points.length - 1) : 0;
  const xy = points.map((p, i) => ({
    x: points.length > 1 ? x0 + i * step : x0 + w / 2,
    y: p.percent === null ? null : y0 + h - (Math.max(0, Math.min(100, p.percent)) / 100) * h,
    p,
  }));
  const drawn = xy.filter((q): q is { x: number; y: number; p: GovernanceAssessmentRef } => q.y !== null);
  if (drawn.length > 1) {
    doc.save().strokeColor(COLORS.current).lineWidth(1.5);
    const [first, ...rest] = drawn;
    if (first) doc.moveTo(first.x, first.y);
    for (const q of rest) doc.lineTo(q.x, q.y);
    doc.stroke().restore();
  }
  for (const q of drawn) {
    doc.save().fillColor(COLORS.current).circle(q.x, q.y, 2.2).fill().restore();
    doc
      .font('jp')
      .fontSize(6)
      .fillColor('#333333')
      .text(pct(q.p.percent), q.x - 12, q.y - 10, { width: 24, align: 'center', lineBreak: false });
  }
  // Date labels, thinned out so they do not overlap.
  const every = Math.max(1, Math.ceil(points.length / 8));
  xy.forEach((q, i) => {
    if (i % every !== 0 && i !== xy.length - 1) return;
    doc
      .font('jp')
      .fontSize(6)
      .fillColor('#666666')
      .text(jstDate(q.p.createdAt, locale), q.x - 30, y0 + h + 4, {
        width: 60,
        align: 'center',
        lineBreak: false,
      });
  });
  doc.fillColor('#000000');
}

interface Column {
  title: string;
  width: number;
  align?: 'left' | 'right' | 'center';
}

/** A simple table; rows wrap inside their cells, the header repeats after a page break. */
function table(doc: Doc, cols: readonly Column[], rows: readonly string[][]) {
  const x0 = doc.page.margins.left;
  const total = cols.reduce((s, c) => s + c.width, 0);
  const pad = 3;
  const bottom = () => doc.page.height - doc.page.margins.bottom - 16;
  const height = (cells: readonly string[]) =>
    Math.max(
      ...cells.map((c, i) => doc.heightOfString(c || ' ', { width: (cols[i]?.width ?? 40) - 2 * pad })),
    ) +
    2 * pad;
  const draw = (cells: readonly string[], header: boolean) => {
    doc.font(header ? 'jp-bold' : 'jp').fontSize(8);
    const h = height(cells);
    if (doc.y + h > bottom()) {
      doc.addPage();
      if (!header)
        draw(
          cols.map((c) => c.title),
          true,
        );
      doc.font(header ? 'jp-bold' : 'jp').fontSize(8);
    }
    const y = doc.y;
    if (header) doc.save().rect(x0, y, total, h).fill('#f1f3f5').restore();
    let x = x0;
    cells.forEach((c, i) => {
      const col = cols[i];
      if (!col) return;
      doc
        .fillColor('#000000')
        .text(c, x + pad, y + pad, { width: col.width - 2 * pad, align: col.align ?? 'left' });
      x += col.width;
    });
    doc
      .save()
      .strokeColor('#dee2e6')
      .lineWidth(0.5)
      .moveTo(x0, y + h)
      .lineTo(x0 + total, y + h)
      .stroke()
      .restore();
    doc.x = x0;
    doc.y = y + h;
  };
  draw(
    cols.map((c) => c.title),
    true,
  );
  for (const r of rows) draw(r, false);
  doc.x = x0;
  doc.moveDown(0.8);
}

function heading(doc: Doc, text: string, needed = 100) {
  if (doc.y + needed > doc.page.height - doc.page.margins.bottom) doc.addPage();
  doc.x = doc.page.margins.left;
  doc.font('jp-bold').fontSize(12).fillColor('#000000').text(text);
  doc.moveDown(0.3);
}

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
      a.current === null || a.target === null ? '—' : `${Math.round((a.target - a.current) * 10) / 10}`,
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

/** The same report as .xlsx: summary, directives (the radar's data), top gaps, action plan, trend. */
export async function boardReportToXlsx(r: BoardReport, locale: Locale): Promise<Buffer> {
  const t = L[locale];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Shinrai';
  const header = (ws: ExcelJS.Worksheet, row: number) => {
    ws.getRow(row).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: row }];
  };
  const blank = (v: number | null) => (v === null ? '' : v);

  const sum = wb.addWorksheet(t.sheets.summary);
  sum.addRow([t.title]).font = { bold: true, size: 14 };
  sum.addRow([t.organization, r.orgName]);
  sum.addRow([t.printed, jstDateTime(r.now, locale)]);
  sum.addRow([t.assessment, assessmentLine(r.radar.assessment, locale)]);
  sum.addRow([t.previous, assessmentLine(r.radar.previous, locale)]);
  sum.addRow([t.overall, r.radar.assessment ? blank(r.radar.assessment.percent) : t.noAssessment]);
  sum.getColumn(1).width = 24;
  sum.getColumn(2).width = 80;

  const dir = wb.addWorksheet(t.sheets.directives);
  dir.addRow([
    'ID',
    t.directive,
    `${t.current}(%)`,
    `${t.last}(%)`,
    `${t.target}(%)`,
    t.level,
    t.gap,
    t.openActions,
    t.doneActions,
    t.overdueActions,
  ]);
  for (const a of r.radar.axes) {
    dir.addRow([
      a.ref,
      a.title[locale],
      blank(a.current),
      blank(a.previous),
      blank(a.target),
      blank(a.targetLevel),
      a.current === null || a.target === null ? '' : Math.round((a.target - a.current) * 10) / 10,
      a.actions.open,
      a.actions.done,
      a.actions.overdue,
    ]);
  }
  dir.getColumn(2).width = 50;
  header(dir, 1);

  const gaps = wb.addWorksheet(t.sheets.gaps);
  gaps.addRow(['ID', t.directive, `${t.current}(%)`, `${t.target}(%)`, t.gap, t.openActions]);
  const byRef = new Map(r.radar.axes.map((a) => [a.ref, a]));
  for (const g of r.gaps)
    gaps.addRow([
      g.ref,
      byRef.get(g.ref)?.title[locale] ?? g.ref,
      g.current,
      g.target,
      g.gap,
      byRef.get(g.ref)?.actions.open ?? 0,
    ]);
  gaps.getColumn(2).width = 50;
  header(gaps, 1);

  const act = wb.addWorksheet(t.sheets.actions);
  act.addRow(['ID', t.action, t.owner, t.due, t.status, t.overdue, t.kpi, t.kpiTarget, t.kpiCurrent]);
  for (const a of r.actions) {
    act.addRow([
      a.directive,
      a.title,
      a.owner.displayName ?? '',
      a.dueDate,
      t.actionStatus[a.status] ?? a.status,
      a.overdue ? '✔' : '',
      a.kpi?.text ?? '',
      blank(a.kpi?.target ?? null),
      blank(a.kpi?.current ?? null),
    ]);
  }
  act.getColumn(2).width = 50;
  act.getColumn(7).width = 40;
  header(act, 1);

  const trend = wb.addWorksheet(t.sheets.trend);
  trend.addRow([t.date, t.assessment, t.status, t.version, t.percent]);
  for (const p of r.trend)
    trend.addRow([
      jstDate(p.createdAt, locale),
      p.title,
      t.assessmentStatus[p.status] ?? p.status,
      p.catalogVersion,
      blank(p.percent),
    ]);
  trend.getColumn(2).width = 40;
  header(trend, 1);

  return Buffer.from(await wb.xlsx.writeBuffer());
}
